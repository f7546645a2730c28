// analysis/projection.hpp: the supply x demand graph of the tiny city, by hand.
#include "sixlink/analysis/projection.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <string>
#include <vector>

#include "sixlink/core/error.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

// The demand node of (cluster, region), or -1.
Index node(const SupplyDemandGraph& g, const Scenario& s, const std::string& cluster,
           const std::string& region) {
  for (Index n = 0; n < g.nodes(); ++n) {
    if (g.cluster_ids[static_cast<std::size_t>(g.node_cluster[static_cast<std::size_t>(n)])] ==
            cluster &&
        s.regions[static_cast<std::size_t>(g.node_region[static_cast<std::size_t>(n)])].id ==
            region)
      return n;
  }
  return -1;
}

TEST(Projection, TinyCityInTheBaseYear) {
  const Scenario s = testing::tiny_scenario();
  const SupplyDemandGraph g = project_supply_demand(s);
  EXPECT_EQ(g.year, 2020);
  EXPECT_EQ(g.cluster_ids, (std::vector<std::string>{"auto", "health"}));  // e4 has no openings
  EXPECT_EQ(g.graduates, (std::vector<Count>{90, 50, 20}));
  EXPECT_EQ(g.programme_region, (std::vector<Index>{0, 0, 1}));
  ASSERT_EQ(g.nodes(), 3);
  const Index auto_r1 = node(g, s, "auto", "r1"), health_r1 = node(g, s, "health", "r1"),
              health_r2 = node(g, s, "health", "r2");
  ASSERT_GE(auto_r1, 0);
  ASSERT_GE(health_r1, 0);
  ASSERT_GE(health_r2, 0);
  EXPECT_EQ(g.openings[static_cast<std::size_t>(auto_r1)], 30);
  EXPECT_EQ(g.openings[static_cast<std::size_t>(health_r1)], 20);
  EXPECT_EQ(g.openings[static_cast<std::size_t>(health_r2)], 10);
  // p1 (machinist 1.0, nurse 0.5, region r1); p2 (nurse 1.0, r1); p3 (tailor) fits nothing.
  EXPECT_DOUBLE_EQ(g.fit.coeff(0, auto_r1), 1.0);
  EXPECT_DOUBLE_EQ(g.fit.coeff(0, health_r1), 0.5);
  EXPECT_DOUBLE_EQ(g.weight.coeff(0, health_r2), 0.5 * 0.75);  // another region
  EXPECT_DOUBLE_EQ(g.weight.coeff(1, health_r1), 1.0);
  EXPECT_DOUBLE_EQ(g.weight.coeff(1, health_r2), 0.75);
  EXPECT_DOUBLE_EQ(g.weight.coeff(1, auto_r1), 0.0);
  EXPECT_EQ(g.fit.row(2).nonZeros(), 0);
  EXPECT_EQ(g.fit.nonZeros(), g.weight.nonZeros());
  // Nobody demands tailors: p3's 20 graduates stay unattributed; the rest are
  // attributed, p1's machinists all to auto@r1 in proportion 1 : 1/3 : 1/6.
  EXPECT_EQ(g.unattributed, (std::vector<double>{0.0, 0.0, 20.0}));
  const double attributed = std::accumulate(g.attributed.begin(), g.attributed.end(), 0.0);
  EXPECT_NEAR(attributed, 140.0, 1e-9);
  EXPECT_NEAR(g.attributed[static_cast<std::size_t>(auto_r1)], 60.0, 1e-9);
}

TEST(Projection, OpeningsGrowWithTheClusterAndMobilityScalesAcrossRegions) {
  const Scenario s = testing::tiny_scenario();
  ProjectionOptions o;
  o.year = 2025;
  o.other_region_mobility = 0.5;
  const SupplyDemandGraph g = project_supply_demand(s, o);
  EXPECT_EQ(g.year, 2025);
  // round(30 x 1.05^5) = 38; round(20 x 1.06^5) = 27; round(10 x 1.06^5) = 13.
  EXPECT_EQ(g.openings[static_cast<std::size_t>(node(g, s, "auto", "r1"))], 38);
  EXPECT_EQ(g.openings[static_cast<std::size_t>(node(g, s, "health", "r1"))], 27);
  EXPECT_EQ(g.openings[static_cast<std::size_t>(node(g, s, "health", "r2"))], 13);
  EXPECT_DOUBLE_EQ(g.weight.coeff(1, node(g, s, "health", "r2")), 0.5);
  // The same at any thread count.
  o.threads = 1;
  const SupplyDemandGraph one = project_supply_demand(s, o);
  o.threads = 2;
  const SupplyDemandGraph two = project_supply_demand(s, o);
  EXPECT_TRUE(one.weight.isApprox(two.weight, 0.0));
  EXPECT_EQ(one.attributed, two.attributed);
}

TEST(Projection, RejectsYearsAndMobilityOutOfRange) {
  const Scenario s = testing::tiny_scenario();
  ProjectionOptions o;
  o.year = 2019;
  EXPECT_THROW(project_supply_demand(s, o), InvalidInput);
  o.year = 2121;
  EXPECT_THROW(project_supply_demand(s, o), InvalidInput);
  o.year = 0;
  o.other_region_mobility = 1.5;
  try {
    project_supply_demand(s, o);
    ADD_FAILURE() << "no error";
  } catch (const InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("other_region_mobility"), std::string::npos);
  }
}

TEST(Projection, UnclusteredOpeningsGetThePseudoCluster) {
  Scenario s = testing::tiny_scenario();
  s.enterprises[3].openings = {{"tailor", 5}};  // e4: no sector, so no cluster
  const SupplyDemandGraph g = project_supply_demand(s);
  EXPECT_EQ(g.cluster_ids.back(), std::string(kUnclustered));
  const Index n = node(g, s, std::string(kUnclustered), "r2");
  ASSERT_GE(n, 0);
  EXPECT_EQ(g.openings[static_cast<std::size_t>(n)], 5);
  EXPECT_DOUBLE_EQ(g.fit.coeff(2, n), 1.0);  // now the tailors have demand
  EXPECT_EQ(g.unattributed[2], 0.0);
}

}  // namespace
}  // namespace sixlink
