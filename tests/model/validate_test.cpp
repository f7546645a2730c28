#include "sixlink/model/validate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

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

TEST(Validate, OpenProgrammeIntakeWithinItsBounds) {
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[0].intake = 151; }),
            "programmes[0].intake: programme 'p1': intake 151 is above max_intake 150");
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[1].intake = 29; }),
            "programmes[1].intake: programme 'p2': intake 29 is below min_intake 30 (0 marks a "
            "closed programme)");
  // The bounds themselves are fine: 150 and 30 are accepted.
  EXPECT_EQ(error_after([](Scenario& s) {
              s.programmes[0].intake = 150;
              s.programmes[1].intake = 30;
            }),
            "(no error)");
  // Intake 0 is a closed programme, whatever its bounds.
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[1].intake = 0; }), "(no error)");
  // max_intake 0 gives no upper bound (min_intake must then be 0).
  EXPECT_EQ(error_after([](Scenario& s) {
              s.programmes[2].max_intake = 0;
              s.programmes[2].intake = 5000;
            }),
            "(no error)");
}

TEST(Validate, EmploymentYearsReachBackTenYears) {
  EXPECT_EQ(error_after([](Scenario& s) { s.employment[0].year = 2010; }), "(no error)");
  EXPECT_EQ(error_after([](Scenario& s) { s.employment[0].year = 2009; }),
            "employment[0].year: employment record of programme 'p1': year 2009 is outside 2010 "
            "to 2020 (the base year and the 10 years before it)");
  EXPECT_THAT(error_after([](Scenario& s) { s.employment[1].year = 2021; }),
              HasSubstr("employment[1].year: employment record of programme 'p1': year 2021 is "
                        "outside 2010 to 2020"));
}

TEST(Validate, CostAndCompletionRateKeepThePlanInRange) {
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[0].cost_per_student = 1e12; }),
            "programmes[0].cost_per_student: programme 'p1': cost_per_student 1e+12 is above the "
            "largest allowed 1,000,000 yuan a year");
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[0].cost_per_student = kMaxCostPerStudent; }),
            "(no error)");
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[0].completion_rate = 0.0; }),
            "programmes[0].completion_rate: programme 'p1': completion_rate must be at least 0.01, "
            "got 0");
  EXPECT_EQ(error_after([](Scenario& s) { s.programmes[0].completion_rate = 0.01; }),
            "(no error)");
}

TEST(FindProblems, EveryProblemOnceInCheckingOrder) {
  Scenario s = testing::tiny_scenario();
  EXPECT_TRUE(find_problems(s).empty());
  s.name.clear();                          // empty name
  s.programmes[0].intake = 151;            // above max_intake
  s.programmes[1].school = "nope";         // unknown school
  s.programmes[2].completion_rate = 1.5;   // out of range
  s.employment[0].year = 2030;             // after the base year
  s.targets[1].value = 55;                 // a rate above 1
  const std::vector<Problem> found = find_problems(s);
  std::vector<std::string> lines;
  for (const Problem& p : found) {
    EXPECT_EQ(p.file, "");
    lines.push_back(to_string(p));
  }
  EXPECT_THAT(lines,
              ::testing::ElementsAre(
                  "scenario.name: scenario name is empty",
                  "programmes[0].intake: programme 'p1': intake 151 is above max_intake 150",
                  "programmes[1].school: programme 'p2' refers to unknown school 'nope'",
                  "programmes[2].completion_rate: programme 'p3': completion_rate must be in [0, "
                  "1], got 1.5",
                  HasSubstr("employment[0].year: employment record of programme 'p1': year 2030"),
                  HasSubstr("targets[1].value")));
  // The first is what validate() throws.
  EXPECT_EQ(error_after([](Scenario& t) { t.name.clear(); }), lines.front());
  EXPECT_EQ(found[1].location, "programmes[0].intake");
  EXPECT_EQ(found[1].message, "programme 'p1': intake 151 is above max_intake 150");
}

TEST(FindProblems, OneMistakeGivesOneProblem) {
  // Broken bounds: the intake is not also reported against them.
  Scenario s = testing::tiny_scenario();
  s.programmes[0].min_intake = -1;
  s.programmes[0].intake = 500;
  ASSERT_EQ(find_problems(s).size(), 1u);
  EXPECT_EQ(find_problems(s)[0].location, "programmes[0].min_intake");
  s = testing::tiny_scenario();
  s.programmes[0].max_intake = 10;  // below min_intake 30; intake 100 not reported
  ASSERT_EQ(find_problems(s).size(), 1u);
  EXPECT_EQ(find_problems(s)[0].location, "programmes[0].max_intake");
  // A broken base year: employment years are not checked against it.
  s = testing::tiny_scenario();
  s.base_year = 20;
  ASSERT_EQ(find_problems(s).size(), 1u);
  EXPECT_EQ(find_problems(s)[0].location, "scenario.base_year");
  // A broken id: its duplicates and the references to it are not reported.
  s = testing::tiny_scenario();
  s.schools[0].id = "s1\n";
  s.schools[1].id = "s1\n";
  for (auto& p : s.programmes) p.school = "s1\n";
  const auto found = find_problems(s);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].location, "schools[0].id");
  EXPECT_EQ(found[1].location, "schools[1].id");
  EXPECT_THAT(found[1].message, HasSubstr("holds a control character"));
  EXPECT_EQ(found[1].message.find('\n'), std::string::npos);  // escaped, one line
}

TEST(FindProblems, StopsAtTheLimit) {
  Scenario s = testing::tiny_scenario();
  for (auto& p : s.programmes) {
    p.enrolled = -1;
    p.duration = 0;
    p.cost_per_student = -1;
  }
  EXPECT_EQ(find_problems(s).size(), 9u);
  EXPECT_EQ(find_problems(s, 4).size(), 4u);
  EXPECT_TRUE(find_problems(s, 0).empty());
  const std::vector<Problem> first = find_problems(s, 1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0], find_problems(s)[0]);
}

}  // namespace
}  // namespace sixlink
