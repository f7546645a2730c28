#include "sixlink/assignment/assignment.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>

#include "sixlink/core/error.hpp"
#include "sixlink/verify/assignment_certificate.hpp"

namespace sixlink {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

AssignmentResult solve_checked(const DenseWeights& w, bool maximize,
                               AssignmentAlgorithm algorithm = AssignmentAlgorithm::kAuto) {
  const AssignmentResult r = solve_assignment(w, {maximize, algorithm});
  const CertificateCheck check = check_assignment(w, maximize, r);
  EXPECT_TRUE(check.ok) << check.failure;
  return r;
}

// Best objective over all matchings of the smaller side, or nullopt.
std::optional<double> brute_force(const DenseWeights& w, bool maximize) {
  const DenseWeights c = w.rows() <= w.cols() ? w : DenseWeights(w.transpose());
  const Index n = c.rows(), m = c.cols();
  std::vector<Index> cols(static_cast<std::size_t>(m));
  std::iota(cols.begin(), cols.end(), 0);
  std::optional<double> best;
  do {  // every injective map of rows into columns: permutations of the columns
    double total = 0.0;
    bool allowed = true;
    for (Index i = 0; i < n && allowed; ++i) {
      const double x = c(i, cols[static_cast<std::size_t>(i)]);
      allowed = std::isfinite(x);
      total += x;
    }
    if (allowed && (!best || (maximize ? total > *best : total < *best))) best = total;
  } while (std::next_permutation(cols.begin(), cols.end()));
  return best;
}

DenseWeights random_weights(std::mt19937_64& rng, Index n, Index m, int range,
                            double forbidden_share, double forbid) {
  DenseWeights w(n, m);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < m; ++j) {
      w(i, j) = unit(rng) < forbidden_share
                    ? forbid
                    : static_cast<double>(rng() % static_cast<unsigned>(range + 1));
    }
  }
  return w;
}

TEST(Assignment, SmallKnownCases) {
  DenseWeights c(3, 3);
  c << 4, 1, 3, 2, 0, 5, 3, 2, 2;
  auto r = solve_checked(c, false);
  EXPECT_EQ(r.row_to_col, (std::vector<Index>{1, 0, 2}));
  EXPECT_EQ(r.objective, 5);
  r = solve_checked(c, true);
  EXPECT_EQ(r.row_to_col, (std::vector<Index>{0, 2, 1}));
  EXPECT_EQ(r.objective, 11);
}

TEST(Assignment, ConstantMatrixGivesTheIdentity) {
  const DenseWeights ones = DenseWeights::Ones(8, 8);
  for (auto algorithm :
       {AssignmentAlgorithm::kJonkerVolgenant, AssignmentAlgorithm::kShortestPath}) {
    const auto r = solve_checked(ones, false, algorithm);
    for (Index i = 0; i < 8; ++i) EXPECT_EQ(r.row_to_col[static_cast<std::size_t>(i)], i);
  }
}

TEST(Assignment, RectangularBothWaysAndEmpty) {
  DenseWeights wide(2, 4);
  wide << 400, 150, 400, 1, 400, 450, 600, 2;
  auto r = solve_checked(wide, false);
  EXPECT_EQ(r.objective, 150 + 2);
  r = solve_checked(DenseWeights(wide.transpose()), false);
  EXPECT_EQ(r.objective, 150 + 2);
  EXPECT_EQ(r.row_to_col, (std::vector<Index>{-1, 0, -1, 1}));
  r = solve_checked(DenseWeights(0, 3), false);
  EXPECT_TRUE(r.row_to_col.empty());
  EXPECT_EQ(r.col_to_row, (std::vector<Index>{-1, -1, -1}));
}

TEST(Assignment, ForbiddenPairsAndInfeasiblePatterns) {
  DenseWeights w(3, 3);
  w << 10, kInf, kInf, kInf, kInf, 1, kInf, 7, kInf;
  auto r = solve_checked(w, false);
  EXPECT_EQ(r.objective, 18);
  w.col(0).setConstant(kInf);
  r = solve_assignment(w);
  EXPECT_EQ(r.status, AssignmentStatus::kInfeasible);
  EXPECT_THAT(r.message, ::testing::HasSubstr("infeasible"));
  DenseWeights max(2, 2);
  max << 1, -kInf, -kInf, 2;
  EXPECT_EQ(solve_checked(max, true).objective, 3);
}

TEST(Assignment, RejectsBadInput) {
  DenseWeights w = DenseWeights::Zero(2, 2);
  w(1, 1) = std::nan("");
  EXPECT_THROW(solve_assignment(w), InvalidInput);
  w(1, 1) = -kInf;
  EXPECT_THROW(solve_assignment(w), InvalidInput);  // -inf when minimising
  EXPECT_NO_THROW(solve_assignment(w, {true}));     // forbidden when maximising
  w(1, 1) = kInf;
  EXPECT_THROW(solve_assignment(w, {true}), InvalidInput);  // +inf when maximising
  EXPECT_THROW(
      solve_assignment(DenseWeights::Zero(2, 3), {false, AssignmentAlgorithm::kJonkerVolgenant}),
      InvalidInput);
}

TEST(Assignment, AgreesWithBruteForceOnSmallMatrices) {
  std::mt19937_64 rng(42);
  int feasible = 0, infeasible = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const Index n = 1 + static_cast<Index>(rng() % 6), m = 1 + static_cast<Index>(rng() % 6);
    const bool maximize = trial % 2 == 1;
    const int range = trial % 3 == 0 ? 3 : 100;  // small ranges: many ties
    const double share = trial % 4 == 0 ? 0.4 : 0.0;
    const DenseWeights w = random_weights(rng, n, m, range, share, maximize ? -kInf : kInf);
    const auto expected = brute_force(w, maximize);
    for (auto algorithm : {AssignmentAlgorithm::kAuto, AssignmentAlgorithm::kShortestPath}) {
      const auto r = solve_checked(w, maximize, algorithm);
      if (!expected) {
        EXPECT_EQ(r.status, AssignmentStatus::kInfeasible) << "trial " << trial;
      } else {
        ASSERT_EQ(r.status, AssignmentStatus::kOptimal) << "trial " << trial;
        EXPECT_DOUBLE_EQ(r.objective, *expected) << "trial " << trial;
      }
    }
    (expected ? feasible : infeasible)++;
  }
  EXPECT_GT(feasible, 2000);
  EXPECT_GT(infeasible, 50);
}

TEST(Assignment, JonkerVolgenantAgreesWithShortestPathOnLargerMatrices) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 40; ++trial) {
    const Index n = 50 + static_cast<Index>(rng() % 150);
    const int range = trial % 2 == 0 ? 10 : 100000;
    DenseWeights w = random_weights(rng, n, n, range, 0.0, 0.0);
    if (trial % 5 == 0) w = w.array() / 7.0;  // non-integer weights
    const auto jv = solve_checked(w, trial % 3 == 0, AssignmentAlgorithm::kJonkerVolgenant);
    const auto sp = solve_checked(w, trial % 3 == 0, AssignmentAlgorithm::kShortestPath);
    EXPECT_NEAR(jv.objective, sp.objective, 1e-9 * std::abs(sp.objective) + 1e-9)
        << "trial " << trial;
    EXPECT_EQ(jv.algorithm, AssignmentAlgorithm::kJonkerVolgenant);
  }
}

}  // namespace
}  // namespace sixlink

namespace sixlink {
namespace {

// The CSR form of a dense matrix whose forbidden entries are absent.
struct Csr {
  std::vector<Index> indptr{0}, indices;
  std::vector<double> values;
  SparseWeights view(Index rows, Index cols) const { return {rows, cols, indptr, indices, values}; }
};

Csr to_csr(const DenseWeights& w) {
  Csr c;
  for (Index i = 0; i < w.rows(); ++i) {
    for (Index j = 0; j < w.cols(); ++j) {
      if (std::isfinite(w(i, j))) {
        c.indices.push_back(j);
        c.values.push_back(w(i, j));
      }
    }
    c.indptr.push_back(static_cast<Index>(c.indices.size()));
  }
  return c;
}

TEST(SparseAssignment, AgreesWithTheDenseSolverAndItsCertificate) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 600; ++trial) {
    const Index n = 1 + static_cast<Index>(rng() % 30), m = 1 + static_cast<Index>(rng() % 30);
    const bool maximize = trial % 2 == 1;
    const double forbid = maximize ? -std::numeric_limits<double>::infinity()
                                   : std::numeric_limits<double>::infinity();
    const DenseWeights w =
        random_weights(rng, n, m, trial % 3 == 0 ? 4 : 1000, 0.2 + 0.6 * (trial % 4) / 4.0, forbid);
    const Csr csr = to_csr(w);
    const AssignmentResult sparse = solve_assignment(csr.view(n, m), {maximize});
    const AssignmentResult dense =
        solve_assignment(w, {maximize, AssignmentAlgorithm::kShortestPath});
    ASSERT_EQ(sparse.status, dense.status) << "trial " << trial;
    if (sparse.status == AssignmentStatus::kOptimal) {
      EXPECT_DOUBLE_EQ(sparse.objective, dense.objective) << "trial " << trial;
      const CertificateCheck check = check_assignment(w, maximize, sparse);
      EXPECT_TRUE(check.ok) << check.failure << " trial " << trial;
      EXPECT_EQ(sparse.algorithm, AssignmentAlgorithm::kSparseShortestPath);
    }
  }
}

TEST(SparseAssignment, RejectsMalformedCsr) {
  const std::vector<Index> indptr{0, 1, 2}, indices{0, 5}, repeated{0, 0}, short_indptr{0, 1};
  const std::vector<double> values{1.0, 2.0}, nan{1.0, std::nan("")};
  EXPECT_THROW(solve_assignment(SparseWeights{2, 2, short_indptr, indices, values}), InvalidInput);
  EXPECT_THROW(solve_assignment(SparseWeights{2, 2, indptr, indices, values}),
               InvalidInput);  // column 5
  const std::vector<Index> twice{0, 2, 2}, same{1, 1};
  EXPECT_THROW(solve_assignment(SparseWeights{2, 2, twice, same, values}),
               InvalidInput);  // repeated column
  const std::vector<Index> ok{0, 1};
  EXPECT_THROW(solve_assignment(SparseWeights{2, 2, indptr, ok, nan}), InvalidInput);
  EXPECT_EQ(solve_assignment(SparseWeights{2, 2, indptr, repeated, values}).status,
            AssignmentStatus::kInfeasible);
}

}  // namespace
}  // namespace sixlink

namespace sixlink {
namespace {

// Best total over matchings of any size (each row to a column or to nothing),
// counting only allowed pairs. Exhaustive: fine for n, m <= 6.
double brute_force_partial(const DenseWeights& w, bool maximize) {
  const Index n = w.rows(), m = w.cols();
  std::vector<char> used(static_cast<std::size_t>(m), 0);
  double best = 0.0;  // the empty matching
  auto search = [&](auto&& self, Index i, double total) -> void {
    if (i == n) {
      if (maximize ? total > best : total < best) best = total;
      return;
    }
    self(self, i + 1, total);  // row i stays unmatched
    for (Index j = 0; j < m; ++j) {
      if (used[static_cast<std::size_t>(j)] || !std::isfinite(w(i, j))) continue;
      used[static_cast<std::size_t>(j)] = 1;
      self(self, i + 1, total + w(i, j));
      used[static_cast<std::size_t>(j)] = 0;
    }
  };
  search(search, 0, 0.0);
  return best;
}

TEST(PartialAssignment, AgreesWithBruteForceAndTheSparseSolver) {
  std::mt19937_64 rng(23);
  int nonempty = 0, not_full = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const Index n = 1 + static_cast<Index>(rng() % 6), m = 1 + static_cast<Index>(rng() % 6);
    const bool maximize = trial % 2 == 1;
    const double forbid = maximize ? -kInf : kInf;
    DenseWeights w = random_weights(rng, n, m, trial % 3 == 0 ? 4 : 100, 0.3 * (trial % 3), forbid);
    w = w.unaryExpr(
        [](double x) { return std::isfinite(x) ? x - 50.0 : x; });  // signs of both kinds
    AssignmentOptions options;
    options.maximize = maximize;
    options.mode = AssignmentMode::kPartial;
    const AssignmentResult dense = solve_assignment(w, options);
    const CertificateCheck check = check_assignment(w, options, dense);
    ASSERT_TRUE(check.ok) << check.failure << " trial " << trial;
    ASSERT_EQ(dense.objective, brute_force_partial(w, maximize)) << "trial " << trial;
    const Csr csr = to_csr(w);
    const AssignmentResult sparse = solve_assignment(csr.view(n, m), options);
    const CertificateCheck sparse_check = check_assignment(w, options, sparse);
    ASSERT_TRUE(sparse_check.ok) << sparse_check.failure << " trial " << trial;
    ASSERT_EQ(sparse.objective, dense.objective) << "trial " << trial;
    const auto matched = std::count_if(dense.row_to_col.begin(), dense.row_to_col.end(),
                                       [](Index j) { return j >= 0; });
    nonempty += matched > 0;
    not_full += matched < std::min(n, m);
  }
  EXPECT_GT(nonempty, 1500);  // the cases are not all trivial either way
  EXPECT_GT(not_full, 1500);
}

TEST(PartialAssignment, LeavesZeroGainPairsUnmatched) {
  DenseWeights w(2, 3);
  w << 0, 5, 1, -2, 0, 3;
  AssignmentOptions options;
  options.mode = AssignmentMode::kPartial;
  const AssignmentResult r = solve_assignment(w, options);
  EXPECT_EQ(r.row_to_col, (std::vector<Index>{-1, 0}));
  EXPECT_EQ(r.objective, -2.0);
  EXPECT_TRUE(check_assignment(w, options, r).ok);
  options.maximize = true;
  const AssignmentResult best = solve_assignment(w, options);
  EXPECT_EQ(best.objective, 8.0);  // (0, 1) and (1, 2)
  EXPECT_THROW(
      solve_assignment(w, {false, AssignmentAlgorithm::kJonkerVolgenant, AssignmentMode::kPartial}),
      InvalidInput);
}

TEST(AuctionAssignment, AgreesWithJonkerVolgenantAndCertifies) {
  std::mt19937_64 rng(31);
  for (int trial = 0; trial < 60; ++trial) {
    const Index n = 1 + static_cast<Index>(rng() % 160);
    const int range = std::array{1, 10, 1000, 1000000}[trial % 4];
    DenseWeights w = random_weights(rng, n, n, range, 0.0, 0.0);
    if (trial % 5 == 0) w = w.array() / 7.0 + 0.3;  // non-integer weights
    const bool maximize = trial % 3 == 0;
    const auto auction = solve_checked(w, maximize, AssignmentAlgorithm::kAuction);
    const auto jv = solve_checked(w, maximize, AssignmentAlgorithm::kJonkerVolgenant);
    EXPECT_NEAR(auction.objective, jv.objective, 1e-9 * std::abs(jv.objective) + 1e-9)
        << "trial " << trial;
    EXPECT_EQ(auction.algorithm, AssignmentAlgorithm::kAuction);
  }
}

TEST(AuctionAssignment, SameResultAtAnyThreadCount) {
  std::mt19937_64 rng(37);
  for (const int range : {5, 100000}) {
    const DenseWeights w = random_weights(rng, 300, 300, range, 0.0, 0.0);
    AssignmentOptions options;
    options.algorithm = AssignmentAlgorithm::kAuction;
    options.threads = 1;
    const AssignmentResult one = solve_assignment(w, options);
    for (const int threads : {2, 3, 4, 8}) {
      options.threads = threads;
      const AssignmentResult many = solve_assignment(w, options);
      EXPECT_EQ(many.row_to_col, one.row_to_col) << threads << " threads";
      EXPECT_EQ(many.row_dual, one.row_dual) << threads << " threads";
      EXPECT_EQ(many.col_dual, one.col_dual) << threads << " threads";
    }
  }
}

TEST(IntegerAssignment, IsExactAndRejectsWeightsThatCouldOverflow) {
  IntegerWeights w(3, 3);
  const std::int64_t big = kMaxExactAssignmentWeight / 4;  // the bound for 3 rows
  w << big, big - 1, 0, big - 3, big, 1, -big, 2, big;
  const AssignmentResult r = solve_assignment(w);
  ASSERT_EQ(r.status, AssignmentStatus::kOptimal);
  EXPECT_EQ(r.row_to_col, (std::vector<Index>{2, 1, 0}));
  EXPECT_EQ(r.objective, static_cast<double>(big - big));  // exact: 0 + big - big
  EXPECT_TRUE(check_assignment(w.cast<double>(), false, r, 0.0).ok);
  w(0, 0) = big + 1;
  EXPECT_THROW(solve_assignment(w), InvalidInput);
  w(0, 0) = std::numeric_limits<std::int64_t>::min();
  EXPECT_THROW(solve_assignment(w), InvalidInput);
}

TEST(Assignment, RejectsWeightsWhoseSumsOverflow) {
  DenseWeights w(2, 2);
  w << 1e308, 1.0, 1.0, -1e308;
  EXPECT_THROW(solve_assignment(w), InvalidInput);
  const std::vector<Index> indptr{0, 1, 2}, indices{0, 1};
  const std::vector<double> values{1e308, 1.0};
  EXPECT_THROW(solve_assignment(SparseWeights{2, 2, indptr, indices, values}), InvalidInput);
}

TEST(SparseAssignment, SquareProblemsAgreeWithTheDenseSolver) {
  std::mt19937_64 rng(41);
  int infeasible = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const Index n = 1 + static_cast<Index>(rng() % 60);
    const bool maximize = trial % 2 == 1;
    const double forbid = maximize ? -kInf : kInf;
    const double share = std::array{0.0, 0.5, 0.85, 0.95}[trial % 4];
    DenseWeights w = random_weights(rng, n, n, trial % 3 == 0 ? 3 : 1000, share, forbid);
    if (trial % 7 == 0) w = w.array() / 3.0;
    const Csr csr = to_csr(w);
    const AssignmentResult sparse = solve_assignment(csr.view(n, n), {maximize});
    const AssignmentResult dense =
        solve_assignment(w, {maximize, AssignmentAlgorithm::kShortestPath});
    ASSERT_EQ(sparse.status, dense.status) << "trial " << trial;
    infeasible += sparse.status == AssignmentStatus::kInfeasible;
    if (sparse.status != AssignmentStatus::kOptimal) continue;
    EXPECT_NEAR(sparse.objective, dense.objective, 1e-9 * std::abs(dense.objective) + 1e-9)
        << "trial " << trial;
    const CertificateCheck check = check_assignment(w, maximize, sparse);
    EXPECT_TRUE(check.ok) << check.failure << " trial " << trial;
  }
  EXPECT_GT(infeasible, 20);
}

}  // namespace
}  // namespace sixlink

namespace sixlink {
namespace {

TEST(Assignment, AutoPicksShortestPathsForFewDistinctIntegers) {
  std::mt19937_64 rng(43);
  const DenseWeights few = random_weights(rng, 64, 64, 3, 0.0, 0.0);
  EXPECT_EQ(solve_checked(few, false).algorithm, AssignmentAlgorithm::kShortestPath);
  const DenseWeights many = random_weights(rng, 64, 64, 1000, 0.0, 0.0);
  EXPECT_EQ(solve_checked(many, false).algorithm, AssignmentAlgorithm::kJonkerVolgenant);
  const DenseWeights fractional = few.array() + 0.5;  // few values, but not integers
  EXPECT_EQ(solve_checked(fractional, false).algorithm, AssignmentAlgorithm::kJonkerVolgenant);
  // Whole numbers beyond int64's range: no conversion is attempted.
  const DenseWeights huge = DenseWeights::Constant(16, 16, 1e300);
  const AssignmentResult r = solve_checked(huge, false);
  EXPECT_EQ(r.algorithm, AssignmentAlgorithm::kShortestPath);
  for (Index i = 0; i < 16; ++i) EXPECT_EQ(r.row_to_col[static_cast<std::size_t>(i)], i);
}

}  // namespace
}  // namespace sixlink

namespace sixlink {
namespace {

TEST(AuctionAssignment, TerminatesWhenTheRangeIsTinyAgainstTheMagnitude) {
  std::mt19937_64 rng(47);
  for (const double offset : {1e15, -3e15, 1e12}) {
    const DenseWeights w = random_weights(rng, 60, 60, 3, 0.0, 0.0).array() + offset;
    const auto auction = solve_checked(w, false, AssignmentAlgorithm::kAuction);
    const auto jv = solve_checked(w, false, AssignmentAlgorithm::kJonkerVolgenant);
    EXPECT_EQ(auction.objective, jv.objective) << offset;
  }
}

}  // namespace
}  // namespace sixlink

namespace sixlink {
namespace {

TEST(Assignment, InfeasibleResultsNameARowWithNoAllowedPair) {
  DenseWeights w(3, 2);
  w << 1, 2, kInf, 3, kInf, 4;  // column 0 is allowed only for row 0; column 1 fine
  DenseWeights blocked = w.transpose();
  blocked.row(1).setConstant(kInf);  // 2 x 3: row 1 has no allowed pair
  const AssignmentResult r = solve_assignment(blocked);
  ASSERT_EQ(r.status, AssignmentStatus::kInfeasible);
  EXPECT_THAT(r.message, ::testing::HasSubstr("row 1 has no allowed pair"));
  const DenseWeights tall = blocked.transpose();  // columns are the smaller side
  EXPECT_THAT(solve_assignment(tall).message, ::testing::HasSubstr("column 1 has no allowed pair"));
  const Csr csr = to_csr(blocked);
  EXPECT_THAT(solve_assignment(csr.view(2, 3)).message,
              ::testing::HasSubstr("row 1 has no allowed pair"));
}

}  // namespace
}  // namespace sixlink
