// The quota model (private): the LP of quota_optimisation.hpp as a
// side-constrained min-cost flow (flow/side_constrained_flow.hpp), shared by the
// optimiser (quota_optimisation.cpp), the open/close pass (open_close.cpp) and
// the MPS writer (io/quota_mps.cpp).
//
// The network is the market network in its inline layout (market_network.hpp:
// per programme its local arcs, its outside arc and its surplus arc; the node
// arcs at -rho; outside -> sink), followed by one node per school, the unused
// seats' arcs (programme -> school, one per linear piece of the adjustment cost
// over [lo, hi], at -(eta + slope)) and one arc per school to the sink (at least
// the unused seats its capacity forces). Programme p supplies hi_p while open,
// 0 when closed. Costs are round(1e6 x value), a value gained being a negative
// cost: the engine minimises cost / 1e6 = -(the objective's variable part).
//
// Term p of the engine is programme p's graduates, g_p = hi_p - sum of its
// unused seats (offset hi_p while open, 0 when closed), and each side row
// (enrolment, budget, level mix, the capacity of a school whose completion rates
// differ) is sum_p coef_p g_p over those terms, with its students' constant
// moved to the right-hand side (sync_rows()).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sixlink/analysis/projection.hpp"
#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/flow/side_constrained_flow.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink::detail {

/// A side constraint: sum_p coef_p g_p + sum_p per_student_p constant_p (sense) limit.
struct QuotaRow {
  std::string name;
  ConstraintSense sense = ConstraintSense::kAtMost;
  std::vector<double> coef;         ///< per programme, per graduate
  std::vector<double> per_student;  ///< per programme: weight of one student
  double limit = 0.0;
  std::optional<double> share;  ///< level-mix rows: the share they bound (the row is linear)
};

/// The network of the header and what the solver needs around it.
struct PlanModel {
  SupplyDemandGraph graph;
  Index programmes = 0, nodes = 0, schools = 0;
  Index outside = 0, sink = 0, first_school = 0;
  /// The network, its terms (one per programme) and the side rows.
  SideConstrainedFlow flow;
  // Per programme.
  std::vector<double> completion, q0, continuing, cost_per_student;
  std::vector<bool> secondary, candidate, open;
  std::vector<bool>
      may_close;  ///< shrinking by the most allowed reaches the smallest viable cohort
  std::vector<Count> g0, lo, hi, step;
  std::vector<Index> school_of;
  std::vector<Index> first_local, outside_arc, surplus_arc;
  std::vector<Index> first_unused_arc, unused_arcs;  ///< programme -> school: seats not filled
  std::vector<Flow> unused_capacity;                 ///< per unused arc, while open
  // Per school.
  std::vector<Index> school_arc;  ///< school -> sink: unused seats, at least what capacity forces
  std::vector<bool> uniform;      ///< one completion rate: capacity in the network
  std::vector<double> capacity;   ///< students (0: none)
  Index first_node_arc = 0;
  double eta = 0.0, lambda = 0.0, rho = 0.0, kappa = 0.0;
  std::vector<QuotaRow> rows;  ///< row r is the engine's row r

  double adjustment(Index p, double g) const;
  /// Students of programme p in year Y are constant + g / c.
  double student_constant(Index p) const;
  double intake(Index p, double g) const;
};

/// The model of a scenario and its options (checked), the candidates appended.
struct QuotaPlan {
  Scenario all;  ///< the scenario with the candidates
  PlanModel model;
};

/// Throws InvalidInput for options out of range (named in the message).
void check_quota_options(const QuotaOptions& options, const Scenario& scenario);
/// The most common programme duration (3 when there is none).
int most_common_duration(const Scenario& scenario);
/// Checks the options and builds the model at lambda = quota_outside_weight().
QuotaPlan build_quota_plan(const Scenario& scenario, const QuotaOptions& options);

/// Opens or closes programme p: an open one supplies hi_p graduates' seats.
void set_open(PlanModel& m, Index p, bool open);
/// Capacity of the uniform schools as the unused seats they must pass on. The
/// school's constraint name, and its shortfall, when the lower bounds of its open
/// programmes do not fit; empty otherwise.
std::string set_school_capacities(PlanModel& m, const Scenario& all, double& shortfall);
/// Per row: sum_p per_student_p constant_p (moves to the right-hand side).
double row_constant(const PlanModel& m, const QuotaRow& row);
/// The objective at u = 0 (every open programme at hi), less the penalty of all openings.
double objective_constant(const PlanModel& m);

/// g_p = hi_p - u_p while open, 0 when closed (on fractional combinations too).
template <class T>
double programme_graduates(const PlanModel& m, const std::vector<T>& flow, Index p) {
  const auto i = static_cast<std::size_t>(p);
  if (!m.open[i]) return 0.0;
  double unused = 0.0;
  for (Index a = m.first_unused_arc[i]; a < m.first_unused_arc[i] + m.unused_arcs[i]; ++a)
    unused += static_cast<double>(flow[static_cast<std::size_t>(a)]);
  return static_cast<double>(m.hi[i]) - unused;
}

/// The LP for the current open/closed decisions.
struct QuotaLp {
  bool ok = false;                 ///< a plan meets every constraint (optimal or at the limit)
  std::string failed;              ///< infeasible: the constraint's name
  double shortfall = 0.0;          ///< infeasible: by how much
  std::string message;             ///< infeasible: what cannot hold
  SideConstrainedFlowResult flow;  ///< the engine's result (none when a school cannot fit)

  bool at_limit() const { return flow.status == SideFlowStatus::kIterationLimit; }
  /// The objective's variable part (the engine minimises its negation).
  double objective() const { return -flow.objective; }
  double upper_bound() const { return -flow.bound; }
};

/// Solves the LP for the current decisions; counts the flow solves.
QuotaLp solve_quota_lp(PlanModel& m, const Scenario& all, int max_iterations, int& solves);
/// The Lagrangian value (full objective, constants included) at the engine's
/// multipliers `duals`: one flow solve.
double quota_lagrangian(PlanModel& m, std::span<const double> duals, int& solves);

}  // namespace sixlink::detail
