// sixlink's network simplex against LEMON's on seeded random instances: same
// status, same optimal cost, and sixlink's certificate checks out. Each family
// asserts how many instances it compared and how many of them by cost (both
// solvers optimal), so that the number stated in the README is the number tested:
// feasible instances (supplies from a random flow) give the optima, random
// supplies give mostly infeasible ones, compared by status. In all: 1,120
// instances, 684 compared by optimal cost, 429 infeasible and 7 unbounded
// compared by status (and sixlink's certificate of either).
#include <gtest/gtest.h>

#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/verify/flow_certificate.hpp"
#include "support/flow_generators.hpp"
#include "support/lemon_flow.hpp"
#include "support/random_flow.hpp"

namespace sixlink {
namespace {

struct Tally {
  int instances = 0;
  int optimal = 0;  // compared by cost
  int infeasible = 0;
  int unbounded = 0;
};

void expect_agreement(MinCostFlow& p, std::uint64_t seed, Tally& tally) {
  const MinCostFlowResult ours = p.solve();
  const CertificateCheck check = check_min_cost_flow(p, ours);
  ASSERT_TRUE(check.ok) << check.failure << " seed " << seed;
  const testing::LemonOutcome theirs = testing::LemonFlow(p).solve();
  ASSERT_EQ(ours.status, theirs.status) << "seed " << seed;
  ++tally.instances;
  switch (ours.status) {
    case FlowStatus::kOptimal:
      EXPECT_EQ(ours.cost, theirs.cost) << "seed " << seed;
      ++tally.optimal;
      break;
    case FlowStatus::kInfeasible:
      ++tally.infeasible;
      break;
    case FlowStatus::kUnbounded:
      ++tally.unbounded;
      break;
    default:
      ADD_FAILURE() << "seed " << seed << ": unexpected status";
  }
}

testing::RandomFlowSpec non_negative_spec(std::uint64_t seed, bool feasible) {
  testing::RandomFlowSpec spec;
  spec.nodes = 20 + static_cast<Index>(seed % 7) * 40;
  spec.arcs = spec.nodes * (3 + static_cast<Index>(seed % 5));
  spec.min_cost = 0;
  spec.max_cost = 1000;
  spec.max_capacity = 100;
  spec.infinite_share = seed % 4 == 0 ? 0.5 : 0.05;
  spec.max_supply = 60;
  spec.balanced = seed % 6 != 0;
  spec.mode = static_cast<SupplyMode>(seed % 3);
  spec.feasible = feasible;
  return spec;
}

testing::RandomFlowSpec negative_spec(std::uint64_t seed, bool feasible) {
  testing::RandomFlowSpec spec;
  spec.nodes = 50 + static_cast<Index>(seed % 5) * 30;
  spec.arcs = spec.nodes * 6;
  spec.min_cost = -200;
  spec.max_cost = 800;
  spec.max_capacity = 50;
  spec.infinite_share = 0.0;
  spec.lower_share = 0.2;
  spec.max_supply = 30;
  spec.mode = static_cast<SupplyMode>(seed % 3);
  spec.feasible = feasible;
  return spec;
}

// Solves the problems `make(seed)` for seeds in [first, last) with both solvers.
template <class Make>
Tally agreement_over(std::uint64_t first, std::uint64_t last, const Make& make) {
  Tally tally;
  for (std::uint64_t seed = first; seed < last; ++seed) {
    MinCostFlow p = make(seed);
    expect_agreement(p, seed, tally);
  }
  return tally;
}

// Random supplies: almost all infeasible (compared by status and sixlink's cut).
TEST(LemonAgreement, RandomSuppliesWithNonNegativeCosts) {
  const Tally tally = agreement_over(0, 300, [](std::uint64_t seed) {
    return testing::random_flow_problem(non_negative_spec(seed, false), seed);
  });
  EXPECT_EQ(tally.instances, 300);
  EXPECT_EQ(tally.optimal, 40);
  EXPECT_EQ(tally.infeasible, 260);
}

TEST(LemonAgreement, FeasibleNetworksWithNonNegativeCosts) {
  const Tally tally = agreement_over(0, 300, [](std::uint64_t seed) {
    return testing::random_flow_problem(non_negative_spec(seed, true), seed);
  });
  EXPECT_EQ(tally.instances, 300);
  EXPECT_EQ(tally.optimal, 300);
}

TEST(LemonAgreement, RandomSuppliesWithNegativeCostsOnFiniteArcs) {
  const Tally tally = agreement_over(1000, 1200, [](std::uint64_t seed) {
    return testing::random_flow_problem(negative_spec(seed, false), seed);
  });
  EXPECT_EQ(tally.instances, 200);
  EXPECT_EQ(tally.optimal, 31);
  EXPECT_EQ(tally.infeasible, 169);
}

TEST(LemonAgreement, FeasibleNetworksWithNegativeCostsOnFiniteArcs) {
  const Tally tally = agreement_over(1000, 1200, [](std::uint64_t seed) {
    return testing::random_flow_problem(negative_spec(seed, true), seed);
  });
  EXPECT_EQ(tally.instances, 200);
  EXPECT_EQ(tally.optimal, 200);
}

// Negative costs on infinite arcs: negative cycles make some unbounded.
TEST(LemonAgreement, FeasibleNetworksWithNegativeCostsOnInfiniteArcs) {
  const Tally tally = agreement_over(2000, 2100, [](std::uint64_t seed) {
    testing::RandomFlowSpec spec = negative_spec(seed, true);
    spec.nodes = 30 + static_cast<Index>(seed % 4) * 20;
    spec.arcs = spec.nodes * 3;
    spec.min_cost = -100;
    spec.max_cost = 1000;
    spec.infinite_share = 0.2;
    return testing::random_flow_problem(spec, seed);
  });
  EXPECT_EQ(tally.instances, 100);
  EXPECT_EQ(tally.optimal, 93);
  EXPECT_EQ(tally.unbounded, 7);
}

TEST(LemonAgreement, DenseTransportationProblems) {
  const Tally tally = agreement_over(0, 20, [](std::uint64_t seed) {
    const Index sources = 40 + static_cast<Index>(seed % 3) * 20, sinks = 30;
    return bench::transportation(sources, sinks, sources * sinks, 1000, seed);
  });
  EXPECT_EQ(tally.instances, 20);
  EXPECT_EQ(tally.optimal, 20);
}

}  // namespace
}  // namespace sixlink
