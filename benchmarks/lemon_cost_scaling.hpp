// LEMON's CostScaling behind a plain interface. Its header (through lemon/static_graph.h) calls
// std::allocator::construct, which C++20 removed, so it is compiled alone as C++17
// (lemon_cost_scaling.cpp) and reached from the C++20 benchmark through this header.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace sixlink::bench {

class LemonCostScaling {
 public:
  /// Builds LEMON's graph and maps (arcs tail[a] -> head[a], nodes 0-based, lower bounds 0).
  LemonCostScaling(std::int64_t nodes, const std::vector<std::int64_t>& tail,
                   const std::vector<std::int64_t>& head, const std::vector<std::int64_t>& capacity,
                   const std::vector<std::int64_t>& cost, const std::vector<std::int64_t>& supply);
  ~LemonCostScaling();
  /// Runs CostScaling (default method, partial augment-relabel) on a fresh algorithm object;
  /// returns the optimal cost, or throws std::runtime_error when the problem is not optimal.
  std::int64_t solve() const;

 private:
  struct Graph;
  std::unique_ptr<Graph> graph_;
};

}  // namespace sixlink::bench
