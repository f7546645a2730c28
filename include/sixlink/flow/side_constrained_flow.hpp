// sixlink/flow/side_constrained_flow.hpp — min-cost flow with side constraints,
// by Dantzig-Wolfe decomposition over the network simplex.
//
// Problem. A MinCostFlow network (min_cost_flow.hpp: supplies b_v, integer bounds
// l_a <= x_a <= u_a, integer costs c_a) and R side rows
//     g_r(x) = sum_k A_rk t_k(x)   (<= or >=)   d_r,
// written over terms, linear functions of the flow
//     t_k(x) = o_k + s_k sum_{a in T_k} x_a      (s_k = +1 or -1, o_k an offset).
// A row given as (arc, coefficient) pairs is sum_a A_ra x_a: each of its arcs is
// a term of its own (o = 0, s = +1). Terms let a model constrain a quantity it
// computes from several arcs (the quota model's graduates of a programme: its
// upper bound less the unused seats on up to four arcs) with the arithmetic it
// reports the quantity with: the engine evaluates A_rk t_k(x), not
// sum_a A_rk s_k x_a, which rounds differently. The problem is
//     minimise  f(x) = sum_a c_a x_a / U          (U: the cost unit, > 0)
// over the flows of the network that satisfy every row. It is a linear programme:
// the network's flows form an integral polytope, so its optimum is a convex
// combination of integral flows, and the engine returns one in which at most
// R + 1 of them have a positive weight (fractional where rows bind).
//
// Conventions. The engine MINIMISES. Its row multipliers are the derivatives of
// the optimum, y_r = d f* / d d_r: y_r <= 0 on a row "<=" (more room lowers the
// cost), y_r >= 0 on a row ">=". The Lagrangian of multipliers y is
//     L(y) = min_x [ f(x) - sum_r y_r (g_r(x) - d_r) ]     (x: the network's flows),
// a lower bound on f* for every y of those signs. A result carries the objective
// f(xbar) at the combined flow xbar = sum_j lambda_j x^j and the bound L(y) at
// its multipliers: 0 <= objective - bound is the certificate of optimality
// (verify/side_constrained_certificate.hpp checks it with the flow's feasibility
// and the rows). The implementation computes in gains, -cost (it maximises the
// gain), the sign of the quota model it was taken from, and negates at the
// boundary: negation is exact in IEEE arithmetic, so a model that maximises a
// value gets its own figures back bit for bit by negating them again.
//
// Algorithm (Dantzig and Wolfe). The master problem is a linear programme over
// the convex combinations of the flows found so far (columns):
//     min sum_j lambda_j f(x^j)  s.t.  sum_j lambda_j g_r(x^j) (<= or >=) d_r,
//     sum_j lambda_j = 1, lambda >= 0,
// solved by a dense two-phase revised simplex (src/detail/dense_lp.hpp) with each
// row divided by max(1, |d_r|, |g_r(x^1)|) and the costs by max(1, |f(x^1)|), x^1
// being the first column (the flow of least cost, rows ignored). Its multipliers
// price the subproblem: the network with every arc of term k costing
// -s_k pi_k more, pi_k = sum_r y_r A_rk, whose optimum is a new column. The loop
// stops when no column prices out (reduced cost >= -1e-9 max(1, |objective|)),
// when a column repeats (no progress possible at the pricing's precision), or
// after max_iterations master solves. The last subproblem gives the bound:
// bound = objective + min(0, reduced cost). While the master is infeasible, it
// minimises the rows' scaled violations (phase one) and the subproblem is priced
// by those multipliers alone (objective weight 0), finding the flow that reduces
// the violation most; when none does the problem is infeasible, and each row is
// then optimised alone (the least g_r for "<=", the most for ">=", at prices
// divided by the row's largest |coefficient|, so a row of large coefficients stays
// within the engine's ranges) to say which rows cannot hold even alone.
//
// Integer costs. The subproblem's costs are integers: the unpriced costs are
// c_a F, the priced ones round((c_a / U - s_k pi_k) U F), with F the largest of
// max_cost_factor, max_cost_factor / 10, ..., 1 that keeps (n + 2) M U F < 2^59
// and path_arcs B M U F < 2^61, M being max|c_a| / U plus the largest |pi_k| and
// B the total supply (a margin below the network simplex's own ranges).
// Multipliers are not round numbers, so the subproblem is exact up to 1 / (2 U F)
// per arc and unit of flow; the bound carries that error, never the objective,
// which is evaluated on the original costs in exact 128-bit integers. A
// subproblem out of range is the status kOutOfRange.
//
// Warm starts. The engine keeps the network and its basis between solves:
// supplies, bounds, costs, term offsets and right-hand sides may change (a model
// that opens or closes parts of the network), and each subproblem resumes from
// the last one (min_cost_flow.hpp). Re-pricing at the multipliers of the last
// solve (lagrangian()) sets no cost again.
//
// Complexity. One warm-started network simplex per master iteration (typically
// tens for a few binding rows), plus O(J m) per iteration to compare the new
// column with the J kept ones on m arcs, O(K + nnz(A)) to price and evaluate a
// column, and the master: O(J (R + 1)^2) per simplex pivot on J columns.
//
// References. G. B. Dantzig, P. Wolfe, "Decomposition principle for linear
// programs", Operations Research 8 (1960) 101-111; R. K. Ahuja, T. L. Magnanti,
// J. B. Orlin, Network Flows (1993), ch. 16 (Lagrangian relaxation and network
// optimisation).
//
// Usage:
//   sixlink::MinCostFlow net(3);                       // 0 -> 1 -> 2, and 0 -> 2
//   net.set_supply(0, 4);
//   net.set_supply(2, -4);
//   const Index cheap = net.add_arc(0, 1, 4, 1);
//   net.add_arc(1, 2, 4, 1);
//   net.add_arc(0, 2, 4, 3);
//   sixlink::SideConstrainedFlow problem(std::move(net));
//   const sixlink::ArcCoefficient row[] = {{cheap, 1.0}};
//   problem.add_row(sixlink::SideRowSense::kAtMost, 1.5, row);  // x_cheap <= 1.5
//   auto result = problem.solve();  // kOptimal, objective 1.5 * 2 + 2.5 * 3 = 10.5
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/core/status.hpp"
#include "sixlink/core/types.hpp"
#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink {

enum class SideRowSense {
  kAtMost,   ///< g_r(x) <= d_r
  kAtLeast,  ///< g_r(x) >= d_r
};

/// The engine's outcome, the library's one status (core/status.hpp):
/// kOptimal (objective and bound agree, see above), kInfeasible (no flow meets
/// the rows, or the network has no flow at all), kUnbounded (the network's cost
/// falls without limit), kIterationLimit (max_iterations master solves;
/// `feasible` says what was reached), kOutOfRange (a subproblem's integer costs
/// leave the engine's ranges).
using SideFlowStatus = Status;

struct ArcCoefficient {
  Index arc = 0;
  double coefficient = 0.0;
};

struct TermCoefficient {
  Index term = 0;
  double coefficient = 0.0;
};

struct SideConstrainedFlowOptions {
  int max_iterations = 500;  ///< master solves, >= 1
  /// The finest refinement F of the subproblem's costs (see the header), >= 1.
  double max_cost_factor = 1000.0;
  /// Arcs on the longest path one unit of flow takes, for the range of the total
  /// cost; 0: the node count (always safe).
  double path_arcs = 0.0;
  /// When infeasible, optimise each row alone (one flow solve per row).
  bool diagnose = true;
};

struct SideConstrainedFlowResult {
  SideFlowStatus status = SideFlowStatus::kOptimal;
  std::string message;  ///< why not optimal
  /// The status and message of a subproblem that was not optimal (kOutOfRange,
  /// or a network with no flow or an unbounded one); kOptimal otherwise.
  FlowStatus flow_status = FlowStatus::kOptimal;
  std::string flow_message;
  /// The master holds a combination meeting every row: kOptimal, or
  /// kIterationLimit with a feasible master.
  bool feasible = false;
  double objective = 0.0;  ///< f(xbar) (feasible)
  double bound = 0.0;      ///< the Lagrangian bound at `duals` (feasible): <= objective
  /// Per row: y_r (see the header). Infeasible: the phase-one multipliers, not
  /// zero on the rows that conflict.
  std::vector<double> duals;
  double convexity_dual = 0.0;             ///< of sum lambda = 1 (d f* / d 1, as y)
  std::vector<std::vector<Flow>> columns;  ///< the integral flows x^j
  std::vector<double> weights;             ///< lambda_j, per column
  /// xbar = sum_j lambda_j x^j, per arc (feasible; infeasible: the phase-one
  /// combination, whose weights may sum to less than 1).
  std::vector<double> flow;
  /// Infeasible: per row, phase one's artificial variable in row units (the
  /// miss it measures; a row "<=" with d_r >= 0, or ">=" with d_r < 0, is held
  /// by giving up weight instead); empty when the iteration limit stopped it.
  std::vector<double> violation;
  /// Infeasible (with `diagnose`): per row, the least g_r over the network's
  /// flows for a row "<=", the most for a row ">=".
  std::vector<double> reachable;
  int iterations = 0;   ///< master solves (0 without rows)
  int flow_solves = 0;  ///< network simplex solves, the diagnosis included
};

/// The Lagrangian at given multipliers (lagrangian()).
struct LagrangianValue {
  FlowStatus status = FlowStatus::kOptimal;  ///< the subproblem's
  std::string message;                       ///< when not optimal
  double value = 0.0;                        ///< offset + L(y)
};

/// A min-cost flow with side rows, kept between solves (see the header).
class SideConstrainedFlow {
 public:
  SideConstrainedFlow() = default;
  /// Takes the network; its costs are the objective, in units of 1 / cost_unit.
  /// Throws InvalidInput unless cost_unit is positive and finite.
  explicit SideConstrainedFlow(MinCostFlow network, double cost_unit = 1.0);

  // The network. Its nodes and arcs are fixed; supplies, bounds and costs may
  // change between solves. network().cost() is the last subproblem's (priced)
  // cost; cost() is the objective's.
  const MinCostFlow& network() const { return network_; }
  Index node_count() const { return network_.node_count(); }
  Index arc_count() const { return network_.arc_count(); }
  double cost_unit() const { return cost_unit_; }
  Cost cost(Index arc) const;
  void set_cost(Index arc, Cost cost);
  void set_supply(Index node, Flow supply) { network_.set_supply(node, supply); }
  void set_bounds(Index arc, Flow lower, Flow capacity) {
    network_.set_bounds(arc, lower, capacity);
  }

  // Terms and rows.
  /// Adds t(x) = offset + sign sum_{a in arcs} x_a; sign must be +1 or -1.
  /// Returns the term's index.
  Index add_term(std::span<const Index> arcs, double sign = 1.0, double offset = 0.0);
  void set_term_offset(Index term, double offset);
  Index term_count() const { return static_cast<Index>(terms_.size()); }
  /// Adds the row sum_i coefficient_i x_{arc_i} (sense) rhs; returns its index.
  Index add_row(SideRowSense sense, double rhs, std::span<const ArcCoefficient> entries);
  /// Adds the row sum_i coefficient_i t_{term_i}(x) (sense) rhs; returns its index.
  Index add_term_row(SideRowSense sense, double rhs, std::span<const TermCoefficient> entries);
  void set_rhs(Index row, double rhs);
  Index row_count() const { return static_cast<Index>(rows_.size()); }
  SideRowSense sense(Index row) const;
  double rhs(Index row) const;
  const std::vector<TermCoefficient>& row_entries(Index row) const;
  /// t_k and g_r at a flow (integral or combined), in the engine's arithmetic.
  double term_value(Index term, std::span<const double> flow) const;
  double row_value(Index row, std::span<const double> flow) const;
  /// f(x) = sum c x / U.
  double objective_value(std::span<const double> flow) const;

  /// Solves from the current data, warm-starting the network.
  SideConstrainedFlowResult solve(const SideConstrainedFlowOptions& options = {});

  /// offset + L(y) for multipliers y per row (see the header): one flow solve.
  /// Throws InvalidInput for a wrong number of multipliers.
  LagrangianValue lagrangian(std::span<const double> duals, double offset = 0.0,
                             const SideConstrainedFlowOptions& options = {});

 private:
  struct Term {
    std::vector<Index> arcs;
    double sign = 1.0;
    double offset = 0.0;
  };
  struct Row {
    SideRowSense sense = SideRowSense::kAtMost;
    double rhs = 0.0;
    std::vector<TermCoefficient> entries;
  };
  struct Column;
  struct Master;
  struct Priced;

  Column make_column(std::vector<Flow> flow) const;
  Priced solve_priced(const std::vector<double>& price, double objective_weight,
                      const SideConstrainedFlowOptions& options, bool want_column);
  void set_priced_costs(const std::vector<double>& price, double objective_weight, double factor);
  double cost_factor(const std::vector<double>& price, const SideConstrainedFlowOptions& o);
  Master decompose(std::vector<Column>& columns, const SideConstrainedFlowOptions& options,
                   SideConstrainedFlowResult& result);
  bool diagnose(SideConstrainedFlowResult& result, const SideConstrainedFlowOptions& options);
  void check_options(const SideConstrainedFlowOptions& options) const;

  MinCostFlow network_;
  double cost_unit_ = 1.0;
  std::vector<Cost> base_cost_;  // the objective's costs
  double largest_cost_ = -1.0;   // max |c| / U; < 0: not known
  std::vector<Term> terms_;
  std::vector<Index> arc_term_;  // the single-arc term of each arc, -1: none yet
  std::vector<bool> in_term_;    // per arc: in some term
  bool shared_arcs_ = false;     // some arc lies in two terms
  std::vector<Row> rows_;
  // The prices, objective weight and factor the network's costs were last set
  // for: a re-solve at the same multipliers sets no cost again.
  std::vector<double> priced_with_;
  double priced_weight_ = -1.0, priced_factor_ = -1.0;
  std::vector<double> arc_price_;  // scratch (shared arcs): sum of s_k pi_k per arc
};

}  // namespace sixlink
