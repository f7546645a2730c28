#include "sixlink/analysis/rolling_plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <map>
#include <string>

#include "detail/numbers.hpp"
#include "sixlink/analysis/progression.hpp"
#include "sixlink/core/error.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace sixlink {
namespace {

// Enrolment target of year t (see the header).
std::optional<double> enrolment_target(const Scenario& s, int year) {
  std::map<int, double> points;
  for (const auto& t : s.targets)
    if (t.indicator == Indicator::kEnrolment) points[t.year] = t.value;
  if (points.empty()) return std::nullopt;
  double enrolled = 0.0;
  for (const auto& p : s.programmes) enrolled += static_cast<double>(p.enrolled);
  points.emplace(s.base_year, enrolled);
  const auto after = points.lower_bound(year);
  if (after == points.end()) return points.rbegin()->second;
  if (after->first == year || after == points.begin()) return after->second;
  const auto before = std::prev(after);
  const double share = static_cast<double>(year - before->first) / (after->first - before->first);
  return before->second + share * (after->second - before->second);
}

std::optional<double> target(const Scenario& s, Indicator indicator, int year) {
  for (const auto& t : s.targets)
    if (t.indicator == indicator && t.year == year) return t.value;
  return std::nullopt;
}

}  // namespace

RollingPlan plan_horizon(const Scenario& s, const RollingPlanOptions& options) {
  const int first = options.first_year == 0 ? s.base_year + 1 : options.first_year;
  int last = options.last_year;
  if (last == 0) {
    last = first;
    for (const auto& t : s.targets) last = std::max(last, t.year);
  }
  if (first <= s.base_year || last < first || last > s.base_year + 50)
    throw InvalidInput("plan years must satisfy base year < first <= last <= base year + 50, got " +
                       std::to_string(first) + " to " + std::to_string(last));
  const std::size_t n = s.programmes.size();
  RollingPlan plan;
  for (const auto& p : s.programmes) plan.programmes.push_back(p.id);
  QuotaOptions q = options.quotas;
  q.candidates.clear();                                  // the horizon adjusts existing programmes
  q.market.outside_weight = quota_outside_weight(s, q);  // once for every plan solved
  plan.outside_weight = *q.market.outside_weight;
  // intake(year) for every year before `first` is the scenario's.
  auto intake = [&](int year, std::size_t p) {
    if (year < first) return static_cast<double>(s.programmes[p].intake);
    return plan.intakes[static_cast<std::size_t>(year - first)][p];
  };
  ProgressReporter progress(options.progress, "years", last - first + 1);
  for (int year = first; year <= last; ++year) {
    progress.check();  // a sink that threw stops the plan here
    QuotaOptions o = q;
    o.year = year;
    o.previous_intake.assign(n, 0.0);
    o.continuing_students.assign(n, 0.0);
    // Pathway seats come from the cohort of the lower programme that graduates now.
    std::vector<double> graduating(n);
    for (std::size_t p = 0; p < n; ++p) graduating[p] = intake(year - s.programmes[p].duration, p);
    o.committed_seats = committed_seats(s, graduating);
    for (std::size_t p = 0; p < n; ++p) {
      o.previous_intake[p] = intake(year - 1, p);
      for (int k = 1; k < s.programmes[p].duration; ++k)
        o.continuing_students[p] += intake(year - k, p);
      if (o.continuing_students[p] > static_cast<double>(kMaxCount))
        throw InvalidInput("programme '" + s.programmes[p].id + "': its cohorts before " +
                           std::to_string(year) + " hold " +
                           detail::format_number(o.continuing_students[p]) +
                           " students, beyond the 10^12 a plan can count");
    }
    PlanYear row;
    row.year = year;
    row.enrolment_target =
        options.quotas.total_enrolment ? options.quotas.total_enrolment : enrolment_target(s, year);
    o.total_enrolment = row.enrolment_target;
    // The year's target, or the most the bounds allow (the shortfall recorded).
    const auto solve_year = [&] {
      QuotaResult r = optimise_quotas(s, o);
      if (r.status == QuotaStatus::kInfeasible && r.binding_constraint == "total_enrolment") {
        row.enrolment_shortfall = r.shortfall;
        o.total_enrolment = *row.enrolment_target - r.shortfall * (1.0 + 1e-9);
        r = optimise_quotas(s, o);
      }
      return r;
    };
    QuotaResult r = solve_year();
    // A school filled by earlier years' cohorts can leave no intake within the
    // change bounds: the year is solved again with any shrink allowed, and says so.
    if (r.status == QuotaStatus::kInfeasible &&
        r.binding_constraint.rfind("school_capacity:", 0) == 0) {
      const std::string why = r.message;
      o.max_change = 1.0;
      r = solve_year();
      if (r.status == QuotaStatus::kOptimal)
        r.message = "solved with any change of intake allowed: " + why;
    }
    row.status = r.status;
    row.message = r.message;
    row.objective = r.objective;
    std::vector<double> intakes(n);
    for (std::size_t p = 0; p < n; ++p)
      intakes[p] =
          r.status == QuotaStatus::kInfeasible ? o.previous_intake[p] : r.programmes[p].intake;
    plan.intakes.push_back(std::move(intakes));
    for (std::size_t p = 0; p < n; ++p) row.intake += plan.intakes.back()[p];
    plan.years.push_back(std::move(row));
    progress.advance();
  }
  progress.finish();
  // Indicators from the cohorts: one gap analysis per year, each on its own
  // copy of the scenario, so the years run in parallel (the projection's own
  // threads then run one each); the rows are the same at any thread count.
  const auto years = static_cast<std::int64_t>(plan.years.size());
  std::vector<std::exception_ptr> failed(plan.years.size());
#ifdef _OPENMP
  const int threads = q.market.threads > 0 ? q.market.threads : omp_get_max_threads();
#endif
#pragma omp parallel for schedule(dynamic) num_threads(threads) if (years > 1)
  for (std::int64_t y = 0; y < years; ++y) {
    try {
      PlanYear& row = plan.years[static_cast<std::size_t>(y)];
      Scenario graduating = s;
      for (std::size_t p = 0; p < n; ++p) {
        double students = 0.0;
        for (int k = 0; k < s.programmes[p].duration; ++k) students += intake(row.year - k, p);
        row.enrolment += students;
        graduating.programmes[p].intake =
            static_cast<Count>(std::llround(intake(row.year - s.programmes[p].duration, p)));
      }
      GapOptions market = q.market;
      market.year = row.year;
      const GapReport gap = gap_analysis(graduating, market);
      row.graduates = static_cast<double>(gap.city.graduates);
      row.retention_rate = gap.city.retention_rate;
      row.match_rate = gap.city.match_rate;
      row.retention_target = target(s, Indicator::kRetentionRate, row.year);
    } catch (...) {
      failed[static_cast<std::size_t>(y)] = std::current_exception();
    }
  }
  for (const std::exception_ptr& e : failed)  // the first year's error, as a serial loop
    if (e) std::rethrow_exception(e);
  return plan;
}

}  // namespace sixlink
