// sixlink/analysis/quota_optimisation.hpp — the next intake of every programme.
//
// Problem. Choose the intake q_p of every programme for an intake year Y. Its
// cohort graduates duration years later (the scenario's most common duration is
// the lag L) into the market of year Y + L, projected as in projection.hpp. In
// graduates g_p (the model's unit, integer in the network), the intake is
//     q_p(g) = q0_p + (g_p - g0_p) / c_p,    g0_p = round(q0_p c_p),
// exact at the current intake q0_p (c_p the completion rate). The model maximises
//
//   sum_{p,n} w(p, n) x(p, n)      graduates placed in the city (gap_analysis.hpp)
// + lambda sum_p y_p               graduates leaving, each worth lambda
// - eta sum_p g_p                  training: a graduate costs eta (default lambda +
//                                  0.05, so one who leaves is a small net loss)
// - rho sum_n (D_n - X_n)          unmet openings, X_n = sum_p x(p, n)
// - sum_p A_p(g_p)                 adjustment: kappa per graduate of change up to
//                                  `adjustment_step` x g0_p, 2 kappa beyond (convex)
//
// subject to g_p = sum_n x(p, n) + y_p + z_p (z: placed nowhere, worth 0),
// X_n <= D_n, and
//   bounds        q_p in [max(min_intake, (1 - delta) q0), min(max_intake, (1 + delta) q0)]
//                 (delta = `max_change`; a closed programme has q_p = 0), rounded
//                 inwards to whole graduates
//   capacity      per school: sum_p (s_p + q_p) <= capacity, where s_p are the students
//                 of earlier cohorts still enrolled in year Y (default (duration - 1) q0_p)
//   enrolment     sum_p (s_p + q_p) >= `total_enrolment`
//   budget        sum_p cost_per_student_p (s_p + q_p) <= `budget` (yuan a year)
//   level mix     secondary-specialty students / all students within
//                 [`min_secondary_share`, `max_secondary_share`]
//
// Algorithm. Without side constraints the model is a min-cost flow with convex
// piecewise-linear arcs. Each open programme supplies its upper bound hi_p; the
// seats it leaves unused, u_p = hi_p - g_p, go to its school on one arc per linear
// piece of A_p over [lo_p, hi_p] (each unit saves that piece's eta + slope;
// convexity fills them in order), and the school passes them to the sink, at least
// sum hi - capacity of them when its programmes share one completion rate (the
// capacity in graduates). The graduates flow on as in the gap model: programme ->
// demand node, outside (lambda) or sink (surplus); demand node -> sink with
// capacity D_n and bonus rho. Programmes as supply nodes keep the network simplex
// as fast as on the gap model's transportation problem. Enrolment, budget, level
// mix and the capacity of a school whose completion rates differ are side
// constraints, priced by Lagrange multipliers: Dantzig-Wolfe decomposition, whose
// master (a small dense LP over convex combinations of flows) sets the
// multipliers and whose subproblem is the flow with each graduate of p costing
// sum_i mu_i a_ip more (the engine flow/side_constrained_flow.hpp; each
// programme's graduates are one of its terms). It stops when no flow prices out,
// and returns the LP optimum, the multipliers (shadow prices) and an upper bound
// from the last subproblem (Lagrangian duality, up to the subproblem's cost
// rounding at 1e-9): bound - objective is the certificate of optimality. With binding side
// constraints the optimal intakes are a convex combination of at most (side
// constraints + 1) integral flows, so some may be fractional.
//
// Opening and closing are not convex (a programme runs at least its smallest
// viable cohort, or not at all). A programme may close when shrinking it by the
// most allowed would reach its smallest viable cohort. After the LP, a greedy
// pass at the final multipliers closes such programmes pinned at their lower
// bound, most of whose graduates leave, when closure raises the Lagrangian value
// (at most 200 tests, least-retained first), and opens candidate programmes
// (candidates.hpp) whose opening raises it; the LP is then solved again with those
// decisions fixed, and they are kept only if that LP is feasible and no worse. A
// closure that leaves openings of the programme's own region unmet that its
// specialty fits at >= 0.8 and that are worth more than leaving (w > lambda) is
// undone (the city's employers still need it; recommendations.hpp). The pass is
// a heuristic; the LP given the decisions is exact.
//
// Status. An infeasible problem names the constraint that cannot hold and by how
// much: a school whose lower bounds exceed its capacity, or a side constraint
// beyond what the bounds allow (found by optimising that constraint alone), or,
// if each can hold alone, the ones that conflict.
//
// Complexity. One network simplex solve per master iteration (warm-started; 15-20
// iterations with three binding side constraints on 10,000 programmes), on
// P + S + N + 2 nodes and about nnz(w) + 6 P + N + S arcs; benchmarks/README.md
// has times against HiGHS.
//
// References. G. B. Dantzig, P. Wolfe, "Decomposition principle for linear
// programs", Operations Research 8 (1960) 101-111; R. K. Ahuja, T. L. Magnanti,
// J. B. Orlin, Network Flows (1993), ch. 14 (convex cost flows) and ch. 16
// (Lagrangian relaxation).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

struct QuotaOptions {
  int year = 0;                           ///< intake year; 0: the base year + 1
  double max_change = 0.2;                ///< delta: largest yearly change, share of the intake
  double adjustment_cost = 0.02;          ///< kappa, value per graduate of change
  double adjustment_step = 0.1;           ///< changes beyond this share of the cohort cost 2 kappa
  double unmet_penalty = 0.1;             ///< rho, value lost per opening left unfilled
  std::optional<double> training_cost;    ///< eta; empty: lambda + 0.05
  std::optional<double> total_enrolment;  ///< students in year Y, at least
  std::optional<double> budget;           ///< yuan a year, at most
  std::optional<double> min_secondary_share;  ///< of the students in year Y
  std::optional<double> max_secondary_share;  ///< of the students in year Y
  bool allow_close = true;                    ///< programmes may close
  /// Candidate programmes to open (see candidates.hpp); not in the scenario.
  std::vector<Programme> candidates;
  /// Per scenario programme: the intake q0 the change is measured from; empty:
  /// the scenario's intakes.
  std::vector<double> previous_intake;
  /// Per scenario programme: students of earlier cohorts enrolled in year Y;
  /// empty: (duration - 1) x q0.
  std::vector<double> continuing_students;
  /// Per scenario programme: intake seats its pathway links commit it to in year Y
  /// (a floor on its intake); empty: the steady state, committed_seats(scenario)
  /// of progression.hpp. The rolling plan sets it from the lagged cohorts.
  std::vector<double> committed_seats;
  /// The market: lambda (calibrated on the base year when empty), mobility.
  /// Its year, outside share and tiers do not apply (one outside arc at lambda).
  GapOptions market;
  /// Openings per demand node replacing the projection's (robustness samples).
  std::vector<Count> openings;
  /// Weights w(p, n) in [0, 1] replacing the projection's, one per stored link in
  /// the order of its weight matrix (robustness samples: noise on the fits).
  std::vector<double> weights;
  int max_iterations = 500;  ///< master iterations
};

/// The library's one status (core/status.hpp); the quota optimiser reports
/// kOptimal, kInfeasible or kIterationLimit.
using QuotaStatus = Status;

enum class ConstraintSense { kAtMost, kAtLeast };

/// One side or capacity constraint at the solution.
struct QuotaConstraint {
  std::string name;  ///< "total_enrolment", "budget", "min_secondary_share",
                     ///< "max_secondary_share", "school_capacity:<id>"
  ConstraintSense sense = ConstraintSense::kAtMost;
  double value = 0.0;  ///< the left-hand side at the solution
  double limit = 0.0;  ///< the right-hand side
  bool binding = false;
  /// Side rows: the multiplier, the objective's gain per unit more room (>= 0).
  /// Empty for school capacities the network holds.
  std::optional<double> shadow_price;
};

struct QuotaProgramme {
  std::string id;
  std::string school;
  std::string specialty;
  std::string region;
  bool candidate = false;       ///< a programme to open, not in the scenario
  double current_intake = 0.0;  ///< q0
  double intake = 0.0;          ///< q_p at the optimum (0: closed or not opened)
  double lower = 0.0;           ///< intake bounds while open
  double upper = 0.0;
  bool open = true;        ///< runs in the plan
  double graduates = 0.0;  ///< g_p
  double current_graduates = 0.0;
  double placed_local = 0.0;
  double leaving = 0.0;
  double students = 0.0;  ///< s_p + q_p in year Y
};

/// One demand node (occupation, cluster, region) of the demand year's market, as
/// the plan's graduates fill it.
struct QuotaOpening {
  std::string occupation;  ///< occupation id
  std::string cluster;
  std::string region;
  Count openings = 0;
  double matched = 0.0;  ///< filled by the plan's graduates (an LP value)
  double unmet = 0.0;
};

struct QuotaResult {
  QuotaStatus status = QuotaStatus::kOptimal;
  std::string message;             ///< why not optimal, naming the constraint
  std::string binding_constraint;  ///< infeasible: the constraint's name
  double shortfall = 0.0;          ///< infeasible: by how much it cannot hold
  int year = 0;                    ///< intake year
  int demand_year = 0;             ///< year the cohort graduates into
  double outside_weight = 0.0;     ///< lambda
  double training_cost = 0.0;      ///< eta
  double objective = 0.0;          ///< the optimum, value units
  double upper_bound = 0.0;        ///< Lagrangian bound; = objective without side constraints
  double matched_value = 0.0;      ///< sum w x
  double unmet = 0.0;              ///< openings left unfilled
  double demand = 0.0;
  double graduates = 0.0;
  double placed_local = 0.0;
  double retention_rate = 0.0;  ///< placed_local / graduates in the model
  double adjustment = 0.0;      ///< sum A_p
  double enrolment = 0.0;       ///< students in year Y
  double cost = 0.0;            ///< yuan a year
  double secondary_share = 0.0;
  std::vector<QuotaProgramme> programmes;  ///< scenario order, then candidates
  std::vector<QuotaConstraint> constraints;
  /// The demand nodes, in the projection's order (empty without a plan).
  std::vector<QuotaOpening> occupations;
  int iterations = 0;  ///< master iterations (0 without side constraints)
  int flow_solves = 0;
};

/// lambda of the plan: `options.market.outside_weight`, else calibrated on the
/// base year's records (gap_analysis.hpp), else kDefaultOutsideWeight. Callers that
/// solve many plans (samples, horizons) fix it once with this.
double quota_outside_weight(const Scenario& scenario, const QuotaOptions& options);

/// The year an intake of `intake_year` graduates into: intake_year + the
/// scenario's most common programme duration.
int quota_demand_year(const Scenario& scenario, int intake_year);

/// Optimises the intakes of a validated scenario. Throws InvalidInput for
/// options out of range (named in the message).
QuotaResult optimise_quotas(const Scenario& scenario, const QuotaOptions& options = {});

/// Writes the LP of `optimise_quotas(scenario, options)` with the open/closed
/// decisions of `result` fixed, as free MPS. The writer belongs to the io layer:
/// new code includes sixlink/io/quota_mps.hpp, which documents the file. It stays
/// declared here (the same function; no io header is included) for the callers
/// of earlier releases, for one release.
void export_quota_mps(const Scenario& scenario, const QuotaOptions& options,
                      const QuotaResult& result, const std::string& path);

}  // namespace sixlink
