// io/plan_report_io.hpp: the quota plan's JSON, with and without a scenario to
// round the intakes against, and its summary.
#include "sixlink/io/plan_report_io.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/analysis/rolling_plan.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> keys(const Json& j) {
  std::vector<std::string> out;
  for (const auto& [key, value] : j.items()) out.push_back(key);
  return out;
}

TEST(PlanReportIo, JsonWithWholeIntakesRoundedAgainstTheScenario) {
  const Scenario s = testing::tiny_scenario();
  const RecommendationReport report = recommend(s);
  const Json j = Json::parse(plan_report_to_json(s, report, nullptr));
  EXPECT_EQ(keys(j),
            (std::vector<std::string>{
                "scenario", "year", "demand_year", "status", "message", "binding_constraint",
                "shortfall", "objective", "upper_bound", "outside_weight", "training_cost",
                "iterations", "flow_solves", "totals", "whole_intakes", "constraints", "programmes",
                "occupations", "recommendations", "robustness"}));  // "horizon" only with a horizon
  // The demand year's nodes as the plan fills them: openings = matched + unmet.
  ASSERT_EQ(j["occupations"].size(), report.plan.occupations.size());
  ASSERT_FALSE(j["occupations"].empty());
  for (const Json& o : j["occupations"]) {
    EXPECT_NEAR(o["openings"].get<double>(),
                o["matched"].get<double>() + o["unmet"].get<double>(), 1e-6);
    EXPECT_EQ(keys(o), (std::vector<std::string>{"occupation", "cluster", "region", "openings",
                                                 "matched", "unmet"}));
  }
  EXPECT_EQ(j["scenario"], "tiny");
  EXPECT_EQ(j["status"], std::string(to_string(report.plan.status)));
  EXPECT_EQ(j["status"], "optimal");
  ASSERT_TRUE(j["whole_intakes"].is_object());
  ASSERT_EQ(j["programmes"].size(), 3u);
  for (const Json& p : j["programmes"]) {
    const double intake = p["intake"].get<double>();
    EXPECT_EQ(intake, std::round(intake)) << p["id"];  // whole students
    EXPECT_NEAR(intake, p["intake_lp"].get<double>(), 1.0) << p["id"];
  }
  EXPECT_EQ(j["recommendations"].size(), report.recommendations.size());
  EXPECT_TRUE(j["recommendations"][0]["agreement"].is_null());  // no samples drawn
}

TEST(PlanReportIo, ProgrammesAndRecommendationsCarryTheLabel) {
  Scenario s = testing::tiny_scenario();
  const RecommendationReport report = recommend(s);
  ASSERT_FALSE(report.recommendations.empty());
  Json j = Json::parse(plan_report_to_json(s, report, nullptr));
  EXPECT_EQ(keys(j["programmes"][0])[1], "name");
  EXPECT_EQ(keys(j["recommendations"][0])[1], "name");
  for (const Json& p : j["programmes"]) EXPECT_EQ(p["name"], "") << p["id"];
  for (Programme& p : s.programmes) p.name = "东城 · " + p.id;
  j = Json::parse(plan_report_to_json(s, report, nullptr));
  for (const Json& p : j["programmes"])
    EXPECT_EQ(p["name"], p["candidate"].get<bool>() ? "" : "东城 · " + p["id"].get<std::string>());
  for (const Json& r : j["recommendations"]) {
    const bool programme = std::any_of(s.programmes.begin(), s.programmes.end(),
                                       [&](const Programme& p) { return p.id == r["programme"]; });
    EXPECT_EQ(r["name"], programme ? "东城 · " + r["programme"].get<std::string>() : "");
  }
  const Json summary = Json::parse(plan_summary_to_json(s, report, 1));
  EXPECT_EQ(summary["recommendations"][0]["name"], j["recommendations"][0]["name"]);
  // Without a scenario there is no label to give.
  EXPECT_EQ(Json::parse(plan_report_to_json(report, nullptr, "named"))["programmes"][0]["name"],
            "");
}

TEST(PlanReportIo, WithoutAScenarioTheLpIntakesAndNoRounding) {
  const Scenario s = testing::tiny_scenario();
  const RecommendationReport report = recommend(s);
  const RollingPlan horizon = plan_horizon(s);
  const Json j = Json::parse(plan_report_to_json(report, &horizon, "named"));
  EXPECT_EQ(j["scenario"], "named");
  EXPECT_TRUE(j["whole_intakes"].is_null());
  for (const Json& p : j["programmes"]) EXPECT_EQ(p["intake"], p["intake_lp"]);
  ASSERT_EQ(j["horizon"].size(), horizon.years.size());
  EXPECT_EQ(j["horizon"][0]["year"], 2021);
}

TEST(PlanReportIo, SummaryKeepsTheTopRecommendations) {
  const Scenario s = testing::tiny_scenario();
  const RecommendationReport report = recommend(s);
  ASSERT_GE(report.recommendations.size(), 2u);
  const Json j = Json::parse(plan_summary_to_json(s, report, 1));
  EXPECT_FALSE(j.contains("programmes"));
  EXPECT_FALSE(j.contains("constraints"));
  EXPECT_FALSE(j.contains("horizon"));
  ASSERT_EQ(j["recommendations"].size(), 1u);
  EXPECT_EQ(j["recommendations"][0]["programme"], report.recommendations[0].programme);
  const Json lp = Json::parse(plan_summary_to_json(report, 10));
  EXPECT_EQ(lp["recommendations"].size(), report.recommendations.size());
  EXPECT_TRUE(lp["whole_intakes"].is_null());
}

}  // namespace
}  // namespace sixlink
