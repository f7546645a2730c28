// model/scenario.hpp: the plain-data scenario, its value semantics, and the
// names its enums have in files and on the command line.
#include "sixlink/model/scenario.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

TEST(Scenario, EnumNamesAreStableAndParseBack) {
  EXPECT_EQ(to_string(SpecialtyLevel::kSecondary), "secondary");
  EXPECT_EQ(to_string(SpecialtyLevel::kAssociate), "associate");
  EXPECT_EQ(to_string(SpecialtyLevel::kBachelor), "bachelor");
  EXPECT_EQ(to_string(SchoolLevel::kSecondary), "secondary");
  EXPECT_EQ(to_string(SchoolLevel::kHigher), "higher");
  EXPECT_EQ(to_string(Indicator::kEnrolment), "enrolment");
  EXPECT_EQ(to_string(Indicator::kRetentionRate), "retention_rate");
  // The participation indicator moved to the 规上 definition; its old name still parses.
  EXPECT_EQ(to_string(Indicator::kLargeFirmParticipation), "above_size_participation");
  EXPECT_EQ(parse_indicator("large_firm_participation"), Indicator::kAboveSizeParticipation);
  EXPECT_EQ(to_string(Indicator::kDoubleHighShare), "double_high_share");
  EXPECT_EQ(to_string(Indicator::kSocialTraining), "social_training");
  for (const auto level :
       {SpecialtyLevel::kSecondary, SpecialtyLevel::kAssociate, SpecialtyLevel::kBachelor})
    EXPECT_EQ(parse_specialty_level(to_string(level)), level);
  for (const auto level : {SchoolLevel::kSecondary, SchoolLevel::kHigher})
    EXPECT_EQ(parse_school_level(to_string(level)), level);
  for (const Indicator indicator : kAllIndicators)
    EXPECT_EQ(parse_indicator(to_string(indicator)), indicator);
  EXPECT_FALSE(parse_specialty_level("Secondary").has_value());
  EXPECT_FALSE(parse_school_level("college").has_value());
  EXPECT_FALSE(parse_indicator("retention").has_value());
  EXPECT_FALSE(parse_indicator("").has_value());
}

TEST(Scenario, IndicatorsInReportOrder) {
  // The plan's 21 rows in its order, then the text's two figures.
  ASSERT_EQ(std::size(kAllIndicators), 23u);
  EXPECT_EQ(kAllIndicators[0], Indicator::kEnrolment);
  EXPECT_EQ(kAllIndicators[20], Indicator::kRetentionRate);
  EXPECT_EQ(kAllIndicators[21], Indicator::kSocialTraining);
}

TEST(Scenario, DefaultsAreTheDocumentedOnes) {
  const Programme p;
  EXPECT_EQ(p.duration, 3);
  EXPECT_EQ(p.completion_rate, 1.0);
  EXPECT_EQ(OccupationFit{}.fit, 1.0);
  EXPECT_EQ(Scenario{}.base_year, 2020);
  EXPECT_EQ(School{}.level, SchoolLevel::kSecondary);
}

TEST(Scenario, EqualityComparesEveryField) {
  const Scenario tiny = testing::tiny_scenario();
  EXPECT_EQ(tiny, testing::tiny_scenario());
  Scenario other = tiny;
  other.programmes[2].cost_per_student += 1.0;
  EXPECT_NE(other, tiny);
  other = tiny;
  other.enterprises[0].openings[0].count = 31;
  EXPECT_NE(other, tiny);
  other = tiny;
  other.specialties[0].occupations[1].fit = 0.4;
  EXPECT_NE(other, tiny);
  other = tiny;
  other.employment[4].outside = false;
  EXPECT_NE(other, tiny);
  other = tiny;
  other.targets[0].year = 2024;
  EXPECT_NE(other, tiny);
}

}  // namespace
}  // namespace sixlink
