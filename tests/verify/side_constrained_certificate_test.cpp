// verify/side_constrained_certificate.hpp: the checker accepts the engine's
// result and rejects each kind of tampering with it, so it proves something.
#include "sixlink/verify/side_constrained_certificate.hpp"

#include <gtest/gtest.h>

#include "sixlink/flow/side_constrained_flow.hpp"

namespace sixlink {
namespace {

// The engine's header example: 0 -> 1 -> 2 at cost 1 + 1 and 0 -> 2 at 3, four
// units, at most 1.5 on arc 0: optimum 10.5.
SideConstrainedFlow example() {
  MinCostFlow net(3);
  net.set_supply(0, 4);
  net.set_supply(2, -4);
  net.add_arc(0, 1, 4, 1);
  net.add_arc(1, 2, 4, 1);
  net.add_arc(0, 2, 4, 3);
  SideConstrainedFlow problem(std::move(net));
  const ArcCoefficient row[] = {{0, 1.0}};
  problem.add_row(SideRowSense::kAtMost, 1.5, row);
  return problem;
}

TEST(SideConstrainedCertificate, AcceptsTheEnginesResult) {
  SideConstrainedFlow problem = example();
  const auto result = problem.solve();
  ASSERT_EQ(result.status, SideFlowStatus::kOptimal);
  const auto check = check_side_constrained_flow(problem, result);
  EXPECT_TRUE(check.ok) << check.failure;
}

TEST(SideConstrainedCertificate, RejectsTamperedResults) {
  SideConstrainedFlow problem = example();
  const auto good = problem.solve();
  ASSERT_TRUE(check_side_constrained_flow(problem, good).ok);
  auto tampered = [&](auto change) {
    SideConstrainedFlowResult r = good;
    change(r);
    return check_side_constrained_flow(problem, r);
  };
  EXPECT_FALSE(tampered([](auto& r) { r.objective -= 1.0; }).ok);
  EXPECT_FALSE(tampered([](auto& r) { r.bound = r.objective + 1.0; }).ok);
  EXPECT_FALSE(tampered([](auto& r) { r.bound = r.objective - 1.0; }).ok);  // a gap
  EXPECT_FALSE(tampered([](auto& r) { r.duals[0] = 1.0; }).ok);             // wrong sign
  EXPECT_FALSE(tampered([](auto& r) { r.flow[0] += 0.5; }).ok);
  EXPECT_FALSE(tampered([](auto& r) { r.weights[0] += 0.25; }).ok);
  EXPECT_FALSE(tampered([](auto& r) { r.columns[0][2] += 1; }).ok);  // not a flow
  EXPECT_FALSE(tampered([](auto& r) {  // a feasible flow that breaks the row
                 r.weights.assign(r.weights.size(), 0.0);
                 r.columns[0] = {4, 4, 0};
                 r.weights[0] = 1.0;
                 r.flow = {4.0, 4.0, 0.0};
                 r.objective = r.bound = 8.0;
               })
                   .ok);
}

}  // namespace
}  // namespace sixlink
