// SideConstrainedFlow against the whole LP (node-arc formulation plus the side
// rows) solved directly by the dense simplex, on seeded random instances; named
// cases for the statuses; every result through the certificate check.
#include "sixlink/flow/side_constrained_flow.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <vector>

#include "detail/dense_lp.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/verify/side_constrained_certificate.hpp"

namespace sixlink {
namespace {

constexpr double kUnit = 1e6;  // costs are values x 1e6, as in the quota model

struct Row {
  SideRowSense sense = SideRowSense::kAtMost;
  double rhs = 0.0;
  std::vector<ArcCoefficient> entries;
};

struct Instance {
  Index nodes = 0;
  std::vector<Index> tail, head;
  std::vector<Flow> capacity;
  std::vector<Cost> cost;
  std::vector<Flow> supply;
  std::vector<Row> rows;

  MinCostFlow network() const {
    MinCostFlow f(nodes);
    for (Index v = 0; v < nodes; ++v) f.set_supply(v, supply[static_cast<std::size_t>(v)]);
    for (std::size_t a = 0; a < tail.size(); ++a) f.add_arc(tail[a], head[a], capacity[a], cost[a]);
    return f;
  }
  SideConstrainedFlow problem() const {
    SideConstrainedFlow p(network(), kUnit);
    for (const Row& r : rows) p.add_row(r.sense, r.rhs, r.entries);
    return p;
  }
};

// A network feasible by construction (supplies of a random flow), 1 to 3 rows
// through the value of another random flow, moved by up to `slack` either way.
Instance random_instance(std::mt19937_64& rng, double slack) {
  auto uniform = [&](Index lo, Index hi) {
    return std::uniform_int_distribution<Index>(lo, hi)(rng);
  };
  Instance in;
  in.nodes = uniform(3, 7);
  const Index arcs = uniform(in.nodes + 2, 3 * in.nodes);
  in.supply.assign(static_cast<std::size_t>(in.nodes), 0);
  std::vector<Flow> other;
  for (Index a = 0; a < arcs; ++a) {
    const Index t = uniform(0, in.nodes - 1);
    Index h = uniform(0, in.nodes - 2);
    if (h >= t) ++h;
    in.tail.push_back(t);
    in.head.push_back(h);
    in.capacity.push_back(uniform(1, 6));
    in.cost.push_back(uniform(-2'000'000, 5'000'000) / 1000 * 1000);
    const Flow x = uniform(0, in.capacity.back());
    in.supply[static_cast<std::size_t>(t)] += x;
    in.supply[static_cast<std::size_t>(h)] -= x;
    other.push_back(uniform(0, in.capacity.back()));
  }
  // Negative cycles of finite capacity are fine; the flow's supplies are balanced.
  const Index rows = uniform(1, 3);
  for (Index r = 0; r < rows; ++r) {
    Row row;
    row.sense = uniform(0, 1) == 0 ? SideRowSense::kAtMost : SideRowSense::kAtLeast;
    double value = 0.0;
    const Index entries = uniform(1, std::min<Index>(arcs, 5));
    for (Index e = 0; e < entries; ++e) {
      const Index a = uniform(0, arcs - 1);
      const double c = static_cast<double>(uniform(-6, 6)) / 2.0;
      row.entries.push_back({a, c});
      value += c * static_cast<double>(other[static_cast<std::size_t>(a)]);
    }
    row.rhs = value + slack * static_cast<double>(uniform(-2, 2));
    in.rows.push_back(row);
  }
  return in;
}

// The whole LP: x_a + t_a = u_a, conservation, rows with slack; maximises -f.
// `objective` replaces the costs (per arc, maximised) when given.
detail::DenseLpResult whole_lp(const Instance& in, std::optional<std::vector<double>> objective,
                               bool with_rows) {
  const std::size_t m = in.tail.size(), n = static_cast<std::size_t>(in.nodes);
  const std::size_t R = with_rows ? in.rows.size() : 0;
  detail::DenseLp lp;
  lp.rows = static_cast<int>(n + m + R);
  for (std::size_t a = 0; a < m; ++a) {
    std::vector<double> col(n + m + R, 0.0);
    col[static_cast<std::size_t>(in.tail[a])] += 1.0;
    col[static_cast<std::size_t>(in.head[a])] -= 1.0;
    col[n + a] = 1.0;
    for (std::size_t r = 0; r < R; ++r)
      for (const auto& [arc, c] : in.rows[r].entries)
        if (static_cast<std::size_t>(arc) == a) col[n + m + r] += c;
    lp.columns.push_back(col);
    lp.cost.push_back(objective ? (*objective)[a] : -static_cast<double>(in.cost[a]) / kUnit);
  }
  for (std::size_t a = 0; a < m; ++a) {  // capacity slack
    std::vector<double> col(n + m + R, 0.0);
    col[n + a] = 1.0;
    lp.columns.push_back(col);
    lp.cost.push_back(0.0);
  }
  for (std::size_t r = 0; r < R; ++r) {  // row slack or surplus
    std::vector<double> col(n + m + R, 0.0);
    col[n + m + r] = in.rows[r].sense == SideRowSense::kAtMost ? 1.0 : -1.0;
    lp.columns.push_back(col);
    lp.cost.push_back(0.0);
  }
  for (std::size_t v = 0; v < n; ++v) lp.rhs.push_back(static_cast<double>(in.supply[v]));
  for (std::size_t a = 0; a < m; ++a) lp.rhs.push_back(static_cast<double>(in.capacity[a]));
  for (std::size_t r = 0; r < R; ++r) lp.rhs.push_back(in.rows[r].rhs);
  return detail::solve_dense_lp(lp, 1e-9);
}

void expect_certified(const SideConstrainedFlow& p, const SideConstrainedFlowResult& r) {
  const CertificateCheck check = check_side_constrained_flow(p, r);
  EXPECT_TRUE(check.ok) << check.failure;
}

TEST(SideConstrainedFlow, AgreesWithTheWholeLpOnRandomInstances) {
  std::mt19937_64 rng(20261203);
  int optimal = 0, infeasible = 0, fractional = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const Instance in = random_instance(rng, trial % 2 == 0 ? 0.5 : 4.0);
    SideConstrainedFlow p = in.problem();
    const SideConstrainedFlowResult r = p.solve();
    const detail::DenseLpResult lp = whole_lp(in, std::nullopt, true);
    SCOPED_TRACE("trial " + std::to_string(trial));
    expect_certified(p, r);
    if (!lp.feasible) {
      ++infeasible;
      EXPECT_EQ(r.status, SideFlowStatus::kInfeasible);
      continue;
    }
    ++optimal;
    ASSERT_EQ(r.status, SideFlowStatus::kOptimal) << r.message;
    const double best = -lp.objective;
    EXPECT_NEAR(r.objective, best, 1e-6 * std::max(1.0, std::abs(best)));
    EXPECT_LE(r.bound, r.objective);
    EXPECT_LE(r.objective - r.bound, 1e-6 * std::max(1.0, std::abs(best)));
    std::size_t used = 0;  // a basic solution of the master
    for (double w : r.weights) used += w > 1e-12;
    EXPECT_LE(used, in.rows.size() + 1);
    for (double x : r.flow) fractional += x != std::round(x);
  }
  // The seeds cover both outcomes and fractional optima.
  EXPECT_GT(optimal, 100);
  EXPECT_GT(infeasible, 20);
  EXPECT_GT(fractional, 20);
}

TEST(SideConstrainedFlow, DiagnosisReachesWhatEachRowAloneCan) {
  std::mt19937_64 rng(7);
  int checked = 0;
  for (int trial = 0; trial < 300 && checked < 60; ++trial) {
    const Instance in = random_instance(rng, 6.0);
    SideConstrainedFlow p = in.problem();
    const SideConstrainedFlowResult r = p.solve();
    if (r.status != SideFlowStatus::kInfeasible) continue;
    ++checked;
    SCOPED_TRACE("trial " + std::to_string(trial));
    expect_certified(p, r);
    ASSERT_EQ(r.reachable.size(), in.rows.size());
    for (std::size_t row = 0; row < in.rows.size(); ++row) {
      // The row alone: the least g for "<=", the most for ">=".
      const double toward = in.rows[row].sense == SideRowSense::kAtMost ? -1.0 : 1.0;
      std::vector<double> objective(in.tail.size(), 0.0);
      for (const auto& [a, c] : in.rows[row].entries)
        objective[static_cast<std::size_t>(a)] += toward * c;
      const detail::DenseLpResult alone = whole_lp(in, objective, false);
      ASSERT_TRUE(alone.feasible);
      EXPECT_NEAR(r.reachable[row], toward * alone.objective, 1e-6);
    }
  }
  EXPECT_GE(checked, 20);
}

TEST(SideConstrainedFlow, TermsKeepTheArithmeticOfTheirModel) {
  // Row 2 (hi - x_0 - x_1) <= d is the row -2 x_0 - 2 x_1 <= d - 2 hi.
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 100; ++trial) {
    const Instance in = random_instance(rng, 2.0);
    const double hi = 5.0, d = 4.0 + static_cast<double>(trial % 7);
    const Index grouped[] = {0, 1};
    SideConstrainedFlow by_term(in.network(), kUnit);
    const Index t = by_term.add_term(grouped, -1.0, hi);
    const TermCoefficient row[] = {{t, 2.0}};
    by_term.add_term_row(SideRowSense::kAtMost, d, row);
    SideConstrainedFlow by_arc(in.network(), kUnit);
    const ArcCoefficient arcs[] = {{0, -2.0}, {1, -2.0}};
    by_arc.add_row(SideRowSense::kAtMost, d - 2.0 * hi, arcs);
    const auto a = by_term.solve(), b = by_arc.solve();
    ASSERT_EQ(a.status, b.status);
    expect_certified(by_term, a);
    if (a.status != SideFlowStatus::kOptimal) continue;
    EXPECT_NEAR(a.objective, b.objective, 1e-9 * std::max(1.0, std::abs(a.objective)));
    expect_certified(by_arc, b);  // the multipliers may differ: degenerate optima
  }
}

TEST(SideConstrainedFlow, ArcsSharedByTermsPayEveryTerm) {
  // Arc 0 in two terms (and in a single-arc term through an arc row).
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 100; ++trial) {
    Instance in = random_instance(rng, 3.0);
    in.rows.resize(1);
    SideConstrainedFlow p = in.problem();
    const Index first[] = {0, 1}, second[] = {0};
    const Index t1 = p.add_term(first), t2 = p.add_term(second, -1.0, 2.0);
    const TermCoefficient row[] = {{t1, 1.0}, {t2, 0.5}};
    p.add_term_row(SideRowSense::kAtMost, 3.0, row);
    // The same as arc rows: x_0 + x_1 + 0.5 (2 - x_0) <= 3.
    Instance plain = in;
    plain.rows.push_back({SideRowSense::kAtMost, 2.0, {{0, 0.5}, {1, 1.0}}});
    const auto r = p.solve();
    const auto lp = whole_lp(plain, std::nullopt, true);
    SCOPED_TRACE("trial " + std::to_string(trial));
    expect_certified(p, r);
    if (!lp.feasible) {
      EXPECT_EQ(r.status, SideFlowStatus::kInfeasible);
      continue;
    }
    ASSERT_EQ(r.status, SideFlowStatus::kOptimal);
    EXPECT_NEAR(r.objective, -lp.objective, 1e-6 * std::max(1.0, std::abs(lp.objective)));
  }
}

MinCostFlow example_network() {
  MinCostFlow net(3);
  net.set_supply(0, 4);
  net.set_supply(2, -4);
  net.add_arc(0, 1, 4, 1);
  net.add_arc(1, 2, 4, 1);
  net.add_arc(0, 2, 4, 3);
  return net;
}

TEST(SideConstrainedFlow, HeaderExample) {
  SideConstrainedFlow problem(example_network());
  const ArcCoefficient row[] = {{0, 1.0}};
  problem.add_row(SideRowSense::kAtMost, 1.5, row);
  const auto r = problem.solve();
  ASSERT_EQ(r.status, SideFlowStatus::kOptimal);
  EXPECT_NEAR(r.objective, 10.5, 1e-9);
  EXPECT_NEAR(r.bound, 10.5, 1e-9);
  EXPECT_NEAR(r.flow[0], 1.5, 1e-9);
  EXPECT_NEAR(r.duals[0], -1.0, 1e-9);  // one more unit of room saves 3 - 2
  EXPECT_LE(r.duals[0], 0.0);
  EXPECT_EQ(r.flow_solves, 1 + r.iterations);
  expect_certified(problem, r);
  // The Lagrangian at the multipliers is the bound; at zero, the flow without rows.
  const auto at_duals = problem.lagrangian(r.duals);
  ASSERT_EQ(at_duals.status, FlowStatus::kOptimal);
  EXPECT_NEAR(at_duals.value, r.bound, 1e-9);
  const double zero[] = {0.0};
  EXPECT_NEAR(problem.lagrangian(zero, 1.0).value, 1.0 + 8.0 - 0.0, 1e-9);
}

TEST(SideConstrainedFlow, WithoutRowsIsTheMinCostFlow) {
  SideConstrainedFlow problem(example_network());
  const auto r = problem.solve();
  ASSERT_EQ(r.status, SideFlowStatus::kOptimal);
  EXPECT_EQ(r.iterations, 0);
  EXPECT_EQ(r.flow_solves, 1);
  EXPECT_DOUBLE_EQ(r.objective, 8.0);
  EXPECT_DOUBLE_EQ(r.bound, 8.0);
  ASSERT_EQ(r.weights.size(), 1u);
  expect_certified(problem, r);
}

TEST(SideConstrainedFlow, ChangesBetweenSolvesWarmStart) {
  SideConstrainedFlow problem(example_network());
  const ArcCoefficient row[] = {{0, 1.0}};
  problem.add_row(SideRowSense::kAtMost, 1.5, row);
  EXPECT_NEAR(problem.solve().objective, 10.5, 1e-9);
  problem.set_rhs(0, 3.0);
  EXPECT_NEAR(problem.solve().objective, 3 * 2 + 1 * 3, 1e-9);
  problem.set_cost(2, 1);  // the direct arc now costs 1: no row binds
  auto r = problem.solve();
  EXPECT_NEAR(r.objective, 4.0, 1e-9);
  EXPECT_EQ(problem.cost(2), 1);
  problem.set_bounds(2, 0, 0);  // everything through arc 0, which allows 3
  r = problem.solve();
  EXPECT_EQ(r.status, SideFlowStatus::kInfeasible);
  ASSERT_EQ(r.reachable.size(), 1u);
  EXPECT_NEAR(r.reachable[0], 4.0, 1e-9);  // the least x_0 is 4 > 3
  expect_certified(problem, r);
}

TEST(SideConstrainedFlow, RowsThatConflictOnlyTogether) {
  // x_0 >= 3 and x_2 >= 2 hold alone; together they need 5 units of 4.
  SideConstrainedFlow problem(example_network());
  const ArcCoefficient a[] = {{0, 1.0}}, b[] = {{2, 1.0}};
  problem.add_row(SideRowSense::kAtLeast, 3.0, a);
  problem.add_row(SideRowSense::kAtLeast, 2.0, b);
  const auto r = problem.solve();
  ASSERT_EQ(r.status, SideFlowStatus::kInfeasible);
  EXPECT_FALSE(r.feasible);
  EXPECT_NEAR(r.reachable[0], 4.0, 1e-9);
  EXPECT_NEAR(r.reachable[1], 4.0, 1e-9);
  double missed = 0.0;
  for (double v : r.violation) missed += v;
  EXPECT_NEAR(missed, 1.0, 1e-9);  // the closest combination misses by one unit in all
  expect_certified(problem, r);
}

TEST(SideConstrainedFlow, IterationLimit) {
  std::mt19937_64 rng(3);
  int limited = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const Instance in = random_instance(rng, 0.5);
    SideConstrainedFlow p = in.problem();
    SideConstrainedFlowOptions once;
    once.max_iterations = 1;
    const auto full = p.solve();
    if (full.status != SideFlowStatus::kOptimal || full.iterations < 2) continue;
    const auto r = p.solve(once);
    ASSERT_EQ(r.status, SideFlowStatus::kIterationLimit);
    EXPECT_EQ(r.iterations, 1);
    EXPECT_FALSE(r.message.empty());
    expect_certified(p, r);
    if (r.feasible) {
      EXPECT_GE(r.objective, full.objective - 1e-9 * std::max(1.0, std::abs(full.objective)));
      EXPECT_LE(r.bound, full.objective + 1e-6 * std::max(1.0, std::abs(full.objective)));
    }
    ++limited;
  }
  EXPECT_GT(limited, 10);
}

TEST(SideConstrainedFlow, NetworkWithoutFlowOrOutOfRange) {
  MinCostFlow none(2);
  none.set_supply(0, 1);
  none.set_supply(1, -1);
  SideConstrainedFlow empty(std::move(none));
  auto r = empty.solve();
  EXPECT_EQ(r.status, SideFlowStatus::kInfeasible);
  EXPECT_EQ(r.flow_status, FlowStatus::kInfeasible);
  EXPECT_FALSE(r.message.empty());

  MinCostFlow huge(2);
  huge.set_supply(0, 1);
  huge.set_supply(1, -1);
  huge.add_arc(0, 1, 1, Cost{1} << 61);
  SideConstrainedFlow far(std::move(huge));
  r = far.solve();
  EXPECT_EQ(r.status, SideFlowStatus::kOutOfRange);
  EXPECT_EQ(r.flow_status, FlowStatus::kOutOfRange);
  EXPECT_FALSE(r.flow_message.empty());
}

TEST(SideConstrainedFlow, BadInputThrows) {
  SideConstrainedFlow problem(example_network());
  const Index arcs[] = {7};
  EXPECT_THROW(problem.add_term(arcs), InvalidInput);
  const Index ok[] = {0};
  EXPECT_THROW(problem.add_term(ok, 2.0), InvalidInput);
  const ArcCoefficient bad[] = {{0, std::nan("")}};
  EXPECT_THROW(problem.add_row(SideRowSense::kAtMost, 1.0, bad), InvalidInput);
  const TermCoefficient no_term[] = {{5, 1.0}};
  EXPECT_THROW(problem.add_term_row(SideRowSense::kAtMost, 1.0, no_term), InvalidInput);
  EXPECT_THROW(SideConstrainedFlow(example_network(), 0.0), InvalidInput);
  SideConstrainedFlowOptions zero;
  zero.max_iterations = 0;
  EXPECT_THROW(problem.solve(zero), InvalidInput);
  const double two[] = {1.0, 2.0};
  EXPECT_THROW(problem.lagrangian(two), InvalidInput);
  EXPECT_EQ(to_string(SideFlowStatus::kIterationLimit), "iteration_limit");
}

}  // namespace
}  // namespace sixlink
