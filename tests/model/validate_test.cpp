#include "sixlink/model/validate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

#include "sixlink/core/error.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;

// The message validate() throws after `change` is applied to the tiny scenario.
std::string error_after(const std::function<void(Scenario&)>& change) {
  Scenario s = testing::tiny_scenario();
  change(s);
  try {
    validate(s);
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Validate, TinyScenarioIsValid) { EXPECT_NO_THROW(validate(testing::tiny_scenario())); }

TEST(Validate, UnknownReferenceNamesTableIndexFieldAndIds) {
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[1].school = "nope"; }),
            "programmes[1].school: programme 'p2' refers to unknown school 'nope'");
  EXPECT_EQ(error_after([](Scenario& s) { s.enterprises[0].openings[0].occupation = "pilot"; }),
            "enterprises[0].openings[0].occupation: enterprise 'e1' refers to unknown occupation "
            "'pilot'");
  EXPECT_EQ(error_after([](Scenario& s) { s.specialties[0].occupations[1].occupation = "x"; }),
            "specialties[0].occupations[1].occupation: specialty '660103' refers to unknown "
            "occupation 'x'");
  EXPECT_THAT(error_after([](Scenario& s) { s.sectors[0].cluster = "ships"; }),
              HasSubstr("sectors[0].cluster: sector '36' refers to unknown cluster 'ships'"));
  EXPECT_THAT(error_after([](Scenario& s) { s.employment[0].enterprise = "e9"; }),
              HasSubstr("employment[0].enterprise"));
}

TEST(Validate, DuplicateAndEmptyIds) {
  EXPECT_EQ(error_after([](Scenario& s) { s.regions[1].id = "r1"; }),
            "regions[1].id: duplicate region id 'r1' (first at regions[0])");
  EXPECT_EQ(error_after([](Scenario& s) { s.schools[0].id.clear(); }),
            "schools[0].id: school id is empty");
  EXPECT_THAT(error_after([](Scenario& s) { s.occupations[0].id = " machinist"; }),
              HasSubstr("space"));
  EXPECT_THAT(error_after([](Scenario& s) { s.programmes[1].specialty = "660103"; }),
              HasSubstr("school 's1' already offers specialty '660103'"));
}

TEST(Validate, NegativeOverflowingAndNonFiniteNumbers) {
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[0].intake = -5; }),
            "programmes[0].intake: programme 'p1': intake must not be negative, got -5");
  EXPECT_THAT(error_after([](Scenario& s) { s.enterprises[1].openings[0].count = kMaxCount + 1; }),
              HasSubstr("above the largest allowed count"));
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[2].completion_rate = std::nan(""); }),
            "programmes[2].completion_rate: programme 'p3': completion_rate must be a finite "
            "number, got NaN");
  EXPECT_THAT(error_after([](Scenario& s) {
                s.programmes[0].cost_per_student = std::numeric_limits<double>::infinity();
              }),
              HasSubstr("cost_per_student must be a finite number, got inf"));
  EXPECT_THAT(error_after([](Scenario& s) { s.specialties[0].occupations[0].fit = 0.0; }),
              HasSubstr("fit must be in (0, 1], got 0"));
  EXPECT_THAT(error_after([](Scenario& s) { s.clusters[0].replacement_rate = 1.5; }),
              HasSubstr("clusters[0].replacement_rate: cluster 'auto': replacement_rate must be in "
                        "[0, 1], got 1.5"));
  EXPECT_THAT(error_after([](Scenario& s) { s.targets[1].value = 55; }), HasSubstr("(a fraction)"));
}

TEST(Validate, BoundsYearsAndDestinations) {
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[0].max_intake = 10; }),
            "programmes[0].max_intake: programme 'p1': max_intake 10 is below min_intake 30");
  EXPECT_THAT(error_after([](Scenario& s) { s.programmes[0].duration = 0; }),
              HasSubstr("duration must be 1 to 10"));
  EXPECT_THAT(error_after([](Scenario& s) { s.base_year = 20; }), HasSubstr("scenario.base_year"));
  EXPECT_THAT(error_after([](Scenario& s) { s.employment[1].outside = false; }),
              HasSubstr("needs an enterprise or a cluster, or outside = true"));
  EXPECT_THAT(error_after([](Scenario& s) { s.employment[0].outside = true; }),
              HasSubstr("outside the city, yet names local enterprise 'e1'"));
  EXPECT_THAT(error_after([](Scenario& s) { s.targets.push_back(s.targets[0]); }),
              HasSubstr("is given twice"));
}

TEST(Validate, EmptyScenarioNeedsOnlyAName) {
  Scenario s;
  s.name = "empty";
  EXPECT_NO_THROW(validate(s));
  s.name.clear();
  EXPECT_THROW(validate(s), InvalidInput);
}

}  // namespace
}  // namespace sixlink
