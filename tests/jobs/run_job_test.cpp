#include "sixlink/jobs/run_job.hpp"

#include <gtest/gtest.h>

#include "jobs/golden.hpp"

namespace sixlink {
namespace {

TEST(RunJob, JsonIsTheCliGolden) {
  const RunJobResult taizhou = run_job(resolve_scenario("taizhou-2020"));
  EXPECT_TRUE(taizhou.solved());
  EXPECT_EQ(taizhou.top, kRunTopRecommendations);
  EXPECT_FALSE(taizhou.plan.horizon.has_value());
  EXPECT_EQ(run_job_to_json(taizhou), testing::golden("run-taizhou.json"));
  EXPECT_EQ(run_job_to_json(run_job(testing::tiny_city())), testing::golden("run-tiny.json"));
}

}  // namespace
}  // namespace sixlink
