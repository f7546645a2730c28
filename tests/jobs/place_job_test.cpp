#include "sixlink/jobs/place_job.hpp"

#include <gtest/gtest.h>

#include "jobs/golden.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/io/placement_io.hpp"

namespace sixlink {
namespace {

TEST(PlaceJob, JsonIsTheCliGolden) {
  const Scenario taizhou = resolve_scenario("taizhou-2020");
  EXPECT_EQ(place_job_to_json(run_place_job(taizhou, PlaceJobOptions{})),
            testing::golden("place-taizhou.json"));
  PlaceJobOptions stable;
  stable.placement.mode = PlacementMode::kStable;
  EXPECT_EQ(place_job_to_json(run_place_job(taizhou, stable)),
            testing::golden("place-taizhou-stable.json"));
  const Scenario tiny = testing::tiny_city();
  EXPECT_EQ(place_job_to_json(run_place_job(tiny, PlaceJobOptions{})),
            testing::golden("place-tiny.json"));
  PlaceJobOptions parallel;
  parallel.placement.mode = PlacementMode::kParallel;
  parallel.placement.seed = 3;
  const PlaceJobResult p = run_place_job(tiny, parallel);
  EXPECT_EQ(place_job_to_json(p), testing::golden("place-tiny-parallel.json"));
  EXPECT_EQ(place_job_to_json(p, -1), placement_to_json(p.placement, p.cohort, tiny.name, -1));
}

TEST(PlaceJob, ProgrammesCarryTheScenariosLabels) {
  const Scenario taizhou = resolve_scenario("taizhou-2020");
  const PlaceJobResult p = run_place_job(taizhou, PlaceJobOptions{});
  EXPECT_EQ(p.programme_names, programme_names(taizhou));
  EXPECT_NE(place_job_to_json(p).find("\"name\": \"" + taizhou.programmes[0].name + "\""),
            std::string::npos);
}

TEST(PlaceJob, OpeningsNeedACohort) {
  PlaceJobOptions options;
  options.openings = "openings.csv";
  try {
    check_cohort_sources(options);
    FAIL() << "no error";
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "openings needs a cohort (the graduates it is for)");
  }
  try {
    job_cohort(testing::tiny_city(), options, {"--openings", "--cohort"});
    FAIL() << "no error";
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "--openings needs --cohort (the graduates it is for)");
  }
}

TEST(PlaceJob, GivenCohortIsPlacedAsIs) {
  const Scenario tiny = testing::tiny_city();
  Cohort cohort = synthetic_cohort(tiny);
  const std::size_t graduates = cohort.graduates.size();
  const PlaceJobResult result = run_place_job(tiny, std::move(cohort));
  EXPECT_EQ(result.cohort.graduates.size(), graduates);
  EXPECT_EQ(result.placement.opening_of.size(), graduates);
}

}  // namespace
}  // namespace sixlink
