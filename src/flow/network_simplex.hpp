// The network simplex engine behind MinCostFlow (see flow/min_cost_flow.hpp for
// the problem, conventions and references). Internal: not installed.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink {

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
  void pivot(Id entering, Id leaving_node, bool leaving_on_send_side, Id send, Id receive,
             Id join);
  void collect_cycle(Id entering, Id send, Id receive, Id join);
  bool artificial_flow_left() const;
  InfeasibilityCut find_cut(const Problem& p) const;
  void write_result(const Problem& p, MinCostFlowResult& out) const;

  // Problem in engine form: arcs [0, m) real (flow shifted by the lower bound),
  // [m, arcs) artificial; node n is the artificial root.
  Id n_ = 0, m_ = 0, arcs_ = 0, root_ = 0;
  SupplyMode mode_ = SupplyMode::kExact;
  Cost big_m_ = 0;
  std::vector<Id> src_, dst_;
  std::vector<Cost> cost_;
  std::vector<Flow> cap_, flow_;
  // +1 at lower bound, -1 at upper bound, 0 in the tree or never priced: a big-M
  // artificial arc outside the tree (retired, at flow 0).
  std::vector<std::int8_t> state_;
  std::vector<Flow> shifted_supply_;
  std::vector<Flow> lower_;                 // per engine slot; empty while all are 0
  std::vector<Flow> lower_shift_;           // per node: lower bounds in minus out
  Cost max_cost_ = 0;                       // max |cost| of the real arcs (never lowered by update)
  __extension__ __int128 bound_total_ = 0;  // sum of finite ranges and 2 |lower|
  bool prepared_ = false;                   // the arrays above hold the last problem
  std::vector<std::uint8_t> costly_;        // big-M artificial arcs: flow means infeasibility
  std::vector<Id> slot_, order_;            // caller's arc -> engine slot, and back (arc mixing)
  Id mixed_nodes_ = -1;

  // Spanning tree: parent, predecessor arc, its direction (1: node -> parent),
  // preorder thread (circular through the root), its inverse, the last node of
  // each subtree in preorder, subtree size, and potentials.
  std::vector<Id> parent_, pred_, thread_, rev_thread_, last_, size_;
  std::vector<std::uint8_t> up_;
  std::vector<Cost> pi_;
  Id next_arc_ = 0;
  struct Candidate {
    Cost violation;
    Id arc;
  };
  std::vector<Candidate> candidates_;  // candidate list pricing: violating arcs kept
  Id list_length_ = 0;                 // candidates_ kept from the last pivot
  double one_sided_share_ = 1.0;  // nodes that only send or only receive (sets the block)
  bool has_basis_ = false;

  std::vector<Id> stem_;
  std::vector<Flow> scratch_flow_;
  std::vector<std::pair<Id, Id>> detached_;  // (node, artificial arc) during restore_basis
  std::vector<std::pair<Id, Id>> pieces_;
  std::vector<Index> cycle_;  // the unbounded cycle, when found
};

}  // namespace sixlink
