// The registries of PlacementOptions and CohortOptions: defaults from the structs,
// and the generated checks give the messages of place() and synthetic_cohort().
#include "sixlink/placement/placement_options.hpp"

#include <gtest/gtest.h>

#include <functional>
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

void expect_placement_agrees(const PlacementOptions& options, const std::string& expected) {
  const Scenario s = tiny_scenario();
  const Cohort cohort = synthetic_cohort(s);
  EXPECT_EQ(what([&] { validate_placement_options(options); }), expected);
  EXPECT_EQ(what([&] { place(s, cohort, options); }), expected);
}

void expect_cohort_agrees(const CohortOptions& options, const std::string& expected) {
  EXPECT_EQ(what([&] { validate_cohort_options(options); }), expected);
  EXPECT_EQ(what([&] { synthetic_cohort(tiny_scenario(), options); }), expected);
}

TEST(OptionsPlacement, DefaultsAndHelp) {
  const auto& r = placement_option_registry();
  EXPECT_EQ(r.field("candidates").info.default_value,
            OptionValue(std::int64_t{PlacementOptions{}.candidates}));
  EXPECT_EQ(r.field("candidates").info.help,
            "Openings per graduate besides their preferences (default 50)");
  EXPECT_EQ(r.field("candidates").info.cli_max, 1000000u);
  EXPECT_EQ(r.field("mode").info.help, "optimal (default), stable or parallel");
  EXPECT_EQ(r.field("mode").info.choices,
            (std::vector<std::string>{"optimal", "stable", "parallel"}));
  EXPECT_EQ(r.field("proposing").info.default_value, OptionValue(std::string("applicants")));
  PlacementOptions o;
  r.field("mode").set(o, std::string("stable"));
  EXPECT_EQ(o.mode, PlacementMode::kStable);
  EXPECT_EQ(what([&] { r.field("mode").set(o, std::string("best")); }),
            "mode must be optimal, stable or parallel, got 'best'");
  EXPECT_EQ(what([&] { r.field("proposing").set(o, std::string("x")); }),
            "proposing must be applicants or institutions, got 'x'");
}

TEST(OptionsPlacement, ChecksMatchTheLibrary) {
  PlacementOptions o;
  o.candidates = -1;
  expect_placement_agrees(o, "candidates must not be negative, got -1");
  o = {};
  o.preference_weight = 2000;
  expect_placement_agrees(o, "preference_weight must be in [0, 1000], got 2000");
  o = {};
  o.home_bonus = -0.5;
  expect_placement_agrees(o, "home_bonus must be in [0, 1000], got -0.5");
  o = {};
  o.internship_weight = 1e9;
  expect_placement_agrees(o, "internship_weight must be in [0, 1000], got 1e+09");
  o = {};
  o.candidates = 5000000;  // the library takes any count; the CLI caps it
  expect_placement_agrees(o, "");
}

TEST(OptionsCohort, ChecksMatchTheLibrary) {
  CohortOptions o;
  o.home_share = 1.5;
  expect_cohort_agrees(o, "home_share must be in [0, 1], got 1.5");
  o = {};
  o.preference_share = -1;
  expect_cohort_agrees(o, "preference_share must be in [0, 1], got -1");
  o = {};
  o.preferences = 1001;
  expect_cohort_agrees(o, "preferences must be in [0, 1000], got 1001");
  EXPECT_EQ(cohort_option_registry().field("preferences").info.default_value,
            OptionValue(std::int64_t{CohortOptions{}.preferences}));
}

}  // namespace
}  // namespace sixlink
