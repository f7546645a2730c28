#include "sixlink/jobs/gap_job.hpp"

#include <gtest/gtest.h>

#include "jobs/golden.hpp"
#include "sixlink/io/gap_report_io.hpp"

namespace sixlink {
namespace {

TEST(GapJob, JsonIsTheCliGolden) {
  const GapJobResult taizhou = run_gap_job(resolve_scenario("taizhou-2020"));
  EXPECT_EQ(taizhou.scenario_name, "taizhou-2020");
  EXPECT_EQ(gap_job_to_json(taizhou), testing::golden("gap-taizhou.json"));
  GapOptions options;
  options.year = 2025;
  EXPECT_EQ(gap_job_to_json(run_gap_job(resolve_scenario("taizhou-2020"), options)),
            testing::golden("gap-taizhou-2025.json"));
  const GapJobResult tiny = run_gap_job(testing::tiny_city());
  EXPECT_EQ(gap_job_to_json(tiny), testing::golden("gap-tiny.json"));
  EXPECT_EQ(gap_job_to_json(tiny, -1), gap_report_to_json(tiny.report, tiny.scenario_name, -1));
}

}  // namespace
}  // namespace sixlink
