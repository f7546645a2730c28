// The dense search's kernels (src/assignment/dense_scan.hpp): the AVX2 ones
// against the portable scalar ones, loop by loop and through whole solves, and
// the solver with either kernel against the certificate. Where the CPU has no
// AVX2 the comparisons degenerate to scalar against scalar (and say so).
#include "assignment/dense_scan.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "detail/cpu.hpp"
#include "sixlink/assignment/assignment.hpp"
#include "sixlink/verify/assignment_certificate.hpp"

namespace sixlink {
namespace {

using detail::ScanKernel;
using detail::ScanKernels;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Restores automatic dispatch however a test ends.
struct ForcedKernel {
  explicit ForcedKernel(ScanKernel kernel) { detail::set_scan_kernel(kernel); }
  ~ForcedKernel() { detail::set_scan_kernel(ScanKernel::kAvx2); }
};

const ScanKernels& kernels(ScanKernel kernel) {
  detail::set_scan_kernel(kernel);
  const ScanKernels& k = detail::scan_kernels();
  detail::set_scan_kernel(ScanKernel::kAvx2);
  return k;
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

TEST(DenseScan, DispatchFollowsTheCpu) {
  EXPECT_EQ(detail::set_scan_kernel(ScanKernel::kScalar), ScanKernel::kScalar);
  EXPECT_EQ(detail::scan_kernels().kind, ScanKernel::kScalar);
  const ScanKernel best = detail::set_scan_kernel(ScanKernel::kAvx2);
  EXPECT_EQ(best, detail::cpu_has_avx2() ? ScanKernel::kAvx2 : ScanKernel::kScalar);
  EXPECT_EQ(detail::scan_kernels().kind, best);
  if (!detail::cpu_has_avx2()) GTEST_LOG_(INFO) << "no AVX2 here: only the scalar kernels ran";
}

// Every loop, every length 0..41 (vector bodies and scalar tails), with ties,
// settled (NaN) columns and values that round to float or not.
TEST(DenseScan, AvxKernelsMatchScalarLoopByLoop) {
  const ScanKernels& a = kernels(ScanKernel::kScalar);
  const ScanKernels& b = kernels(ScanKernel::kAvx2);
  std::mt19937_64 rng(7);
  for (std::size_t m = 0; m < 42; ++m) {
    for (int trial = 0; trial < 20; ++trial) {
      std::vector<double> row(m), v(m), d(m);
      std::vector<float> row32(m);
      for (std::size_t j = 0; j < m; ++j) {
        row[j] = static_cast<double>(rng() % 7);
        v[j] = static_cast<double>(rng() % 3) - 1.0;
        d[j] = rng() % 5 == 0 ? kNaN : static_cast<double>(rng() % 9);
        row32[j] = static_cast<float>(row[j]);
      }
      const auto i = static_cast<std::int64_t>(trial);
      std::vector<double> d1(m), d2(m);
      std::vector<std::int64_t> p1(m, -1), p2(m, -1);
      EXPECT_TRUE(same(a.f64.start(row.data(), v.data(), d1.data(), p1.data(), m, i),
                       b.f64.start(row.data(), v.data(), d2.data(), p2.data(), m, i)));
      EXPECT_EQ(d1, d2);
      EXPECT_EQ(p1, p2);
      std::vector<double> e1 = d, e2 = d;
      const double at = static_cast<double>(rng() % 4);
      const auto r1 = a.f64.relax(row.data(), v.data(), e1.data(), p1.data(), m, 1.0, 99, at);
      const auto r2 = b.f32.relax(row32.data(), v.data(), e2.data(), p2.data(), m, 1.0, 99, at);
      EXPECT_TRUE(same(r1.minimum, r2.minimum)) << m;
      EXPECT_EQ(r1.reached, r2.reached) << m;
      for (std::size_t j = 0; j < m; ++j) EXPECT_TRUE(same(e1[j], e2[j])) << m << " " << j;
      EXPECT_EQ(p1, p2);
      for (std::size_t from = 0; from <= m; ++from)
        EXPECT_EQ(a.find(d.data(), from, m, at), b.find(d.data(), from, m, at));
      const detail::LeastTwo t1 = a.f64.least_two(row.data(), v.data(), m);
      const detail::LeastTwo t2 = b.f64.least_two(row.data(), v.data(), m);
      const detail::LeastTwo t3 = b.f32.least_two(row32.data(), v.data(), m);
      for (const detail::LeastTwo& t : {t2, t3}) {
        EXPECT_EQ(t1.first, t.first);
        EXPECT_EQ(t1.second, t.second);
        EXPECT_EQ(t1.j1, t.j1) << m;
        EXPECT_EQ(t1.j2, t.j2) << m;
      }
      std::vector<float> n1(m), n2(m);
      row.push_back(0.1);  // not a float: the copy is not exact
      EXPECT_EQ(a.narrow(row.data(), m, n1.data()), b.narrow(row.data(), m, n2.data()));
      EXPECT_FALSE(b.narrow(row.data(), m + 1, std::vector<float>(m + 1).data()));
      EXPECT_EQ(n1, n2);
      for (double odd : {1.5, kNaN, std::numeric_limits<double>::infinity(),
                         -std::numeric_limits<double>::infinity()}) {
        std::vector<double> w(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(m));
        if (m > 0 && !std::isfinite(odd)) w[static_cast<std::size_t>(trial) % m] = odd;
        double low1 = 2.0, high1 = 3.0, low2 = 2.0, high2 = 3.0;
        const bool f1 = a.survey(w.data(), m, low1, high1);
        EXPECT_EQ(f1, b.survey(w.data(), m, low2, high2));
        EXPECT_EQ(f1, m == 0 || std::isfinite(odd));
        EXPECT_EQ(low1, low2);
        EXPECT_EQ(high1, high2);
      }
    }
  }
}

TEST(DenseScan, ColumnMinimaTrackTheFirstRowsAtTheMinimum) {
  for (ScanKernel kernel : {ScanKernel::kScalar, ScanKernel::kAvx2}) {
    const ScanKernels& k = kernels(kernel);
    std::mt19937_64 rng(3);
    const std::size_t n = 60, m = 23;
    std::vector<double> cost(n * m);
    for (double& w : cost) w = static_cast<double>(rng() % 4);
    std::vector<double> low(m), count(m), rows(detail::kTrackedRows * m);
    detail::ColumnMinima minima{low.data(), count.data(), {}};
    for (int r = 0; r < detail::kTrackedRows; ++r) minima.rows[r] = rows.data() + r * m;
    for (std::size_t i = 0; i < n; ++i)
      k.fold_row(cost.data() + i * m, m, static_cast<double>(i), minima);
    for (std::size_t j = 0; j < m; ++j) {
      std::vector<double> holders;
      double least = cost[j];
      for (std::size_t i = 0; i < n; ++i) least = std::min(least, cost[i * m + j]);
      for (std::size_t i = 0; i < n; ++i)
        if (cost[i * m + j] == least) holders.push_back(static_cast<double>(i));
      EXPECT_EQ(low[j], least);
      EXPECT_EQ(count[j], static_cast<double>(holders.size()));
      for (std::size_t r = 0; r < holders.size() && r < detail::kTrackedRows; ++r)
        EXPECT_EQ(rows[r * m + j], holders[r]) << "column " << j << " rank " << r;
    }
  }
}

AssignmentResult solve_with(ScanKernel kernel, const DenseWeights& w, AssignmentAlgorithm a) {
  ForcedKernel forced(kernel);
  AssignmentOptions options;
  options.algorithm = a;
  const AssignmentResult r = solve_assignment(w, options);
  const CertificateCheck check = check_assignment(w, false, r);
  EXPECT_TRUE(check.ok) << check.failure;
  return r;
}

// Whole solves, forced scalar against dispatched: the same assignment and the
// same duals, on sizes around the float copy's threshold (256), on integers
// that are floats, on integers beyond 2^24 (no float copy) and on fractions.
TEST(DenseScan, ForcedScalarSolvesLikeTheDispatchedKernels) {
  std::mt19937_64 rng(11);
  const double highs[] = {3.0, 1000.0, 1e5, 1e8 + 1.0, -1.0};  // -1: uniform fractions
  for (Index n : {1, 2, 3, 5, 8, 31, 64, 255, 256, 300}) {
    for (double high : highs) {
      DenseWeights w(n, n);
      std::uniform_real_distribution<double> unit(0.0, 1.0);
      for (Index i = 0; i < n; ++i) {
        for (Index j = 0; j < n; ++j) {
          w(i, j) = high < 0 ? unit(rng)
                             : static_cast<double>(rng() % static_cast<std::uint64_t>(high + 1));
        }
      }
      for (AssignmentAlgorithm a :
           {AssignmentAlgorithm::kJonkerVolgenant, AssignmentAlgorithm::kShortestPath}) {
        const AssignmentResult s = solve_with(ScanKernel::kScalar, w, a);
        const AssignmentResult v = solve_with(ScanKernel::kAvx2, w, a);
        EXPECT_EQ(s.row_to_col, v.row_to_col) << "n " << n << " high " << high;
        EXPECT_EQ(s.col_dual, v.col_dual) << "n " << n << " high " << high;
        EXPECT_EQ(s.objective, v.objective);
      }
    }
  }
}

TEST(DenseScan, RectangularAndForbiddenPairsAgreeAcrossKernels) {
  std::mt19937_64 rng(5);
  DenseWeights w(40, 97);
  for (Index i = 0; i < w.rows(); ++i) {
    for (Index j = 0; j < w.cols(); ++j) {
      w(i, j) = rng() % 4 == 0 ? std::numeric_limits<double>::infinity()
                               : static_cast<double>(rng() % 50);
    }
  }
  const AssignmentResult s = solve_with(ScanKernel::kScalar, w, AssignmentAlgorithm::kAuto);
  const AssignmentResult v = solve_with(ScanKernel::kAvx2, w, AssignmentAlgorithm::kAuto);
  EXPECT_EQ(s.row_to_col, v.row_to_col);
  EXPECT_EQ(s.col_dual, v.col_dual);
}

}  // namespace
}  // namespace sixlink
