// The network simplex engine behind MinCostFlow (see flow/min_cost_flow.hpp for
// the problem, conventions and references). Internal: not installed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "detail/huge_pages.hpp"
#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink {

// Arc mixing. Callers add arcs node by node, so consecutive arcs share a tail
// and a pricing block of consecutive slots would see a few nodes only. The
// caller's arcs are therefore dealt out like cards over `stride` piles: pile p
// holds slots p, p + stride, p + 2 stride, ..., the piles are laid down in
// order, and the caller's k-th arc takes the k-th slot of that sequence. A block
// then samples the whole graph (6.6x fewer seconds on a 10,000-programme gap
// model). The idea and the stride max(arcs / nodes, 3) are LEMON's (its
// NetworkSimplex's arc mixing); the permutation depends on (nodes, arcs) only,
// so results stay deterministic. With q = arcs / stride and r = arcs % stride,
// pile p holds q + 1 slots if p < r, else q.
class ArcMixing {
 public:
  using Id = std::int32_t;

  ArcMixing() = default;
  ArcMixing(Id nodes, Id arcs)
      : stride_(nodes > 1 ? std::max<Id>(arcs / nodes, 3) : 1),
        per_pile_(arcs / stride_),
        long_piles_(arcs % stride_) {}
  /// The engine slot of the caller's arc k.
  Id slot(Id k) const {
    const Id in_long = long_piles_ * (per_pile_ + 1);
    if (k < in_long) return k / (per_pile_ + 1) + k % (per_pile_ + 1) * stride_;
    return long_piles_ + (k - in_long) / per_pile_ + (k - in_long) % per_pile_ * stride_;
  }
  /// The caller's arc in engine slot s.
  Id arc(Id s) const {
    const Id pile = s % stride_;
    return pile * per_pile_ + std::min(pile, long_piles_) + s / stride_;
  }
  /// Slots 0, 1, 2, ... in turn with their caller's arcs, without a division.
  struct Walk {
    Id arc = 0, pile = 0, pile_start = 0, row = 0;
  };
  void step(Walk& w) const {
    if (++w.pile < stride_) {
      w.pile_start += per_pile_ + (w.pile - 1 < long_piles_ ? 1 : 0);
    } else {
      w.pile = 0;
      w.pile_start = 0;
      ++w.row;
    }
    w.arc = w.pile_start + w.row;
  }

 private:
  Id stride_ = 1, per_pile_ = 0, long_piles_ = 0;
};

class NetworkSimplexEngine {
 public:
  struct Problem {
    Index nodes = 0;
    std::span<const Index> tail, head;
    std::span<const Flow> lower, upper;
    std::span<const Cost> cost;
    std::span<const Flow> supply;
    SupplyMode mode = SupplyMode::kExact;
  };

  /// Solves `p`. With `same_structure` (same nodes, arcs and mode as the last
  /// call) it tries to resume from the last basis; then `changed`, if given,
  /// lists every arc whose cost or bounds changed since that call (supplies may
  /// all have changed), and only those are read again.
  MinCostFlowResult solve(const Problem& p, const MinCostFlowOptions& options, bool same_structure,
                          const std::vector<Index>* changed = nullptr);

 private:
  using Id = std::int32_t;  // node and arc indices inside the engine

  bool prepare(const Problem& p, MinCostFlowResult& out);
  bool update(const Problem& p, const std::vector<Index>& changed, MinCostFlowResult& out);
  bool check_arc_range(Index arc, Flow lower, Flow upper, Cost cost, MinCostFlowResult& out);
  bool finish_prepare(const Problem& p, MinCostFlowResult& out);
  void carve_arrays();  // the arc and node arrays, from the arena
  void measure_one_sided_share();
  void build_artificial_basis(bool crash);
  void restore_basis();
  void hang_from_root(Id x);
  void compute_potentials();
  // Adds `shift` to the potentials of the preorder run first..last of `count` nodes.
  void shift_run(Id first, Id last, Id count, Cost shift);
  void undo_root_drift();  // potentials back to the root at zero (pivot() lets it drift)
  enum class Outcome { kOptimal, kUnbounded };
  Outcome run(Index block_size, Pricing pricing, Index& iterations);
  static constexpr double kListDensity = 32;  // arcs per node from which lists may pay
  Id find_entering(Id block);
  Id find_entering_from_list(Id block);
  static Id list_head(Id block) { return std::max<Id>(3, block / 100); }  // candidates kept
  void pivot(Id entering, Id leaving_node, bool leaving_on_send_side, Id send, Id receive, Id join);
  void collect_cycle(Id entering, Id send, Id receive, Id join);
  bool artificial_flow_left() const;
  InfeasibilityCut find_cut(const Problem& p) const;
  void write_result(const Problem& p, MinCostFlowResult& out) const;

  // Problem in engine form: arcs [0, m) real (flow shifted by the lower bound),
  // [m, arcs) artificial; node n is the artificial root.
  Id n_ = 0, m_ = 0, arcs_ = 0, root_ = 0;
  SupplyMode mode_ = SupplyMode::kExact;
  Cost big_m_ = 0;
  // The arc and node arrays below live in one arena (detail/huge_pages.hpp),
  // carved alike by every prepare() of the same size, so a warm start finds them.
  detail::ArrayArena arena_;
  std::span<Id> src_, dst_;
  std::span<Cost> cost_;
  std::span<Flow> cap_, flow_;
  // +1 at lower bound, -1 at upper bound, 0 in the tree or never priced: a big-M
  // artificial arc outside the tree (retired, at flow 0).
  std::span<std::int8_t> state_;
  std::span<Flow> shifted_supply_;
  std::vector<Flow> lower_;                 // per engine slot; empty while all are 0
  std::span<Flow> lower_shift_;             // per node: lower bounds in minus out
  Cost max_cost_ = 0;                       // max |cost| of the real arcs (never lowered by update)
  __extension__ __int128 bound_total_ = 0;  // sum of finite ranges and 2 |lower|
  bool prepared_ = false;                   // the arrays above hold the last problem
  ArcMixing mixing_;                        // caller's arc <-> engine slot
  // A big-M artificial arc: flow on it means infeasibility.
  bool costly(Id a) const { return a >= m_ && cost_[static_cast<std::size_t>(a)] != 0; }

  // Spanning tree: parent, predecessor arc, its direction (1: node -> parent),
  // preorder thread (circular through the root), its inverse, the last node of
  // each subtree in preorder, subtree size, and potentials.
  std::span<Id> parent_, pred_, thread_, rev_thread_, last_, size_;
  std::span<std::uint8_t> up_;
  std::span<Cost> pi_;
  Id next_arc_ = 0;
  struct Candidate {
    Cost violation;
    Id arc;
  };
  std::vector<Candidate> candidates_;  // candidate list pricing: violating arcs kept
  Id list_length_ = 0;                 // candidates_ kept from the last pivot
  double one_sided_share_ = 1.0;       // nodes that only send or only receive (sets the block)
  bool has_basis_ = false;

  std::vector<Id> stem_;
  std::vector<Flow> scratch_flow_;
  std::vector<std::pair<Id, Id>> detached_;  // (node, artificial arc) during restore_basis
  std::vector<std::pair<Id, Id>> pieces_;
  std::vector<Index> cycle_;  // the unbounded cycle, when found
};

}  // namespace sixlink
