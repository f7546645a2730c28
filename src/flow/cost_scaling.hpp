// The cost-scaling engine behind MinCostFlow (see flow/min_cost_flow.hpp for the
// problem, conventions and when it is chosen). Internal: not installed.
//
// Goldberg's push-relabel method with cost scaling (Goldberg and Tarjan 1990;
// Goldberg 1997): costs are multiplied by n + 1, so that a flow whose residual
// arcs all have reduced cost >= -1 is optimal; starting from epsilon = the
// largest scaled cost, each phase divides epsilon by kAlpha and restores
// epsilon-optimality by saturating the arcs that violate it and discharging
// the excesses that creates (push along admissible arcs, relabel when none is
// left), with Goldberg's global price updates (a bucket-based shortest-path pass
// from the deficits) every n relabels. O(n^2 m log(nC)) in theory; near-linear
// per phase on the sparse networks where it is chosen.
//
// It solves only what it can certify cheaply: exact supplies that balance, no
// arc of infinite capacity with a negative cost (so no unbounded cycle; such
// arcs are capped at a bound no optimal flow needs). Anything else, or a phase
// whose prices fall further than a feasible problem allows (no feasible flow),
// or prices nearing the int64 range, returns false, and the caller solves with
// the network simplex, which also writes the certificates of infeasibility.
// The potentials of an optimal result are exact for the unscaled costs: a
// label-correcting pass on the residual network, started from the scaled
// prices divided by n + 1, makes every residual arc's reduced cost >= 0.
#pragma once

#include <cstdint>
#include <vector>

#include "flow/network_simplex.hpp"

namespace sixlink {

class CostScalingEngine {
 public:
  using Problem = NetworkSimplexEngine::Problem;

  /// Whether the engine takes `p` at all (exact balanced supplies, no negative
  /// infinite-capacity arc, costs and sizes in range).
  static bool applicable(const Problem& p);

  /// Solves `p` and fills `out` (kOptimal, flow, potentials, cost); returns false
  /// without a result when the problem is infeasible or leaves the ranges above.
  bool solve(const Problem& p, MinCostFlowResult& out);

 private:
  using Id = std::int32_t;
  static constexpr Cost kAlpha = 16;
  static constexpr std::size_t kPathLength = 4;

  void build(const Problem& p);
  bool refine(Cost epsilon);
  bool discharge(Id u, Cost epsilon);
  bool global_update(Cost epsilon);
  bool exact_potentials(const Problem& p, MinCostFlowResult& out);

  Id n_ = 0;
  Cost scale_ = 1;         // n + 1
  std::vector<Id> first_;  // residual arcs of u: [first_[u], first_[u + 1])
  // A residual arc, with its pair's residual capacity mirrored in `back` so that
  // a global update reads the arcs into a node from that node's own list.
  struct Arc {
    Flow residual = 0;
    Flow back = 0;  // the paired arc's residual
    Cost cost = 0;  // scaled; the pair's is its negative
    Id head = 0;
    Id rev = 0;  // the paired arc
  };
  void push(std::size_t k, Flow delta) {
    Arc& a = arcs_[k];
    a.residual -= delta;
    a.back += delta;
    Arc& r = arcs_[static_cast<std::size_t>(a.rev)];
    r.residual += delta;
    r.back -= delta;
  }
  std::vector<Arc> arcs_;     // residual arcs, grouped by tail
  std::vector<Id> forward_;   // caller's arc -> its forward residual arc
  std::vector<Flow> excess_;  // per node
  std::vector<Cost> price_, phase_start_;
  std::vector<Id> current_;  // current-arc pointer of each node
  std::vector<Id> queue_;    // active nodes, FIFO (ring)
  std::vector<Id> path_;     // residual arcs of the partial augmenting path
  std::vector<std::uint8_t> queued_;
  std::size_t queue_head_ = 0, queue_size_ = 0;
  std::int64_t relabels_ = 0, iterations_ = 0;
  Cost price_floor_ = 0;  // a price below this aborts (range or infeasible)
  Flow capped_ = 0;       // the bound given to infinite capacities
  // Global update: rank buckets and per-node rank.
  std::vector<std::vector<Id>> buckets_;
  std::vector<Id> rank_;
  std::vector<std::uint8_t> scanned_;
};

}  // namespace sixlink
