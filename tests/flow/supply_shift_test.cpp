#include "sixlink/flow/supply_shift.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "sixlink/core/error.hpp"
#include "sixlink/verify/flow_certificate.hpp"
#include "support/random_flow.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;

// The shifted optimum as a result of the shifted problem, for the certificate check.
MinCostFlowResult shifted_result(const MinCostFlowResult& optimum, const SupplyShiftResult& r) {
  MinCostFlowResult out = optimum;
  for (const auto& [arc, delta] : r.flow_change) out.flow[static_cast<std::size_t>(arc)] += delta;
  for (const auto& [node, delta] : r.potential_change)
    out.potential[static_cast<std::size_t>(node)] += delta;
  out.cost += r.cost_change;
  return out;
}

// Every prefix of the shift against a cold solve of the problem with t units
// moved: the same optimal cost, the same feasibility, and at t = units a flow
// and potentials that pass the certificate check.
void expect_agrees(const MinCostFlow& base, const MinCostFlowResult& optimum, Index from, Index to,
                   Flow units) {
  SupplyShift shift(base, optimum);
  const SupplyShiftResult r = shift.move(from, to, units);
  Cost cumulative = 0;
  Flow t = 0;
  for (const SupplyShiftSegment& s : r.segments) {
    ASSERT_GT(s.units, 0);
    for (Flow i = 0; i < s.units; ++i) {
      ++t;
      cumulative += s.unit_cost;
      MinCostFlow p = base;
      p.set_supply(from, base.supply(from) + t);
      p.set_supply(to, base.supply(to) - t);
      const MinCostFlowResult cold = p.solve({.warm_start = false});
      ASSERT_EQ(cold.status, FlowStatus::kOptimal) << "t " << t;
      EXPECT_EQ(cold.cost, optimum.cost + cumulative) << "t " << t << " of " << units;
    }
  }
  for (std::size_t k = 1; k < r.segments.size(); ++k)
    EXPECT_LT(r.segments[k - 1].unit_cost, r.segments[k].unit_cost);  // convex, runs merged
  EXPECT_EQ(t, r.moved);
  EXPECT_EQ(cumulative, r.cost_change);
  MinCostFlow p = base;
  p.set_supply(from, base.supply(from) + r.moved);
  p.set_supply(to, base.supply(to) - r.moved);
  const CertificateCheck check = check_min_cost_flow(p, shifted_result(optimum, r));
  EXPECT_TRUE(check.ok) << check.failure;
  if (r.moved < units) {
    EXPECT_EQ(r.status, FlowStatus::kInfeasible);
    p.set_supply(from, base.supply(from) + r.moved + 1);
    p.set_supply(to, base.supply(to) - r.moved - 1);
    EXPECT_EQ(p.solve({.warm_start = false}).status, FlowStatus::kInfeasible);
  } else {
    EXPECT_EQ(r.status, FlowStatus::kOptimal);
  }
}

TEST(SupplyShift, AgreesWithColdSolvesOnRandomProblems) {
  int checked = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    testing::RandomFlowSpec spec;
    spec.nodes = 4 + static_cast<Index>(seed % 9);
    spec.arcs = spec.nodes * 3;
    spec.feasible = true;
    spec.min_cost = seed % 3 == 0 ? 0 : -6;
    MinCostFlow p = testing::random_flow_problem(spec, seed);
    const MinCostFlowResult optimum = p.solve();
    if (optimum.status != FlowStatus::kOptimal) continue;
    const Index from = static_cast<Index>(seed % static_cast<std::uint64_t>(spec.nodes));
    const Index to = (from + 1 + static_cast<Index>(seed / 7) % (spec.nodes - 1)) % spec.nodes;
    expect_agrees(p, optimum, from, to, 1 + static_cast<Flow>(seed % 12));
    ++checked;
  }
  EXPECT_GT(checked, 150);  // most seeds give a bounded problem
}

// A transportation market like the recommendations' (sources -> demand nodes ->
// sink, an outside node, surplus arcs): many units, both directions, each start.
TEST(SupplyShift, MarketBothDirections) {
  const Index sources = 6, demands = 5;
  const Index outside = sources + demands, sink = outside + 1;
  MinCostFlow p(sink + 1);
  Flow total = 0;
  for (Index s = 0; s < sources; ++s) {
    p.set_supply(s, 10 + 3 * s);
    total += 10 + 3 * s;
    for (Index d = 0; d < demands; ++d)
      if ((s + d) % 3 != 0) p.add_arc(s, sources + d, kInfiniteCapacity, -(50 + 7 * ((s * d) % 5)));
    p.add_arc(s, outside, kInfiniteCapacity, -40);
    p.add_arc(s, sink, kInfiniteCapacity, 0);
  }
  for (Index d = 0; d < demands; ++d) p.add_arc(sources + d, sink, 8 + 2 * d, -10);
  p.add_arc(outside, sink, 20, 0);
  p.set_supply(sink, -total);
  const MinCostFlowResult optimum = p.solve();
  ASSERT_EQ(optimum.status, FlowStatus::kOptimal);
  for (Index s = 0; s < sources; ++s) {
    expect_agrees(p, optimum, s, sink, 25);               // more graduates of s
    expect_agrees(p, optimum, sink, s, p.supply(s) + 3);  // fewer, past zero: infeasible
  }
}

TEST(SupplyShift, ZeroUnitsChangeNothing) {
  MinCostFlow p(2);
  p.set_supply(0, 3);
  p.set_supply(1, -3);
  p.add_arc(0, 1, 5, 2);
  const MinCostFlowResult optimum = p.solve();
  SupplyShift shift(p, optimum);
  const SupplyShiftResult r = shift.move(0, 1, 0);
  EXPECT_EQ(r.status, FlowStatus::kOptimal);
  EXPECT_EQ(r.moved, 0);
  EXPECT_TRUE(r.segments.empty());
  EXPECT_TRUE(r.flow_change.empty());
  // Calls are independent: each starts from the stored optimum.
  EXPECT_EQ(shift.move(0, 1, 2).cost_change, 4);
  EXPECT_EQ(shift.move(0, 1, 2).cost_change, 4);
  EXPECT_EQ(shift.move(0, 1, 3).status, FlowStatus::kInfeasible);
  EXPECT_EQ(shift.flow(0), 3);
}

TEST(SupplyShift, RejectsBadInput) {
  MinCostFlow p(2);
  p.set_supply(0, 1);
  p.set_supply(1, -1);
  p.add_arc(0, 1, 5, 2);
  const MinCostFlowResult optimum = p.solve();
  SupplyShift shift(p, optimum);
  EXPECT_THROW(shift.move(0, 0, 1), InvalidInput);
  EXPECT_THROW(shift.move(0, 2, 1), InvalidInput);
  EXPECT_THROW(shift.move(-1, 1, 1), InvalidInput);
  EXPECT_THROW(shift.move(0, 1, -1), InvalidInput);
  MinCostFlowResult infeasible = optimum;
  infeasible.status = FlowStatus::kInfeasible;
  EXPECT_THROW(SupplyShift(p, infeasible), InvalidInput);
  MinCostFlowResult short_flow = optimum;
  short_flow.flow.clear();
  EXPECT_THROW(SupplyShift(p, short_flow), InvalidInput);
  MinCostFlow leq = p;
  leq.set_supply_mode(SupplyMode::kSupplyAtMost);
  try {
    SupplyShift s(leq, optimum);
    FAIL() << "accepted an inequality mode";
  } catch (const InvalidInput& e) {
    EXPECT_THAT(e.what(), HasSubstr("exact"));
  }
  // A flow that is not optimal shows up as a negative reduced cost: one unit on
  // the dearer of two parallel arcs, with potentials that price it at zero.
  MinCostFlow two(2);
  two.set_supply(0, 1);
  two.set_supply(1, -1);
  two.add_arc(0, 1, 5, 1);
  two.add_arc(0, 1, 5, 2);
  MinCostFlowResult wrong;
  wrong.flow = {0, 1};
  wrong.potential = {0, 2};
  wrong.cost = 2;
  SupplyShift bad(two, wrong);
  EXPECT_THROW(bad.move(0, 1, 1), std::logic_error);
}

}  // namespace
}  // namespace sixlink
