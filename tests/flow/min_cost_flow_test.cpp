#include "sixlink/flow/min_cost_flow.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <functional>
#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

#include "sixlink/core/error.hpp"
#include "sixlink/verify/flow_certificate.hpp"
#include "support/random_flow.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;

// Solves and checks the certificate of whatever came back.
MinCostFlowResult solve_checked(MinCostFlow& p, const MinCostFlowOptions& options = {}) {
  MinCostFlowResult r = p.solve(options);
  const CertificateCheck check = check_min_cost_flow(p, r);
  EXPECT_TRUE(check.ok) << check.failure << " (status " << to_string(r.status) << ")";
  return r;
}

// Brute force over every integer flow, with infinite capacities cut at `cap`.
std::optional<Cost> brute_force(const MinCostFlow& p, Flow infinite_as) {
  const Index m = p.arc_count();
  std::vector<Flow> x(static_cast<std::size_t>(m));
  std::vector<Flow> hi(static_cast<std::size_t>(m));
  for (Index a = 0; a < m; ++a) {
    x[static_cast<std::size_t>(a)] = p.lower(a);
    hi[static_cast<std::size_t>(a)] =
        p.capacity(a) == kInfiniteCapacity ? infinite_as : p.capacity(a);
  }
  std::optional<Cost> best;
  std::function<void(Index)> go = [&](Index a) {
    if (a == m) {
      std::vector<Flow> net(static_cast<std::size_t>(p.node_count()), 0);
      Cost cost = 0;
      for (Index k = 0; k < m; ++k) {
        net[static_cast<std::size_t>(p.tail(k))] += x[static_cast<std::size_t>(k)];
        net[static_cast<std::size_t>(p.head(k))] -= x[static_cast<std::size_t>(k)];
        cost += x[static_cast<std::size_t>(k)] * p.cost(k);
      }
      for (Index v = 0; v < p.node_count(); ++v) {
        const Flow out = net[static_cast<std::size_t>(v)], b = p.supply(v);
        const bool ok = p.supply_mode() == SupplyMode::kExact          ? out == b
                        : p.supply_mode() == SupplyMode::kSupplyAtMost ? out <= b
                                                                       : out >= b;
        if (!ok) return;
      }
      if (!best || cost < *best) best = cost;
      return;
    }
    for (Flow f = p.lower(a); f <= hi[static_cast<std::size_t>(a)]; ++f) {
      x[static_cast<std::size_t>(a)] = f;
      go(a + 1);
    }
  };
  go(0);
  return best;
}

// The header's example on a 3-node problem: 5 units from node 0 to node 2,
// through node 1 (cost 2, at most 4) or directly (cost 3, with `direct_lower`).
void add_header_example(MinCostFlow& p, Flow direct_lower = 0) {
  p.set_supply(0, 5);
  p.set_supply(2, -5);
  p.add_arc(0, 1, 4, 1);
  p.add_arc(1, 2, kInfiniteCapacity, 1);
  p.add_arc(0, 2, 10, 3, direct_lower);
}

TEST(MinCostFlow, HeaderExample) {
  MinCostFlow p(3);
  add_header_example(p);
  const auto r = solve_checked(p);
  ASSERT_EQ(r.status, FlowStatus::kOptimal);
  EXPECT_EQ(r.cost, 11);
  EXPECT_EQ(r.flow, (std::vector<Flow>{4, 4, 1}));
}

TEST(MinCostFlow, ReservedArcsChangeNothing) {
  MinCostFlow reserved(3), grown(3);
  reserved.reserve_arcs(3);
  for (MinCostFlow* p : {&reserved, &grown}) add_header_example(*p);
  const auto a = solve_checked(reserved), b = solve_checked(grown);
  EXPECT_EQ(a.cost, 11);
  EXPECT_EQ(a.flow, b.flow);
  EXPECT_EQ(a.potential, b.potential);
}

// Lower bounds are stored only once one is nonzero: the first one, added to an
// arc later or set on a solved problem (a warm re-solve), reads as before.
TEST(MinCostFlow, TheFirstLowerBoundArrivesLate) {
  MinCostFlow p(3);
  add_header_example(p);
  EXPECT_EQ(p.lower(2), 0);
  EXPECT_THROW(static_cast<void>(p.lower(3)), std::out_of_range);
  EXPECT_EQ(solve_checked(p).cost, 11);
  p.set_bounds(2, 3, 10);  // the first lower bound, on a solved problem
  EXPECT_EQ(p.lower(2), 3);
  EXPECT_EQ(p.lower(0), 0);
  const auto warm = solve_checked(p);
  EXPECT_TRUE(warm.warm_started);
  EXPECT_EQ(warm.cost, 2 * 2 + 3 * 3);
  EXPECT_EQ(warm.flow, (std::vector<Flow>{2, 2, 3}));
  p.set_bounds(2, 0, 10);  // back to none
  EXPECT_EQ(solve_checked(p).cost, 11);

  MinCostFlow late(3);
  add_header_example(late, 3);  // the first lower bound, on the last arc
  EXPECT_EQ(late.lower(0), 0);
  EXPECT_EQ(late.lower(2), 3);
  EXPECT_EQ(solve_checked(late).flow, (std::vector<Flow>{2, 2, 3}));
}

TEST(MinCostFlow, EmptyAndTrivialProblems) {
  MinCostFlow empty;
  auto r = solve_checked(empty);
  EXPECT_EQ(r.status, FlowStatus::kOptimal);
  EXPECT_EQ(r.cost, 0);
  MinCostFlow lonely(2);
  r = solve_checked(lonely);
  EXPECT_EQ(r.status, FlowStatus::kOptimal);
  EXPECT_EQ(r.potential.size(), 2u);
}

TEST(MinCostFlow, SelfLoopsAndParallelArcs) {
  MinCostFlow p(2);
  p.add_arc(0, 0, 3, -2);  // negative self-loop: saturated
  p.add_arc(1, 1, 3, 2);   // positive self-loop: empty
  p.set_supply(0, 4);
  p.set_supply(1, -4);
  p.add_arc(0, 1, 2, 5);
  p.add_arc(0, 1, 5, 7);  // parallel, dearer
  const auto r = solve_checked(p);
  ASSERT_EQ(r.status, FlowStatus::kOptimal);
  EXPECT_EQ(r.flow, (std::vector<Flow>{3, 0, 2, 2}));
  EXPECT_EQ(r.cost, -6 + 10 + 14);
  MinCostFlow loop(1);
  loop.add_arc(0, 0, kInfiniteCapacity, -1);
  const auto u = solve_checked(loop);
  EXPECT_EQ(u.status, FlowStatus::kUnbounded);
  EXPECT_EQ(u.negative_cycle, (std::vector<Index>{0}));
}

TEST(MinCostFlow, UnbalancedExactIsInfeasibleWithACut) {
  MinCostFlow p(3);
  p.set_supply(0, 5);
  p.set_supply(2, -3);
  p.add_arc(0, 1, 10, 1);
  p.add_arc(1, 2, 10, 1);
  const auto r = solve_checked(p);
  ASSERT_EQ(r.status, FlowStatus::kInfeasible);
  ASSERT_TRUE(r.cut.has_value());
  EXPECT_GT(r.cut->net_supply, r.cut->cut_capacity);
  EXPECT_THAT(r.message, HasSubstr("infeasible"));
}

TEST(MinCostFlow, BottleneckCutNamesTheSourceSide) {
  // 0 -> 1 can carry 2 of the 5 units 0 must send.
  MinCostFlow p(3);
  p.set_supply(0, 5);
  p.set_supply(2, -5);
  p.add_arc(0, 1, 2, 1);
  p.add_arc(1, 2, 10, 1);
  const auto r = solve_checked(p);
  ASSERT_EQ(r.status, FlowStatus::kInfeasible);
  EXPECT_EQ(r.cut->side, InfeasibilityCut::Side::kSupplyCannotLeave);
  EXPECT_EQ(r.cut->nodes, (std::vector<Index>{0}));
  EXPECT_EQ(r.cut->net_supply, 5);
  EXPECT_EQ(r.cut->cut_capacity, 2);
}

TEST(MinCostFlow, SupplyModes) {
  // Two suppliers of 4 and one demand of 5 over equal routes.
  auto make = [](SupplyMode mode) {
    MinCostFlow p(3);
    p.set_supply_mode(mode);
    p.set_supply(0, 4);
    p.set_supply(1, 4);
    p.set_supply(2, -5);
    p.add_arc(0, 2, 10, 1);
    p.add_arc(1, 2, 10, 2);
    return p;
  };
  MinCostFlow exact = make(SupplyMode::kExact);
  EXPECT_EQ(solve_checked(exact).status, FlowStatus::kInfeasible);
  MinCostFlow leq = make(SupplyMode::kSupplyAtMost);  // surplus stays: 4 from 0, 1 from 1
  auto r = solve_checked(leq);
  ASSERT_EQ(r.status, FlowStatus::kOptimal);
  EXPECT_EQ(r.cost, 4 + 2);
  MinCostFlow geq = make(SupplyMode::kDemandAtMost);  // every supply must go: 8 > 5
  EXPECT_EQ(solve_checked(geq).status, FlowStatus::kInfeasible);
}

TEST(MinCostFlow, RejectsBadInput) {
  MinCostFlow p(2);
  EXPECT_THROW(p.add_arc(0, 2, 1, 1), InvalidInput);
  EXPECT_THROW(p.add_arc(-1, 0, 1, 1), InvalidInput);
  EXPECT_THAT(
      [&] {
        try {
          p.add_arc(0, 1, -3, 1);
        } catch (const InvalidInput& e) {
          return std::string(e.what());
        }
        return std::string();
      }(),
      HasSubstr("arc 0: capacity -3 is negative"));
  EXPECT_THROW(p.add_arc(0, 1, 3, 1, 4), InvalidInput);  // lower above capacity
  EXPECT_THROW(p.set_cost(7, 1), InvalidInput);
  EXPECT_THROW(p.set_supply(5, 1), InvalidInput);
  EXPECT_THROW(p.reserve_arcs(-1), InvalidInput);
  const std::vector<Index> tail{0}, head{3};
  const std::vector<Flow> cap{1}, supply{0, 0};
  const std::vector<Cost> cost{1};
  EXPECT_THROW(solve_min_cost_flow(2, tail, head, cap, cost, supply), InvalidInput);
  EXPECT_THROW(solve_min_cost_flow(2, tail, std::vector<Index>{}, cap, cost, supply), InvalidInput);
}

TEST(MinCostFlow, OutOfRangeInsteadOfOverflow) {
  MinCostFlow p(2);
  p.add_arc(0, 1, 1, Cost{1} << 59);
  EXPECT_EQ(p.solve().status, FlowStatus::kOutOfRange);
  MinCostFlow q(2);
  q.set_supply(0, Flow{1} << 62);
  q.set_supply(1, -(Flow{1} << 62));
  q.add_arc(0, 1, kInfiniteCapacity, 1);
  const auto r = q.solve();
  EXPECT_EQ(r.status, FlowStatus::kOutOfRange);
  EXPECT_THAT(r.message, HasSubstr("out of range"));
  // Data in range, but the optimal cost exceeds int64.
  MinCostFlow big(2);
  big.set_supply(0, Flow{1} << 40);
  big.set_supply(1, -(Flow{1} << 40));
  big.add_arc(0, 1, kInfiniteCapacity, Cost{1} << 40);
  EXPECT_EQ(big.solve().status, FlowStatus::kOutOfRange);
  // A warm re-solve checks the changed arcs too, and recovers once they are back.
  MinCostFlow warm(2);
  warm.set_supply(0, 3);
  warm.set_supply(1, -3);
  warm.add_arc(0, 1, kInfiniteCapacity, 5);
  warm.add_arc(0, 1, 2, 1);
  ASSERT_EQ(warm.solve().cost, 2 * 1 + 1 * 5);
  warm.set_cost(1, Cost{1} << 59);
  EXPECT_EQ(warm.solve().status, FlowStatus::kOutOfRange);
  warm.set_cost(1, 1);
  warm.set_bounds(0, 0, Flow{1} << 62);
  EXPECT_EQ(warm.solve().status, FlowStatus::kOutOfRange);
  warm.set_bounds(0, 1, kInfiniteCapacity);
  const auto back = warm.solve();
  ASSERT_EQ(back.status, FlowStatus::kOptimal);
  EXPECT_EQ(back.cost, 2 * 1 + 1 * 5);
}

// Costs at the top of the range: a pivot shifts the potentials of whichever side
// of the tree is smaller, so the root's potential drifts during a solve; the
// drift must stay small enough for prices never to overflow (the sanitizer build
// runs this) and be gone from the result (the at-most modes' certificates need
// p_v = 0 where a node keeps slack).
TEST(MinCostFlow, CostsAtTheTopOfTheRangeStayExact) {
  for (SupplyMode mode : {SupplyMode::kExact, SupplyMode::kSupplyAtMost, SupplyMode::kDemandAtMost})
    for (std::uint64_t seed = 0; seed < 8; ++seed) {
      testing::RandomFlowSpec spec;
      spec.nodes = 300;
      spec.arcs = 900;
      // max|c| (n + 2) just below 2^59 (the limit is 2^60): big M is near 2^59
      // then, and so are the shifts; small flows keep the optimal cost in int64.
      spec.max_cost = ((Cost{1} << 59) - 1) / (spec.nodes + 2);
      spec.min_cost = seed % 2 == 0 ? -spec.max_cost : 0;
      spec.infinite_share = seed % 2 == 0 ? 0.0 : 0.2;  // negative costs: finite arcs only
      spec.max_capacity = 3;
      spec.max_supply = 3;
      spec.mode = mode;
      spec.feasible = true;
      MinCostFlow p = testing::random_flow_problem(spec, seed);
      MinCostFlowOptions block, list;
      block.pricing = Pricing::kBlockSearch;
      list.pricing = Pricing::kCandidateList;
      MinCostFlow a = p, b = p;
      const auto by_block = solve_checked(a, block);
      const auto by_list = solve_checked(b, list);
      ASSERT_EQ(by_block.status, FlowStatus::kOptimal)
          << "seed " << seed << ": " << by_block.message;
      ASSERT_EQ(by_list.status, FlowStatus::kOptimal) << "seed " << seed << ": " << by_list.message;
      EXPECT_EQ(by_list.cost, by_block.cost) << "seed " << seed;
    }
}

// Both starts (artificial and crash) on every tiny graph.
TEST(MinCostFlow, AgreesWithBruteForceOnTinyGraphs) {
  int optimal = 0, infeasible = 0, unbounded = 0, crash_differs = 0;
  MinCostFlowOptions crash;
  crash.crash_start = true;
  for (std::uint64_t seed = 0; seed < 20000; ++seed) {
    testing::RandomFlowSpec spec;
    spec.nodes = 1 + static_cast<Index>(seed % 5);
    spec.arcs = static_cast<Index>(seed % 7);
    spec.max_capacity = 3;
    spec.max_supply = 2;
    spec.infinite_share = 0.15;
    spec.balanced = seed % 5 != 0;
    spec.mode = static_cast<SupplyMode>(seed % 3);
    MinCostFlow p = testing::random_flow_problem(spec, seed);
    MinCostFlow crashed = p;
    const auto r = solve_checked(p);
    const auto c = solve_checked(crashed, crash);
    EXPECT_EQ(c.status, r.status) << "seed " << seed;
    if (c.status == FlowStatus::kOptimal) {
      EXPECT_EQ(c.cost, r.cost) << "seed " << seed;
    }
    crash_differs += c.iterations != r.iterations;
    const auto small = brute_force(p, 8);
    const auto large = brute_force(p, 16);
    if (!small) {
      EXPECT_EQ(r.status, FlowStatus::kInfeasible) << "seed " << seed;
      ++infeasible;
    } else if (*large < *small) {  // cost keeps falling as infinite arcs open up
      EXPECT_EQ(r.status, FlowStatus::kUnbounded) << "seed " << seed;
      ++unbounded;
    } else {
      ASSERT_EQ(r.status, FlowStatus::kOptimal) << "seed " << seed;
      EXPECT_EQ(r.cost, *small) << "seed " << seed;
      ++optimal;
    }
  }
  std::printf(
      "tiny graphs: %d optimal, %d infeasible, %d unbounded; the crash start pivoted "
      "differently on %d\n",
      optimal, infeasible, unbounded, crash_differs);
  EXPECT_GT(crash_differs, 1000);  // it took another path, to the same answers
  EXPECT_GT(optimal, 3500);
  EXPECT_GT(infeasible, 10000);
  EXPECT_GT(unbounded, 300);
}

TEST(MinCostFlow, WarmResolveEqualsColdSolve) {
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    testing::RandomFlowSpec spec;
    spec.nodes = 30;
    spec.arcs = 150;
    spec.min_cost = 0;
    spec.max_cost = 100;
    spec.max_capacity = 20;
    spec.infinite_share = 0.3;
    spec.self_loops = false;
    spec.mode = static_cast<SupplyMode>(seed % 3);
    MinCostFlow p = testing::random_flow_problem(spec, seed);
    solve_checked(p);
    std::mt19937_64 rng(seed);
    for (int round = 0; round < 5; ++round) {
      // Change a few costs, a capacity and a pair of supplies, then re-solve.
      for (int k = 0; k < 5; ++k)
        p.set_cost(static_cast<Index>(rng() % 150), static_cast<Cost>(rng() % 100));
      const auto arc = static_cast<Index>(rng() % 150);
      const auto capacity = static_cast<Flow>(rng() % 30);
      p.set_bounds(arc, round == 3 ? capacity / 3 : 0, capacity);  // a lower bound too
      if (round % 2 == 1) {
        p.set_supply(1, p.supply(1) + 2);
        p.set_supply(2, p.supply(2) - 2);
      }
      const auto again = solve_checked(p);
      EXPECT_TRUE(again.warm_started) << "seed " << seed << " round " << round;
      MinCostFlow fresh = p;  // copies hold no basis
      const auto cold = solve_checked(fresh);
      ASSERT_EQ(again.status, cold.status) << "seed " << seed << " round " << round;
      if (cold.status == FlowStatus::kOptimal) {
        EXPECT_EQ(again.cost, cold.cost);
      }
      EXPECT_FALSE(cold.warm_started);
    }
  }
}

TEST(MinCostFlow, WarmResolvesAgreeWithBruteForceAfterAnyChange) {
  for (std::uint64_t seed = 0; seed < 4000; ++seed) {
    testing::RandomFlowSpec spec;
    spec.nodes = 2 + static_cast<Index>(seed % 4);
    spec.arcs = 2 + static_cast<Index>(seed % 5);
    spec.max_capacity = 3;
    spec.max_supply = 2;
    spec.mode = static_cast<SupplyMode>(seed % 3);
    MinCostFlow p = testing::random_flow_problem(spec, seed);
    p.solve();
    std::mt19937_64 rng(seed);
    for (int round = 0; round < 3; ++round) {
      const auto arc = static_cast<Index>(rng() % static_cast<std::uint64_t>(p.arc_count()));
      const auto node = static_cast<Index>(rng() % static_cast<std::uint64_t>(p.node_count()));
      switch (rng() % 4) {
        case 0:
          p.set_cost(arc, static_cast<Cost>(rng() % 11) - 4);
          break;
        case 1:
          p.set_bounds(arc, static_cast<Flow>(rng() % 2), 1 + static_cast<Flow>(rng() % 3));
          break;
        case 2:
          p.set_bounds(arc, 0, kInfiniteCapacity);
          break;
        default:
          p.set_supply(node, static_cast<Flow>(rng() % 5) - 2);
          break;
      }
      const auto r = solve_checked(p);
      EXPECT_TRUE(r.warm_started);
      const auto small = brute_force(p, 8);
      const auto large = brute_force(p, 16);
      if (!small) {
        EXPECT_EQ(r.status, FlowStatus::kInfeasible) << "seed " << seed << " round " << round;
      } else if (*large < *small) {
        EXPECT_EQ(r.status, FlowStatus::kUnbounded) << "seed " << seed << " round " << round;
      } else {
        ASSERT_EQ(r.status, FlowStatus::kOptimal) << "seed " << seed << " round " << round;
        EXPECT_EQ(r.cost, *small) << "seed " << seed << " round " << round;
      }
    }
  }
}

TEST(MinCostFlow, CostChangesAlwaysWarmStart) {
  testing::RandomFlowSpec spec;
  spec.nodes = 40;
  spec.arcs = 300;
  spec.min_cost = 0;
  spec.max_cost = 50;
  spec.infinite_share = 1.0;
  spec.self_loops = false;
  MinCostFlow p = testing::random_flow_problem(spec, 7);
  ASSERT_EQ(solve_checked(p).status, FlowStatus::kOptimal);
  for (Index a = 0; a < 300; a += 7) p.set_cost(a, 25);
  const auto r = solve_checked(p);
  EXPECT_TRUE(r.warm_started);
  MinCostFlow fresh = p;
  EXPECT_EQ(solve_checked(fresh).cost, r.cost);
}

// A placement-like network: unit graduates with arcs of negative cost (a gain)
// to openings, each able to stay unplaced at the sink; openings send their
// seats to the sink, so the crash start can hang every opening (and, where their
// slack arcs have room, the graduates) from the sink. The test checks what that
// buys: the artificial start's optimum in fewer pivots, and a basis that serves
// warm re-solves equal to cold ones.
MinCostFlow sink_model(std::uint64_t seed, Flow slack_capacity) {
  std::mt19937_64 rng(seed);
  const Index graduates = 300, openings = 40, sink = graduates + openings;
  MinCostFlow p(sink + 1);
  for (Index g = 0; g < graduates; ++g) {
    p.set_supply(g, 1);
    for (int k = 0; k < 6; ++k)
      p.add_arc(g, graduates + static_cast<Index>(rng() % openings), 1,
                -static_cast<Cost>(rng() % 1000));
    p.add_arc(g, sink, slack_capacity, 0);
  }
  for (Index j = 0; j < openings; ++j)
    p.add_arc(graduates + j, sink, 1 + static_cast<Flow>(rng() % 10), 0);
  p.set_supply(sink, -graduates);
  return p;
}

TEST(MinCostFlow, CrashStartReachesTheSameOptimumInFewerPivots) {
  MinCostFlowOptions crash;
  crash.crash_start = true;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    for (Flow slack : {Flow{1}, kInfiniteCapacity}) {
      MinCostFlow plain = sink_model(seed, slack), crashed = plain;
      const auto a = solve_checked(plain);
      const auto b = solve_checked(crashed, crash);
      ASSERT_EQ(a.status, FlowStatus::kOptimal);
      ASSERT_EQ(b.status, FlowStatus::kOptimal);
      EXPECT_EQ(b.cost, a.cost) << "seed " << seed;
      EXPECT_LT(b.iterations, a.iterations) << "seed " << seed;
      std::mt19937_64 rng(seed + 100);
      for (int round = 0; round < 3; ++round) {
        for (int k = 0; k < 20; ++k) {
          const auto arc =
              static_cast<Index>(rng() % static_cast<std::uint64_t>(crashed.arc_count()));
          if (crashed.head(arc) != crashed.node_count() - 1)
            crashed.set_cost(arc, -static_cast<Cost>(rng() % 1000));
        }
        const auto again = solve_checked(crashed, crash);
        EXPECT_TRUE(again.warm_started);
        MinCostFlow fresh = crashed;
        EXPECT_EQ(solve_checked(fresh).cost, again.cost) << "seed " << seed << " round " << round;
      }
    }
  }
}

// Cost scaling, asked for explicitly, on every tiny graph: what it takes (exact,
// balanced, no negative infinite arc) it solves with a certificate; the rest goes
// to the simplex, so statuses and costs always match the brute force.
TEST(MinCostFlowAlgorithms, CostScalingAgreesWithBruteForceOnTinyGraphs) {
  int by_scaling = 0;
  MinCostFlowOptions options;
  options.algorithm = FlowAlgorithm::kCostScaling;
  for (std::uint64_t seed = 0; seed < 20000; ++seed) {
    testing::RandomFlowSpec spec;
    spec.nodes = 1 + static_cast<Index>(seed % 5);
    spec.arcs = static_cast<Index>(seed % 7);
    spec.max_capacity = 3;
    spec.max_supply = 2;
    spec.infinite_share = 0.15;
    spec.min_cost = seed % 2 ? -5 : 0;
    spec.feasible = seed % 3 != 0;
    spec.mode = seed % 4 == 0 ? SupplyMode::kSupplyAtMost : SupplyMode::kExact;
    MinCostFlow p = testing::random_flow_problem(spec, seed);
    const auto r = solve_checked(p, options);
    const auto small = brute_force(p, 8);
    const auto large = brute_force(p, 16);
    if (!small) {
      EXPECT_EQ(r.status, FlowStatus::kInfeasible) << "seed " << seed;
    } else if (*large < *small) {
      EXPECT_EQ(r.status, FlowStatus::kUnbounded) << "seed " << seed;
    } else {
      ASSERT_EQ(r.status, FlowStatus::kOptimal) << "seed " << seed;
      EXPECT_EQ(r.cost, *small) << "seed " << seed;
    }
    if (r.algorithm == FlowAlgorithm::kCostScaling) {
      ++by_scaling;
      EXPECT_EQ(r.status, FlowStatus::kOptimal) << "seed " << seed;
      EXPECT_EQ(p.supply_mode(), SupplyMode::kExact) << "seed " << seed;
    }
  }
  std::printf("tiny graphs: %d solved by cost scaling\n", by_scaling);
  EXPECT_GT(by_scaling, 8000);
}

// Cost scaling and both pricing rules of the simplex reach the same optimum, with
// certificates, on larger random networks with lower bounds, negative costs and
// infinite capacities.
TEST(MinCostFlowAlgorithms, EveryAlgorithmReachesTheSameOptimum) {
  int by_scaling = 0;
  for (std::uint64_t seed = 0; seed < 120; ++seed) {
    testing::RandomFlowSpec spec;
    spec.nodes = 20 + static_cast<Index>(seed % 6) * 50;
    spec.arcs = spec.nodes * (3 + static_cast<Index>(seed % 40));
    spec.min_cost = seed % 3 == 0 ? -200 : 0;
    spec.max_cost = 1000;
    spec.max_capacity = 50;
    spec.infinite_share = seed % 3 == 0 ? 0.0 : 0.2;  // negative costs: finite arcs only
    spec.lower_share = 0.1;
    spec.max_supply = 40;
    spec.self_loops = seed % 2 == 0;
    spec.feasible = true;
    MinCostFlow p = testing::random_flow_problem(spec, seed);
    MinCostFlowOptions block, list, scaling, crash;
    block.algorithm = list.algorithm = FlowAlgorithm::kNetworkSimplex;
    block.pricing = Pricing::kBlockSearch;
    list.pricing = Pricing::kCandidateList;
    scaling.algorithm = FlowAlgorithm::kCostScaling;
    crash.crash_start = true;
    MinCostFlow a = p, b = p, c = p, d = p;
    const auto by_block = solve_checked(a, block);
    const auto by_list = solve_checked(b, list);
    const auto by_cost_scaling = solve_checked(c, scaling);
    const auto by_crash = solve_checked(d, crash);
    ASSERT_EQ(by_block.status, FlowStatus::kOptimal) << "seed " << seed;
    ASSERT_EQ(by_list.status, FlowStatus::kOptimal) << "seed " << seed;
    ASSERT_EQ(by_cost_scaling.status, FlowStatus::kOptimal) << "seed " << seed;
    ASSERT_EQ(by_crash.status, FlowStatus::kOptimal) << "seed " << seed;
    EXPECT_EQ(by_crash.cost, by_block.cost) << "seed " << seed;
    EXPECT_EQ(by_list.cost, by_block.cost) << "seed " << seed;
    EXPECT_EQ(by_cost_scaling.cost, by_block.cost) << "seed " << seed;
    by_scaling += by_cost_scaling.algorithm == FlowAlgorithm::kCostScaling;
  }
  EXPECT_EQ(by_scaling, 120);
}

TEST(MinCostFlowAlgorithms, CostScalingLeavesWhatItCannotCertifyToTheSimplex) {
  MinCostFlowOptions options;
  options.algorithm = FlowAlgorithm::kCostScaling;
  // No feasible flow: the simplex answers, with its cut.
  MinCostFlow infeasible(3);
  infeasible.set_supply(0, 5);
  infeasible.set_supply(2, -5);
  infeasible.add_arc(0, 1, 3, 1);
  infeasible.add_arc(1, 2, kInfiniteCapacity, 1);
  const auto cut = solve_checked(infeasible, options);
  EXPECT_EQ(cut.status, FlowStatus::kInfeasible);
  EXPECT_EQ(cut.algorithm, FlowAlgorithm::kNetworkSimplex);
  ASSERT_TRUE(cut.cut.has_value());
  // A negative cycle of infinite arcs: unbounded, found by the simplex.
  MinCostFlow unbounded(2);
  unbounded.add_arc(0, 1, kInfiniteCapacity, -2);
  unbounded.add_arc(1, 0, kInfiniteCapacity, 1);
  const auto cycle = solve_checked(unbounded, options);
  EXPECT_EQ(cycle.status, FlowStatus::kUnbounded);
  EXPECT_EQ(cycle.algorithm, FlowAlgorithm::kNetworkSimplex);
  // A negative finite cycle is cost scaling's to solve.
  MinCostFlow finite(2);
  finite.add_arc(0, 1, 4, -3);
  finite.add_arc(1, 0, kInfiniteCapacity, 1);
  const auto saturated = solve_checked(finite, options);
  EXPECT_EQ(saturated.status, FlowStatus::kOptimal);
  EXPECT_EQ(saturated.algorithm, FlowAlgorithm::kCostScaling);
  EXPECT_EQ(saturated.cost, 4 * (-3 + 1));
  // Costs whose scaled range (|cost| x (nodes + 1)) leaves no room: the simplex.
  MinCostFlow wide(2);
  wide.set_supply(0, 1);
  wide.set_supply(1, -1);
  wide.add_arc(0, 1, 1, Cost{1} << 41);
  const auto big = solve_checked(wide, options);
  EXPECT_EQ(big.status, FlowStatus::kOptimal);
  EXPECT_EQ(big.algorithm, FlowAlgorithm::kNetworkSimplex);
}

TEST(MinCostFlowAlgorithms, ResolvesAfterCostScalingStartTheSimplexAfresh) {
  testing::RandomFlowSpec spec;
  spec.nodes = 60;
  spec.arcs = 400;
  spec.min_cost = 0;
  spec.max_cost = 100;
  spec.max_capacity = 20;
  spec.feasible = true;
  MinCostFlow p = testing::random_flow_problem(spec, 11);
  MinCostFlowOptions scaling;
  scaling.algorithm = FlowAlgorithm::kCostScaling;
  ASSERT_EQ(solve_checked(p, scaling).algorithm, FlowAlgorithm::kCostScaling);
  p.set_cost(3, 7);
  p.set_bounds(5, 0, 2);
  const auto again = solve_checked(p);
  MinCostFlow fresh = p;
  const auto cold = solve_checked(fresh);
  ASSERT_EQ(again.status, cold.status);
  EXPECT_EQ(again.cost, cold.cost);
  EXPECT_FALSE(again.warm_started);  // no basis was kept
  p.set_cost(4, 9);
  EXPECT_TRUE(solve_checked(p).warm_started);  // the simplex's basis from here on
}

}  // namespace
}  // namespace sixlink
