// analysis/recommendations.hpp: every recommendation agrees with the plan it
// explains, samples are reproducible at any thread count, options are checked.
#include "sixlink/analysis/recommendations.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "sixlink/core/error.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;

TEST(Recommendations, ActionNames) {
  EXPECT_EQ(to_string(Action::kExpand), "expand");
  EXPECT_EQ(to_string(Action::kShrink), "shrink");
  EXPECT_EQ(to_string(Action::kOpen), "open");
  EXPECT_EQ(to_string(Action::kClose), "close");
}

TEST(Recommendations, EachAgreesWithThePlannedChange) {
  const Scenario s = testing::tiny_scenario();
  const RecommendationReport r = recommend(s);
  ASSERT_EQ(r.plan.status, QuotaStatus::kOptimal);
  ASSERT_FALSE(r.recommendations.empty());
  EXPECT_EQ(r.samples, 0);
  for (const Recommendation& rec : r.recommendations) {
    const double change = rec.intake - rec.current_intake;
    EXPECT_GE(std::abs(change), 1.0) << rec.programme;  // min_change
    switch (rec.action) {
      case Action::kExpand:
        EXPECT_GT(change, 0.0) << rec.programme;
        EXPECT_GE(rec.marginal_value, -1e-9) << rec.programme;
        break;
      case Action::kShrink:
        EXPECT_LT(change, 0.0) << rec.programme;
        EXPECT_GT(rec.intake, 0.0) << rec.programme;
        EXPECT_LE(rec.marginal_value, 1e-9) << rec.programme;
        break;
      case Action::kOpen:
        EXPECT_EQ(rec.current_intake, 0.0) << rec.programme;
        break;
      case Action::kClose:
        EXPECT_EQ(rec.intake, 0.0) << rec.programme;
        break;
    }
    EXPECT_EQ(rec.agreement, 1.0);  // no samples
    EXPECT_GE(rec.range, 0.0);
    EXPECT_FALSE(rec.reason.empty());
  }
  // The tiny city trains more than it employs: the plan shrinks (see the golden plan-tiny).
  EXPECT_EQ(r.recommendations.front().action, Action::kShrink);
}

TEST(Recommendations, SamplesAreTheSameAtAnyThreadCount) {
  const Scenario s = testing::tiny_scenario();
  RecommendOptions o;
  o.samples = 6;
  o.seed = 11;
  o.threads = 1;
  const RecommendationReport one = recommend(s, o);
  o.threads = 3;
  const RecommendationReport three = recommend(s, o);
  EXPECT_EQ(one.samples, 6);
  EXPECT_EQ(one.seed, 11u);
  EXPECT_EQ(one.sample_objective_median, three.sample_objective_median);
  EXPECT_EQ(one.infeasible_samples, three.infeasible_samples);
  ASSERT_EQ(one.recommendations.size(), three.recommendations.size());
  for (std::size_t k = 0; k < one.recommendations.size(); ++k) {
    EXPECT_EQ(one.recommendations[k].programme, three.recommendations[k].programme);
    EXPECT_EQ(one.recommendations[k].agreement, three.recommendations[k].agreement);
    EXPECT_GE(one.recommendations[k].agreement, 0.0);
    EXPECT_LE(one.recommendations[k].agreement, 1.0);
  }
}

TEST(Recommendations, RejectsOptionsOutOfRangeNamingThem) {
  const Scenario s = testing::tiny_scenario();
  auto error = [&s](const RecommendOptions& o) -> std::string {
    try {
      recommend(s, o);
    } catch (const InvalidInput& e) {
      return e.what();
    }
    return "(no error)";
  };
  RecommendOptions o;
  o.samples = -1;
  EXPECT_THAT(error(o), HasSubstr("samples must be in [0, 1000000], got -1"));
  o = {};
  o.demand_noise = 3;
  EXPECT_THAT(error(o), HasSubstr("demand_noise must be in [0, 2]"));
  o = {};
  o.min_change = -1;
  EXPECT_THAT(error(o), HasSubstr("min_change must be >= 0"));
  o = {};
  o.threads = -2;
  EXPECT_THAT(error(o), HasSubstr("threads must be >= 0, got -2"));
}

}  // namespace
}  // namespace sixlink
