// Whole-student intakes within one student of the LP's (see the header for the rule).
#include "sixlink/analysis/intake_rounding.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/intake_bounds.hpp"
#include "detail/numbers.hpp"
#include "sixlink/analysis/progression.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kWhole = 1e-7;  // an LP value this close to a whole number is that number
constexpr double kRelativeTolerance = 1e-9;

// One row lo <= sum_p coef_p (s_p + x_p) <= hi.
struct Row {
  std::string name;
  double lo = -kInf;
  double hi = kInf;
  double value = 0.0;
  double scale = 0.0;      // largest |coef|: one student moves the row by at most this
  double magnitude = 0.0;  // sum |coef| (|s| + |x|), for the tolerance
  double tolerance() const {
    double t = std::max(1.0, magnitude);
    if (std::isfinite(lo)) t = std::max(t, std::abs(lo));
    if (std::isfinite(hi)) t = std::max(t, std::abs(hi));
    return kRelativeTolerance * t;
  }
  double excess(double v) const { return std::max({0.0, lo - v, v - hi}); }
  // The violation in students (0 within the tolerance).
  double violation(double v) const {
    const double e = excess(v);
    return e > tolerance() ? e / (scale > 0 ? scale : 1.0) : 0.0;
  }
};

struct Rows {
  std::vector<Row> rows;
  std::vector<std::vector<std::pair<std::size_t, double>>> terms;  // per programme: (row, coef)
};

Rows build_rows(const IntakeRoundingProblem& p, const std::vector<double>& x) {
  const std::size_t n = p.lp.size();
  Rows out;
  out.terms.resize(n);
  auto add = [&](std::string name, double lo, double hi, auto coef) {
    Row r;
    r.name = std::move(name);
    r.lo = lo;
    r.hi = hi;
    const std::size_t index = out.rows.size();
    for (std::size_t i = 0; i < n; ++i) {
      const double c = coef(i);
      if (c == 0.0) continue;
      out.terms[i].emplace_back(index, c);
      r.value += c * (p.continuing[i] + x[i]);
      r.scale = std::max(r.scale, std::abs(c));
      r.magnitude += std::abs(c) * (std::abs(p.continuing[i]) + std::max(1.0, std::abs(p.lp[i])));
    }
    out.rows.push_back(std::move(r));
  };
  for (std::size_t k = 0; k < p.capacity.size(); ++k) {
    if (!(p.capacity[k] > 0)) continue;
    add("school_capacity:" + (k < p.school_id.size() ? p.school_id[k] : std::to_string(k)), -kInf,
        p.capacity[k],
        [&](std::size_t i) { return p.school[i] == static_cast<Index>(k) ? 1.0 : 0.0; });
  }
  if (p.total_enrolment)
    add("total_enrolment", *p.total_enrolment, kInf, [](std::size_t) { return 1.0; });
  if (p.budget)
    add("budget", -kInf, *p.budget, [&](std::size_t i) { return p.cost_per_student[i]; });
  if (p.min_secondary_share) {
    const double a = *p.min_secondary_share;
    add("min_secondary_share", 0.0, kInf,
        [&](std::size_t i) { return (p.secondary[i] ? 1.0 : 0.0) - a; });
  }
  if (p.max_secondary_share) {
    const double a = *p.max_secondary_share;
    add("max_secondary_share", -kInf, 0.0,
        [&](std::size_t i) { return (p.secondary[i] ? 1.0 : 0.0) - a; });
  }
  return out;
}

void check_shape(const IntakeRoundingProblem& p) {
  const std::size_t n = p.lp.size();
  if (p.open.size() != n || p.lower.size() != n || p.upper.size() != n ||
      p.continuing.size() != n || p.school.size() != n || p.cost_per_student.size() != n ||
      p.secondary.size() != n)
    throw InvalidInput("intake rounding: every per-programme list must have " + std::to_string(n) +
                       " entries");
  for (std::size_t i = 0; i < n; ++i)
    if (p.school[i] < 0 || static_cast<std::size_t>(p.school[i]) >= p.capacity.size())
      throw InvalidInput("intake rounding: programme " + std::to_string(i) +
                         " has no school in the capacity list");
}

std::string name_of(const IntakeRoundingProblem& p, std::size_t i) {
  return i < p.programme.size() ? p.programme[i] : "programme " + std::to_string(i);
}

std::string shown(double x) { return detail::format_number(std::round(x * 1e6) / 1e6 + 0.0); }

std::string row_message(const Row& r) {
  const double v = r.value;
  if (v < r.lo) return r.name + " (" + shown(v) + " below " + shown(r.lo) + ")";
  return r.name + " (" + shown(v) + " above " + shown(r.hi) + ")";
}

struct Move {
  double gain = 0.0;       // change of the total violation (negative: better)
  double distance = kInf;  // sum |x_new - lp| of the moved intakes
  std::size_t first = 0, second = 0;
  bool pair = false;
};

bool better(const Move& a, const Move& b) {
  if (a.gain != b.gain) return a.gain < b.gain;
  if (a.distance != b.distance) return a.distance < b.distance;
  if (a.first != b.first) return a.first < b.first;
  return a.second < b.second;
}

}  // namespace

std::string_view to_string(IntakeRoundingStatus status) {
  switch (status) {
    case IntakeRoundingStatus::kRounded:
      return "rounded";
    case IntakeRoundingStatus::kLpKept:
      return "lp_kept";
  }
  return "?";
}

IntakeRoundingProblem intake_rounding_problem(const Scenario& s, const QuotaOptions& o,
                                              const QuotaResult& plan) {
  const std::size_t existing = s.programmes.size();
  const std::size_t n = existing + o.candidates.size();
  if (plan.programmes.size() != n)
    throw InvalidInput("intake rounding: the plan has " + std::to_string(plan.programmes.size()) +
                       " programmes, the scenario and its candidates " + std::to_string(n));
  std::unordered_map<std::string_view, Index> school_index;
  IntakeRoundingProblem p;
  for (const School& school : s.schools) {
    school_index.emplace(school.id, static_cast<Index>(p.capacity.size()));
    p.school_id.push_back(school.id);
    p.capacity.push_back(static_cast<double>(school.capacity));
  }
  const std::vector<double> committed =  // the model's floors
      o.committed_seats.empty() ? committed_seats(s) : o.committed_seats;
  std::unordered_map<std::string_view, bool> secondary;
  for (const Specialty& sp : s.specialties)
    secondary.emplace(sp.id, sp.level == SpecialtyLevel::kSecondary);
  for (std::size_t i = 0; i < n; ++i) {
    const bool candidate = i >= existing;
    const Programme& prog = candidate ? o.candidates[i - existing] : s.programmes[i];
    const QuotaProgramme& planned = plan.programmes[i];
    if (planned.id != prog.id)
      throw InvalidInput("intake rounding: plan row " + std::to_string(i) + " is '" + planned.id +
                         "', the scenario's programme '" + prog.id + "'");
    // The model's own bounds, in students, rounded inward to whole students.
    const detail::IntakeBounds bounds = detail::intake_bounds(
        prog, candidate, o, i, i < committed.size() ? committed[i] : 0.0);
    p.programme.push_back(prog.id);
    p.lp.push_back(planned.open ? planned.intake : 0.0);
    p.open.push_back(planned.open ? 1 : 0);
    p.lower.push_back(static_cast<Count>(std::ceil(bounds.lower - 1e-9)));
    p.upper.push_back(static_cast<Count>(std::floor(bounds.upper + 1e-9)));
    p.continuing.push_back(bounds.continuing);
    const auto school = school_index.find(prog.school);
    if (school == school_index.end())
      throw InvalidInput("intake rounding: programme '" + prog.id + "' names no known school");
    p.school.push_back(school->second);
    p.cost_per_student.push_back(prog.cost_per_student);
    const auto level = secondary.find(prog.specialty);
    p.secondary.push_back(level != secondary.end() && level->second ? 1 : 0);
  }
  p.total_enrolment = o.total_enrolment;
  p.budget = o.budget;
  p.min_secondary_share = o.min_secondary_share;
  p.max_secondary_share = o.max_secondary_share;
  return p;
}

std::string intake_violation(const IntakeRoundingProblem& p, const std::vector<double>& x) {
  check_shape(p);
  if (x.size() != p.lp.size())
    throw InvalidInput("intake rounding: " + std::to_string(x.size()) + " intakes for " +
                       std::to_string(p.lp.size()) + " programmes");
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!p.open[i] && x[i] != 0.0) return name_of(p, i) + ": closed, but intake " + shown(x[i]);
    if (!p.open[i]) continue;
    const double lo = static_cast<double>(p.lower[i]), hi = static_cast<double>(p.upper[i]);
    const double tol = kRelativeTolerance * std::max(1.0, std::abs(hi));
    if (x[i] < lo - tol || x[i] > hi + tol)
      return name_of(p, i) + ": intake " + shown(x[i]) + " outside its bounds [" +
             std::to_string(p.lower[i]) + ", " + std::to_string(p.upper[i]) + "]";
  }
  for (const Row& r : build_rows(p, x).rows)
    if (r.violation(r.value) > 0) return row_message(r);
  return {};
}

namespace {

// Enrolment, cost and secondary share of r.intake.
void set_totals(const IntakeRoundingProblem& p, IntakeRounding& r) {
  double secondary = 0.0;
  r.enrolment = r.cost = 0.0;
  for (std::size_t i = 0; i < p.lp.size(); ++i) {
    const double students = p.continuing[i] + r.intake[i];
    r.enrolment += students;
    r.cost += p.cost_per_student[i] * students;
    if (p.secondary[i]) secondary += students;
  }
  r.secondary_share = r.enrolment > 0 ? secondary / r.enrolment : 0.0;
}

// The local search over whole intakes: each intake is one of its two neighbours of the
// LP's value inside its bounds (down, up), and a move changes one intake or a pair.
struct Search {
  const IntakeRoundingProblem& p;
  std::vector<double> down, up, x;  // x: the current whole intakes
  Rows rows{};

  // Sets down, up and the start x (the nearest neighbour, halves up); the reason when
  // an intake has no whole neighbour, "" otherwise.
  std::string start() {
    const std::size_t n = p.lp.size();
    down.resize(n);
    up.resize(n);
    x.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const double v = p.lp[i];
      if (!std::isfinite(v)) return name_of(p, i) + ": the LP's intake is not a number";
      const double nearest = std::round(v);
      double d = std::floor(v), u = d + 1.0;
      if (std::abs(v - nearest) <= kWhole) d = u = nearest;
      if (!p.open[i]) {
        d = std::max(d, 0.0);
        u = std::min(u, 0.0);
      } else {
        d = std::max(d, static_cast<double>(p.lower[i]));
        u = std::min(u, static_cast<double>(p.upper[i]));
      }
      if (d > u)
        return name_of(p, i) + ": no whole intake within one student of " + shown(v) +
               (p.open[i] ? " lies in its bounds [" + std::to_string(p.lower[i]) + ", " +
                                std::to_string(p.upper[i]) + "]"
                          : " is 0, and it is closed");
      down[i] = d;
      up[i] = u;
      x[i] = std::clamp(std::floor(v + 0.5), d, u);  // halves up
    }
    rows = build_rows(p, x);
    return {};
  }

  double total_violation() const {
    double total = 0.0;
    for (const Row& r : rows.rows) total += r.violation(r.value);
    return total;
  }

  bool movable(std::size_t i) const { return down[i] != up[i] && !rows.terms[i].empty(); }

  Move single(std::size_t i) const {
    Move m;
    m.first = m.second = i;
    const double step = x[i] == down[i] ? 1.0 : -1.0;
    for (const auto& [r, c] : rows.terms[i]) {
      const Row& row = rows.rows[r];
      m.gain += row.violation(row.value + c * step) - row.violation(row.value);
    }
    m.distance = std::abs(x[i] + step - p.lp[i]);
    return m;
  }

  Move pair(std::size_t a, std::size_t b) const {  // a up, b down
    Move m;
    m.pair = true;
    m.first = a;
    m.second = b;
    std::vector<std::pair<std::size_t, double>> change;  // (row, delta), at most 10
    for (const auto& [r, c] : rows.terms[a]) change.emplace_back(r, c);
    for (const auto& [r, c] : rows.terms[b]) {
      auto it = std::find_if(change.begin(), change.end(),
                             [r = r](const auto& e) { return e.first == r; });
      if (it != change.end())
        it->second -= c;
      else
        change.emplace_back(r, -c);
    }
    for (const auto& [r, delta] : change) {
      const Row& row = rows.rows[r];
      m.gain += row.violation(row.value + delta) - row.violation(row.value);
    }
    m.distance = std::abs(x[a] + 1.0 - p.lp[a]) + std::abs(x[b] - 1.0 - p.lp[b]);
    return m;
  }

  void apply(std::size_t i) {
    const double step = x[i] == down[i] ? 1.0 : -1.0;
    x[i] += step;
    for (const auto& [r, c] : rows.terms[i]) rows.rows[r].value += c * step;
  }

  // The best improving move: a single one if any, else a pair (one up, one down).
  std::optional<Move> best_move() const {
    const std::size_t n = p.lp.size();
    std::optional<Move> best;
    auto consider = [&best](const Move& m) {
      if (m.gain < -1e-12 && (!best || better(m, *best))) best = m;
    };
    for (std::size_t i = 0; i < n; ++i)
      if (movable(i)) consider(single(i));
    if (best) return best;
    for (std::size_t a = 0; a < n; ++a) {
      if (x[a] != down[a] || !movable(a)) continue;
      for (std::size_t b = 0; b < n; ++b)
        if (b != a && x[b] == up[b] && movable(b)) consider(pair(a, b));
    }
    return best;
  }

  // Why the search stopped short: the rows still broken, and those binding at the LP.
  std::string failure() const {
    std::string broken, binding;
    for (const Row& r : rows.rows)
      if (r.violation(r.value) > 0) broken += (broken.empty() ? "" : ", ") + row_message(r);
    for (const Row& r : build_rows(p, p.lp).rows)
      if (std::min(std::abs(r.value - r.lo), std::abs(r.value - r.hi)) <= r.tolerance())
        binding += (binding.empty() ? "" : ", ") + r.name;
    return "no whole intakes within one student of the LP's satisfy " + broken +
           (binding.empty() ? std::string() : "; binding at the LP's intakes: " + binding);
  }
};

}  // namespace

IntakeRounding round_intakes(const IntakeRoundingProblem& p) {
  check_shape(p);
  const std::size_t n = p.lp.size();
  IntakeRounding out;
  out.intake_lp = p.lp;
  out.lower = p.lower;
  out.upper = p.upper;
  auto keep_lp = [&](std::string message) {
    out.status = IntakeRoundingStatus::kLpKept;
    out.intake = p.lp;
    out.moved = 0;
    out.message = std::move(message);
    set_totals(p, out);
    return out;
  };

  Search search{p, {}, {}, {}, {}};
  if (std::string why = search.start(); !why.empty()) return keep_lp(std::move(why));
  const std::vector<double> start = search.x;
  double total = search.total_violation();
  const std::size_t limit = 4 * n + 16;
  for (std::size_t steps = 0; total > 0 && steps < limit; ++steps) {
    const std::optional<Move> best = search.best_move();
    if (!best) break;
    search.apply(best->first);
    if (best->pair) search.apply(best->second);
    total = search.total_violation();
  }
  if (total > 0) return keep_lp(search.failure());
  out.intake = search.x;
  for (std::size_t i = 0; i < n; ++i) out.moved += search.x[i] != start[i];
  set_totals(p, out);
  return out;
}

IntakeRounding round_plan_intakes(const Scenario& scenario, const QuotaOptions& options,
                                  const QuotaResult& plan) {
  if (plan.status == QuotaStatus::kInfeasible) {
    IntakeRounding out;
    out.status = IntakeRoundingStatus::kLpKept;
    for (const auto& p : plan.programmes) out.intake_lp.push_back(p.intake);
    out.intake = out.intake_lp;
    out.message = "the plan is infeasible: no intakes to round";
    return out;
  }
  return round_intakes(intake_rounding_problem(scenario, options, plan));
}

}  // namespace sixlink
