// The robustness samples (src/analysis/market_samples.hpp): each part of the
// noise does what recommendations.hpp says, samples are reproducible, and the
// plan's agreement feels the fit and mix noise on their own.
#include "analysis/market_samples.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "sixlink/analysis/projection.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink::detail {
namespace {

SupplyDemandGraph market() { return project_supply_demand(default_scenario(), {2024}); }

std::map<std::pair<Index, Index>, Count> cell_totals(const SupplyDemandGraph& g,
                                                    const std::vector<Count>& openings) {
  std::map<std::pair<Index, Index>, Count> out;
  for (std::size_t n = 0; n < openings.size(); ++n)
    out[{g.node_cluster[n], g.node_region[n]}] += openings[n];
  return out;
}

TEST(MarketSamples, WithoutNoiseTheMarketIsUnchanged) {
  const SupplyDemandGraph g = market();
  const MarketSample s = sample_market(g, default_scenario(), 7, 3, {});
  EXPECT_EQ(s.openings, g.openings);
  EXPECT_TRUE(s.weights.empty());  // the projection's weights stand
}

TEST(MarketSamples, MixNoiseMovesOpeningsWithinEachCellOnly) {
  const SupplyDemandGraph g = market();
  const MarketSample s = sample_market(g, default_scenario(), 7, 3, {0.0, 0.3, 0.0});
  EXPECT_NE(s.openings, g.openings);
  EXPECT_EQ(cell_totals(g, s.openings), cell_totals(g, g.openings));
  for (Count d : s.openings) EXPECT_GE(d, 0);
}

TEST(MarketSamples, FitNoiseScalesEachLinkAlikeAndStaysAtMostTheMobility) {
  const SupplyDemandGraph g = market();
  const Scenario& scenario = default_scenario();
  const MarketSample s = sample_market(g, scenario, 7, 3, {0.0, 0.0, 0.2});
  ASSERT_EQ(static_cast<Index>(s.weights.size()), g.weight.nonZeros());
  EXPECT_EQ(s.openings, g.openings);
  // One factor per (specialty, occupation): programmes of a specialty share it.
  std::map<std::pair<std::string, Index>, double> fit_of_link;
  int changed = 0;
  std::size_t k = 0;
  for (Index p = 0; p < g.programmes(); ++p) {
    RowSparse::InnerIterator fit(g.fit, static_cast<int>(p));
    for (RowSparse::InnerIterator w(g.weight, static_cast<int>(p)); w; ++w, ++fit, ++k) {
      const double mobility = w.value() / fit.value();
      const double new_fit = s.weights[k] / mobility;
      EXPECT_LE(new_fit, 1.0 + 1e-12);
      EXPECT_GE(s.weights[k], 0.0);
      changed += std::abs(new_fit - fit.value()) > 1e-12;
      const auto key = std::make_pair(scenario.programmes[static_cast<std::size_t>(p)].specialty,
                                      g.node_occupation[static_cast<std::size_t>(w.col())]);
      const auto [it, fresh] = fit_of_link.emplace(key, new_fit);
      if (!fresh) {
        EXPECT_NEAR(it->second, new_fit, 1e-12);
      }
    }
  }
  EXPECT_GT(changed, 0);
}

TEST(MarketSamples, TheSameSampleEveryTimeADifferentOneForAnotherIndex) {
  const SupplyDemandGraph g = market();
  const MarketNoise noise{0.2, 0.2, 0.1};
  const MarketSample a = sample_market(g, default_scenario(), 11, 5, noise);
  const MarketSample b = sample_market(g, default_scenario(), 11, 5, noise);
  const MarketSample c = sample_market(g, default_scenario(), 11, 6, noise);
  EXPECT_EQ(a.openings, b.openings);
  EXPECT_EQ(a.weights, b.weights);
  EXPECT_NE(a.openings, c.openings);
  EXPECT_NE(a.weights, c.weights);
}

// With demand fixed, the fit and mix noise alone make some samples disagree.
TEST(MarketSamples, AgreementFeelsTheFitAndMixNoise) {
  RecommendOptions o;
  o.samples = 8;
  o.seed = 3;
  o.demand_noise = 0.0;
  o.mix_noise = 0.0;
  o.fit_noise = 0.0;
  auto disagreeing = [&] {
    int n = 0;
    for (const Recommendation& r : recommend(default_scenario(), o).recommendations)
      n += r.agreement < 1.0;
    return n;
  };
  EXPECT_EQ(disagreeing(), 0);  // every sample is the plan itself
  o.fit_noise = 0.1;
  EXPECT_GT(disagreeing(), 0);
  o.fit_noise = 0.0;
  o.mix_noise = 0.2;
  EXPECT_GT(disagreeing(), 0);
}

}  // namespace
}  // namespace sixlink::detail
