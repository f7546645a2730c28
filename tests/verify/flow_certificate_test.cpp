// verify/flow_certificate.hpp: the checker accepts the solver's certificates
// and rejects each kind of tampering with them, so it proves something.
#include "sixlink/verify/flow_certificate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;

// The header example: optimal cost 11 with flows 4, 4, 1.
MinCostFlow example() {
  MinCostFlow p(3);
  p.set_supply(0, 5);
  p.set_supply(2, -5);
  p.add_arc(0, 1, 4, 1);
  p.add_arc(1, 2, kInfiniteCapacity, 1);
  p.add_arc(0, 2, 10, 3);
  return p;
}

TEST(FlowCertificate, AcceptsTheOptimalResult) {
  MinCostFlow p = example();
  const MinCostFlowResult r = p.solve();
  ASSERT_EQ(r.status, FlowStatus::kOptimal);
  EXPECT_TRUE(check_min_cost_flow(p, r).ok) << check_min_cost_flow(p, r).failure;
}

TEST(FlowCertificate, RejectsTamperedOptimalResults) {
  MinCostFlow p = example();
  const MinCostFlowResult good = p.solve();
  ASSERT_EQ(good.status, FlowStatus::kOptimal);
  auto failure = [&p](const MinCostFlowResult& r) {
    const CertificateCheck c = check_min_cost_flow(p, r);
    EXPECT_FALSE(c.ok);
    return c.failure;
  };
  MinCostFlowResult r = good;
  r.flow.pop_back();
  EXPECT_THAT(failure(r), HasSubstr("flow has the wrong length"));
  r = good;
  r.flow[0] = 5;  // above capacity 4
  EXPECT_THAT(failure(r), HasSubstr("arc 0: flow out of bounds"));
  r = good;
  r.flow = {3, 3, 2};  // feasible, cost 12: not optimal, and the cost disagrees
  EXPECT_FALSE(check_min_cost_flow(p, r).ok);
  r = good;
  r.flow = {4, 3, 1};  // node 1 keeps one unit
  EXPECT_THAT(failure(r), HasSubstr("node 1"));
  r = good;
  r.cost = 10;
  EXPECT_THAT(failure(r), HasSubstr("reported cost 10"));
  r = good;
  r.potential[1] += 7;  // breaks complementary slackness on a basic arc
  EXPECT_FALSE(check_min_cost_flow(p, r).ok);
}

TEST(FlowCertificate, InfeasibleNeedsACutThatProvesIt) {
  MinCostFlow p(2);
  p.set_supply(0, 3);
  p.set_supply(1, -3);
  p.add_arc(0, 1, 2, 1);
  const MinCostFlowResult good = p.solve();
  ASSERT_EQ(good.status, FlowStatus::kInfeasible);
  ASSERT_TRUE(good.cut.has_value());
  EXPECT_TRUE(check_min_cost_flow(p, good).ok) << check_min_cost_flow(p, good).failure;
  MinCostFlowResult r = good;
  r.cut.reset();
  EXPECT_THAT(check_min_cost_flow(p, r).failure, HasSubstr("without a cut"));
  r = good;
  r.cut->cut_capacity += 1;  // numbers that are not the problem's
  EXPECT_FALSE(check_min_cost_flow(p, r).ok);
  r = good;
  r.cut->nodes = {0, 1};  // the whole graph: nothing crosses, nothing is proved
  EXPECT_FALSE(check_min_cost_flow(p, r).ok);
  r = good;
  r.cut->nodes = {0, 0};
  EXPECT_FALSE(check_min_cost_flow(p, r).ok);
}

TEST(FlowCertificate, UnboundedNeedsANegativeCycleOfInfiniteArcs) {
  MinCostFlow p(2);
  p.add_arc(0, 1, kInfiniteCapacity, -1);
  p.add_arc(1, 0, kInfiniteCapacity, 0);
  p.add_arc(1, 0, 5, -3);
  const MinCostFlowResult good = p.solve();
  ASSERT_EQ(good.status, FlowStatus::kUnbounded);
  EXPECT_TRUE(check_min_cost_flow(p, good).ok) << check_min_cost_flow(p, good).failure;
  MinCostFlowResult r = good;
  r.negative_cycle.clear();
  EXPECT_THAT(check_min_cost_flow(p, r).failure, HasSubstr("without a cycle"));
  r.negative_cycle = {0, 2};  // arc 2 has finite capacity
  EXPECT_THAT(check_min_cost_flow(p, r).failure, HasSubstr("finite capacity"));
  r.negative_cycle = {0, 0};  // does not join up
  EXPECT_FALSE(check_min_cost_flow(p, r).ok);
  r.negative_cycle = {7};
  EXPECT_THAT(check_min_cost_flow(p, r).failure, HasSubstr("bad arc"));
}

TEST(FlowCertificate, OtherStatusesAreNotProvedOptimal) {
  MinCostFlow p = example();
  MinCostFlowResult r = p.solve();
  r.status = Status::kIterationLimit;  // no engine of this kind returns it
  EXPECT_FALSE(check_min_cost_flow(p, r).ok);
}

}  // namespace
}  // namespace sixlink
