// PlanSampler (sixlink/analysis/plan_samples.hpp): sample k solved alone is the
// sample recommend() solves in its own loop, so that the median objective, the
// infeasible count and every agreement rebuilt from single samples are the report's.
#include "sixlink/analysis/plan_samples.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "sixlink/core/error.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink {
namespace {

RecommendOptions options() {
  RecommendOptions o;
  o.samples = 12;
  o.seed = 5;
  o.threads = 2;
  return o;
}

TEST(PlanSamples, SingleSamplesRebuildTheReportsRobustness) {
  const Scenario s = default_scenario();
  const RecommendationReport report = recommend(s, options());
  ASSERT_EQ(report.plan.status, QuotaStatus::kOptimal);
  const PlanSampler sampler(s, options());
  ASSERT_EQ(sampler.programmes().size(), report.plan.programmes.size());
  std::vector<PlanSample> drawn;
  for (int k = options().samples - 1; k >= 0; --k) drawn.push_back(sampler.solve(k));  // any order
  std::vector<double> good;
  int infeasible = 0;
  for (const auto& d : drawn) {
    if (d.feasible())
      good.push_back(d.objective);
    else
      ++infeasible;
  }
  EXPECT_EQ(infeasible, report.infeasible_samples);
  ASSERT_FALSE(good.empty());
  std::sort(good.begin(), good.end());
  EXPECT_EQ(good[good.size() / 2], report.sample_objective_median);
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < sampler.programmes().size(); ++i)
    index.emplace(sampler.programmes()[i], i);
  ASSERT_FALSE(report.recommendations.empty());
  for (const auto& rec : report.recommendations) {
    const std::size_t i = index.at(rec.programme);
    int agree = 0;
    for (const auto& d : drawn) agree += d.actions[i] == static_cast<int>(rec.action);
    EXPECT_EQ(static_cast<double>(agree) / options().samples, rec.agreement) << rec.programme;
  }
}

TEST(PlanSamples, TheBasePlanIsTheReportsPlan) {
  const Scenario s = default_scenario();
  const RecommendationReport report = recommend(s, options());
  const PlanSample base = PlanSampler(s, options()).solve_base();
  EXPECT_EQ(base.sample, -1);
  EXPECT_EQ(base.status, report.plan.status);
  EXPECT_EQ(base.objective, report.plan.objective);
  ASSERT_EQ(base.intakes.size(), report.plan.programmes.size());
  for (std::size_t i = 0; i < base.intakes.size(); ++i)
    EXPECT_EQ(base.intakes[i], report.plan.programmes[i].intake);
}

TEST(PlanSamples, ASampleIsTheSameWhateverCameBefore) {
  const PlanSampler sampler(default_scenario(), options());
  const PlanSample first = sampler.solve(3);
  sampler.solve(7);
  const PlanSample again = sampler.solve(3);
  EXPECT_EQ(first.objective, again.objective);
  EXPECT_EQ(first.actions, again.actions);
  EXPECT_EQ(first.intakes, again.intakes);
}

TEST(PlanSamples, BadInputIsRejected) {
  const PlanSampler sampler(default_scenario(), options());
  EXPECT_THROW(sampler.solve(-1), InvalidInput);
  RecommendOptions bad = options();
  bad.demand_noise = -1.0;
  EXPECT_THROW(PlanSampler(default_scenario(), bad), InvalidInput);
}

}  // namespace
}  // namespace sixlink
