// placement/cohort.hpp: the scenario's openings, the synthetic cohort (counts,
// determinism, distributions) and validate_cohort's messages.
#include "sixlink/placement/cohort.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <string>

#include "sixlink/core/error.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;

std::string error_after(const std::function<void(Cohort&)>& change) {
  const Scenario s = testing::tiny_scenario();
  Cohort c = synthetic_cohort(s);
  change(c);
  try {
    validate_cohort(c, s);
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Cohort, OpeningKindNames) {
  EXPECT_EQ(to_string(OpeningKind::kJob), "job");
  EXPECT_EQ(to_string(OpeningKind::kInternship), "internship");
  EXPECT_EQ(parse_opening_kind("job"), OpeningKind::kJob);
  EXPECT_EQ(parse_opening_kind("internship"), OpeningKind::kInternship);
  EXPECT_FALSE(parse_opening_kind("Job").has_value());
}

TEST(Cohort, ScenarioOpeningsOfTheTinyCity) {
  const std::vector<PlacementOpening> openings = scenario_openings(testing::tiny_scenario());
  // Jobs: e1 machinist 30, e2 nurse 10, e3 nurse 20. Internships: e1 24 (its
  // machinists), e3 2 (its nurses). e4 has neither.
  Count jobs = 0, internships = 0;
  std::set<std::string> ids;
  for (const PlacementOpening& o : openings) {
    ids.insert(o.id);
    (o.kind == OpeningKind::kJob ? jobs : internships) += o.capacity;
    EXPECT_NE(o.enterprise, "e4");
  }
  EXPECT_EQ(jobs, 60);
  EXPECT_EQ(internships, 26);
  EXPECT_EQ(ids.size(), openings.size());
  EXPECT_TRUE(ids.count("e1/machinist"));
  EXPECT_TRUE(ids.count("e1/internship"));
  const auto e1 = std::find_if(openings.begin(), openings.end(),
                               [](const PlacementOpening& o) { return o.id == "e1/internship"; });
  ASSERT_NE(e1, openings.end());
  EXPECT_EQ(e1->occupation, "machinist");
  EXPECT_EQ(e1->region, "r1");
  EXPECT_EQ(e1->capacity, 24);
}

TEST(Cohort, SyntheticCohortCountsAndDeterminism) {
  const Scenario s = testing::tiny_scenario();
  const Cohort c = synthetic_cohort(s);
  ASSERT_EQ(c.graduates.size(), 160u);  // round(100 x 0.9) + 50 + 20
  EXPECT_EQ(c.graduates.front().id, "p1-1");
  EXPECT_EQ(c.graduates[90].id, "p2-1");
  EXPECT_NO_THROW(validate_cohort(c, s));
  for (const Graduate& g : c.graduates) {
    EXPECT_GE(g.score, 0.0);
    EXPECT_LE(g.score, 100.0);
    EXPECT_LE(g.preferences.size(), 5u);
  }
  const Cohort again = synthetic_cohort(s);
  for (std::size_t i = 0; i < c.graduates.size(); ++i) {
    EXPECT_EQ(again.graduates[i].score, c.graduates[i].score);
    EXPECT_EQ(again.graduates[i].preferences, c.graduates[i].preferences);
    EXPECT_EQ(again.graduates[i].home_region, c.graduates[i].home_region);
  }
  CohortOptions other;
  other.seed = 1;
  const Cohort reseeded = synthetic_cohort(s, other);
  bool differs = false;
  for (std::size_t i = 0; i < c.graduates.size(); ++i)
    differs = differs || reseeded.graduates[i].score != c.graduates[i].score;
  EXPECT_TRUE(differs);
}

TEST(Cohort, OptionsShapeTheDraw) {
  const Scenario s = testing::tiny_scenario();
  CohortOptions o;
  o.home_share = 1.0;
  o.preference_share = 0.0;
  const Cohort home = synthetic_cohort(s, o);
  for (const Graduate& g : home.graduates) {
    EXPECT_EQ(g.home_region, g.programme == "p3" ? "r2" : "r1") << g.id;
    EXPECT_TRUE(g.preferences.empty());
  }
  o.preference_share = 1.0;
  o.preferences = 2;
  for (const Graduate& g : synthetic_cohort(s, o).graduates) {
    EXPECT_LE(g.preferences.size(), 2u);
    if (g.programme == "p2") {  // nurses: only the hospital and the care home hire them
      for (const std::string& e : g.preferences) EXPECT_TRUE(e == "e2" || e == "e3") << e;
    }
    if (g.programme == "p3") {
      EXPECT_TRUE(g.preferences.empty());  // nobody hires tailors
    }
  }
  o = {};
  o.home_share = 1.5;
  EXPECT_THROW(synthetic_cohort(s, o), InvalidInput);
  o = {};
  o.preferences = -1;
  EXPECT_THROW(synthetic_cohort(s, o), InvalidInput);
}

TEST(Cohort, ValidateNamesTheItemAndTheField) {
  EXPECT_EQ(error_after([](Cohort&) {}), "(no error)");
  EXPECT_EQ(error_after([](Cohort& c) { c.graduates[12].programme = "x"; }),
            "graduates[12] ('p1-13'): programme 'x' is not in the scenario");
  EXPECT_EQ(error_after([](Cohort& c) { c.graduates[1].id = "p1-1"; }),
            "graduates[1] ('p1-1'): duplicate id");
  EXPECT_THAT(error_after([](Cohort& c) { c.graduates[0].home_region = "r9"; }),
              HasSubstr("home_region 'r9' is not in the scenario"));
  EXPECT_THAT(error_after([](Cohort& c) { c.graduates[0].score = std::nan(""); }),
              HasSubstr("graduates[0] ('p1-1'): score must be a finite number"));
  EXPECT_THAT(error_after([](Cohort& c) {
                c.graduates[0].preferences = {"e1", "e1"};
              }),
              HasSubstr("preference 'e1' twice"));
  EXPECT_THAT(error_after([](Cohort& c) { c.openings[0].enterprise = "e9"; }),
              HasSubstr("openings[0] ('e1/machinist'): enterprise 'e9' is not in the scenario"));
  EXPECT_THAT(error_after([](Cohort& c) { c.openings[0].capacity = -1; }),
              HasSubstr("capacity must be in [0, "));
  EXPECT_THAT(error_after([](Cohort& c) { c.openings[0].ranking = {"nobody"}; }),
              HasSubstr("ranking names 'nobody', not a graduate of the cohort"));
  EXPECT_THAT(error_after([](Cohort& c) { c.openings[1].id = ""; }),
              HasSubstr("openings[1]: empty id"));
}

}  // namespace
}  // namespace sixlink
