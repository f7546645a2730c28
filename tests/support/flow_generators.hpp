// Seeded instance generators for the min-cost-flow benchmarks.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink::bench {

/// A balanced transportation problem: `sources` supply nodes, `sinks` demand
/// nodes, `arcs` arcs from random sources to random sinks (every source gets
/// arcs/sources of them, distinct sinks), integer costs uniform in [1, max_cost],
/// infinite capacities, supplies uniform in [1, 100] and demands split evenly.
inline MinCostFlow transportation(Index sources, Index sinks, Index arcs, Cost max_cost,
                                  std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  MinCostFlow p(sources + sinks);
  Flow total = 0;
  for (Index s = 0; s < sources; ++s) {
    const Flow b = 1 + static_cast<Flow>(rng() % 100);
    p.set_supply(s, b);
    total += b;
  }
  for (Index t = 0; t < sinks; ++t) {
    p.set_supply(sources + t, -(total / sinks + (t < total % sinks ? 1 : 0)));
  }
  const Index per_source = arcs / sources;
  std::vector<std::uint32_t> seen(static_cast<std::size_t>(sinks), 0);
  for (Index s = 0; s < sources; ++s) {
    for (Index k = 0; k < per_source;) {
      const Index t = static_cast<Index>(rng() % static_cast<std::uint64_t>(sinks));
      if (seen[static_cast<std::size_t>(t)] == static_cast<std::uint32_t>(s + 1)) continue;
      seen[static_cast<std::size_t>(t)] = static_cast<std::uint32_t>(s + 1);
      p.add_arc(s, sources + t, kInfiniteCapacity,
                1 + static_cast<Cost>(rng() % static_cast<std::uint64_t>(max_cost)));
      ++k;
    }
  }
  return p;
}

/// A NETGEN-style network: `nodes` nodes of which `sources` supply and `sinks`
/// demand `total_supply` in all; a random spanning skeleton from the sources
/// keeps it feasible, then random arcs up to `arcs`, with costs in [1, max_cost]
/// and capacities in [cap_lo, cap_hi] (a share of them infinite).
inline MinCostFlow netgen(Index nodes, Index arcs, Index sources, Index sinks, Flow total_supply,
                          Cost max_cost, Flow cap_lo, Flow cap_hi, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  MinCostFlow p(nodes);
  auto pick = [&rng](Index n) { return static_cast<Index>(rng() % static_cast<std::uint64_t>(n)); };
  for (Index s = 0; s < sources; ++s)
    p.set_supply(s, total_supply / sources + (s < total_supply % sources ? 1 : 0));
  for (Index t = 0; t < sinks; ++t) {
    const Index v = nodes - 1 - t;
    p.set_supply(v, -(total_supply / sinks + (t < total_supply % sinks ? 1 : 0)));
  }
  // Skeleton: each non-source node gets an infinite arc from an earlier node, so
  // every node is reachable from source 0's tree and the problem is feasible.
  for (Index v = 1; v < nodes; ++v)
    p.add_arc(pick(v), v, kInfiniteCapacity, 1 + static_cast<Cost>(rng() % max_cost));
  for (Index s = 1; s < sources; ++s)
    p.add_arc(s, 0, kInfiniteCapacity, 1 + static_cast<Cost>(rng() % max_cost));
  while (p.arc_count() < arcs) {
    const Index u = pick(nodes), v = pick(nodes);
    if (u == v) continue;
    const Flow cap = rng() % 5 == 0 ? kInfiniteCapacity
                                    : cap_lo + static_cast<Flow>(rng() % (cap_hi - cap_lo + 1));
    p.add_arc(u, v, cap, 1 + static_cast<Cost>(rng() % max_cost));
  }
  return p;
}

}  // namespace sixlink::bench
