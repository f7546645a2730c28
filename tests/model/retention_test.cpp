// 留台率 under both readings, from counts and from a scenario's records.
#include "sixlink/model/retention.hpp"

#include <gtest/gtest.h>

#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

TEST(Retention, BothDefinitionsFromCounts) {
  const Destinations d{30, 70, 60, 40};  // local jobs, outside jobs, local study, outside study
  EXPECT_EQ(d.job_seekers(), 100);
  EXPECT_EQ(d.progressed(), 100);
  EXPECT_DOUBLE_EQ(*retention_rate(d, RetentionDefinition::kLabourMarket), 0.3);
  EXPECT_DOUBLE_EQ(*retention_rate(d, RetentionDefinition::kAllGraduates), 0.45);
  EXPECT_DOUBLE_EQ(*local_progression_share(d), 0.6);
  EXPECT_FALSE(retention_rate(Destinations{}, RetentionDefinition::kLabourMarket));
  EXPECT_FALSE(local_progression_share(Destinations{5, 5, 0, 0}));
}

TEST(Retention, NamesRoundTrip) {
  for (auto d : {RetentionDefinition::kLabourMarket, RetentionDefinition::kAllGraduates})
    EXPECT_EQ(parse_retention_definition(to_string(d)), d);
  EXPECT_FALSE(parse_retention_definition("everyone"));
}

TEST(Retention, RecordsOfTheYearOnly) {
  Scenario s = testing::tiny_scenario();
  EmploymentRecord study{"p1", 2020, "", "", true, 25};
  study.progressed = true;
  s.employment.push_back(study);
  const Destinations d = recorded_destinations(s, 2020);
  EXPECT_EQ(d.local_jobs, 70);    // 40 at e1 + 30 in health
  EXPECT_EQ(d.outside_jobs, 70);  // 50 + 20; the 2019 record is another year
  EXPECT_EQ(d.outside_study, 25);
  EXPECT_EQ(d.local_study, 0);
  EXPECT_DOUBLE_EQ(*retention_rate(d, RetentionDefinition::kLabourMarket), 0.5);
}

}  // namespace
}  // namespace sixlink
