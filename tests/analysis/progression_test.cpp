// Progression (升学) and the vertical pathways: rates from the records, routes by
// explicit link, by catalogue class and to nowhere local, the projection's
// job-seekers, retention under both definitions, the catalogue rule itself, and
// the scenario's checks and files.
#include "sixlink/analysis/progression.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/analysis/intake_rounding.hpp"
#include "sixlink/analysis/projection.hpp"
#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/analysis/rolling_plan.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/io/csv.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/model/catalogue.hpp"
#include "sixlink/model/validate.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

// The tiny scenario with an associate CNC specialty (class 4601, one level up from
// p1's 6601) at two higher-vocational programmes (two colleges), and records of study:
// p1: 90 took jobs, 60 studied locally, 30 outside (rate 1/2, local share 2/3);
// p2: 50 took jobs, 10 studied locally (its class 7202 has no local programme up).
Scenario with_progression() {
  Scenario s = testing::tiny_scenario();
  s.specialties.push_back({"460103", "数控技术", SpecialtyLevel::kAssociate, {{"machinist", 1.0}}});
  s.programmes.push_back({"q1", "s2", "460103", 100, 300, 3, 0.9, 0, 150, 21000.0});
  s.schools.push_back({"s3", "College three", "r1", SchoolLevel::kHigher, false, 3000, 0});
  s.programmes.push_back({"q2", "s3", "460103", 300, 900, 3, 0.9, 0, 450, 21000.0});
  EmploymentRecord study{"p1", 2020, "", "", false, 60};
  study.progressed = true;
  s.employment.push_back(study);
  study.outside = true;
  study.count = 30;
  s.employment.push_back(study);
  EmploymentRecord p2_study{"p2", 2020, "", "", false, 10};
  p2_study.progressed = true;
  s.employment.push_back(p2_study);
  validate(s);
  return s;
}

std::map<std::string, double> flows_to(const Progression& p, const std::string& from,
                                       ProgressionRoute route) {
  std::map<std::string, double> out;
  for (const auto& f : p.flows)
    if (f.from == from && f.route == route) out[f.to] += f.students;
  return out;
}

TEST(Progression, NextLevelClassIsTheCodeTwoThousandLower) {
  EXPECT_EQ(next_level_class("6601"), "4601");
  EXPECT_EQ(next_level_class("7902"), "5902");
  EXPECT_EQ(next_level_class("4601"), "2601");
  EXPECT_EQ(next_level_class("2601"), "");  // bachelor: no level up in the catalogue
  EXPECT_EQ(next_level_class("66a1"), "");
  EXPECT_EQ(next_level_class("660"), "");
}

// The documented rule, on the real 2021 catalogue: every secondary class has the
// same-named associate class 2000 lower; every bachelor class the same-named
// associate class 2000 higher.
TEST(Progression, CatalogueRuleHoldsOnThe2021Catalogue) {
  std::map<std::pair<SpecialtyLevel, std::string>, std::string> classes;
  for (const auto& e : specialty_catalogue()) classes[{e.level, e.class_code}] = e.class_name;
  int secondary = 0, matched_up = 0, bachelor = 0, matched_down = 0;
  for (const auto& [key, name] : classes) {
    const auto& [level, code] = key;
    if (level == SpecialtyLevel::kSecondary) {
      ++secondary;
      const auto up = classes.find({SpecialtyLevel::kAssociate, next_level_class(code)});
      if (up != classes.end() && up->second == name) ++matched_up;
    } else if (level == SpecialtyLevel::kBachelor) {
      ++bachelor;
      const auto down =
          classes.find({SpecialtyLevel::kAssociate, std::to_string(std::stoi(code) + 2000)});
      if (down != classes.end() && down->second == name &&
          next_level_class(down->first.second) == code)
        ++matched_down;
    }
  }
  EXPECT_EQ(secondary, 88);
  EXPECT_EQ(matched_up, 88);
  EXPECT_EQ(bachelor, 90);
  EXPECT_EQ(matched_down, 90);
}

TEST(Progression, RatesAndRoutesByCatalogueClass) {
  const Scenario s = with_progression();
  const Progression p = project_progression(s);
  ASSERT_EQ(p.programmes.size(), s.programmes.size());
  const ProgrammeProgression& p1 = p.programmes[0];
  EXPECT_EQ(p1.graduates, 90);  // round(100 x 0.9)
  EXPECT_DOUBLE_EQ(p1.rate, 0.5);
  EXPECT_DOUBLE_EQ(p1.local_share, 60.0 / 90.0);
  EXPECT_EQ(p1.progressed, 45);
  EXPECT_EQ(p1.progressed_local, 30);  // round(2/3 x 45)
  EXPECT_EQ(p1.job_seekers, 45);
  // Local progression shared by intake over the class-4601 programmes (100 : 300).
  const auto local = flows_to(p, "p1", ProgressionRoute::kCatalogue);
  EXPECT_DOUBLE_EQ(local.at("q1"), 7.5);
  EXPECT_DOUBLE_EQ(local.at("q2"), 22.5);
  EXPECT_DOUBLE_EQ(flows_to(p, "p1", ProgressionRoute::kOutside).at(""), 15.0);
  // p2's class 7202 has no local programme one level up: nowhere local to go.
  const ProgrammeProgression& p2 = p.programmes[1];
  EXPECT_EQ(p2.progressed, 8);  // round(50 x 10 / 60)
  EXPECT_EQ(p2.progressed_local, 0);
  EXPECT_DOUBLE_EQ(flows_to(p, "p2", ProgressionRoute::kNoLocal).at(""), 8.0);
  // Without records of study a programme's graduates all seek jobs.
  EXPECT_EQ(p.programmes[2].progressed, 0);
  EXPECT_EQ(p.programmes[2].job_seekers, p.programmes[2].graduates);
  EXPECT_EQ(p.graduates, p.progressed + p.job_seekers);
  EXPECT_EQ(p.progressed_local, 30);
}

TEST(Progression, ExplicitLinksComeFirstSharedByReservedSeats) {
  Scenario s = with_progression();
  s.pathways = {{"p1", "q2", PathwayKind::kThreePlusTwo, 40},
                {"p1", "q1", PathwayKind::kFiveYear, 10}};
  validate(s);
  const Progression p = project_progression(s);
  EXPECT_TRUE(flows_to(p, "p1", ProgressionRoute::kCatalogue).empty());
  const auto linked = flows_to(p, "p1", ProgressionRoute::kLink);
  EXPECT_DOUBLE_EQ(linked.at("q2"), 24.0);
  EXPECT_DOUBLE_EQ(linked.at("q1"), 6.0);
  for (const auto& f : p.flows) {
    if (f.route == ProgressionRoute::kLink) {
      EXPECT_EQ(f.kind, f.to == "q2" ? "three_plus_two" : "five_year");
    }
  }
}

// A link's reserved seats (or the students it brings, if more) are a floor on the
// linked programme's intake in the quota plan, and in its whole-student rounding.
TEST(Progression, LinksCommitSeatsTheQuotaPlanKeeps) {
  Scenario s = with_progression();
  s.pathways = {{"p1", "q1", PathwayKind::kThreePlusTwo, 90}};
  validate(s);
  const std::vector<double> committed = committed_seats(s);
  EXPECT_DOUBLE_EQ(committed[3], 90.0);  // q1: the 90 reserved (the link brings 30)
  EXPECT_DOUBLE_EQ(committed[4], 0.0);   // q2: catalogue progression commits nothing
  QuotaOptions o;
  o.max_change = 0.5;  // without the link q1 could fall to 50
  const QuotaResult plan = optimise_quotas(s, o);
  ASSERT_EQ(plan.status, QuotaStatus::kOptimal) << plan.message;
  EXPECT_GE(plan.programmes[3].lower, 90.0 - 1e-6);
  EXPECT_GE(plan.programmes[3].intake, 90.0 - 1e-6);
  const IntakeRounding whole = round_plan_intakes(s, o, plan);
  EXPECT_GE(whole.lower[3], 90);
}

// In the rolling plan the seats arrive with the lower programme's graduation lag:
// years before p1's first planned cohort graduates keep the steady-state floor.
TEST(Progression, RollingPlanCarriesLinkedCohortsWithTheirLag) {
  Scenario s = with_progression();
  s.pathways = {{"p1", "q1", PathwayKind::kThreePlusTwo, 30}};
  validate(s);
  std::vector<double> graduating(s.programmes.size());
  for (std::size_t i = 0; i < graduating.size(); ++i)
    graduating[i] = static_cast<double>(s.programmes[i].intake);
  EXPECT_DOUBLE_EQ(committed_seats(s, graduating)[3], 30.0);  // the steady state
  graduating[0] *= 2.0;                                       // twice p1's cohort: twice the seats
  EXPECT_DOUBLE_EQ(committed_seats(s, graduating)[3], 60.0);
  RollingPlanOptions o;
  o.first_year = 2021;
  o.last_year = 2024;
  o.quotas.max_change = 0.9;  // q1 may fall to 10 a year
  Scenario unlinked = s;
  unlinked.pathways.clear();
  const RollingPlan free = plan_horizon(unlinked, o);
  ASSERT_EQ(free.intakes.size(), 4u);
  EXPECT_LT(free.intakes[0][3], 30.0);  // the floor below binds: the test can fail
  const RollingPlan plan = plan_horizon(s, o);
  ASSERT_EQ(plan.intakes.size(), 4u);
  // 2021-2023 graduate p1's pre-plan cohorts (3 years): q1 keeps >= 30 seats;
  // 2024 graduates p1's 2021 cohort, whose seats scale with its planned intake.
  for (std::size_t y = 0; y < 3; ++y) EXPECT_GE(plan.intakes[y][3], 30.0 - 1e-6) << y;
  const double seats_2024 = 30.0 * plan.intakes[0][0] / 100.0;
  EXPECT_GE(plan.intakes[3][3], std::min(seats_2024, 150.0) - 1e-6);
  EXPECT_LT(seats_2024, 30.0);  // p1 shrank in 2021, so q1's floor fell with the lag
}

TEST(Progression, ProjectionSupplyIsTheJobSeekers) {
  const Scenario s = with_progression();
  const SupplyDemandGraph g = project_supply_demand(s);
  const Progression p = project_progression(s);
  for (std::size_t i = 0; i < s.programmes.size(); ++i)
    EXPECT_EQ(g.graduates[i], p.programmes[i].job_seekers) << s.programmes[i].id;
  const std::vector<double> rates = job_seeker_rates(s);
  EXPECT_DOUBLE_EQ(rates[0], 0.9 * 0.5);
  EXPECT_DOUBLE_EQ(rates[2], 1.0);
}

TEST(Progression, RetentionUnderBothDefinitions) {
  const Scenario s = with_progression();
  GapOptions o;
  o.outside_weight = 0.3;
  const GapReport labour = gap_analysis(s, o);
  ASSERT_EQ(labour.status, FlowStatus::kOptimal);
  EXPECT_EQ(labour.city.retention_definition, RetentionDefinition::kLabourMarket);
  EXPECT_DOUBLE_EQ(labour.city.retention_rate, static_cast<double>(labour.city.matched) /
                                                   static_cast<double>(labour.city.graduates));
  EXPECT_EQ(labour.city.progressed, labour.progression.progressed);
  o.retention = RetentionDefinition::kAllGraduates;
  const GapReport all = gap_analysis(s, o);
  EXPECT_EQ(all.city.matched, labour.city.matched);
  EXPECT_DOUBLE_EQ(all.city.labour_market_retention_rate, labour.city.retention_rate);
  EXPECT_DOUBLE_EQ(all.city.retention_rate,
                   static_cast<double>(all.city.matched + all.city.progressed_local) /
                       static_cast<double>(all.city.graduates + all.city.progressed));
}

TEST(Progression, ValidationNamesTheBadLink) {
  const auto fails_with = [](const Scenario& s, const std::string& part) {
    try {
      validate(s);
      ADD_FAILURE() << "accepted, expected: " << part;
    } catch (const InvalidInput& e) {
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    }
  };
  Scenario s = with_progression();
  s.pathways = {{"p1", "nowhere", PathwayKind::kThreePlusTwo, 0}};
  fails_with(s, "nowhere");
  s.pathways = {{"q1", "p1", PathwayKind::kThreePlusTwo, 0}};
  fails_with(s, "one level up");
  s.pathways = {{"p1", "q1", PathwayKind::kBachelorLink, 0}};
  fails_with(s, "bachelor_link");
  s.pathways = {{"p1", "q1", PathwayKind::kThreePlusTwo, 0},
                {"p1", "q1", PathwayKind::kFiveYear, 0}};
  fails_with(s, "given twice");
  s.pathways = {{"p1", "q1", PathwayKind::kThreePlusTwo, -5}};
  fails_with(s, "reserved_seats");
  s.pathways.clear();
  EmploymentRecord bad{"p1", 2020, "e1", "", false, 5};
  bad.progressed = true;
  s.employment.push_back(bad);
  fails_with(s, "continued study");
}

TEST(Progression, PathwaysAndStudyRecordsSurviveTheFiles) {
  Scenario s = with_progression();
  s.pathways = {{"p1", "q2", PathwayKind::kThreePlusTwo, 40}};
  EXPECT_EQ(scenario_from_json(scenario_to_json(s)), s);
  EXPECT_EQ(scenario_from_csv(scenario_to_csv(s)), s);
  // A scenario file written before pathways (no "pathways", no "progressed") loads.
  Scenario old = testing::tiny_scenario();
  std::string text = scenario_to_json(old);
  const auto erase = [&](const std::string& what) {
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what))
      text.erase(at, what.size());
  };
  erase(",\n      \"progressed\": false");
  erase(",\n  \"pathways\": []");
  ASSERT_EQ(text.find("progressed"), std::string::npos);
  ASSERT_EQ(text.find("pathways"), std::string::npos);
  EXPECT_EQ(scenario_from_json(text), old);
}

}  // namespace
}  // namespace sixlink
