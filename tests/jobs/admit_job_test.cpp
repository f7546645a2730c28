#include "sixlink/jobs/admit_job.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sixlink/model/default_scenario.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

TEST(AdmitJob, TaizhouStableAndParallel) {
  AdmitJobOptions o;
  const AdmitJobResult stable = run_admit_job(default_scenario(), o);
  EXPECT_EQ(stable.year, 2020);
  EXPECT_TRUE(stable.synthetic);
  EXPECT_TRUE(stable.outcome.stable);
  EXPECT_EQ(stable.outcome.blocking_pairs, 0);
  EXPECT_GT(stable.outcome.admitted, stable.outcome.applicants * 9 / 10);
  o.admission.mode = AdmissionMode::kParallel;
  const AdmitJobResult parallel = run_admit_job(default_scenario(), o);
  EXPECT_EQ(parallel.applicants.score, stable.applicants.score);
  EXPECT_GE(parallel.outcome.blocking_pairs, 0);
}

TEST(AdmitJob, CompareRunsBothRulesOnTheSameApplicants) {
  AdmitJobOptions o;
  o.compare = true;
  const AdmitJobResult r = run_admit_job(default_scenario(), o);
  ASSERT_TRUE(r.open.has_value());
  EXPECT_TRUE(r.outcome.options.county_limits);
  EXPECT_FALSE(r.open->options.county_limits);
  EXPECT_EQ(r.outcome.applicants, r.open->applicants);
  const auto json = nlohmann::json::parse(admit_job_to_json(r));
  EXPECT_TRUE(json.contains("county_limited"));
  EXPECT_TRUE(json.contains("open"));
  EXPECT_TRUE(json.contains("notes"));
  EXPECT_EQ(json["open"]["stability"]["blocking_pairs"], 0);
}

TEST(AdmitJob, JsonAndDeterminism) {
  AdmitJobOptions o;
  o.admission.seed = 5;
  const std::string a = admit_job_to_json(run_admit_job(default_scenario(), o));
  const std::string b = admit_job_to_json(run_admit_job(default_scenario(), o));
  EXPECT_EQ(a, b);
  const auto json = nlohmann::json::parse(a);
  EXPECT_EQ(json["scenario"], "taizhou-2020");
  const auto& run = json["admission"];
  EXPECT_EQ(run["flows"]["regions"].size(), 10u);
  EXPECT_EQ(run["admitted"].get<Count>() + run["unplaced"].get<Count>(),
            run["applicants"].get<Count>());
}

TEST(AdmitJob, ShortfallsCapThePlanIntakes) {
  const Scenario s = testing::tiny_scenario();
  AdmitJobOptions o;
  AdmitJobResult r = run_admit_job(s, o);
  // Force a shortfall on p1: pretend it filled 10 of its 100 seats.
  r.outcome.institutions[0].filled = 10;
  const auto shortfalls = admission_shortfalls(r);
  ASSERT_FALSE(shortfalls.empty());
  EXPECT_EQ(shortfalls[0].programme, "p1");
  EXPECT_EQ(shortfalls[0].filled, 10);
  const Scenario capped = cap_intakes_at_admission(s, shortfalls);
  EXPECT_EQ(capped.programmes[0].max_intake, 10);
  EXPECT_EQ(capped.programmes[0].min_intake, 10);
  EXPECT_EQ(capped.programmes[2].max_intake, s.programmes[2].max_intake);
}

}  // namespace
}  // namespace sixlink
