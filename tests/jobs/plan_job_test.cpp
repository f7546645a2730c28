#include "sixlink/jobs/plan_job.hpp"

#include <gtest/gtest.h>

#include "jobs/golden.hpp"
#include "sixlink/io/plan_report_io.hpp"

namespace sixlink {
namespace {

TEST(PlanJob, JsonIsTheCliGolden) {
  const Scenario taizhou = resolve_scenario("taizhou-2020");
  const PlanJobResult plan = run_plan_job(taizhou);
  ASSERT_TRUE(plan.horizon.has_value());
  EXPECT_EQ(plan_job_to_json(plan), testing::golden("plan-taizhou.json"));
  EXPECT_EQ(plan_job_to_json(plan, -1),
            plan_report_to_json(taizhou, plan.report, &*plan.horizon, -1));

  PlanJobOptions options;
  options.recommend.quotas.year = 2025;
  EXPECT_EQ(plan_job_to_json(run_plan_job(taizhou, options)),
            testing::golden("plan-taizhou-2025.json"));

  PlanJobOptions constrained;
  constrained.recommend.quotas.total_enrolment = 90000;
  constrained.recommend.quotas.min_secondary_share = 0.5;
  constrained.recommend.samples = 3;
  constrained.recommend.seed = 7;
  constrained.horizon = false;
  const PlanJobResult c = run_plan_job(taizhou, constrained);
  EXPECT_FALSE(c.horizon.has_value());
  EXPECT_EQ(plan_job_to_json(c), testing::golden("plan-taizhou-constrained.json"));

  EXPECT_EQ(plan_job_to_json(run_plan_job(testing::tiny_city())), testing::golden("plan-tiny.json"));
}

TEST(PlanJob, StatusIsThePlansOrTheFirstUnsolvedYears) {
  const PlanJobResult plan = run_plan_job(testing::tiny_city());
  EXPECT_EQ(plan.status, QuotaStatus::kOptimal);
  EXPECT_TRUE(plan.solved());

  PlanJobOptions options;
  options.recommend.quotas.total_enrolment = 1e9;  // no intake reaches it
  options.recommendations = false;
  const PlanJobResult infeasible = run_plan_job(testing::tiny_city(), options);
  EXPECT_EQ(infeasible.report.plan.status, QuotaStatus::kInfeasible);
  EXPECT_EQ(infeasible.status, QuotaStatus::kInfeasible);
  EXPECT_FALSE(infeasible.solved());
  EXPECT_EQ(infeasible.rounding.status, IntakeRoundingStatus::kLpKept);
}

TEST(PlanJob, OptimiserAloneKeepsItsOptions) {
  PlanJobOptions options;
  options.recommendations = false;
  options.horizon = false;
  const PlanJobResult plan = run_plan_job(testing::tiny_city(), options);
  EXPECT_TRUE(plan.report.recommendations.empty());
  EXPECT_EQ(plan.report.options.market.outside_weight, plan.report.plan.outside_weight);
}

}  // namespace
}  // namespace sixlink
