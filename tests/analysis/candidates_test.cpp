// analysis/candidates.hpp: specialties a region could open, scored by the
// unmet demand they fit, on the tiny city with a short hospital.
#include "sixlink/analysis/candidates.hpp"

#include <gtest/gtest.h>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/core/error.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

// The hospital in r2 wants 200 nurses, more than the city trains; r2's one
// school (made secondary) offers only tailoring.
Scenario short_of_nurses() {
  Scenario s = testing::tiny_scenario();
  s.enterprises[1].openings = {{"nurse", 200}};
  s.schools[1].level = SchoolLevel::kSecondary;
  return s;
}

Count unmet_at(const GapReport& report, const std::string& cluster, const std::string& region) {
  for (const ClusterRegionGap& cell : report.cells)
    if (cell.cluster == cluster && cell.region == region) return cell.unmet;
  return -1;
}

TEST(Candidates, ScoresTheSpecialtiesTheRegionLacks) {
  const Scenario s = short_of_nurses();
  const GapReport report = gap_analysis(s);
  const Count unmet = unmet_at(report, "health", "r2");
  ASSERT_GT(unmet, 0);
  const std::vector<OpenCandidate> found = open_candidates(s, report);
  // Nursing fits the hospital's nurse openings fully, machining by half; r1 already
  // offers both, and nobody demands tailors. Nursing claims the unmet nurse
  // openings, so machining, which would name the same openings, is not offered too.
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].programme.id, "s2-720201");
  EXPECT_DOUBLE_EQ(found[0].score, static_cast<double>(unmet));
  for (const OpenCandidate& c : found) {
    EXPECT_EQ(c.region, "r2");
    EXPECT_EQ(c.short_nodes, (std::vector<std::string>{"Nurse · health@r2"}));
    EXPECT_EQ(c.programme.school, "s2");
    EXPECT_EQ(c.programme.intake, 0);
    EXPECT_EQ(c.programme.min_intake, 30);
    EXPECT_EQ(c.programme.max_intake, 60);
    // s2's first programme's duration and completion, its mean cost.
    EXPECT_EQ(c.programme.duration, 3);
    EXPECT_EQ(c.programme.completion_rate, 1.0);
    EXPECT_EQ(c.programme.cost_per_student, 15000.0);
  }
}

TEST(Candidates, OptionsLimitAndBoundTheCandidates) {
  const Scenario s = short_of_nurses();
  const GapReport report = gap_analysis(s);
  CandidateOptions o;
  o.max_candidates = 1;
  o.min_intake = 10;
  o.max_intake = 20;
  const std::vector<OpenCandidate> one = open_candidates(s, report, o);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].programme.specialty, "720201");
  EXPECT_EQ(one[0].programme.min_intake, 10);
  EXPECT_EQ(one[0].programme.max_intake, 20);
  o.max_candidates = 0;
  EXPECT_TRUE(open_candidates(s, report, o).empty());
  o.max_candidates = -1;
  EXPECT_THROW(open_candidates(s, report, o), InvalidInput);
  o = {};
  o.min_intake = 70;  // above max_intake 60
  EXPECT_THROW(open_candidates(s, report, o), InvalidInput);
}

// Candidates take their school's label prefix when the scenario labels its
// programmes, the school's name at a school without labelled programmes.
TEST(Candidates, LabelledLikeTheirSchoolsProgrammes) {
  Scenario s = short_of_nurses();
  EXPECT_EQ(open_candidates(s, gap_analysis(s)).at(0).programme.name, "");  // no labels
  s.programmes[2].name = "Two · 服装设计与工艺";  // p3 at s2
  EXPECT_EQ(open_candidates(s, gap_analysis(s)).at(0).programme.name, "Two · 护理");
  s.programmes[2].name = "";
  s.programmes[0].name = "One · 数控技术应用";  // labelled, but not at s2
  EXPECT_EQ(open_candidates(s, gap_analysis(s)).at(0).programme.name, "School two · 护理");
}

// A new campus in r2 that opens in 2024 has more room than s2: it takes the
// candidate once open in the intake year, not before (then s2 does).
TEST(Candidates, ANewCampusTakesCandidatesFromTheYearItOpens) {
  Scenario s = short_of_nurses();
  School campus = s.schools[1];
  campus.id = "s2-bay";
  campus.name = "Bay campus";
  campus.capacity = 5000;
  campus.opens_in_year = 2024;
  s.schools.push_back(campus);
  const GapReport report = gap_analysis(s);
  CandidateOptions o;
  o.intake_year = 2024;
  const std::vector<OpenCandidate> open = open_candidates(s, report, o);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].programme.school, "s2-bay");
  o.intake_year = 2023;
  const std::vector<OpenCandidate> before = open_candidates(s, report, o);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].programme.school, "s2");
  // The recommendations plan for an intake year: the campus is named in the reason.
  RecommendOptions r;
  r.quotas.year = 2024;
  r.quotas.market.outside_weight = 0.5;
  const RecommendationReport plan = recommend(s, r);
  bool named = false;
  for (const Recommendation& rec : plan.recommendations) {
    if (rec.action != Action::kOpen || rec.school != "s2-bay") continue;
    named = rec.reason.find("new campus Bay campus, open from 2024") != std::string::npos;
    EXPECT_EQ(rec.capacity, 60);  // the candidates' largest first intake
    EXPECT_EQ(rec.opening_year, 2024);
  }
  EXPECT_TRUE(named);
}

TEST(Candidates, NoUnmetDemandNoCandidatesAndNoSchoolOfTheLevelNone) {
  const Scenario tiny = testing::tiny_scenario();  // every opening filled
  EXPECT_TRUE(open_candidates(tiny, gap_analysis(tiny)).empty());
  Scenario higher = short_of_nurses();
  higher.schools[1].level = SchoolLevel::kHigher;  // no secondary school in r2
  EXPECT_TRUE(open_candidates(higher, gap_analysis(higher)).empty());
}

}  // namespace
}  // namespace sixlink
