// sixlink/flow/min_cost_flow.hpp — minimum-cost flow by the network simplex or cost scaling.
//
// Problem. A directed graph with nodes v (supply b_v; a demand is a negative
// supply) and arcs a = (tail, head) with integer bounds l_a <= x_a <= u_a and an
// integer cost c_a per unit of flow. Find the flow x minimising sum_a c_a x_a
// subject to the bounds and, for every node, out(v) - in(v) = b_v, where out and
// in are the flows on the arcs leaving and entering v. Two relaxations follow
// LEMON's supply types:
//   SupplyMode::kSupplyAtMost  out(v) - in(v) <= b_v  (LEQ: surplus may stay at
//                              any node; every demand must be met; needs
//                              sum b_v >= 0)
//   SupplyMode::kDemandAtMost  out(v) - in(v) >= b_v  (GEQ: every supply must be
//                              sent; demands may stay unmet; needs sum b_v <= 0)
// Capacities may be kInfiniteCapacity. Self-loops and parallel arcs are allowed.
//
// Certificates. An optimal result carries node potentials p with reduced costs
// rc_a = c_a + p_tail - p_head such that rc_a > 0 implies x_a = l_a, rc_a < 0
// implies x_a = u_a, and the dual objective
//   -sum_v b_v p_v + sum_{rc_a > 0} l_a rc_a + sum_{rc_a < 0} u_a rc_a
// equals the cost (with p_v >= 0 in kSupplyAtMost, p_v <= 0 in kDemandAtMost, and
// p_v = 0 where the inequality is slack). An infeasible result carries a cut: a
// node set S whose net supply exceeds what the arcs leaving S can carry (or whose
// net demand exceeds what the arcs entering S can bring). An unbounded result
// carries a directed cycle of infinite-capacity arcs with negative total cost.
// verify/flow_certificate.hpp checks all three without trusting the solver.
//
// Algorithms. Two engines, chosen by MinCostFlowOptions::algorithm:
//   Network simplex (the default, and every warm re-solve): primal network
//   simplex (Dantzig; Cunningham's strongly feasible trees, which prevent
//   cycling) on a spanning tree stored in compact arrays (parent, predecessor
//   arc, preorder thread and its reverse, subtree end, subtree size), with an
//   artificial root and big-M artificial arcs (one that leaves the tree is never
//   priced again, as in LEMON; with exact supplies the pricing scan skips them).
//   Each pivot costs O(cycle + moved subtree), where the potentials move on the
//   smaller side of the cut (the moved subtree or the rest of the tree, walked
//   from both ends of its preorder run at once); the number of pivots is not
//   polynomially bounded in theory but is small in practice.
//   Cost scaling (FlowAlgorithm::kCostScaling): Goldberg's push-relabel method
//   with cost scaling, partial augment-relabel and global price updates,
//   O(n^2 m log(nC)). It takes exact, balanced problems without a negative-cost
//   arc of infinite capacity whose scaled costs (|c| (n + 1)) stay below 2^42; for
//   anything else, or a problem with no feasible flow, the simplex solves instead
//   (and writes the certificate). `algorithm` in the result says which one did.
//   Its potentials are exact (a label-correcting pass on the residual network
//   finishes them), so the certificates below hold for both. It keeps no basis:
//   the next solve of the same problem is a cold simplex solve, and warm ones
//   follow from there.
//   kAutomatic is the network simplex today: on the standard families and on
//   sixlink's own models it was at least as fast (benchmarks/README.md).
//
// Pricing (network simplex, MinCostFlowOptions::pricing). Block search
// (Grigoriadis 1986): scan the arcs in blocks and enter the most violating arc of
// the first block that holds one; the block is sqrt(arcs), grown with the density
// on bipartite networks, where pivots re-hang thousands of nodes. Candidate list
// (Bradley, Brown and Graves 1977; LEMON's altering list): keep the violating arcs
// found, enter the best, and keep the best few for the next pivot. kAutomatic
// takes the list on dense networks (32 arcs a node or more) whose nodes mostly
// both send and receive, the block search elsewhere or when block_size is set.
// The block scan prices four arcs at a time with AVX2 where the CPU has it
// (chosen at run time; the same arc as the portable scan, which
// SIXLINK_SCAN_KERNEL=scalar forces); the list's scan appends without a branch
// on the sign. The engine's arc and node arrays share one allocation, on 2 MiB
// pages from 1 MiB up, so a cold solve takes a few page faults, not thousands.
//
// Warm starts. MinCostFlow keeps its last basis (the spanning tree). After
// set_cost, set_bounds or set_supply, solve() resumes from it: the tree's flows
// are recomputed; where a changed capacity or supply makes a tree arc's flow
// infeasible, that arc goes to its nearer bound and the subtree below it hangs
// from the root by an artificial arc, which the simplex then drives out. Cost
// changes keep the flow feasible and usually need few pivots. Only the arcs
// changed since the last solve are read again, so a re-solve after a few
// changes costs a few passes over the arrays plus its pivots. Adding nodes or
// arcs, or changing the supply mode, starts afresh. Results agree with a cold
// solve except possibly in the choice among equally optimal flows.
//
// Crash start (MinCostFlowOptions::crash_start). A cold simplex solve starts
// with every node on an artificial arc to the root. With crash_start, the node t
// of largest demand (a model's sink: unplaced graduates, slack) first adopts each
// node that has a real arc to it able to carry that node's supply with room to
// spare (so the tree stays strongly feasible), while t's demand lasts; t and the
// others hang from the root as before. Nodes then start at their sink's potential
// rather than a big M apart, and the start is feasible wherever each source has
// a slack arc to the sink. On the 10,000-programme placement network (962,724
// nodes, 12.5M arcs) it took 4.1M pivots instead of 9.1M and 0.54x the solve
// time (benchmarks/README.md, "Province scale"); on NETGEN networks it changed
// times by 1-9 % either way (few arcs end at t). It costs one pass over the
// arcs, and may return another of several equally optimal flows.
//
// Ranges. All data are int64. Before solving, sixlink checks that
// max|c| * (n + 2) < 2^60, that finite capacities, bounds and |b_v| stay below
// 2^62, and that their sums cannot overflow; otherwise the status is kOutOfRange.
// The total cost is computed exactly; if it does not fit in an int64 the status
// is kOutOfRange too. Nothing overflows silently.
//
// References. R. K. Ahuja, T. L. Magnanti, J. B. Orlin, Network Flows (1993), ch. 10-11; A. V.
// Goldberg, R. E. Tarjan, "Finding minimum-cost circulations by successive approximation", Math.
// Oper. Res. 15 (1990) 430-466; A. V. Goldberg, "An efficient implementation of a scaling
// minimum-cost flow algorithm", J. Algorithms 22 (1997) 1-29; G. H. Bradley, G. G. Brown, G. W.
// Graves, "Design and implementation of large scale primal transshipment algorithms", Management
// Science 24 (1977) 1-34; W. H. Cunningham, "A network simplex method", Math. Programming 11 (1976)
// 105-116; M. D. Grigoriadis, "An efficient implementation of the network simplex method", Math.
// Programming Study 26 (1986) 83-111; P. Kovacs, "Minimum-cost flow algorithms: an experimental
// evaluation", Optim. Methods Softw. 30 (2015) 94-127 (LEMON's implementation study).
//
// Usage:
//   sixlink::MinCostFlow problem(3);          // nodes 0, 1, 2
//   problem.set_supply(0, 5);
//   problem.set_supply(2, -5);
//   problem.add_arc(0, 1, 4, 1);              // tail, head, capacity, cost
//   problem.add_arc(1, 2, sixlink::kInfiniteCapacity, 1);
//   problem.add_arc(0, 2, 10, 3);
//   auto result = problem.solve();            // kOptimal, cost 4*2 + 1*3 = 11
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/core/status.hpp"
#include "sixlink/core/types.hpp"

namespace sixlink {

using Flow = std::int64_t;
using Cost = std::int64_t;

/// An arc capacity with no upper bound.
inline constexpr Flow kInfiniteCapacity = std::numeric_limits<Flow>::max();

enum class SupplyMode {
  kExact,         ///< out(v) - in(v) = b_v
  kSupplyAtMost,  ///< out(v) - in(v) <= b_v (LEMON's LEQ)
  kDemandAtMost,  ///< out(v) - in(v) >= b_v (LEMON's GEQ)
};

/// The flow engine's outcomes, in the shared vocabulary (sixlink/core/status.hpp):
/// kOptimal (flow, potentials and cost are optimal), kInfeasible (no flow meets the
/// supplies and bounds; see `cut`), kUnbounded (feasible, and cost falls without
/// limit; see `negative_cycle`), kOutOfRange (data or the optimal cost exceed the
/// int64 ranges above). Never kIterationLimit.
using FlowStatus = Status;

std::string_view to_string(SupplyMode mode);
std::optional<SupplyMode> parse_supply_mode(std::string_view text);

/// Which algorithm solves: the network simplex, cost scaling, or a choice made
/// from the network (see "Algorithms" above).
enum class FlowAlgorithm { kAutomatic, kNetworkSimplex, kCostScaling };

/// How the network simplex picks its entering arc (see "Pricing" above).
enum class Pricing { kAutomatic, kBlockSearch, kCandidateList };

std::string_view to_string(FlowAlgorithm algorithm);  // "auto", "network_simplex", "cost_scaling"
std::optional<FlowAlgorithm> parse_flow_algorithm(std::string_view text);

struct MinCostFlowOptions {
  /// Arcs scanned per pivot-search block; 0 chooses from the network.
  Index block_size = 0;
  /// Resume from the previous basis where it is still feasible.
  bool warm_start = true;
  FlowAlgorithm algorithm = FlowAlgorithm::kAutomatic;
  Pricing pricing = Pricing::kAutomatic;
  /// Network simplex, cold solves: start from the crash basis (see "Crash start"
  /// above) instead of artificial arcs only.
  bool crash_start = false;
};

/// Why no feasible flow exists: a node set S with
///   kSupplyCannotLeave:  b(S) > u(out(S)) - l(in(S))
///   kDemandCannotBeMet: -b(S) > u(in(S))  - l(out(S))
/// where out(S) and in(S) are the arcs leaving and entering S.
struct InfeasibilityCut {
  enum class Side { kSupplyCannotLeave, kDemandCannotBeMet };
  Side side = Side::kSupplyCannotLeave;
  std::vector<Index> nodes;  ///< S, ascending
  Flow net_supply = 0;       ///< b(S), or -b(S) for kDemandCannotBeMet
  Flow cut_capacity = 0;     ///< what the arcs across the cut can carry
};

struct MinCostFlowResult {
  FlowStatus status = FlowStatus::kOptimal;
  Cost cost = 0;                        ///< sum of cost * flow (kOptimal)
  std::vector<Flow> flow;               ///< per arc (kOptimal)
  std::vector<Cost> potential;          ///< per node (kOptimal)
  std::optional<InfeasibilityCut> cut;  ///< kInfeasible
  std::vector<Index> negative_cycle;    ///< kUnbounded: arcs in cycle order
  Index iterations = 0;                 ///< simplex pivots, or pushes and relabels
  bool warm_started = false;            ///< resumed from the previous basis
  std::string message;                  ///< what went wrong, for statuses other than kOptimal
  /// Which engine solved: the network simplex, or cost scaling when asked for and able.
  FlowAlgorithm algorithm = FlowAlgorithm::kNetworkSimplex;
};

class NetworkSimplexEngine;  // the solver state kept between solves

/// A min-cost-flow problem that can be changed and solved again (warm start).
class MinCostFlow {
 public:
  MinCostFlow();
  explicit MinCostFlow(Index nodes);
  MinCostFlow(const MinCostFlow& other);
  MinCostFlow& operator=(const MinCostFlow& other);
  MinCostFlow(MinCostFlow&&) noexcept;
  MinCostFlow& operator=(MinCostFlow&&) noexcept;
  ~MinCostFlow();

  /// Adds a node and returns its index.
  Index add_node(Flow supply = 0);
  /// Adds an arc and returns its index. Throws InvalidInput for an unknown node,
  /// a negative capacity, or lower > capacity.
  Index add_arc(Index tail, Index head, Flow capacity, Cost cost, Flow lower = 0);
  /// Makes room for `arcs` arcs in all (as std::vector::reserve): a caller who
  /// knows the count saves the copies and the slack of growing arrays. Throws
  /// InvalidInput for a negative count.
  void reserve_arcs(Index arcs);

  void set_supply(Index node, Flow supply);
  void set_cost(Index arc, Cost cost);
  void set_bounds(Index arc, Flow lower, Flow capacity);
  void set_supply_mode(SupplyMode mode);

  Index node_count() const { return static_cast<Index>(supply_.size()); }
  Index arc_count() const { return static_cast<Index>(tail_.size()); }
  Index tail(Index arc) const { return tail_.at(static_cast<std::size_t>(arc)); }
  Index head(Index arc) const { return head_.at(static_cast<std::size_t>(arc)); }
  Flow lower(Index arc) const {
    const auto i = static_cast<std::size_t>(arc);
    static_cast<void>(upper_.at(i));  // std::out_of_range for an unknown arc, as the others
    return lower_.empty() ? 0 : lower_[i];
  }
  Flow capacity(Index arc) const { return upper_.at(static_cast<std::size_t>(arc)); }
  Cost cost(Index arc) const { return cost_.at(static_cast<std::size_t>(arc)); }
  Flow supply(Index node) const { return supply_.at(static_cast<std::size_t>(node)); }
  SupplyMode supply_mode() const { return mode_; }

  /// Solves; the returned status says whether the flow is optimal.
  MinCostFlowResult solve(const MinCostFlowOptions& options = {});

 private:
  void check_node(Index node, std::string_view what) const;
  void check_arc(Index arc) const;
  void store_lower(Index arc, Flow lower);

  std::vector<Index> tail_, head_;
  // lower_ stays empty while every lower bound is 0: 8 bytes an arc saved, 100 MB
  // on the province's placement network (12.5M arcs, none with a lower bound).
  std::vector<Flow> lower_, upper_;
  std::vector<Cost> cost_;
  std::vector<Flow> supply_;
  SupplyMode mode_ = SupplyMode::kExact;
  bool structure_changed_ = true;  // arcs or nodes added since the last solve
  // Arcs whose cost or bounds changed since the last solve, so that a warm
  // re-solve reads only those; all_changed_ once they pass a quarter of the arcs.
  std::vector<Index> changed_;
  bool all_changed_ = true;
  void mark_changed(Index arc);
  std::unique_ptr<NetworkSimplexEngine> engine_;
};

/// One-shot solve over parallel arrays (arcs: tail[a] -> head[a]). `lower` may
/// be empty (all zero). Throws InvalidInput for mismatched lengths or bad values.
MinCostFlowResult solve_min_cost_flow(Index nodes, std::span<const Index> tail,
                                      std::span<const Index> head, std::span<const Flow> capacity,
                                      std::span<const Cost> cost, std::span<const Flow> supply,
                                      std::span<const Flow> lower = {},
                                      SupplyMode mode = SupplyMode::kExact,
                                      const MinCostFlowOptions& options = {});

}  // namespace sixlink
