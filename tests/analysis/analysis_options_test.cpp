// The registries of GapOptions, QuotaOptions and RecommendOptions: their defaults are
// the structs', and each generated check gives the message the library gives for the
// same options (the library's own checks run first in gap_analysis, optimise_quotas
// and recommend, so a bad option costs no solve).
#include "sixlink/analysis/analysis_options.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <string>

#include "sixlink/core/error.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using testing::tiny_scenario;

std::string what(const std::function<void()>& call) {
  try {
    call();
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "";
}

// The generated check and the library say the same about `options`.
void expect_gap_agrees(const GapOptions& options, const std::string& expected) {
  const Scenario s = tiny_scenario();
  EXPECT_EQ(what([&] { validate_gap_options(options); }), expected);
  EXPECT_EQ(what([&] { gap_analysis(s, options); }), expected);
}

void expect_quota_agrees(const QuotaOptions& options, const std::string& expected) {
  const Scenario s = tiny_scenario();
  EXPECT_EQ(what([&] { validate_quota_options(options); }), expected);
  EXPECT_EQ(what([&] { optimise_quotas(s, options); }), expected);
}

void expect_recommend_agrees(const RecommendOptions& options, const std::string& expected) {
  const Scenario s = tiny_scenario();
  EXPECT_EQ(what([&] { validate_recommend_options(options); }), expected);
  EXPECT_EQ(what([&] { recommend(s, options); }), expected);
}

TEST(OptionsGap, DefaultsAndHelpComeFromTheStruct) {
  const auto& r = gap_option_registry();
  EXPECT_EQ(r.field("other_region_mobility").info.default_value,
            OptionValue(GapOptions{}.other_region_mobility));
  EXPECT_EQ(r.field("other_region_mobility").info.help,
            "Fit multiplier for a job in another region of the city (default 0.75)");
  EXPECT_EQ(r.field("other_region_mobility").info.flag, "--mobility");
  EXPECT_EQ(r.field("outside_tiers").info.help,
            "Tiers of each cohort's value of leaving, 1 to 64 (default 8; 1: all alike)");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(r.field("outside_weight").info.default_value));
  EXPECT_NO_THROW(validate_gap_options(GapOptions{}));
}

TEST(OptionsGap, ChecksMatchTheLibrary) {
  GapOptions o;
  o.outside_share = 1.5;
  expect_gap_agrees(o, "outside_share must be in [0, 1], got 1.5");
  o = {};
  o.outside_weight = -0.5;
  expect_gap_agrees(o, "outside_weight must be in [0, 1], got -0.5");
  o = {};
  o.threads = -1;
  expect_gap_agrees(o, "threads must be >= 0, got -1");
  o = {};
  o.outside_tiers = 65;
  expect_gap_agrees(o, "outside_tiers must be in [1, 64], got 65");
  o = {};
  o.outside_spread = 1.0;
  expect_gap_agrees(o, "outside_spread must be in [0, 1), got 1");
  o = {};
  o.shortage_below = 2.0;
  expect_gap_agrees(o,
                    "band thresholds must satisfy 0 <= shortage_below <= oversupply_above, got 2 "
                    "and 1.25");
  o = {};  // several at once: the first in the library's order
  o.threads = -1;
  o.outside_tiers = 0;
  o.outside_share = 2.0;
  expect_gap_agrees(o, "outside_share must be in [0, 1], got 2");
}

TEST(OptionsGap, MobilityIsLeftToTheProjection) {
  GapOptions o;
  o.other_region_mobility = 1.5;
  EXPECT_EQ(what([&] { validate_gap_options(o); }), "");
  EXPECT_EQ(what([&] { gap_analysis(tiny_scenario(), o); }),
            "other_region_mobility must be in [0, 1], got 1.5");
  EXPECT_EQ(option_range_error(gap_option_registry().field("other_region_mobility").info, 1.5),
            "other_region_mobility must be in [0, 1], got 1.5");
}

TEST(OptionsQuota, ChecksMatchTheLibrary) {
  QuotaOptions o;
  o.max_change = 1.5;
  expect_quota_agrees(o, "max_change must be in [0, 1], got 1.5");
  o = {};
  o.adjustment_cost = 2000;
  expect_quota_agrees(o, "adjustment_cost must be in [0, 1000], got 2000");
  o = {};
  o.unmet_penalty = -1;
  expect_quota_agrees(o, "unmet_penalty must be in [0, 1000], got -1");
  o = {};
  o.training_cost = 1e4;
  expect_quota_agrees(o, "training_cost must be in [0, 1000], got 10000");
  o = {};
  o.total_enrolment = 2e12;
  expect_quota_agrees(o, "total_enrolment must be in [0, 1e+12], got 2e+12");
  o = {};
  o.budget = -1;
  expect_quota_agrees(o, "budget must be in [0, 1e+15], got -1");
  o = {};
  o.max_secondary_share = 1.5;
  expect_quota_agrees(o, "max_secondary_share must be in [0, 1], got 1.5");
  o = {};
  o.max_iterations = 0;
  expect_quota_agrees(o, "max_iterations must be >= 1, got 0");
}

TEST(OptionsQuota, OutsideWeightIsDescribedNotChecked) {
  const auto& f = quota_option_registry().field("outside_weight");
  EXPECT_FALSE(f.info.checked);
  EXPECT_EQ(f.info.flag, "--outside-weight");
  EXPECT_EQ(f.info.help, "Value of leaving the city, lambda in [0, 1] (default: calibrated)");
  QuotaOptions o;
  f.set(o, 0.3);
  EXPECT_EQ(o.market.outside_weight, 0.3);
}

TEST(OptionsRecommend, ChecksMatchTheLibrary) {
  RecommendOptions o;
  o.samples = -1;
  expect_recommend_agrees(o, "samples must be in [0, 1000000], got -1");
  o = {};
  o.demand_noise = 3;
  expect_recommend_agrees(o, "demand_noise must be in [0, 2], got 3");
  o = {};
  o.min_change = std::numeric_limits<double>::infinity();
  expect_recommend_agrees(o, "min_change must be >= 0, got inf");
  o = {};
  o.threads = -2;
  expect_recommend_agrees(o, "threads must be >= 0, got -2");
}

TEST(OptionsRecommend, ThePlanFieldsAreFlat) {
  const auto& r = recommend_option_registry();
  EXPECT_EQ(r.field("max_change").info.default_value, OptionValue(QuotaOptions{}.max_change));
  EXPECT_FALSE(r.field("max_change").info.checked);  // the plan checks it
  EXPECT_EQ(r.field("demand_noise").info.flag, "--noise");
  EXPECT_EQ(r.field("demand_noise").info.help,
            "Sigma of the log-normal demand noise (default 0.2)");
  RecommendOptions o;
  r.field("total_enrolment").set(o, 100.0);
  EXPECT_EQ(o.quotas.total_enrolment, 100.0);
  o.quotas.max_change = 5;  // only recommend's own fields are checked here
  EXPECT_EQ(what([&] { validate_recommend_options(o); }), "");
}

}  // namespace
}  // namespace sixlink
