// sixlink's network simplex against LEMON's on seeded random instances: same
// status, same optimal cost, and sixlink's certificate checks out.
#include <gtest/gtest.h>

#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/verify/flow_certificate.hpp"
#include "support/flow_generators.hpp"
#include "support/lemon_flow.hpp"
#include "support/random_flow.hpp"

namespace sixlink {
namespace {

void expect_agreement(MinCostFlow& p, std::uint64_t seed) {
  const MinCostFlowResult ours = p.solve();
  const CertificateCheck check = check_min_cost_flow(p, ours);
  ASSERT_TRUE(check.ok) << check.failure << " seed " << seed;
  const testing::LemonOutcome theirs = testing::LemonFlow(p).solve();
  ASSERT_EQ(ours.status, theirs.status) << "seed " << seed;
  if (ours.status == FlowStatus::kOptimal) {
    EXPECT_EQ(ours.cost, theirs.cost) << "seed " << seed;
  }
}

TEST(LemonAgreement, RandomNetworksWithNonNegativeCosts) {
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
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
    MinCostFlow p = testing::random_flow_problem(spec, seed);
    expect_agreement(p, seed);
  }
}

TEST(LemonAgreement, NegativeCostsOnFiniteArcs) {
  for (std::uint64_t seed = 1000; seed < 1200; ++seed) {
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
    MinCostFlow p = testing::random_flow_problem(spec, seed);
    expect_agreement(p, seed);
  }
}

TEST(LemonAgreement, DenseTransportationProblems) {
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const Index sources = 40 + static_cast<Index>(seed % 3) * 20, sinks = 30;
    MinCostFlow p = bench::transportation(sources, sinks, sources * sinks, 1000, seed);
    expect_agreement(p, seed);
  }
}

}  // namespace
}  // namespace sixlink
