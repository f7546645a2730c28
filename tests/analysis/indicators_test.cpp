// analysis/indicators.hpp: the plan's whole indicator table of the tiny city, by hand.
#include "sixlink/analysis/indicators.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "sixlink/core/error.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "sixlink/model/validate.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

const IndicatorValue& find(const std::vector<IndicatorValue>& values, Indicator indicator) {
  for (const IndicatorValue& v : values)
    if (v.indicator == indicator) return v;
  throw std::logic_error("no row");
}

TEST(Indicators, EveryIndicatorHasARowInReportOrder) {
  const std::vector<IndicatorValue> v = plan_indicators(testing::tiny_scenario());
  ASSERT_EQ(v.size(), std::size(kAllIndicators));
  for (std::size_t k = 0; k < v.size(); ++k) {
    EXPECT_EQ(v[k].indicator, kAllIndicators[k]);
    EXPECT_EQ(v[k].year, 2020);
    EXPECT_EQ(v[k].base_year, 2020);
  }
}

TEST(Indicators, TinyCityByHand) {
  const std::vector<IndicatorValue> v = plan_indicators(testing::tiny_scenario());
  // Enrolment 290 + 140 + 60, target 600 in 2023.
  const IndicatorValue& enrolment = find(v, Indicator::kEnrolment);
  EXPECT_EQ(enrolment.value, 490.0);
  EXPECT_TRUE(enrolment.computed);
  EXPECT_EQ(enrolment.target_2023, 600.0);
  EXPECT_EQ(enrolment.gap_2023, 110.0);
  EXPECT_EQ(enrolment.next_target_year, 2023);
  EXPECT_EQ(enrolment.gap, 110.0);
  EXPECT_FALSE(enrolment.target_2025.has_value());
  EXPECT_EQ(enrolment.base_value, 490.0);  // no record: the computed value
  EXPECT_EQ(enrolment.on_track, true);     // the path starts at the base value
  // Retention from the 2020 records: (40 + 30) local of 140; target 0.55 in 2025.
  const IndicatorValue& retention = find(v, Indicator::kRetentionRate);
  EXPECT_DOUBLE_EQ(*retention.value, 0.5);
  EXPECT_NEAR(*retention.gap_2025, 0.05, 1e-12);
  // No 规上 flags: the large firm e1 stands in, and takes part.
  EXPECT_EQ(find(v, Indicator::kAboveSizeParticipation).value, 1.0);
  // Students of the double-high school s1: 290 + 140 of 490.
  EXPECT_DOUBLE_EQ(*find(v, Indicator::kDoubleHighShare).value, 430.0 / 490.0);
  // Social training: 300 + 0.
  EXPECT_EQ(find(v, Indicator::kSocialTraining).value, 300.0);
  // Tracked indicators without records are unknown.
  const IndicatorValue& funding = find(v, Indicator::kFundingRatio);
  EXPECT_FALSE(funding.computed);
  EXPECT_FALSE(funding.value.has_value());
  EXPECT_FALSE(funding.gap.has_value());
  EXPECT_FALSE(funding.on_track.has_value());
}

TEST(Indicators, AboveSizeParticipationUsesTheFlagAndFallsBackToLarge) {
  Scenario s = testing::tiny_scenario();
  // e1 (large, partner) is not 规上; e2 (not large, not partner) and e3 (partner) are.
  s.enterprises[0].above_designated_size = false;
  s.enterprises[1].above_designated_size = true;
  s.enterprises[2].above_designated_size = true;
  EXPECT_EQ(find(plan_indicators(s), Indicator::kAboveSizeParticipation).value, 0.5);
  const AboveSizeCounts c = above_size_counts(s);
  EXPECT_EQ(c.above_size, 2);
  EXPECT_EQ(c.partners, 1);
  // e4 unset and not large: outside; e1 unset again: large, so 规上 by the fallback.
  s.enterprises[0].above_designated_size.reset();
  EXPECT_DOUBLE_EQ(*find(plan_indicators(s), Indicator::kAboveSizeParticipation).value, 2.0 / 3.0);
  // No 规上 firm at all: unknown.
  for (Enterprise& e : s.enterprises) e.above_designated_size = false;
  EXPECT_FALSE(find(plan_indicators(s), Indicator::kAboveSizeParticipation).value.has_value());
}

TEST(Indicators, TrackedValuesTakeTheLatestRecordUpToTheYear) {
  Scenario s = testing::tiny_scenario();
  s.indicator_values = {{Indicator::kSinoForeignProgrammes, 2020, 0},
                        {Indicator::kSinoForeignProgrammes, 2022, 3},
                        {Indicator::kSinoForeignProgrammes, 2024, 4}};
  s.targets.push_back({Indicator::kSinoForeignProgrammes, 2023, 2});
  s.targets.push_back({Indicator::kSinoForeignProgrammes, 2025, 5});
  validate(s);
  auto row = [&](int year) {
    return find(plan_indicators(s, std::nullopt, year), Indicator::kSinoForeignProgrammes);
  };
  EXPECT_EQ(row(2020).value, 0.0);
  EXPECT_EQ(row(2020).base_value, 0.0);
  EXPECT_EQ(row(2021).value, 0.0);
  EXPECT_EQ(row(2021).value_year, 2020);
  EXPECT_EQ(row(2023).value, 3.0);
  EXPECT_EQ(row(2023).value_year, 2022);
  EXPECT_EQ(row(2023).gap, -1.0);  // 2 - 3: ahead of the 2023 target
  EXPECT_EQ(row(2024).value, 4.0);
  EXPECT_EQ(row(2024).next_target_year, 2025);
  EXPECT_EQ(row(2024).gap, 1.0);
  EXPECT_EQ(row(2030).next_target_year, 2025);  // past every target: the last
  EXPECT_EQ(row(2030).gap, 1.0);
}

TEST(Indicators, OnTrackFollowsThePlansPath) {
  Scenario s = testing::tiny_scenario();
  // Path for the funding ratio: 1.5 (2020) -> 2 (2023) -> 2 (2025).
  s.indicator_values = {{Indicator::kFundingRatio, 2020, 1.5}};
  s.targets.push_back({Indicator::kFundingRatio, 2023, 2.0});
  s.targets.push_back({Indicator::kFundingRatio, 2025, 2.0});
  auto on_track = [&](int year) {
    return find(plan_indicators(s, std::nullopt, year), Indicator::kFundingRatio).on_track;
  };
  EXPECT_EQ(on_track(2020), true);   // at the base value
  EXPECT_EQ(on_track(2021), false);  // path 1.5 + 0.5/3 > 1.5
  s.indicator_values.push_back({Indicator::kFundingRatio, 2022, 1.9});
  EXPECT_EQ(on_track(2022), true);   // path 1.8333 <= 1.9
  EXPECT_EQ(on_track(2023), false);  // path 2 > 1.9
  EXPECT_EQ(on_track(2030), false);
  // Without a base value the path starts at the first target.
  s.indicator_values = {{Indicator::kFundingRatio, 2021, 2.0}};
  EXPECT_EQ(on_track(2021), true);
  // A computed indicator's later record replaces the computed value.
  s.indicator_values = {{Indicator::kEnrolment, 2022, 650}};
  const IndicatorValue e = find(plan_indicators(s, std::nullopt, 2022), Indicator::kEnrolment);
  EXPECT_EQ(e.value, 650.0);
  EXPECT_FALSE(e.computed);
  EXPECT_EQ(e.on_track, true);
  const IndicatorValue base = find(plan_indicators(s), Indicator::kEnrolment);
  EXPECT_EQ(base.value, 490.0);  // the 2022 record is not yet known in 2020
}

TEST(Indicators, GivenRetentionWinsAndUncomputableOnesAreUnknown) {
  Scenario s = testing::tiny_scenario();
  const std::vector<IndicatorValue> given = plan_indicators(s, 0.4);
  EXPECT_EQ(find(given, Indicator::kRetentionRate).value, 0.4);
  EXPECT_NEAR(*find(given, Indicator::kRetentionRate).gap_2025, 0.15, 1e-12);

  s.enterprises[0].large = false;  // no large firm
  s.employment.clear();            // no records, no retention given
  for (School& school : s.schools) school.social_training = 0;
  const std::vector<IndicatorValue> v = plan_indicators(s);
  EXPECT_FALSE(find(v, Indicator::kAboveSizeParticipation).value.has_value());
  EXPECT_FALSE(find(v, Indicator::kRetentionRate).value.has_value());
  EXPECT_FALSE(find(v, Indicator::kRetentionRate).on_track.has_value());
  EXPECT_FALSE(find(v, Indicator::kSocialTraining).value.has_value());
  EXPECT_TRUE(find(v, Indicator::kEnrolment).value.has_value());
  EXPECT_TRUE(find(v, Indicator::kDoubleHighShare).value.has_value());
}

TEST(Indicators, ValidationRejectsBadRecordsAndTargets) {
  auto rejects = [](auto edit, const std::string& needle) {
    Scenario s = testing::tiny_scenario();
    edit(s);
    try {
      validate(s);
      ADD_FAILURE() << "accepted: " << needle;
    } catch (const InvalidInput& e) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
  };
  rejects(
      [](Scenario& s) {
        s.indicator_values = {{Indicator::kFundingRatio, 2020, std::nan("")}};
      },
      "indicator_values[0].value");
  rejects(
      [](Scenario& s) {
        s.indicator_values = {{Indicator::kSinoForeignProgrammes, 2020, -1}};
      },
      "must not be negative");
  rejects(
      [](Scenario& s) {
        s.indicator_values = {{Indicator::kRetentionRate, 2020, 37.87}};
      },
      "(a fraction)");
  rejects(
      [](Scenario& s) {
        s.indicator_values = {{Indicator::kFundingRatio, 2020, 1.5},
                              {Indicator::kFundingRatio, 2020, 1.6}};
      },
      "given twice");
  rejects(
      [](Scenario& s) {
        s.indicator_values = {{static_cast<Indicator>(999), 2020, 1}};
      },
      "unknown indicator");
  rejects(
      [](Scenario& s) {
        s.targets.push_back({Indicator::kEnrolment, 2023, 7});
      },
      "given twice");
}

TEST(Indicators, TheLegacyNameIsTheAboveSizeIndicator) {
  EXPECT_EQ(parse_indicator("large_firm_participation"), Indicator::kAboveSizeParticipation);
  EXPECT_EQ(Indicator::kLargeFirmParticipation, Indicator::kAboveSizeParticipation);
  EXPECT_EQ(to_string(Indicator::kAboveSizeParticipation), "above_size_participation");
  const IndicatorInfo& info = indicator_info(Indicator::kAboveSizeParticipation);
  EXPECT_EQ(info.name_zh, "规上企业参与职教比例");
  EXPECT_TRUE(info.computed);
  EXPECT_EQ(info.unit, IndicatorUnit::kFraction);
  int computed = 0;
  for (const Indicator i : kAllIndicators) computed += indicator_info(i).computed ? 1 : 0;
  EXPECT_EQ(computed, 5);
}

}  // namespace
}  // namespace sixlink

namespace sixlink {
namespace {

// The plan's own figures (data/taizhou/plan_indicators.csv), in the library's units.
TEST(Indicators, BuiltInScenarioCarriesThePlansWholeTable) {
  const Scenario& s = default_scenario();
  auto record = [&](Indicator i) -> std::optional<double> {
    for (const auto& r : s.indicator_values)
      if (r.indicator == i && r.year == 2020) return r.value;
    return std::nullopt;
  };
  auto target = [&](Indicator i, int year) -> std::optional<double> {
    for (const auto& t : s.targets)
      if (t.indicator == i && t.year == year) return t.value;
    return std::nullopt;
  };
  // Every row has 2023 and 2025 targets; eight have a 2020 value; plus the text's two.
  EXPECT_EQ(s.indicator_values.size(), 8u);
  EXPECT_EQ(s.targets.size(), 21u * 2 + 2);
  EXPECT_EQ(record(Indicator::kEnrolment), 88'700);
  EXPECT_EQ(target(Indicator::kEnrolment, 2023), 94'000);
  EXPECT_EQ(target(Indicator::kEnrolment, 2025), 100'000);
  EXPECT_EQ(record(Indicator::kFundingRatio), 1.5);  // "1.5:1"
  EXPECT_EQ(target(Indicator::kFundingRatio, 2025), 2.0);
  EXPECT_EQ(record(Indicator::kSinoForeignProgrammes), 0);
  EXPECT_EQ(target(Indicator::kSinoForeignProgrammes, 2025), 5);
  EXPECT_EQ(record(Indicator::kNationalDoubleHighSchools), 0);
  EXPECT_EQ(target(Indicator::kNationalDoubleHighSchools, 2025), 1);
  EXPECT_FALSE(record(Indicator::kNationalDoubleExcellentSchools).has_value());  // "/"
  EXPECT_EQ(target(Indicator::kNationalDoubleExcellentSchools, 2025), 6);
  EXPECT_EQ(target(Indicator::kProvincialDoubleHighSchools, 2023), 17);
  EXPECT_EQ(target(Indicator::kCityHighLevelSpecialtyGroups, 2025), 35);
  EXPECT_EQ(target(Indicator::kDoubleHighShare, 2025), 0.80);
  EXPECT_EQ(target(Indicator::kIntegrationEnterprises, 2025), 100);
  EXPECT_EQ(target(Indicator::kMixedOwnershipProjects, 2025), 25);
  EXPECT_EQ(record(Indicator::kAboveSizeParticipation), 0.60);
  EXPECT_EQ(target(Indicator::kAboveSizeParticipation, 2023), 0.65);
  EXPECT_EQ(target(Indicator::kMasterTeacherStudios, 2025), 40);
  EXPECT_EQ(record(Indicator::kRetentionRate), 0.3787);
  EXPECT_EQ(target(Indicator::kRetentionRate, 2025), 0.55);
  EXPECT_EQ(record(Indicator::kSocialTraining), 100'000);
  EXPECT_EQ(target(Indicator::kSocialTraining, 2025), 140'000);       // the text's 14 万人次
  EXPECT_EQ(record(Indicator::kTechnicalServiceIncome), 20'000'000);  // 2,000 万元
  EXPECT_EQ(target(Indicator::kTechnicalServiceIncome, 2025), 40'000'000);
  EXPECT_EQ(target(Indicator::kDoubleQualifiedTeacherShare, 2025), 0.90);
  EXPECT_EQ(target(Indicator::kPracticalTeachingShare, 2025), 0.50);
  // 规上 participation computed on the flag: 60 % (to the nearest firm).
  const AboveSizeCounts c = above_size_counts(s);
  ASSERT_GT(c.above_size, 10);
  EXPECT_NEAR(static_cast<double>(c.partners) / static_cast<double>(c.above_size), 0.60,
              0.5 / static_cast<double>(c.above_size) + 1e-12);
}

}  // namespace
}  // namespace sixlink
