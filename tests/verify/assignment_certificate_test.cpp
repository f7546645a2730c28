// verify/assignment_certificate.hpp: the checker accepts the solvers'
// certificates and rejects each kind of tampering with them.
#include "sixlink/verify/assignment_certificate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "sixlink/assignment/assignment.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;

constexpr double kInf = std::numeric_limits<double>::infinity();

DenseWeights three_by_three() {
  DenseWeights w(3, 3);
  w << 4, 1, 3,  //
      2, 0, 5,   //
      3, 2, 2;
  return w;
}

TEST(AssignmentCertificate, AcceptsEverySolversResult) {
  const DenseWeights w = three_by_three();
  for (const auto algorithm : {AssignmentAlgorithm::kJonkerVolgenant,
                               AssignmentAlgorithm::kShortestPath, AssignmentAlgorithm::kAuction}) {
    for (const bool maximize : {false, true}) {
      const AssignmentResult r = solve_assignment(w, {maximize, algorithm});
      ASSERT_EQ(r.status, AssignmentStatus::kOptimal);
      const CertificateCheck c = check_assignment(w, maximize, r);
      EXPECT_TRUE(c.ok) << to_string(algorithm) << " " << maximize << ": " << c.failure;
    }
  }
  EXPECT_DOUBLE_EQ(solve_assignment(w).objective, 5.0);  // 1 + 2 + 2
}

TEST(AssignmentCertificate, RejectsTamperedResults) {
  const DenseWeights w = three_by_three();
  const AssignmentResult good = solve_assignment(w);
  ASSERT_TRUE(check_assignment(w, false, good).ok);
  auto failure = [&w](const AssignmentResult& r) {
    const CertificateCheck c = check_assignment(w, false, r);
    EXPECT_FALSE(c.ok);
    return c.failure;
  };
  AssignmentResult r = good;
  r.objective += 1.0;
  EXPECT_THAT(failure(r), HasSubstr("objective"));
  r = good;
  r.row_dual[0] += 1.0;  // breaks u + v <= w somewhere, or the dual objective
  EXPECT_FALSE(check_assignment(w, false, r).ok);
  r = good;
  r.row_to_col.pop_back();
  EXPECT_THAT(failure(r), HasSubstr("wrong lengths"));
  r = good;
  std::swap(r.row_to_col[0], r.row_to_col[1]);  // maps disagree
  EXPECT_THAT(failure(r), HasSubstr("disagree"));
  r = good;
  r.row_to_col = {0, 1, 2};  // a worse matching (4 + 0 + 2 = 6) with consistent maps
  r.col_to_row = {0, 1, 2};
  r.objective = 6.0;
  EXPECT_FALSE(check_assignment(w, false, r).ok);  // its duals cannot certify it
}

TEST(AssignmentCertificate, ForbiddenPairsAndThePartialMode) {
  DenseWeights w(2, 2);
  w << 1, kInf,  //
      kInf, 2;
  const AssignmentResult good = solve_assignment(w);
  ASSERT_EQ(good.status, AssignmentStatus::kOptimal);
  EXPECT_TRUE(check_assignment(w, false, good).ok);
  AssignmentResult r = good;
  r.row_to_col = {1, 0};
  r.col_to_row = {1, 0};
  EXPECT_THAT(check_assignment(w, false, r).failure, HasSubstr("forbidden pair"));

  // Partial mode, maximising: a zero-gain pair stays unmatched.
  DenseWeights gains(2, 2);
  gains << 3, 0,  //
      0, 0;
  AssignmentOptions partial;
  partial.maximize = true;
  partial.mode = AssignmentMode::kPartial;
  const AssignmentResult p = solve_assignment(gains, partial);
  EXPECT_TRUE(check_assignment(gains, partial, p).ok)
      << check_assignment(gains, partial, p).failure;
  AssignmentResult infeasible = p;
  infeasible.status = AssignmentStatus::kInfeasible;
  EXPECT_THAT(check_assignment(gains, partial, infeasible).failure,
              HasSubstr("partial mode is always feasible"));
}

}  // namespace
}  // namespace sixlink
