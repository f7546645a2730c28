// analysis/recommendations.hpp: every recommendation agrees with the plan it
// explains, samples are reproducible at any thread count, options are checked.
#include "sixlink/analysis/recommendations.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "sixlink/analysis/progression.hpp"
#include "sixlink/analysis/projection.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "support/random_city.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;

TEST(Recommendations, ActionNames) {
  EXPECT_EQ(to_string(Action::kExpand), "expand");
  EXPECT_EQ(to_string(Action::kShrink), "shrink");
  EXPECT_EQ(to_string(Action::kOpen), "open");
  EXPECT_EQ(to_string(Action::kClose), "close");
}

TEST(Recommendations, EachAgreesWithThePlannedChange) {
  const Scenario s = testing::tiny_scenario();
  const RecommendationReport r = recommend(s);
  ASSERT_EQ(r.plan.status, QuotaStatus::kOptimal);
  ASSERT_FALSE(r.recommendations.empty());
  EXPECT_EQ(r.samples, 0);
  for (const Recommendation& rec : r.recommendations) {
    const double change = rec.intake - rec.current_intake;
    EXPECT_GE(std::abs(change), 1.0) << rec.programme;  // min_change
    switch (rec.action) {
      case Action::kExpand:
        EXPECT_GT(change, 0.0) << rec.programme;
        EXPECT_GE(rec.marginal_value, -1e-9) << rec.programme;
        break;
      case Action::kShrink:
        EXPECT_LT(change, 0.0) << rec.programme;
        EXPECT_GT(rec.intake, 0.0) << rec.programme;
        EXPECT_LE(rec.marginal_value, 1e-9) << rec.programme;
        break;
      case Action::kOpen:
        EXPECT_EQ(rec.current_intake, 0.0) << rec.programme;
        break;
      case Action::kClose:
        EXPECT_EQ(rec.intake, 0.0) << rec.programme;
        break;
    }
    EXPECT_EQ(rec.agreement, 1.0);  // no samples
    EXPECT_GE(rec.range, 0.0);
    EXPECT_FALSE(rec.reason.empty());
  }
  // The tiny city trains more than it employs: the plan shrinks (see the golden plan-tiny).
  EXPECT_EQ(r.recommendations.front().action, Action::kShrink);
}

TEST(Recommendations, SamplesAreTheSameAtAnyThreadCount) {
  const Scenario s = testing::tiny_scenario();
  RecommendOptions o;
  o.samples = 6;
  o.seed = 11;
  o.threads = 1;
  const RecommendationReport one = recommend(s, o);
  o.threads = 3;
  const RecommendationReport three = recommend(s, o);
  EXPECT_EQ(one.samples, 6);
  EXPECT_EQ(one.seed, 11u);
  EXPECT_EQ(one.sample_objective_median, three.sample_objective_median);
  EXPECT_EQ(one.infeasible_samples, three.infeasible_samples);
  ASSERT_EQ(one.recommendations.size(), three.recommendations.size());
  for (std::size_t k = 0; k < one.recommendations.size(); ++k) {
    EXPECT_EQ(one.recommendations[k].programme, three.recommendations[k].programme);
    EXPECT_EQ(one.recommendations[k].agreement, three.recommendations[k].agreement);
    EXPECT_GE(one.recommendations[k].agreement, 0.0);
    EXPECT_LE(one.recommendations[k].agreement, 1.0);
  }
}

// The plan's market built here from the projection (one uncapacitated outside arc
// at lambda, rho per filled opening), solved cold with one programme at g graduates.
class BruteMarket {
 public:
  BruteMarket(const RecommendationReport& r, const Scenario& all)
      : g_(project_supply_demand(all,
                                 {r.plan.demand_year, r.options.market.other_region_mobility})),
        lambda_(r.plan.outside_weight),
        rho_(r.options.unmet_penalty) {
    for (const QuotaProgramme& p : r.plan.programmes)
      cohort_.push_back(p.open ? std::llround(p.graduates) : 0);
  }
  // The optimum's value (gain) with programme p at `graduates`.
  double value(Index p, Count graduates) const {
    std::vector<Count> cohort = cohort_;
    cohort[static_cast<std::size_t>(p)] = graduates;
    const Index P = g_.programmes(), N = g_.nodes();
    MinCostFlow f;
    Count total = 0;
    for (Count c : cohort) {
      f.add_node(c);
      total += c;
    }
    for (Index n = 0; n < N; ++n) f.add_node();
    const Index outside = f.add_node(), sink = f.add_node(-total);
    auto cost = [](double v) { return -static_cast<Cost>(std::llround(v * 1e6)); };
    for (Index q = 0; q < P; ++q) {
      for (RowSparse::InnerIterator w(g_.weight, static_cast<int>(q)); w; ++w)
        f.add_arc(q, P + w.col(), kInfiniteCapacity, cost(w.value()));
      f.add_arc(q, outside, kInfiniteCapacity, cost(lambda_));
      f.add_arc(q, sink, kInfiniteCapacity, 0);
    }
    for (Index n = 0; n < N; ++n)
      f.add_arc(P + n, sink, g_.openings[static_cast<std::size_t>(n)], cost(rho_));
    f.add_arc(outside, sink, kInfiniteCapacity, 0);
    const MinCostFlowResult r = f.solve({.warm_start = false});
    EXPECT_EQ(r.status, FlowStatus::kOptimal);
    return -static_cast<double>(r.cost) / 1e6;
  }
  Count planned(Index p) const { return cohort_[static_cast<std::size_t>(p)]; }

 private:
  SupplyDemandGraph g_;
  double lambda_, rho_;
  std::vector<Count> cohort_;
};

// Marginal value and range against cold solves of the market (the explanations
// take them from shortest paths out of one solve). V is concave in the cohort,
// so the range d holds when V is linear from g0 over d graduates and not over d + 1.
// Returns the recommendations checked and, of those, the ones whose range ends
// before the planned change does.
std::pair<int, int> expect_explanations_agree(const Scenario& s, const RecommendOptions& o = {}) {
  const RecommendationReport r = recommend(s, o);
  if (r.plan.status != QuotaStatus::kOptimal) return {0, 0};
  Scenario all = s;
  for (const auto& c : r.options.candidates) all.programmes.push_back(c);
  const BruteMarket market(r, all);
  const std::vector<double> completion = job_seeker_rates(all);
  const std::vector<Count> current =
      project_supply_demand(all, {r.plan.demand_year, r.options.market.other_region_mobility})
          .graduates;
  int checked = 0, short_range = 0;
  for (const Recommendation& rec : r.recommendations) {
    Index p = 0;
    while (all.programmes[static_cast<std::size_t>(p)].id != rec.programme) ++p;
    const Count g0 = current[static_cast<std::size_t>(p)], target = market.planned(p);
    const bool up = rec.action == Action::kExpand || rec.action == Action::kOpen;
    const int dir = up ? 1 : -1;
    if (!up && g0 == 0) continue;
    const double base = market.value(p, g0);
    const double step = dir * (market.value(p, g0 + dir) - base);
    EXPECT_NEAR(rec.marginal_value, step - r.plan.training_cost, 2e-6) << rec.programme;
    const Count reach = std::max<Count>(0, dir * (target - g0));
    const auto d =
        static_cast<Count>(std::llround(rec.range * completion[static_cast<std::size_t>(p)]));
    auto linear = [&](Count k) {
      return std::abs(dir * (market.value(p, g0 + dir * k) - base) -
                      static_cast<double>(k) * step) < 1e-6 * static_cast<double>(k + 1);
    };
    EXPECT_LE(d, reach) << rec.programme;
    if (reach > 0) {
      EXPECT_GE(d, 1) << rec.programme;
      EXPECT_TRUE(linear(d)) << rec.programme << " range " << d;
      if (d < reach) {
        EXPECT_FALSE(linear(d + 1)) << rec.programme << " range " << d;
      }
      short_range += d < reach;
    } else {
      EXPECT_EQ(d, 0) << rec.programme;
    }
    ++checked;
  }
  return {checked, short_range};
}

TEST(Recommendations, MarginalValueAndRangeAgreeWithColdSolves) {
  EXPECT_EQ(expect_explanations_agree(testing::tiny_scenario()).first, 3);
  EXPECT_GT(expect_explanations_agree(default_scenario()).first, 100);
  // Random cities at several values of leaving, where ranges often end early.
  int checked = 0, short_range = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    RecommendOptions o;
    o.quotas.market.outside_weight = 0.2 + 0.05 * static_cast<double>(seed % 11);
    const auto [c, s] = expect_explanations_agree(testing::random_city(seed), o);
    checked += c;
    short_range += s;
  }
  EXPECT_GT(checked, 40);
  EXPECT_GT(short_range, 5);  // not only ranges that reach the plan
}

// The explanations run in parallel over programmes: every field is the same at
// any thread count (the built-in scenario has enough recommendations for
// several chunks per thread).
TEST(Recommendations, ExplanationsAreTheSameAtAnyThreadCount) {
  RecommendOptions o;
  o.threads = 1;
  const RecommendationReport one = recommend(default_scenario(), o);
  o.threads = 3;
  const RecommendationReport three = recommend(default_scenario(), o);
  ASSERT_GT(one.recommendations.size(), 100u);
  ASSERT_EQ(one.recommendations.size(), three.recommendations.size());
  for (std::size_t k = 0; k < one.recommendations.size(); ++k) {
    const Recommendation& a = one.recommendations[k];
    const Recommendation& b = three.recommendations[k];
    EXPECT_EQ(a.programme, b.programme);
    EXPECT_EQ(a.reason, b.reason);
    EXPECT_EQ(a.drivers, b.drivers);
    EXPECT_EQ(a.marginal_value, b.marginal_value);
    EXPECT_EQ(a.range, b.range);
    EXPECT_EQ(a.unmet_change, b.unmet_change);
    EXPECT_EQ(a.retention_change, b.retention_change);
    EXPECT_EQ(a.close_fit_unmet, b.close_fit_unmet);
  }
}

TEST(Recommendations, RejectsOptionsOutOfRangeNamingThem) {
  const Scenario s = testing::tiny_scenario();
  auto error = [&s](const RecommendOptions& o) -> std::string {
    try {
      recommend(s, o);
    } catch (const InvalidInput& e) {
      return e.what();
    }
    return "(no error)";
  };
  RecommendOptions o;
  o.samples = -1;
  EXPECT_THAT(error(o), HasSubstr("samples must be in [0, 1000000], got -1"));
  o = {};
  o.demand_noise = 3;
  EXPECT_THAT(error(o), HasSubstr("demand_noise must be in [0, 2]"));
  o = {};
  o.min_change = -1;
  EXPECT_THAT(error(o), HasSubstr("min_change must be >= 0"));
  o = {};
  o.threads = -2;
  EXPECT_THAT(error(o), HasSubstr("threads must be >= 0, got -2"));
}

}  // namespace
}  // namespace sixlink
