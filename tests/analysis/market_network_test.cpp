// The market network (src/analysis/market_network.hpp): both arc layouts arc by
// arc, the same optimum in either and by LEMON, warm re-solves after each change
// equal to fresh builds, and the named ranges read the flow it solves.
#include "analysis/market_network.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "sixlink/core/error.hpp"
#include "sixlink/verify/flow_certificate.hpp"
#include "support/lemon_flow.hpp"

namespace sixlink::detail {
namespace {

// A random projection: only what the network reads (graduates, openings and
// the weights) is filled.
SupplyDemandGraph random_graph(std::uint64_t seed, Index programmes = 0, Index nodes = 0) {
  std::mt19937_64 rng(seed);
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  if (programmes == 0) programmes = uniform(1, 8);
  if (nodes == 0) nodes = uniform(1, 6);
  SupplyDemandGraph g;
  for (Index p = 0; p < programmes; ++p) g.graduates.push_back(uniform(0, 40));
  for (Index n = 0; n < nodes; ++n) g.openings.push_back(uniform(0, 30));
  std::vector<Eigen::Triplet<double>> entries;
  for (Index p = 0; p < programmes; ++p)
    for (Index n = 0; n < nodes; ++n)
      if (uniform(0, 2) > 0)
        entries.emplace_back(static_cast<int>(p), static_cast<int>(n),
                             std::uniform_real_distribution<double>(0.05, 1.0)(rng));
  g.weight.resize(static_cast<Eigen::Index>(programmes), static_cast<Eigen::Index>(nodes));
  g.weight.setFromTriplets(entries.begin(), entries.end());
  g.fit = g.weight;
  return g;
}

std::vector<std::string> ids_for(const SupplyDemandGraph& g) {
  std::vector<std::string> ids;
  for (Index p = 0; p < g.programmes(); ++p) ids.push_back("p" + std::to_string(p));
  return ids;
}

MarketOptions options(double lambda, int tiers,
                      MarketLayout layout = MarketLayout::kTiersAfterLocals) {
  MarketOptions o;
  o.outside_weight = lambda;
  o.tiers = {tiers, tiers > 1 ? 0.5 : 0.0};
  o.layout = layout;
  return o;
}

Cost solved_cost(MarketNetwork& m) {
  const MinCostFlowResult r = m.solve();
  EXPECT_EQ(r.status, FlowStatus::kOptimal) << r.message;
  const CertificateCheck check = check_min_cost_flow(m.problem(), r);
  EXPECT_TRUE(check.ok) << check.failure;
  return r.cost;
}

TEST(MarketNetwork, GapLayoutArcByArc) {
  const SupplyDemandGraph g = random_graph(3, 4, 3);
  const auto ids = ids_for(g);
  MarketOptions o = options(0.4, 3);
  o.outside_capacity = 17;
  const MarketNetwork m(g, ids, o);
  const Index P = 4, N = 3, K = 3;
  const auto nnz = static_cast<Index>(g.weight.nonZeros());
  const MinCostFlow& f = m.problem();
  ASSERT_EQ(f.node_count(), P + N + 2);
  ASSERT_EQ(f.arc_count(), nnz + K * P + P + N + 1);
  EXPECT_EQ(m.outside_node(), P + N);
  EXPECT_EQ(m.sink(), P + N + 1);
  EXPECT_EQ(m.demand_node(2), P + 2);
  EXPECT_EQ(m.programme_node(1), 1);
  Count total = 0;
  for (Index p = 0; p < P; ++p) {
    EXPECT_EQ(f.supply(p), g.graduates[static_cast<std::size_t>(p)]);
    total += g.graduates[static_cast<std::size_t>(p)];
    // Locals: the matrix's own indices.
    EXPECT_EQ(m.first_local(p), g.weight.outerIndexPtr()[p]);
    EXPECT_EQ(m.end_local(p), g.weight.outerIndexPtr()[p + 1]);
    for (Index a = m.first_local(p); a < m.end_local(p); ++a) {
      EXPECT_EQ(f.tail(a), p);
      EXPECT_EQ(f.head(a), m.demand_node(g.weight.innerIndexPtr()[a]));
      EXPECT_EQ(f.capacity(a), kInfiniteCapacity);
      EXPECT_EQ(f.cost(a), -std::llround(g.weight.valuePtr()[a] * 1e6));
    }
    for (Index k = 0; k < K; ++k) {
      const Index a = m.outside_arc(p, k);
      EXPECT_EQ(a, nnz + p * K + k);
      EXPECT_EQ(f.tail(a), p);
      EXPECT_EQ(f.head(a), m.outside_node());
      EXPECT_EQ(f.capacity(a), (g.graduates[static_cast<std::size_t>(p)] + k) / K);
      EXPECT_EQ(m.outside_multiple(p, k),
                outside_tier_value(ids[static_cast<std::size_t>(p)], k, o.tiers));
      EXPECT_EQ(f.cost(a), -std::llround(0.4 * m.outside_multiple(p, k) * 1e6));
    }
    EXPECT_EQ(m.surplus_arc(p), nnz + K * P + p);
    EXPECT_EQ(f.tail(m.surplus_arc(p)), p);
    EXPECT_EQ(f.head(m.surplus_arc(p)), m.sink());
    EXPECT_EQ(f.cost(m.surplus_arc(p)), 0);
  }
  EXPECT_EQ(f.supply(m.sink()), -total);
  for (Index n = 0; n < N; ++n) {
    EXPECT_EQ(m.node_arc(n), nnz + K * P + P + n);
    EXPECT_EQ(f.tail(m.node_arc(n)), m.demand_node(n));
    EXPECT_EQ(f.head(m.node_arc(n)), m.sink());
    EXPECT_EQ(f.capacity(m.node_arc(n)), g.openings[static_cast<std::size_t>(n)]);
    EXPECT_EQ(f.cost(m.node_arc(n)), 0);
  }
  EXPECT_EQ(m.outside_sink_arc(), f.arc_count() - 1);
  EXPECT_EQ(f.tail(m.outside_sink_arc()), m.outside_node());
  EXPECT_EQ(f.capacity(m.outside_sink_arc()), 17);
}

TEST(MarketNetwork, InlineLayoutArcByArc) {
  const SupplyDemandGraph g = random_graph(4, 5, 4);
  MarketOptions o = options(0.3, 1, MarketLayout::kInline);
  o.demand_bonus = 0.25;
  const MarketNetwork m(g, ids_for(g), o);
  const MinCostFlow& f = m.problem();
  const Index P = 5, N = 4;
  ASSERT_EQ(f.arc_count(), static_cast<Index>(g.weight.nonZeros()) + 2 * P + N + 1);
  Index next = 0;  // arcs in the order of the header
  for (Index p = 0; p < P; ++p) {
    EXPECT_EQ(m.first_local(p), next);
    for (auto k = g.weight.outerIndexPtr()[p]; k < g.weight.outerIndexPtr()[p + 1]; ++k, ++next) {
      EXPECT_EQ(f.head(next), m.demand_node(g.weight.innerIndexPtr()[k]));
      EXPECT_EQ(f.cost(next), -std::llround(g.weight.valuePtr()[k] * 1e6));
    }
    EXPECT_EQ(m.end_local(p), next);
    EXPECT_EQ(m.outside_arc(p), next);
    EXPECT_EQ(f.head(next), m.outside_node());
    EXPECT_EQ(f.capacity(next), kInfiniteCapacity);
    EXPECT_EQ(f.cost(next), -std::llround(0.3 * 1e6));
    ++next;
    EXPECT_EQ(m.surplus_arc(p), next);
    EXPECT_EQ(f.head(next), m.sink());
    EXPECT_EQ(f.capacity(next), kInfiniteCapacity);
    ++next;
  }
  for (Index n = 0; n < N; ++n, ++next) {
    EXPECT_EQ(m.node_arc(n), next);
    EXPECT_EQ(f.cost(next), -250000);
  }
  EXPECT_EQ(m.outside_sink_arc(), next);
  EXPECT_EQ(f.capacity(next), kInfiniteCapacity);
}

TEST(MarketNetwork, BothLayoutsAndLemonFindTheSameOptimum) {
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    const SupplyDemandGraph g = random_graph(seed);
    const auto ids = ids_for(g);
    const double lambda = 0.05 * static_cast<double>(seed % 20);
    MarketOptions gap = options(lambda, 1), quota = options(lambda, 1, MarketLayout::kInline);
    gap.demand_bonus = quota.demand_bonus = 0.1 * static_cast<double>(seed % 3);
    MarketNetwork a(g, ids, gap), b(g, ids, quota);
    const Cost cost = solved_cost(a);
    EXPECT_EQ(solved_cost(b), cost) << "seed " << seed;
    EXPECT_EQ(testing::LemonFlow(a.problem()).solve().cost, cost) << "seed " << seed;
    // With tiers and a bounded outside market, LEMON still agrees.
    MarketOptions tiered = options(lambda, 1 + static_cast<int>(seed % 8));
    tiered.outside_capacity = static_cast<Count>(seed % 25);
    MarketNetwork c(g, ids, tiered);
    EXPECT_EQ(testing::LemonFlow(c.problem()).solve().cost, solved_cost(c)) << "seed " << seed;
    ++compared;
  }
  EXPECT_EQ(compared, 200);
}

TEST(MarketNetwork, ChangesReSolveToFreshBuilds) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    for (const MarketLayout layout : {MarketLayout::kTiersAfterLocals, MarketLayout::kInline}) {
      SupplyDemandGraph g = random_graph(seed);
      const auto ids = ids_for(g);
      const int tiers = layout == MarketLayout::kInline ? 1 : 4;
      MarketNetwork warm(g, ids, options(0.2, tiers, layout));
      solved_cost(warm);
      // One more cohort, a new lambda, a demand bonus: each re-solve equals a fresh build.
      const Index p = static_cast<Index>(seed) % g.programmes();
      g.graduates[static_cast<std::size_t>(p)] += 7;
      warm.set_graduates(p, g.graduates[static_cast<std::size_t>(p)]);
      MarketNetwork fresh(g, ids, options(0.2, tiers, layout));
      EXPECT_EQ(warm.problem().supply(warm.sink()), fresh.problem().supply(fresh.sink()));
      for (Index k = 0; k < tiers; ++k)
        EXPECT_EQ(warm.problem().capacity(warm.outside_arc(p, k)),
                  fresh.problem().capacity(fresh.outside_arc(p, k)));
      EXPECT_EQ(solved_cost(warm), solved_cost(fresh)) << "seed " << seed;
      warm.set_outside_weight(0.55);
      MarketOptions later = options(0.55, tiers, layout);
      MarketNetwork fresh_lambda(g, ids, later);
      EXPECT_EQ(solved_cost(warm), solved_cost(fresh_lambda)) << "seed " << seed;
      warm.set_demand_bonus(0.3);
      later.demand_bonus = 0.3;
      MarketNetwork fresh_bonus(g, ids, later);
      EXPECT_EQ(solved_cost(warm), solved_cost(fresh_bonus)) << "seed " << seed;
    }
  }
}

TEST(MarketNetwork, RangesReadTheFlow) {
  const SupplyDemandGraph g = random_graph(11, 6, 5);
  MarketNetwork m(g, ids_for(g), options(0.3, 2));
  const MinCostFlowResult r = m.solve();
  ASSERT_EQ(r.status, FlowStatus::kOptimal);
  Count local = 0, out = 0, surplus = 0, matched = 0;
  for (Index p = 0; p < m.programmes(); ++p) {
    for (Index a = m.first_local(p); a < m.end_local(p); ++a)
      local += r.flow[static_cast<std::size_t>(a)];
    for (Index k = 0; k < m.tiers().count; ++k)
      out += r.flow[static_cast<std::size_t>(m.outside_arc(p, k))];
    surplus += r.flow[static_cast<std::size_t>(m.surplus_arc(p))];
  }
  for (Index n = 0; n < m.nodes(); ++n) matched += r.flow[static_cast<std::size_t>(m.node_arc(n))];
  EXPECT_EQ(m.local_flow(r), local);
  EXPECT_EQ(m.matched(r), matched);
  EXPECT_EQ(local, matched);
  EXPECT_EQ(r.flow[static_cast<std::size_t>(m.outside_sink_arc())], out);
  Count graduates = 0;
  for (Count x : g.graduates) graduates += x;
  EXPECT_EQ(local + out + surplus, graduates);
  EXPECT_EQ(MarketNetwork::value(r.cost), -static_cast<double>(r.cost) / 1e6);
}

TEST(MarketNetwork, NodesAndArcsAddedAfterTheMarketsOwn) {
  const SupplyDemandGraph g = random_graph(5, 3, 2);
  MarketNetwork m(g, ids_for(g), options(0.4, 1, MarketLayout::kInline));
  const Index arcs = m.problem().arc_count();
  const Index school = m.add_node();
  EXPECT_EQ(school, m.sink() + 1);
  EXPECT_EQ(m.add_arc(0, school, 5, -3), arcs);
  EXPECT_EQ(m.add_arc(school, m.sink(), kInfiniteCapacity, 0), arcs + 1);
  EXPECT_EQ(m.outside_sink_arc(), arcs - 1);  // the market's own arcs keep their indices
  EXPECT_EQ(m.solve().status, FlowStatus::kOptimal);
}

TEST(MarketNetwork, BadInputThrows) {
  const SupplyDemandGraph g = random_graph(6, 3, 2);
  auto ids = ids_for(g);
  ids.pop_back();
  EXPECT_THROW(MarketNetwork(g, ids, options(0.4, 1)), InvalidInput);
  ids = ids_for(g);
  EXPECT_THROW(MarketNetwork(g, ids, options(0.4, 0)), InvalidInput);
  EXPECT_THROW(MarketNetwork(g, ids, options(0.4, 65)), InvalidInput);
  EXPECT_THROW(MarketNetwork(g, ids, options(0.4, 2, MarketLayout::kInline)), InvalidInput);
  MarketOptions spread = options(0.4, 2);
  spread.tiers.spread = 1.0;
  EXPECT_THROW(MarketNetwork(g, ids, spread), InvalidInput);
  MarketNetwork m(g, ids, options(0.4, 2));
  EXPECT_THROW(m.set_graduates(3, 1), InvalidInput);
  EXPECT_THROW(m.set_graduates(-1, 1), InvalidInput);
  EXPECT_THROW(m.set_graduates(0, -1), InvalidInput);
  EXPECT_THROW(m.set_graduates(0, kMaxCount + 1), InvalidInput);
}

TEST(MarketNetwork, GapMarketBoundsTheOutsideByItsShare) {
  SupplyDemandGraph g = random_graph(8, 4, 3);
  g.graduates = {10, 20, 30, 41};
  GapOptions o;
  o.outside_tiers = 5;
  o.outside_share = 0.25;
  const MarketNetwork bounded = gap_market(g, ids_for(g), o, 0.4);
  EXPECT_EQ(bounded.problem().capacity(bounded.outside_sink_arc()), 25);  // floor(0.25 x 101)
  EXPECT_EQ(bounded.tiers().count, 5);
  EXPECT_EQ(bounded.layout(), MarketLayout::kTiersAfterLocals);
  o.outside_share = 1.0;
  const MarketNetwork open = gap_market(g, ids_for(g), o, 0.4);
  EXPECT_EQ(open.problem().capacity(open.outside_sink_arc()), kInfiniteCapacity);
}

}  // namespace
}  // namespace sixlink::detail
