// Runs LEMON's NetworkSimplex (Debian's liblemon-dev) on a sixlink MinCostFlow,
// the peer sixlink's min-cost-flow engine is compared against.
#pragma once

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <optional>

#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink::testing {

struct LemonOutcome {
  FlowStatus status;  // kOptimal, kInfeasible or kUnbounded
  Cost cost = 0;
};

enum class LemonPivot { kBlockSearch, kAlteringList };

class LemonFlow {
 public:
  explicit LemonFlow(const MinCostFlow& p)
      : lower_(graph_), upper_(graph_), cost_(graph_), supply_(graph_) {
    graph_.reserveNode(static_cast<int>(p.node_count()));
    graph_.reserveArc(static_cast<int>(p.arc_count()));
    for (Index v = 0; v < p.node_count(); ++v) {
      nodes_.push_back(graph_.addNode());
      supply_[nodes_.back()] = p.supply(v);
    }
    for (Index a = 0; a < p.arc_count(); ++a) {
      const auto arc = graph_.addArc(nodes_[static_cast<std::size_t>(p.tail(a))],
                                     nodes_[static_cast<std::size_t>(p.head(a))]);
      lower_[arc] = p.lower(a);
      upper_[arc] = p.capacity(a);
      cost_[arc] = p.cost(a);
    }
    mode_ = p.supply_mode();
    for (Index v = 0; v < p.node_count(); ++v) sum_supply_ += p.supply(v);
  }

  LemonOutcome solve(LemonPivot pivot = LemonPivot::kBlockSearch) {
    using Simplex = lemon::NetworkSimplex<lemon::SmartDigraph, std::int64_t, std::int64_t>;
    // LEMON has no exact mode: its GEQ and LEQ coincide with it when supplies
    // balance, and an unbalanced exact problem is infeasible by definition.
    if (mode_ == SupplyMode::kExact && sum_supply_ != 0) return {FlowStatus::kInfeasible};
    Simplex simplex(graph_);
    simplex.lowerMap(lower_).upperMap(upper_).costMap(cost_).supplyMap(supply_);
    if (mode_ == SupplyMode::kSupplyAtMost) simplex.supplyType(Simplex::LEQ);
    if (mode_ == SupplyMode::kDemandAtMost) simplex.supplyType(Simplex::GEQ);
    const auto type = simplex.run(pivot == LemonPivot::kBlockSearch ? Simplex::BLOCK_SEARCH
                                                                    : Simplex::ALTERING_LIST);
    if (type == Simplex::INFEASIBLE) return {FlowStatus::kInfeasible};
    if (type == Simplex::UNBOUNDED) return {FlowStatus::kUnbounded};
    return {FlowStatus::kOptimal, simplex.totalCost<std::int64_t>()};
  }

 private:
  lemon::SmartDigraph graph_;
  std::vector<lemon::SmartDigraph::Node> nodes_;
  lemon::SmartDigraph::ArcMap<std::int64_t> lower_, upper_, cost_;
  lemon::SmartDigraph::NodeMap<std::int64_t> supply_;
  SupplyMode mode_;
  std::int64_t sum_supply_ = 0;
};

}  // namespace sixlink::testing
