// Compiled as C++17 (see lemon_cost_scaling.hpp).
#include "lemon_cost_scaling.hpp"

#include <lemon/cost_scaling.h>
#include <lemon/smart_graph.h>

#include <stdexcept>

namespace sixlink::bench {

struct LemonCostScaling::Graph {
  lemon::SmartDigraph graph;
  lemon::SmartDigraph::ArcMap<std::int64_t> upper{graph}, cost{graph};
  lemon::SmartDigraph::NodeMap<std::int64_t> supply{graph};
};

LemonCostScaling::LemonCostScaling(std::int64_t nodes, const std::vector<std::int64_t>& tail,
                                   const std::vector<std::int64_t>& head,
                                   const std::vector<std::int64_t>& capacity,
                                   const std::vector<std::int64_t>& cost,
                                   const std::vector<std::int64_t>& supply)
    : graph_(std::make_unique<Graph>()) {
  auto& g = graph_->graph;
  g.reserveNode(static_cast<int>(nodes));
  g.reserveArc(static_cast<int>(tail.size()));
  std::vector<lemon::SmartDigraph::Node> ids;
  for (std::int64_t v = 0; v < nodes; ++v) {
    ids.push_back(g.addNode());
    graph_->supply[ids.back()] = supply[static_cast<std::size_t>(v)];
  }
  for (std::size_t a = 0; a < tail.size(); ++a) {
    const auto arc =
        g.addArc(ids[static_cast<std::size_t>(tail[a])], ids[static_cast<std::size_t>(head[a])]);
    graph_->upper[arc] = capacity[a];
    graph_->cost[arc] = cost[a];
  }
}

LemonCostScaling::~LemonCostScaling() = default;

std::int64_t LemonCostScaling::solve() const {
  using Scaling = lemon::CostScaling<lemon::SmartDigraph, std::int64_t, std::int64_t>;
  Scaling scaling(graph_->graph);
  scaling.upperMap(graph_->upper).costMap(graph_->cost).supplyMap(graph_->supply);
  if (scaling.run() != Scaling::OPTIMAL)
    throw std::runtime_error("LEMON cost scaling: not optimal");
  return scaling.totalCost<std::int64_t>();
}

}  // namespace sixlink::bench
