// Boost.Graph's successive_shortest_path_nonnegative_weights on a sixlink
// MinCostFlow with non-negative costs and no lower bounds: a baseline for scale
// (a few hundred times slower than LEMON on 100k-arc transportation problems,
// benchmarks/README.md), not a peer. The graph is built in the constructor, so
// that solve() times the algorithm alone, as the other solvers are timed.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink::bench {

class BoostSsp {
  using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using Graph = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS, boost::no_property,
      boost::property<
          boost::edge_capacity_t, long,
          boost::property<boost::edge_residual_capacity_t, long,
                          boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                          boost::property<boost::edge_weight_t, long>>>>>;

 public:
  explicit BoostSsp(const MinCostFlow& p)
      : g_(static_cast<std::size_t>(p.node_count()) + 2),
        source_(static_cast<std::size_t>(p.node_count())),
        sink_(source_ + 1) {
    Graph& g = g_;
    const auto source = source_, sink = sink_;
    auto capacity = get(boost::edge_capacity, g);
    auto reverse = get(boost::edge_reverse, g);
    auto weight = get(boost::edge_weight, g);
    Flow total = 0;
    for (Index v = 0; v < p.node_count(); ++v) total += p.supply(v) > 0 ? p.supply(v) : 0;
    auto add = [&](std::size_t u, std::size_t v, long cap, long cost) {
      const auto e = add_edge(u, v, g).first;
      const auto r = add_edge(v, u, g).first;
      capacity[e] = cap;
      capacity[r] = 0;
      weight[e] = cost;
      weight[r] = -cost;
      reverse[e] = r;
      reverse[r] = e;
    };
    for (Index a = 0; a < p.arc_count(); ++a) {
      const long cap = p.capacity(a) == kInfiniteCapacity ? total : p.capacity(a);
      add(static_cast<std::size_t>(p.tail(a)), static_cast<std::size_t>(p.head(a)), cap, p.cost(a));
    }
    for (Index v = 0; v < p.node_count(); ++v) {
      if (p.supply(v) > 0) add(source, static_cast<std::size_t>(v), p.supply(v), 0);
      if (p.supply(v) < 0) add(static_cast<std::size_t>(v), sink, -p.supply(v), 0);
    }
  }

  /// Solves once (the graph's residual capacities are consumed) and returns the cost.
  Cost solve() {
    boost::successive_shortest_path_nonnegative_weights(g_, source_, sink_);
    auto capacity = get(boost::edge_capacity, g_);
    auto residual = get(boost::edge_residual_capacity, g_);
    auto weight = get(boost::edge_weight, g_);
    Cost cost = 0;
    for (auto [e, end] = edges(g_); e != end; ++e) {
      if (capacity[*e] > 0) cost += (capacity[*e] - residual[*e]) * weight[*e];
    }
    return cost;
  }

 private:
  Graph g_;
  std::size_t source_, sink_;
};

}  // namespace sixlink::bench
