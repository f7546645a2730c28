// analysis/rolling_plan.hpp: the tiny city's intakes year by year to 2025,
// the enrolment targets interpolated, and the year range checked.
#include "sixlink/analysis/rolling_plan.hpp"

#include <gtest/gtest.h>

#include "sixlink/core/error.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

TEST(RollingPlan, YearsToTheLastTargetWithInterpolatedEnrolmentTargets) {
  const Scenario s = testing::tiny_scenario();
  const RollingPlan plan = plan_horizon(s);
  ASSERT_EQ(plan.years.size(), 5u);  // 2021 .. 2025, the latest target year
  EXPECT_EQ(plan.programmes, (std::vector<std::string>{"p1", "p2", "p3"}));
  ASSERT_EQ(plan.intakes.size(), 5u);
  // From 490 students in 2020 to the target 600 in 2023, then held.
  const double expected[] = {490 + 110.0 / 3, 490 + 220.0 / 3, 600, 600, 600};
  for (std::size_t t = 0; t < plan.years.size(); ++t) {
    const PlanYear& y = plan.years[t];
    EXPECT_EQ(y.year, 2021 + static_cast<int>(t));
    ASSERT_EQ(plan.intakes[t].size(), 3u);
    double total = 0.0;
    for (const double q : plan.intakes[t]) {
      EXPECT_GE(q, 0.0);
      total += q;
    }
    EXPECT_NEAR(y.intake, total, 1e-6);
    ASSERT_TRUE(y.enrolment_target.has_value()) << y.year;
    EXPECT_NEAR(*y.enrolment_target, expected[t], 1e-6) << y.year;
    EXPECT_GE(y.enrolment_shortfall, 0.0);
    // Either the target is met or the shortfall says by how much it is not.
    EXPECT_GE(y.enrolment + y.enrolment_shortfall, *y.enrolment_target - 1e-6) << y.year;
    EXPECT_GE(y.retention_rate, 0.0);
    EXPECT_LE(y.retention_rate, 1.0);
    EXPECT_GE(y.match_rate, 0.0);
    EXPECT_LE(y.match_rate, 1.0);
  }
  EXPECT_TRUE(plan.years.back().retention_target.has_value());  // 0.55 in 2025
  EXPECT_NEAR(*plan.years.back().retention_target, 0.55, 1e-12);
  EXPECT_GT(plan.outside_weight, 0.0 - 1e-12);
}

TEST(RollingPlan, TheChosenYearsAndTheFirstYearsChangeBounds) {
  const Scenario s = testing::tiny_scenario();
  RollingPlanOptions o;
  o.first_year = 2022;
  o.last_year = 2022;
  const RollingPlan plan = plan_horizon(s, o);
  ASSERT_EQ(plan.years.size(), 1u);
  EXPECT_EQ(plan.years[0].year, 2022);
  // The first year's change is bounded by max_change of the scenario's intakes.
  for (std::size_t p = 0; p < s.programmes.size(); ++p) {
    const double q0 = static_cast<double>(s.programmes[p].intake);
    EXPECT_LE(std::abs(plan.intakes[0][p] - q0), o.quotas.max_change * q0 + 1e-6) << p;
  }
}

// The years' indicators are computed in parallel: every row is the same at any
// thread count (the built-in scenario plans five years).
TEST(RollingPlan, SameRowsAtAnyThreadCount) {
  RollingPlanOptions o;
  o.quotas.market.threads = 1;
  const RollingPlan one = plan_horizon(default_scenario(), o);
  o.quotas.market.threads = 3;
  const RollingPlan three = plan_horizon(default_scenario(), o);
  ASSERT_GT(one.years.size(), 2u);
  ASSERT_EQ(one.years.size(), three.years.size());
  EXPECT_EQ(one.intakes, three.intakes);
  for (std::size_t t = 0; t < one.years.size(); ++t) {
    const PlanYear &a = one.years[t], &b = three.years[t];
    EXPECT_EQ(a.year, b.year);
    EXPECT_EQ(a.enrolment, b.enrolment);
    EXPECT_EQ(a.graduates, b.graduates);
    EXPECT_EQ(a.retention_rate, b.retention_rate);
    EXPECT_EQ(a.match_rate, b.match_rate);
    EXPECT_EQ(a.objective, b.objective);
  }
}

TEST(RollingPlan, RejectsYearsOutsideTheHorizon) {
  const Scenario s = testing::tiny_scenario();
  RollingPlanOptions o;
  o.first_year = 2020;  // the base year itself
  EXPECT_THROW(plan_horizon(s, o), InvalidInput);
  o.first_year = 2024;
  o.last_year = 2023;
  EXPECT_THROW(plan_horizon(s, o), InvalidInput);
  o.first_year = 2021;
  o.last_year = 2071;  // more than 50 years
  EXPECT_THROW(plan_horizon(s, o), InvalidInput);
}

}  // namespace
}  // namespace sixlink
