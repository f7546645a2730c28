// Seeded random min-cost-flow instances for differential tests and benchmarks.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink::testing {

struct RandomFlowSpec {
  Index nodes = 6;
  Index arcs = 10;
  Cost min_cost = -5;
  Cost max_cost = 10;
  Flow max_capacity = 5;
  double infinite_share = 0.1;  // arcs with kInfiniteCapacity
  double lower_share = 0.1;     // arcs with a positive lower bound
  Flow max_supply = 6;
  bool balanced = true;
  bool self_loops = true;
  SupplyMode mode = SupplyMode::kExact;
  // Supplies from a random flow within the arcs' bounds (an infinite arc carries
  // at most max_capacity), so the problem is feasible in every mode; in the
  // at-most modes some supplies get up to max_supply of slack on top.
  bool feasible = false;
};

inline MinCostFlow random_flow_problem(const RandomFlowSpec& spec, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto uniform = [&rng](std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
  };
  auto chance = [&rng](double p) { return static_cast<double>(rng() >> 11) * 0x1.0p-53 < p; };
  MinCostFlow p(spec.nodes);
  p.set_supply_mode(spec.mode);
  for (Index a = 0; a < spec.arcs && spec.nodes > 0; ++a) {
    const Index tail = uniform(0, spec.nodes - 1);
    Index head = uniform(0, spec.nodes - 1);
    if (!spec.self_loops && spec.nodes > 1) {
      while (head == tail) head = uniform(0, spec.nodes - 1);
    }
    const Flow capacity =
        chance(spec.infinite_share) ? kInfiniteCapacity : uniform(0, spec.max_capacity);
    const Flow lower =
        chance(spec.lower_share) && capacity > 0 ? uniform(1, std::min<Flow>(capacity, 2)) : 0;
    p.add_arc(tail, head, capacity, uniform(spec.min_cost, spec.max_cost), lower);
  }
  if (spec.feasible) {
    std::vector<Flow> b(static_cast<std::size_t>(spec.nodes), 0);
    for (Index a = 0; a < p.arc_count(); ++a) {
      const Flow hi = p.capacity(a) == kInfiniteCapacity ? spec.max_capacity : p.capacity(a);
      const Flow x = uniform(p.lower(a), std::max(p.lower(a), hi));
      b[static_cast<std::size_t>(p.tail(a))] += x;
      b[static_cast<std::size_t>(p.head(a))] -= x;
    }
    for (Index v = 0; v < spec.nodes; ++v) {
      Flow slack = 0;  // out - in <= b stays feasible as b grows; out - in >= b as it falls
      if (spec.mode != SupplyMode::kExact && chance(0.3)) slack = uniform(1, spec.max_supply);
      p.set_supply(v, b[static_cast<std::size_t>(v)] +
                          (spec.mode == SupplyMode::kDemandAtMost ? -slack : slack));
    }
    return p;
  }
  Flow total = 0;
  for (Index v = 0; v < spec.nodes; ++v) {
    const Flow b = uniform(-spec.max_supply, spec.max_supply);
    p.set_supply(v, b);
    total += b;
  }
  if (spec.balanced && spec.nodes > 0) p.set_supply(0, p.supply(0) - total);
  return p;
}

}  // namespace sixlink::testing
