#include "sixlink/model/summary.hpp"

#include <gtest/gtest.h>

#include "sixlink/model/validate.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

TEST(Summary, TinyScenarioByHand) {
  const Scenario s = testing::tiny_scenario();
  validate(s);
  const ScenarioSummary sum = summarise(s);
  EXPECT_EQ(sum.counts.regions, 2);
  EXPECT_EQ(sum.counts.programmes, 3);
  EXPECT_EQ(sum.counts.enterprises, 4);
  EXPECT_EQ(sum.counts.employment_records, 5);
  EXPECT_EQ(sum.enrolled, 290 + 140 + 60);
  EXPECT_EQ(sum.intake, 170);
  EXPECT_DOUBLE_EQ(sum.graduates, 90.0 + 50.0 + 20.0);
  EXPECT_EQ(sum.openings, 60);
  EXPECT_EQ(sum.internship_slots, 26);
  ASSERT_EQ(sum.clusters.size(), 2u);
  EXPECT_EQ(sum.clusters[0].openings, 30);
  EXPECT_EQ(sum.clusters[1].openings, 30);
  // 660103: a(auto) = 1.0 * 30/30 = 1, a(health) = 0.5 * 30/30 = 0.5 -> 2/3 and 1/3
  // of 90 graduates. 720201: all 50 to health. 680402: tailors are demanded by
  // no cluster, so its 20 graduates are unattributed.
  EXPECT_NEAR(sum.clusters[0].graduates, 60.0, 1e-9);
  EXPECT_NEAR(sum.clusters[1].graduates, 30.0 + 50.0, 1e-9);
  EXPECT_NEAR(sum.unattributed_graduates, 20.0, 1e-9);
  ASSERT_TRUE(sum.retention_rate.has_value());
  EXPECT_NEAR(*sum.retention_rate, 70.0 / 140.0, 1e-12);
}

TEST(Summary, EmptyScenarioHasNoRetentionAndNoNaN) {
  Scenario s;
  s.name = "empty";
  validate(s);
  const ScenarioSummary sum = summarise(s);
  EXPECT_EQ(sum.enrolled, 0);
  EXPECT_EQ(sum.graduates, 0.0);
  EXPECT_FALSE(sum.retention_rate.has_value());
  EXPECT_TRUE(sum.clusters.empty());
}

}  // namespace
}  // namespace sixlink
