// The market network (private): programmes -> demand nodes -> outside -> sink as
// one MinCostFlow, with its arcs in named ranges, shared by the gap analysis
// (gap_analysis.cpp), the recommendations (recommendations.cpp) and the quota
// model (quota_optimisation.cpp, which adds its schools to it).
//
// Nodes. Programme p is node p (supply g_p), demand node n is node P + n, then
// the outside node (P + N) and the sink (P + N + 1, demand sum g); nodes added
// later (add_node: the quota model's schools) follow.
//
// Arcs, with integer costs round(1e6 x value) (kMarketCostScale; a value gained
// is a negative cost):
//   local     p -> P + n at -w(p, n), uncapacitated, for every stored weight, in
//             the row order of the projection's weight matrix
//   outside   p -> outside at -lambda x (tier k's multiple), tier k's share of the
//             cohort (gap_analysis.hpp; one tier: uncapacitated, as it holds the
//             whole cohort), or at -lambda uncapacitated (kInline)
//   surplus   p -> sink at 0, uncapacitated: graduates placed nowhere
//   node      P + n -> sink at -rho (the demand bonus; 0 in the gap), D_n
//   outside -> sink at 0, the outside capacity
// in one of two orders. The network simplex's pivots, and with them the choice
// among equally good flows, depend on the order, so each caller keeps its own:
//   kTiersAfterLocals  (gap, recommendations) every local arc (arc index = the
//                      weight's index in the matrix); then K outside arcs per
//                      programme; then one surplus arc per programme; then the
//                      node arcs; then outside -> sink
//   kInline            (quota) per programme: its local arcs, its one outside arc
//                      (K = 1, uncapacitated), its surplus arc; then the node
//                      arcs; then outside -> sink
// Arcs added later (add_arc) follow.
//
// Every setter changes costs, bounds or supplies only, so the next solve
// warm-starts from the last basis (min_cost_flow.hpp).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/analysis/projection.hpp"
#include "sixlink/flow/integer_costs.hpp"
#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink::detail {

/// Market costs are round(1e6 x value): values resolved to 1e-6.
inline constexpr double kMarketScale = 1e6;
inline constexpr CostScale kMarketCostScale{kMarketScale};

enum class MarketLayout {
  kTiersAfterLocals,  ///< gap and recommendations: see the header
  kInline,            ///< the quota model: see the header
};

struct MarketOptions {
  double outside_weight = 0.0;                 ///< lambda
  Count outside_capacity = kInfiniteCapacity;  ///< outside -> sink
  OutsideTiers tiers{1, 0.0};                  ///< K and h; kInline needs K = 1
  double demand_bonus = 0.0;                   ///< rho, gained per filled opening
  MarketLayout layout = MarketLayout::kTiersAfterLocals;
};

class MarketNetwork {
 public:
  MarketNetwork() = default;
  /// Builds the network for a projection (its graduates, openings and weights);
  /// the programme ids fix the tiers' offsets. Throws InvalidInput for a wrong
  /// number of ids, tiers out of range, or kInline with K != 1.
  MarketNetwork(const SupplyDemandGraph& graph, std::span<const std::string> programme_ids,
                const MarketOptions& options);

  MinCostFlow& problem() { return problem_; }
  const MinCostFlow& problem() const { return problem_; }
  MinCostFlowResult solve(const MinCostFlowOptions& options = {}) {
    return problem_.solve(options);
  }

  // Nodes.
  Index programmes() const { return programmes_; }
  Index nodes() const { return nodes_; }  ///< demand nodes
  Index programme_node(Index p) const { return p; }
  Index demand_node(Index n) const { return programmes_ + n; }
  Index outside_node() const { return programmes_ + nodes_; }
  Index sink() const { return programmes_ + nodes_ + 1; }
  /// Adds a node after the market's own (the quota model's schools).
  Index add_node(Flow supply = 0) { return problem_.add_node(supply); }
  /// Adds an arc after the market's own.
  Index add_arc(Index tail, Index head, Flow capacity, Cost cost, Flow lower = 0) {
    return problem_.add_arc(tail, head, capacity, cost, lower);
  }

  // Arcs.
  MarketLayout layout() const { return layout_; }
  const OutsideTiers& tiers() const { return tiers_; }
  /// Programme p's local arcs are [first_local(p), end_local(p)), in the order of
  /// its row of the weight matrix.
  Index first_local(Index p) const { return first_local_[static_cast<std::size_t>(p)]; }
  Index end_local(Index p) const { return end_local_[static_cast<std::size_t>(p)]; }
  /// Programme p's outside arc of tier k (k < tiers().count).
  Index outside_arc(Index p, Index tier = 0) const {
    return layout_ == MarketLayout::kInline ? end_local(p) + tier
                                            : first_outside_ + p * tiers_.count + tier;
  }
  Index surplus_arc(Index p) const {
    return layout_ == MarketLayout::kInline ? end_local(p) + 1 : first_surplus_ + p;
  }
  Index node_arc(Index n) const { return first_node_arc_ + n; }
  Index outside_sink_arc() const { return outside_sink_arc_; }
  /// Tier k's multiple of lambda for programme p.
  double outside_multiple(Index p, Index tier = 0) const {
    return outside_multiple_[static_cast<std::size_t>(p * tiers_.count + tier)];
  }

  // Changes (each keeps the basis: the next solve warm-starts).
  /// Gives programme p a cohort of `graduates`: its supply, the sink's demand
  /// and (kTiersAfterLocals) its tiers' capacities follow. Throws InvalidInput
  /// for an unknown programme or graduates outside [0, 1e12].
  void set_graduates(Index p, Count graduates);
  /// Prices the outside arcs for lambda.
  void set_outside_weight(double outside_weight);
  /// Prices every filled opening at rho (the node arcs' cost -round(1e6 rho)).
  void set_demand_bonus(double rho);

  // Reading a solution.
  /// Graduates placed on local arcs.
  Count local_flow(const MinCostFlowResult& result) const;
  /// Openings filled: the flow on the node arcs.
  Count matched(const MinCostFlowResult& result) const;
  /// The optimum in value units: -cost / 1e6.
  static double value(Cost cost) { return kMarketCostScale.gain_value(cost); }

 private:
  MinCostFlow problem_;
  MarketLayout layout_ = MarketLayout::kTiersAfterLocals;
  OutsideTiers tiers_{1, 0.0};
  Index programmes_ = 0, nodes_ = 0;
  std::vector<Index> first_local_, end_local_;   // per programme
  std::vector<double> outside_multiple_;         // per programme and tier
  Index first_outside_ = 0, first_surplus_ = 0;  // kTiersAfterLocals
  Index first_node_arc_ = 0, outside_sink_arc_ = 0;
};

/// A specialty fits an occupation closely at this fit or above (the consistency
/// rule of recommendations.hpp).
inline constexpr double kCloseFit = 0.8;

/// Openings of programme p's own region left unfilled (openings less `matched`,
/// per node) at the nodes its specialty fits closely (fit >= kCloseFit) and
/// whose weight is worth more than leaving (w(p, n) > lambda): what a plan that
/// shrinks or closes p must explain.
double close_fit_unmet(const SupplyDemandGraph& graph, Index p, std::span<const double> matched,
                       double lambda);

/// Throws InvalidInput unless K is in [1, 64] and h in [0, 1) (named as the
/// gap options outside_tiers and outside_spread).
void check_outside_tiers(const OutsideTiers& tiers);

/// The gap analysis's network for a projection at lambda (gap_analysis.hpp):
/// outside capacity floor(outside_share x sum g) (none at share 1), tiers from
/// the options, layout kTiersAfterLocals.
MarketNetwork gap_market(const SupplyDemandGraph& graph, std::span<const std::string> programme_ids,
                         const GapOptions& options, double outside_weight);

}  // namespace sixlink::detail
