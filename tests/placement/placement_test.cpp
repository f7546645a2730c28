// Student placement: the synthetic cohort, validation, the three modes against
// brute force and each other, certificates, stability and determinism.
#include "sixlink/placement/placement.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "sixlink/core/error.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "sixlink/model/retention.hpp"
#include "sixlink/placement/cohort.hpp"
#include "support/lemon_flow.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

// A random small cohort on the tiny scenario: every pair can be enumerated.
Cohort tiny_cohort(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const char* programmes[] = {"p1", "p2", "p3"};
  const char* regions[] = {"r1", "r2"};
  const char* enterprises[] = {"e1", "e2", "e3", "e4"};
  const char* occupations[] = {"machinist", "nurse", "tailor", ""};
  Cohort c;
  const int graduates = uniform(1, 6);
  for (int g = 0; g < graduates; ++g) {
    Graduate grad{"g" + std::to_string(g),
                  programmes[uniform(0, 2)],
                  regions[uniform(0, 1)],
                  static_cast<double>(uniform(0, 4)),
                  {}};
    for (int e = 0; e < 4; ++e)
      if (uniform(0, 3) == 0) grad.preferences.push_back(enterprises[e]);
    std::shuffle(grad.preferences.begin(), grad.preferences.end(), rng);
    c.graduates.push_back(grad);
  }
  const int openings = uniform(1, 4);
  for (int j = 0; j < openings; ++j) {
    const int e = uniform(0, 3);
    PlacementOpening op{"o" + std::to_string(j),
                        enterprises[e],
                        occupations[uniform(0, 3)],
                        regions[uniform(0, 1)],
                        uniform(0, 2),
                        uniform(0, 2) == 0 ? OpeningKind::kInternship : OpeningKind::kJob,
                        {}};
    c.openings.push_back(op);
  }
  return c;
}

// v(g, o) as the header defines it, or 0 when (g, o) is not a candidate.
double pair_value(const Scenario& s, const Cohort& c, const PlacementOptions& o, std::size_t g,
                  std::size_t j) {
  const Graduate& grad = c.graduates[g];
  const PlacementOpening& op = c.openings[j];
  if (op.capacity <= 0) return 0.0;
  std::string specialty;
  for (const auto& p : s.programmes)
    if (p.id == grad.programme) specialty = p.specialty;
  double fit = 0.0;
  for (const auto& sp : s.specialties)
    if (sp.id == specialty)
      for (const auto& f : sp.occupations)
        if (f.occupation == op.occupation) fit = f.fit;
  const bool job = op.kind == OpeningKind::kJob;
  double v = fit * (job ? 1.0 : o.internship_weight) + (job ? o.retention_bonus : 0.0) +
             (op.region == grad.home_region ? o.home_bonus : 0.0);
  const auto L = static_cast<double>(grad.preferences.size());
  bool preferred = false;
  for (std::size_t r = 0; r < grad.preferences.size(); ++r)
    if (grad.preferences[r] == op.enterprise) {
      v += o.preference_weight * (L - static_cast<double>(r)) / L;
      preferred = true;
    }
  return (fit > 0.0 || preferred) && v > 0.0 ? v : 0.0;
}

double brute_force(const Scenario& s, const Cohort& c, const PlacementOptions& o) {
  const std::size_t G = c.graduates.size(), O = c.openings.size();
  std::vector<Count> left;
  for (const auto& op : c.openings) left.push_back(op.capacity);
  double best = 0.0;
  std::function<void(std::size_t, double)> go = [&](std::size_t g, double total) {
    if (g == G) {
      best = std::max(best, total);
      return;
    }
    go(g + 1, total);  // unplaced
    for (std::size_t j = 0; j < O; ++j) {
      const double v = pair_value(s, c, o, g, j);
      if (v <= 0.0 || left[j] == 0) continue;
      --left[j];
      go(g + 1, total + v);
      ++left[j];
    }
  };
  go(0, 0.0);
  return best;
}

TEST(SyntheticCohort, IsDeterministicValidAndSizedLikeTheGapAnalysis) {
  const Scenario s = default_scenario();
  const Cohort a = synthetic_cohort(s);
  const Cohort b = synthetic_cohort(s);
  EXPECT_NO_THROW(validate_cohort(a, s));
  ASSERT_EQ(a.graduates.size(), b.graduates.size());
  // The job-seekers: graduates less those who continue study (model/retention.hpp).
  const ProgressionRates progression = recorded_progression(s);
  Count expected = 0, cohorts = 0;
  for (std::size_t i = 0; i < s.programmes.size(); ++i) {
    const Programme& p = s.programmes[i];
    const Count cohort = std::llround(static_cast<double>(p.intake) * p.completion_rate);
    cohorts += cohort;
    expected += job_seekers(cohort, progression.rate[i]);
  }
  EXPECT_EQ(static_cast<Count>(a.graduates.size()), expected);
  EXPECT_GT(expected, 10000);
  EXPECT_LT(expected, cohorts);  // the built-in scenario records study
  std::size_t same_home = 0, with_preferences = 0;
  for (std::size_t g = 0; g < a.graduates.size(); ++g) {
    EXPECT_EQ(a.graduates[g].id, b.graduates[g].id);
    EXPECT_EQ(a.graduates[g].home_region, b.graduates[g].home_region);
    EXPECT_EQ(a.graduates[g].score, b.graduates[g].score);
    EXPECT_EQ(a.graduates[g].preferences, b.graduates[g].preferences);
    EXPECT_GE(a.graduates[g].score, 0.0);
    EXPECT_LE(a.graduates[g].score, 100.0);
    with_preferences += !a.graduates[g].preferences.empty();
    for (const auto& p : s.programmes)
      if (p.id == a.graduates[g].programme)
        for (const auto& school : s.schools)
          if (school.id == p.school) same_home += school.region == a.graduates[g].home_region;
  }
  const auto n = static_cast<double>(a.graduates.size());
  EXPECT_NEAR(static_cast<double>(same_home) / n, 0.8 + 0.2 / 10.0, 0.02);
  EXPECT_NEAR(static_cast<double>(with_preferences) / n, 0.6, 0.02);
  Count seats = 0;
  for (const auto& op : a.openings) seats += op.capacity;
  Count scenario_seats = 0;
  for (const auto& e : s.enterprises) {
    scenario_seats += e.internship_slots;
    for (const auto& o : e.openings) scenario_seats += o.count;
  }
  EXPECT_EQ(seats, scenario_seats);
  CohortOptions other;
  other.seed = 1;
  const Cohort c = synthetic_cohort(s, other);
  std::size_t differ = 0;
  for (std::size_t g = 0; g < c.graduates.size(); ++g)
    differ += c.graduates[g].score != a.graduates[g].score;
  EXPECT_GT(differ, c.graduates.size() / 2);
  other.home_share = 1.5;
  EXPECT_THROW(synthetic_cohort(s, other), InvalidInput);
}

TEST(CohortValidation, NamesTheFirstProblem) {
  const Scenario s = testing::tiny_scenario();
  const Cohort good{{{"g1", "p1", "r1", 50.0, {"e1"}}},
                    {{"o1", "e1", "machinist", "r1", 2, OpeningKind::kJob, {"g1"}}}};
  EXPECT_NO_THROW(validate_cohort(good, s));
  auto expect = [&](const Cohort& c, const std::string& text) {
    try {
      validate_cohort(c, s);
      ADD_FAILURE() << "no error for " << text;
    } catch (const InvalidInput& e) {
      EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
    }
  };
  Cohort c = good;
  c.graduates[0].programme = "nope";
  expect(c, "graduates[0] ('g1'): programme 'nope' is not in the scenario");
  c = good;
  c.graduates.push_back(c.graduates[0]);
  expect(c, "graduates[1] ('g1'): duplicate id");
  c = good;
  c.graduates[0].score = std::nan("");
  expect(c, "score must be a finite number");
  c = good;
  c.graduates[0].home_region = "mars";
  expect(c, "home_region 'mars'");
  c = good;
  c.graduates[0].preferences = {"e1", "e1"};
  expect(c, "preference 'e1' twice");
  c = good;
  c.graduates[0].preferences = {"e9"};
  expect(c, "preference 'e9' is not an enterprise");
  c = good;
  c.openings[0].capacity = -1;
  expect(c, "openings[0] ('o1'): capacity must be in [0, 1000000000], got -1");
  c.openings[0].capacity = Count{1} << 40;
  expect(c, "capacity must be in [0, 1000000000]");
  c = good;
  c.openings[0].occupation = "pilot";
  expect(c, "occupation 'pilot'");
  c = good;
  c.openings[0].ranking = {"g7"};
  expect(c, "ranking names 'g7', not a graduate");
  PlacementOptions bad;
  bad.candidates = -1;
  EXPECT_THROW(place(s, good, bad), InvalidInput);
  bad = {};
  bad.home_bonus = std::nan("");
  EXPECT_THROW(place(s, good, bad), InvalidInput);
}

TEST(Placement, OptimalEqualsBruteForceAndLemonAndDominatesTheOtherModes) {
  const Scenario s = testing::tiny_scenario();
  int placed_some = 0;
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    const Cohort c = tiny_cohort(seed);
    PlacementOptions o;
    const PlacementResult optimal = place(s, c, o);
    ASSERT_TRUE(optimal.certified) << optimal.certificate_message << " seed " << seed;
    EXPECT_NEAR(optimal.total_value, brute_force(s, c, o), 1e-5) << "seed " << seed;
    EXPECT_NEAR(optimal.total_value, optimal.flow_objective,
                5e-7 * static_cast<double>(optimal.placed) + 1e-12);
    // The peer on the same network.
    const auto lemon = testing::LemonFlow(placement_network(s, c, o)).solve();
    ASSERT_EQ(lemon.status, FlowStatus::kOptimal) << "seed " << seed;
    EXPECT_EQ(static_cast<double>(-lemon.cost) / 1e6, optimal.flow_objective) << "seed " << seed;
    placed_some += optimal.placed > 0;
    for (auto mode : {PlacementMode::kStable, PlacementMode::kParallel}) {
      o.mode = mode;
      const PlacementResult other = place(s, c, o);
      EXPECT_LE(other.total_value, optimal.total_value + 1e-9) << "seed " << seed;
      if (mode == PlacementMode::kStable) {
        EXPECT_TRUE(other.blocking_pairs.empty()) << "seed " << seed;
      }
    }
    o.mode = PlacementMode::kStable;
    o.proposing = ProposingSide::kInstitutions;
    EXPECT_TRUE(place(s, c, o).blocking_pairs.empty()) << "seed " << seed;
  }
  EXPECT_GT(placed_some, 150);
}

TEST(Placement, TaizhouCohortInEveryMode) {
  const Scenario s = default_scenario();
  const Cohort c = synthetic_cohort(s);
  PlacementOptions o;
  o.candidates = 20;  // a smaller flow keeps the sanitizer run short
  const PlacementResult optimal = place(s, c, o);
  EXPECT_TRUE(optimal.certified) << optimal.certificate_message;
  EXPECT_NEAR(optimal.total_value, optimal.flow_objective,
              5e-7 * static_cast<double>(optimal.placed));
  o.mode = PlacementMode::kStable;
  const PlacementResult stable = place(s, c, o);
  o.mode = PlacementMode::kParallel;
  const PlacementResult parallel = place(s, c, o);
  for (const PlacementResult* r : {&optimal, &stable, &parallel}) {
    EXPECT_EQ(r->graduates, static_cast<Count>(c.graduates.size()));
    EXPECT_EQ(r->placed, r->jobs + r->internships);
    // Capacities hold, per opening and per cluster.
    std::vector<Count> used(c.openings.size(), 0);
    for (Index j : r->opening_of)
      if (j >= 0) ++used[static_cast<std::size_t>(j)];
    for (std::size_t j = 0; j < used.size(); ++j) EXPECT_LE(used[j], c.openings[j].capacity);
    Count filled = 0, graduates = 0, placed = 0;
    for (const auto& cl : r->clusters) {
      EXPECT_LE(cl.filled, cl.seats) << cl.cluster;
      filled += cl.filled;
    }
    for (const auto& p : r->programmes) {
      graduates += p.graduates;
      placed += p.placed;
    }
    EXPECT_EQ(filled, r->placed);
    EXPECT_EQ(graduates, r->graduates);
    EXPECT_EQ(placed, r->placed);
    EXPECT_GT(r->placement_rate, 0.5);
    EXPECT_GT(r->retention_rate, 0.4);
    EXPECT_LE(r->retention_rate, r->placement_rate);
  }
  EXPECT_TRUE(stable.blocking_pairs.empty());
  EXPECT_GT(optimal.total_value, stable.total_value);  // the welfare cost of stability
  EXPECT_FALSE(optimal.blocking_pairs.empty());
}

TEST(Placement, SameSeedSamePlacementAndRankingsDecide) {
  const Scenario s = testing::tiny_scenario();
  // Two nurses, one seat: by score the first, by the opening's ranking the second.
  Cohort c{{{"a", "p2", "r1", 90.0, {}}, {"b", "p2", "r1", 10.0, {}}},
           {{"care", "e3", "nurse", "r1", 1, OpeningKind::kJob, {}}}};
  for (auto mode : {PlacementMode::kStable, PlacementMode::kParallel}) {
    PlacementOptions o;
    o.mode = mode;
    EXPECT_EQ(place(s, c, o).opening_of, (std::vector<Index>{0, -1}));
    c.openings[0].ranking = {"b", "a"};
    const PlacementResult ranked = place(s, c, o);
    if (mode == PlacementMode::kStable) {
      EXPECT_EQ(ranked.opening_of, (std::vector<Index>{-1, 0}));
      EXPECT_TRUE(ranked.blocking_pairs.empty());
    } else {  // parallel choice admits by score alone; the audit sees the ranking
      EXPECT_EQ(ranked.opening_of, (std::vector<Index>{0, -1}));
      EXPECT_EQ(ranked.blocking_pairs, (std::vector<std::pair<Index, Index>>{{1, 0}}));
    }
    c.openings[0].ranking.clear();
  }
  // Equal scores: the seeded lottery decides, the same way every time.
  c.graduates[1].score = 90.0;
  std::set<std::vector<Index>> outcomes;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    PlacementOptions o;
    o.mode = PlacementMode::kStable;
    o.seed = seed;
    const auto first = place(s, c, o).opening_of;
    EXPECT_EQ(place(s, c, o).opening_of, first);
    outcomes.insert(first);
  }
  EXPECT_EQ(outcomes.size(), 2u);
}

TEST(Placement, EmptyCohortsAndNoOpeningsPlaceNobody) {
  const Scenario s = testing::tiny_scenario();
  for (auto mode : {PlacementMode::kOptimal, PlacementMode::kStable, PlacementMode::kParallel}) {
    PlacementOptions o;
    o.mode = mode;
    const PlacementResult none = place(s, Cohort{}, o);
    EXPECT_EQ(none.graduates, 0);
    EXPECT_EQ(none.placement_rate, 0.0);
    const PlacementResult empty = place(s, Cohort{{{"g", "p1", "r1", 1.0, {"e1"}}}, {}}, o);
    EXPECT_EQ(empty.opening_of, (std::vector<Index>{-1}));
    EXPECT_EQ(empty.placed, 0);
  }
}

// The optimal mode's network grows with the graduates who have preferred
// openings, not with the cohort: the others enter as supply on their class's
// chain. One node per graduate (and per group) gave more nodes than graduates
// and more than two arcs per graduate; a regression to that fails here without
// timing anything.
TEST(PlacementNetwork, GrowsWithPreferringGraduatesNotWithTheCohort) {
  const Scenario s = default_scenario();
  CohortOptions no_preferences;
  no_preferences.preference_share = 0.0;
  const Cohort plain = synthetic_cohort(s, no_preferences);
  const auto G = static_cast<Index>(plain.graduates.size());
  const auto O = static_cast<Index>(plain.openings.size());
  ASSERT_GT(G, 10000);
  const MinCostFlow net = placement_network(s, plain);
  EXPECT_LT(net.node_count(), O + 1 + G / 10);  // one per graduate before: O + 1 + G + groups
  EXPECT_LT(net.arc_count(), G + G / 4);        // two per graduate before, and the pools
  // Doubling the cohort (every graduate twice) leaves the chains' structure
  // alone except where a longer pool adds a node: far from doubling it.
  Cohort twice = plain;
  for (const Graduate& g : plain.graduates) {
    twice.graduates.push_back(g);
    twice.graduates.back().id += "-again";
  }
  const MinCostFlow bigger = placement_network(s, twice);
  EXPECT_LT(bigger.node_count(), net.node_count() + net.node_count() / 2);
  // With preferences, one node per graduate who has preferred openings.
  const Cohort c = synthetic_cohort(s);
  Index preferring = 0;
  for (const Graduate& g : c.graduates) preferring += !g.preferences.empty();
  const MinCostFlow with = placement_network(s, c);
  EXPECT_LE(with.node_count(), net.node_count() + preferring);
  EXPECT_GE(with.node_count(), preferring);
}

// The same optimum as the network with one node per graduate and per group had
// (recorded from it): the chains change the network, not the problem. Nested
// pools of many lengths arise with small k.
TEST(Placement, TaizhouOptimumAsBeforeTheChains) {
  const Scenario s = default_scenario();
  const Cohort c = synthetic_cohort(s);
  for (const auto& [k, objective, placed] : {std::tuple{Index{50}, 21391.97, Count{16451}},
                                             std::tuple{Index{20}, 21339.12, Count{16451}},
                                             std::tuple{Index{5}, 21265.76, Count{16399}}}) {
    PlacementOptions o;
    o.candidates = k;
    const PlacementResult r = place(s, c, o);
    EXPECT_TRUE(r.certified) << r.certificate_message;
    EXPECT_NEAR(r.flow_objective, objective, 1e-7) << "k = " << k;
    EXPECT_NEAR(r.total_value, r.flow_objective, 5e-7 * static_cast<double>(r.placed));
    EXPECT_EQ(r.placed, placed) << "k = " << k;
  }
}

}  // namespace
}  // namespace sixlink
