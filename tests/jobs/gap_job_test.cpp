#include "sixlink/jobs/gap_job.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

TEST(GapJob, ProgrammesCarryTheScenariosLabels) {
  const Scenario s = resolve_scenario("taizhou-2020");
  const GapJobResult taizhou = run_gap_job(s);
  EXPECT_EQ(taizhou.programme_names, programme_names(s));
  const auto j = nlohmann::json::parse(gap_job_to_json(taizhou));
  ASSERT_EQ(j["programmes"].size(), s.programmes.size());
  for (std::size_t i = 0; i < s.programmes.size(); ++i) {
    EXPECT_EQ(j["programmes"][i]["name"], s.programmes[i].name);
    EXPECT_FALSE(s.programmes[i].name.empty()) << s.programmes[i].id;
  }
  EXPECT_EQ(j["progression"]["programmes"][0]["name"], s.programmes[0].name);
  const GapJobResult tiny = run_gap_job(testing::tiny_city());
  EXPECT_TRUE(tiny.programme_names.empty());
  const auto tiny_json = nlohmann::json::parse(gap_job_to_json(tiny));  // outlives the loop
  for (const auto& p : tiny_json["programmes"]) EXPECT_EQ(p["name"], "");
}

}  // namespace
}  // namespace sixlink
