// model/linkage_graph.hpp: the linkage graph of the tiny scenario, counted by
// hand, and the findings each kind of gap produces.
#include "sixlink/model/linkage_graph.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sixlink/model/default_scenario.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using Ids = std::vector<std::string>;

Index nodes(const LinkageGraphSummary& g, EntityKind kind) {
  return g.nodes[static_cast<int>(kind)];
}

TEST(LinkageGraph, KindNames) {
  EXPECT_EQ(to_string(EntityKind::kRegion), "region");
  EXPECT_EQ(to_string(EntityKind::kProgramme), "programme");
  EXPECT_EQ(to_string(EntityKind::kEnterprise), "enterprise");
  EXPECT_EQ(kEntityKindCount, 8);
}

TEST(LinkageGraph, TinyScenarioByHand) {
  const LinkageGraphSummary g = analyse_linkage(testing::tiny_scenario());
  EXPECT_EQ(nodes(g, EntityKind::kRegion), 2);
  EXPECT_EQ(nodes(g, EntityKind::kCluster), 2);
  EXPECT_EQ(nodes(g, EntityKind::kSector), 3);
  EXPECT_EQ(nodes(g, EntityKind::kOccupation), 3);
  EXPECT_EQ(nodes(g, EntityKind::kSpecialty), 3);
  EXPECT_EQ(nodes(g, EntityKind::kSchool), 2);
  EXPECT_EQ(nodes(g, EntityKind::kProgramme), 3);
  EXPECT_EQ(nodes(g, EntityKind::kEnterprise), 4);
  // Employment edges: p1 -> e1 and p2 -> health (p1's and p2's leavers and
  // p3's 2019 record name no local destination).
  EXPECT_EQ(g.employment_edges, 2);
  // region->school 2, school->programme 3, programme->specialty 3,
  // specialty->occupation 4, occupation->enterprise 3, enterprise->sector 3,
  // sector->cluster 2, region->enterprise 4, employment 2.
  EXPECT_EQ(g.edges, 26);
  // Sector 18 (clothing) has no cluster and no firm: alone in its component.
  EXPECT_EQ(g.components, 2);
  EXPECT_EQ(g.findings.specialties_without_demand, (Ids{"680402"}));  // nobody hires tailors
  EXPECT_TRUE(g.findings.clusters_without_supply.empty());
  EXPECT_EQ(g.findings.enterprises_without_sector, (Ids{"e4"}));
  EXPECT_TRUE(g.findings.enterprises_outside_clusters.empty());
  EXPECT_TRUE(g.findings.regions_without_schools.empty());
  EXPECT_TRUE(g.findings.occupations_unused.empty());  // tailors are trained, if not hired
  EXPECT_FALSE(g.findings.empty());
}

TEST(LinkageGraph, EachGapShowsAsItsFinding) {
  Scenario s = testing::tiny_scenario();
  s.regions.push_back({"r3", "Region three"});                         // no schools
  s.occupations.push_back({"welder", "Welder"});                       // nobody trains or hires
  s.enterprises[3].sector = "18";                                      // a sector in no cluster
  s.programmes.erase(s.programmes.begin());                            // nobody feeds auto now
  s.employment.erase(s.employment.begin(), s.employment.begin() + 2);  // p1's records
  const LinkageGraphSummary g = analyse_linkage(s);
  EXPECT_EQ(g.findings.regions_without_schools, (Ids{"r3"}));
  EXPECT_EQ(g.findings.occupations_unused, (Ids{"welder"}));
  EXPECT_EQ(g.findings.enterprises_outside_clusters, (Ids{"e4"}));
  EXPECT_TRUE(g.findings.enterprises_without_sector.empty());
  EXPECT_EQ(g.findings.clusters_without_supply, (Ids{"auto"}));
}

TEST(LinkageGraph, EmptyScenarioHasNoFindings) {
  Scenario s;
  s.name = "empty";
  const LinkageGraphSummary g = analyse_linkage(s);
  EXPECT_EQ(g.edges, 0);
  EXPECT_EQ(g.components, 0);
  EXPECT_TRUE(g.findings.empty());
}

TEST(LinkageGraph, DefaultScenarioIsOneConnectedCity) {
  const Scenario& s = default_scenario();
  const LinkageGraphSummary g = analyse_linkage(s);
  EXPECT_EQ(nodes(g, EntityKind::kProgramme), static_cast<Index>(s.programmes.size()));
  EXPECT_EQ(nodes(g, EntityKind::kEnterprise), static_cast<Index>(s.enterprises.size()));
  EXPECT_GE(g.edges, g.employment_edges);
  EXPECT_GE(g.components, 1);
}

}  // namespace
}  // namespace sixlink
