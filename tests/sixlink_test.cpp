// sixlink/sixlink.hpp: the umbrella header compiles on its own (it is the
// first include here, and nothing else of sixlink is included) and gives the
// main entry points: a scenario and its files, the analyses above it, the
// engines beneath them and their certificate checkers.
#include "sixlink/sixlink.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace sixlink {
namespace {

TEST(Umbrella, FromAScenarioToItsAnalyses) {
  const Scenario& city = default_scenario();
  EXPECT_EQ(city.name, kDefaultScenarioName);
  EXPECT_NO_THROW(validate(city));
  EXPECT_EQ(summarise(city).counts.programmes, static_cast<Index>(city.programmes.size()));

  // A small city through its JSON form and back.
  Scenario tiny = scenario_from_json(scenario_to_json(city));
  EXPECT_EQ(tiny, city);
  tiny.programmes.resize(3);
  std::erase_if(tiny.employment, [&tiny](const EmploymentRecord& r) {
    for (const Programme& p : tiny.programmes)
      if (p.id == r.programme) return false;
    return true;
  });
  std::erase_if(tiny.pathways, [&tiny](const Pathway& link) {
    int kept = 0;
    for (const Programme& p : tiny.programmes) kept += p.id == link.from || p.id == link.to;
    return kept < 2;
  });
  validate(tiny);
  const GapReport gap = gap_analysis(tiny);
  EXPECT_EQ(gap.programmes.size(), 3u);
  EXPECT_FALSE(gap_report_to_json(gap, tiny.name).empty());
  const Cohort cohort = synthetic_cohort(tiny);
  const PlacementResult placed = place(tiny, cohort);
  EXPECT_EQ(placed.graduates, static_cast<Count>(cohort.graduates.size()));
  EXPECT_TRUE(placed.certified) << placed.certificate_message;
}

TEST(Umbrella, TheEnginesAndTheirCheckers) {
  MinCostFlow flow(2);
  flow.set_supply(0, 2);
  flow.set_supply(1, -2);
  flow.add_arc(0, 1, 5, 3);
  const MinCostFlowResult solved = flow.solve();
  EXPECT_EQ(solved.status, Status::kOptimal);
  EXPECT_EQ(solved.cost, 6);
  EXPECT_TRUE(check_min_cost_flow(flow, solved).ok);

  DenseWeights w(2, 2);
  w << 1, 2,  //
      2, 1;
  const AssignmentResult matched = solve_assignment(w);
  EXPECT_EQ(matched.status, Status::kOptimal);
  EXPECT_TRUE(check_assignment(w, false, matched).ok);

  MatchingMarket market;
  market.applicant_prefs.add(std::vector<Index>{0});
  market.capacities = {1};
  market.scores = {1.0};
  const StableMatchingResult stable = solve_stable_matching(market);
  EXPECT_TRUE(audit_stability(market, stable.applicant_match).stable());
  EXPECT_EQ(parallel_choice_admission(market).applicant_match, std::vector<Index>{0});
}

}  // namespace
}  // namespace sixlink
