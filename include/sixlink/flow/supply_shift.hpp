// sixlink/flow/supply_shift.hpp — how the optimum of a min-cost flow changes as
// supply moves from one node to another (parametric supply analysis).
//
// Problem. Given an optimal flow x of a min-cost-flow problem (min_cost_flow.hpp,
// SupplyMode::kExact) with its potentials p, find the optimal flows of the
// problems whose supplies differ by t units moved between two nodes,
//   b'(from) = b(from) + t,  b'(to) = b(to) - t,   t = 1, 2, ..., units,
// and the optimal cost C(t) of each. C is convex and piecewise linear in t; its
// slopes are the costs of the successive shortest from -> to paths in the
// residual graph. An analysis that asks "what is one more graduate of this
// programme worth, for how many graduates does that hold, and where do they go"
// reads all three answers from one call instead of solving the whole problem
// again for every t.
//
// Conventions. The residual graph of x has an arc u -> v at cost c_a for every
// arc a = (u, v) with x_a < u_a, and v -> u at cost -c_a for every arc with
// x_a > l_a. The result lists `segments`: runs of consecutive units moved at the
// same cost per unit, in the order the units move (unit costs never decrease),
// so C(t) - C(0) is the sum over the first t units. `flow_change` lists the arcs
// whose flow differs in the optimum at t = units, and `potential_change` the
// nodes whose potential differs, both ascending and sparse, so that x + change
// with p + change is again an optimal flow with its certificate (checked by
// verify/flow_certificate.hpp in the tests). The stored optimum never changes:
// every call starts from it.
//
// Algorithm. Successive shortest paths (Ahuja, Magnanti and Orlin 1993, §9.7)
// from the given optimum: Dijkstra on the reduced costs c_a + p_u - p_v, which
// are >= 0 on every residual arc of an optimal flow, then augmentation by the
// path's bottleneck, then p(v) += d(v) - d(target) for each node v scanned
// before the target. The search starts from whichever of the two nodes has fewer
// incident arcs (forward from `from`, or backward from `to`) and stops as soon
// as the other node's distance is final, so on a market where most nodes sit
// far from both ends a call reads only the arcs near them. Everything the call
// touches is reset through lists of what it touched, never by clearing whole
// arrays.
//
// Complexity. O(k (m' + n' log n')) for k augmenting paths, where n' and m' are
// the nodes and arcs the searches scan: at most n and m, on the sixlink market
// those near the programme (44 us a recommendation on the 10,000-programme
// province: benchmarks/recommend_stages.py). Building the object is O(n + m).
//
// Thread safety. A SupplyShift keeps scratch arrays for its calls; copies share
// the (immutable) problem and optimum, so give each thread its own copy.
//
// Usage:
//   auto optimum = problem.solve();                 // kOptimal
//   sixlink::SupplyShift shift(problem, optimum);
//   auto r = shift.move(programme, sink, 10);       // ten more graduates
//   // r.segments.front().unit_cost: the cost of the first one
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink {

struct SupplyShiftSegment {
  Flow units = 0;      ///< consecutive units moved at this cost each
  Cost unit_cost = 0;  ///< the cost change per unit
};

struct SupplyShiftResult {
  /// kOptimal: all units moved; kInfeasible: only `moved` could (no residual
  /// path is left); kOutOfRange: the cost change does not fit an int64.
  FlowStatus status = FlowStatus::kOptimal;
  Flow moved = 0;
  Cost cost_change = 0;                                  ///< C(moved) - C(0)
  std::vector<SupplyShiftSegment> segments;              ///< unit costs never decrease
  std::vector<std::pair<Index, Flow>> flow_change;       ///< (arc, delta), ascending arcs
  std::vector<std::pair<Index, Cost>> potential_change;  ///< (node, delta), ascending nodes
  std::string message;                                   ///< why, when not kOptimal
};

class SupplyShift {
 public:
  /// Keeps a copy of the problem's arcs and of the optimum. Throws InvalidInput
  /// unless `optimum` is kOptimal with a flow and a potential of the problem's
  /// sizes and the supply mode is kExact.
  SupplyShift(const MinCostFlow& problem, const MinCostFlowResult& optimum);

  /// The optimum with `units` more supply at `from` and `units` less at `to`
  /// (see the header). Throws InvalidInput for an unknown node, from == to, or
  /// units outside [0, 2^62); throws std::logic_error if the stored optimum's
  /// reduced costs turn out negative on a residual arc (not an optimum).
  SupplyShiftResult move(Index from, Index to, Flow units);

  /// The stored optimum's flow and potentials.
  Flow flow(Index arc) const;
  Cost potential(Index node) const;

 private:
  struct Graph;  // the problem, its optimum and each node's incident arcs
  struct Path;
  std::shared_ptr<const Graph> graph_;
  bool search(Index start, Index target, bool forward, Path& path);
  Cost reduced(Index arc) const;

  // Scratch, per object: changes against the stored optimum, and the search.
  std::vector<Flow> flow_delta_;
  std::vector<Cost> potential_delta_;
  std::vector<Index> changed_arcs_, changed_nodes_;
  std::vector<Cost> distance_;
  std::vector<Index> reached_by_;  // incident-arc entry that reached the node
  std::vector<char> scanned_;
  std::vector<Index> touched_, scanned_order_;
};

}  // namespace sixlink
