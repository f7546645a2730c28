// analysis/indicators.hpp: the plan's indicators of the tiny city, by hand.
#include "sixlink/analysis/indicators.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

const IndicatorValue* find(const std::vector<IndicatorValue>& values, Indicator indicator) {
  for (const IndicatorValue& v : values)
    if (v.indicator == indicator) return &v;
  return nullptr;
}

TEST(Indicators, TinyCityByHand) {
  const std::vector<IndicatorValue> v = plan_indicators(testing::tiny_scenario());
  ASSERT_EQ(v.size(), 5u);
  for (std::size_t k = 0; k < v.size(); ++k) EXPECT_EQ(v[k].indicator, kAllIndicators[k]);
  // Enrolment 290 + 140 + 60, target 600 in 2023.
  EXPECT_DOUBLE_EQ(v[0].value, 490.0);
  EXPECT_EQ(v[0].target_2023, 600.0);
  EXPECT_EQ(v[0].gap_2023, 110.0);
  EXPECT_FALSE(v[0].target_2025.has_value());
  EXPECT_FALSE(v[0].gap_2025.has_value());
  // Retention from the 2020 records: (40 + 30) local of 140; target 0.55 in 2025.
  EXPECT_DOUBLE_EQ(v[1].value, 0.5);
  ASSERT_TRUE(v[1].gap_2025.has_value());
  EXPECT_NEAR(*v[1].gap_2025, 0.05, 1e-12);
  // The one large firm takes part.
  EXPECT_DOUBLE_EQ(v[2].value, 1.0);
  // Students of the double-high school s1: 290 + 140 of 490.
  EXPECT_DOUBLE_EQ(v[3].value, 430.0 / 490.0);
  // Social training: 300 + 0.
  EXPECT_DOUBLE_EQ(v[4].value, 300.0);
}

TEST(Indicators, GivenRetentionWinsAndUncomputableOnesAreLeftOut) {
  Scenario s = testing::tiny_scenario();
  const std::vector<IndicatorValue> given = plan_indicators(s, 0.4);
  ASSERT_NE(find(given, Indicator::kRetentionRate), nullptr);
  EXPECT_DOUBLE_EQ(find(given, Indicator::kRetentionRate)->value, 0.4);
  EXPECT_NEAR(*find(given, Indicator::kRetentionRate)->gap_2025, 0.15, 1e-12);

  s.enterprises[0].large = false;  // no large firm
  s.employment.clear();            // no records, no retention given
  for (School& school : s.schools) school.social_training = 0;
  const std::vector<IndicatorValue> v = plan_indicators(s);
  EXPECT_EQ(find(v, Indicator::kLargeFirmParticipation), nullptr);
  EXPECT_EQ(find(v, Indicator::kRetentionRate), nullptr);
  EXPECT_EQ(find(v, Indicator::kSocialTraining), nullptr);
  EXPECT_NE(find(v, Indicator::kEnrolment), nullptr);
  EXPECT_NE(find(v, Indicator::kDoubleHighShare), nullptr);
}

}  // namespace
}  // namespace sixlink
