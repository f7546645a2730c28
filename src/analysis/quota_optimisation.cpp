#include "sixlink/analysis/quota_optimisation.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/market_network.hpp"
#include "analysis/open_close.hpp"
#include "analysis/quota_model.hpp"
#include "detail/numbers.hpp"

// The public entry points of the quota optimiser: the model is quota_model.cpp,
// its solver flow/side_constrained_flow.hpp, the open/close pass open_close.cpp,
// the MPS writer io/quota_mps.cpp.
namespace sixlink {

double quota_outside_weight(const Scenario& s, const QuotaOptions& o) {
  if (o.market.outside_weight) return *o.market.outside_weight;
  GapOptions calibration = o.market;
  calibration.year = 0;
  return calibrate_outside_weight(s, calibration).value_or(kDefaultOutsideWeight);
}

int quota_demand_year(const Scenario& s, int intake_year) {
  return intake_year + detail::most_common_duration(s);
}

namespace {

// The programmes' rows and the totals they sum to, from the combined flow.
void report_programmes(const detail::PlanModel& m, const Scenario& all, bool ok,
                       const std::vector<double>& flow, QuotaResult& result) {
  std::unordered_map<std::string_view, std::string_view> school_region;
  for (const auto& school : all.schools) school_region.emplace(school.id, school.region);
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    const Programme& prog = all.programmes[i];
    QuotaProgramme row;
    row.id = prog.id;
    row.school = prog.school;
    row.specialty = prog.specialty;
    row.region = std::string(school_region.at(prog.school));
    row.candidate = m.candidate[i];
    row.open = m.open[i];
    row.current_intake = m.q0[i];
    row.current_graduates = static_cast<double>(m.g0[i]);
    row.lower = m.q0[i] + static_cast<double>(m.lo[i] - m.g0[i]) / m.completion[i];
    row.upper = m.q0[i] + static_cast<double>(m.hi[i] - m.g0[i]) / m.completion[i];
    row.graduates = detail::programme_graduates(m, flow, p);
    row.intake = ok ? std::max(0.0, m.intake(p, row.graduates)) : row.current_intake;
    for (Index a = m.first_local[i]; a < m.outside_arc[i]; ++a)
      row.placed_local += flow[static_cast<std::size_t>(a)];
    row.leaving = flow[static_cast<std::size_t>(m.outside_arc[i])];
    row.students = m.student_constant(p) + (m.open[i] ? row.graduates / m.completion[i] : 0.0);
    for (Index a = m.first_local[i]; a < m.outside_arc[i]; ++a)
      result.matched_value += flow[static_cast<std::size_t>(a)] *
                              -static_cast<double>(m.flow.cost(a)) / detail::kMarketScale;
    result.graduates += row.graduates;
    result.placed_local += row.placed_local;
    result.adjustment += m.open[i] ? m.adjustment(p, row.graduates) : m.adjustment(p, 0.0);
    result.enrolment += row.students;
    result.cost += row.students * m.cost_per_student[i];
    if (m.secondary[i]) result.secondary_share += row.students;
    result.programmes.push_back(std::move(row));
  }
  for (Index n = 0; n < m.nodes; ++n) {
    const auto i = static_cast<std::size_t>(n);
    const double filled = flow[static_cast<std::size_t>(m.first_node_arc + n)];
    result.demand += static_cast<double>(m.graph.openings[i]);
    result.unmet += static_cast<double>(m.graph.openings[i]) - filled;
    if (!ok) continue;
    result.occupations.push_back(
        {all.occupations[static_cast<std::size_t>(m.graph.node_occupation[i])].id,
         m.graph.cluster_ids[static_cast<std::size_t>(m.graph.node_cluster[i])],
         all.regions[static_cast<std::size_t>(m.graph.node_region[i])].id, m.graph.openings[i],
         filled, static_cast<double>(m.graph.openings[i]) - filled});
  }
  result.secondary_share = result.enrolment > 0 ? result.secondary_share / result.enrolment : 0.0;
  result.retention_rate = result.graduates > 0 ? result.placed_local / result.graduates : 0.0;
}

// Constraints: side rows, then school capacities held by the network.
void report_constraints(const detail::PlanModel& m, const Scenario& all, const detail::QuotaLp& lp,
                        const std::vector<double>& flow, QuotaResult& result) {
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    const detail::QuotaRow& row = m.rows[r];
    QuotaConstraint c;
    c.name = row.name;
    c.sense = row.sense;
    c.limit = row.limit;
    c.value = detail::row_constant(m, row);
    for (Index p = 0; p < m.programmes; ++p)
      c.value += row.coef[static_cast<std::size_t>(p)] *
                 result.programmes[static_cast<std::size_t>(p)].graduates;
    c.binding =
        std::abs(c.value - c.limit) <= 1e-6 * std::max({1.0, result.enrolment, std::abs(c.limit)});
    if (row.share) {  // report the share itself
      c.value = result.secondary_share;
      c.limit = *row.share;
    }
    if (lp.ok && r < lp.flow.duals.size()) c.shadow_price = std::abs(lp.flow.duals[r]);
    result.constraints.push_back(std::move(c));
  }
  for (Index k = 0; k < m.schools; ++k) {
    const auto i = static_cast<std::size_t>(k);
    if (!m.uniform[i] || m.capacity[i] <= 0) continue;
    QuotaConstraint c;
    c.name = "school_capacity:" + all.schools[i].id;
    c.limit = m.capacity[i];
    for (Index p = 0; p < m.programmes; ++p)
      if (m.school_of[static_cast<std::size_t>(p)] == k)
        c.value += result.programmes[static_cast<std::size_t>(p)].students;
    const Flow forced = m.flow.network().lower(m.school_arc[i]);
    c.binding =
        lp.ok && forced > 0 &&
        flow[static_cast<std::size_t>(m.school_arc[i])] <= static_cast<double>(forced) + 1e-9;
    result.constraints.push_back(std::move(c));
  }
}

}  // namespace

QuotaResult optimise_quotas(const Scenario& s, const QuotaOptions& o) {
  detail::QuotaPlan plan = detail::build_quota_plan(s, o);
  detail::PlanModel& m = plan.model;
  int solves = 0;
  detail::QuotaLp lp = detail::solve_quota_lp(m, plan.all, o.max_iterations, solves);
  detail::open_and_close(m, plan.all, o, lp, solves);
  QuotaResult result;
  result.year = o.year == 0 ? s.base_year + 1 : o.year;
  result.demand_year = m.graph.year;
  result.outside_weight = m.lambda;
  result.training_cost = m.eta;
  result.flow_solves = solves;
  result.iterations = lp.at_limit() ? 0 : lp.flow.iterations;
  if (!lp.ok) {
    result.status = QuotaStatus::kInfeasible;
    result.binding_constraint = lp.failed;
    result.shortfall = lp.shortfall;
    result.message = lp.message;
  } else if (lp.at_limit()) {
    result.status = QuotaStatus::kIterationLimit;
    result.message = "the master problem did not converge in " + std::to_string(o.max_iterations) +
                     " iterations; the bound is " + detail::format_number(lp.upper_bound());
  }
  // The solution: the master's convex combination of flows.
  const std::vector<double> none(static_cast<std::size_t>(m.flow.arc_count()), 0.0);
  const std::vector<double>& flow = lp.ok ? lp.flow.flow : none;
  const double constant = detail::objective_constant(m);
  if (lp.ok) {
    result.objective = lp.objective() + constant;
    result.upper_bound = lp.upper_bound() + constant;
  }
  report_programmes(m, plan.all, lp.ok, flow, result);
  if (!lp.ok) {  // no plan: the rows keep the current intakes, the totals stay zero
    result.enrolment = result.cost = result.secondary_share = result.adjustment = 0.0;
    result.unmet = result.demand = 0.0;
    return result;
  }
  report_constraints(m, plan.all, lp, flow, result);
  return result;
}

}  // namespace sixlink
