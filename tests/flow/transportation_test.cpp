#include "sixlink/flow/transportation.hpp"

#include <gtest/gtest.h>

#include <random>

#include "sixlink/core/error.hpp"
#include "support/lemon_flow.hpp"

namespace sixlink {
namespace {

TEST(Transportation, SmallBalancedProblemWithDuals) {
  // Two sources (5, 5), two sinks (4, 6).
  const std::vector<Flow> supply{5, 5}, demand{4, 6};
  const std::vector<TransportationArc> arcs{{0, 0, 1}, {0, 1, 3}, {1, 0, 2}, {1, 1, 1}};
  const TransportationResult r = solve_transportation(supply, demand, arcs);
  ASSERT_EQ(r.status, FlowStatus::kOptimal);
  EXPECT_EQ(r.cost, 4 * 1 + 1 * 3 + 5 * 1);
  for (std::size_t a = 0; a < arcs.size(); ++a) {
    const Cost rc = arcs[a].cost + r.source_potential[static_cast<std::size_t>(arcs[a].source)] -
                    r.sink_potential[static_cast<std::size_t>(arcs[a].sink)];
    EXPECT_GE(rc, 0);
    if (r.flow[a] > 0) {
      EXPECT_EQ(rc, 0);
    }
  }
}

TEST(Transportation, UnbalancedModesAndCuts) {
  const std::vector<Flow> supply{10, 3}, demand{4, 4};
  const std::vector<TransportationArc> arcs{{0, 0, 1, 2}, {0, 1, 1}, {1, 0, 5}};
  EXPECT_EQ(solve_transportation(supply, demand, arcs).status, FlowStatus::kInfeasible);
  const auto leq = solve_transportation(supply, demand, arcs, SupplyMode::kSupplyAtMost);
  ASSERT_EQ(leq.status, FlowStatus::kOptimal);
  EXPECT_EQ(leq.cost, 2 * 1 + 4 * 1 + 2 * 5);
  // Sink 1 can only be reached from source 0; sink 0's demand of 4 needs source 1.
  const std::vector<Flow> short_supply{1, 1};
  const auto cut = solve_transportation(short_supply, demand, arcs, SupplyMode::kDemandAtMost);
  EXPECT_EQ(cut.status, FlowStatus::kOptimal);  // demand may stay unmet
}

TEST(Transportation, RejectsBadInput) {
  const std::vector<Flow> supply{1}, demand{1};
  EXPECT_THROW(
      solve_transportation(std::vector<Flow>{-1}, demand, std::vector<TransportationArc>{}),
      InvalidInput);
  EXPECT_THROW(solve_transportation(supply, demand, std::vector<TransportationArc>{{0, 3, 1}}),
               InvalidInput);
  EXPECT_THROW(solve_transportation(supply, demand, std::vector<TransportationArc>{{0, 0, 1, -2}}),
               InvalidInput);
}

TEST(Transportation, AgreesWithLemonOnRandomSparseInstances) {
  for (std::uint64_t seed = 0; seed < 30; ++seed) {
    std::mt19937_64 rng(seed);
    const Index sources = 60, sinks = 25;
    std::vector<Flow> supply(sources), demand(sinks, 0);
    Flow total = 0;
    for (auto& s : supply) total += (s = 1 + static_cast<Flow>(rng() % 50));
    for (Flow k = 0; k < total; ++k) ++demand[static_cast<std::size_t>(rng() % sinks)];
    std::vector<TransportationArc> arcs;
    MinCostFlow p(sources + sinks);
    for (Index i = 0; i < sources; ++i) p.set_supply(i, supply[static_cast<std::size_t>(i)]);
    for (Index j = 0; j < sinks; ++j)
      p.set_supply(sources + j, -demand[static_cast<std::size_t>(j)]);
    for (Index i = 0; i < sources; ++i) {
      for (int k = 0; k < 8; ++k) {
        const TransportationArc arc{
            i, static_cast<Index>(rng() % sinks), 1 + static_cast<Cost>(rng() % 1000),
            rng() % 3 == 0 ? kInfiniteCapacity : static_cast<Flow>(rng() % 60)};
        arcs.push_back(arc);
        p.add_arc(arc.source, sources + arc.sink, arc.capacity, arc.cost);
      }
    }
    const auto ours = solve_transportation(supply, demand, arcs);
    const auto theirs = testing::LemonFlow(p).solve();
    ASSERT_EQ(ours.status, theirs.status) << "seed " << seed;
    if (ours.status == FlowStatus::kOptimal) {
      EXPECT_EQ(ours.cost, theirs.cost) << "seed " << seed;
    }
  }
}

}  // namespace
}  // namespace sixlink
