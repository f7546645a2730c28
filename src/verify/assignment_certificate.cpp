#include "sixlink/verify/assignment_certificate.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace sixlink {
namespace {
CertificateCheck fail(std::string what) { return {false, std::move(what)}; }
std::string pair(Index i, Index j) {
  return "(" + std::to_string(i) + ", " + std::to_string(j) + ")";
}
}  // namespace

CertificateCheck check_assignment(const Eigen::Ref<const DenseWeights>& w, bool maximize,
                                  const AssignmentResult& r, double tolerance) {
  AssignmentOptions problem;
  problem.maximize = maximize;
  return check_assignment(w, problem, r, tolerance);
}

CertificateCheck check_assignment(const Eigen::Ref<const DenseWeights>& w,
                                  const AssignmentOptions& problem, const AssignmentResult& r,
                                  double tolerance) {
  const Index n = w.rows(), m = w.cols();
  const bool maximize = problem.maximize;
  const bool partial = problem.mode == AssignmentMode::kPartial;
  if (partial && r.status != AssignmentStatus::kOptimal)
    return fail("partial mode is always feasible, but the result is not optimal");
  if (r.status != AssignmentStatus::kOptimal) return {};
  if (static_cast<Index>(r.row_to_col.size()) != n ||
      static_cast<Index>(r.col_to_row.size()) != m || static_cast<Index>(r.row_dual.size()) != n ||
      static_cast<Index>(r.col_dual.size()) != m) {
    return fail("result arrays have the wrong lengths");
  }
  double scale = 1.0;
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < m; ++j) {
      if (std::isfinite(w(i, j))) scale = std::max(scale, std::abs(w(i, j)));
    }
  }
  const double eps = tolerance * scale * static_cast<double>(std::max<Index>(1, std::max(n, m)));
  const double s = maximize ? -1.0 : 1.0;  // check the equivalent minimisation
  Index matched = 0;
  double objective = 0.0, dual = 0.0;
  for (Index i = 0; i < n; ++i) {
    const Index j = r.row_to_col[static_cast<std::size_t>(i)];
    if (j < 0) continue;
    if (j >= m || r.col_to_row[static_cast<std::size_t>(j)] != i)
      return fail("row and column maps disagree at row " + std::to_string(i));
    if (!std::isfinite(w(i, j))) return fail("forbidden pair " + pair(i, j) + " is matched");
    ++matched;
    objective += w(i, j);
  }
  if (!partial && matched != std::min(n, m))
    return fail("the matching does not cover the smaller side");
  if (std::abs(objective - r.objective) > eps)
    return fail("objective does not match the matched weights");
  for (Index i = 0; i < n; ++i) {
    const double u = s * r.row_dual[static_cast<std::size_t>(i)];
    const bool signed_rows = partial || n > m;
    if (signed_rows && r.row_to_col[static_cast<std::size_t>(i)] < 0 && (u > eps || u < -eps)) {
      return fail("unmatched row " + std::to_string(i) + " has a non-zero dual");
    }
    if (signed_rows && u > eps)
      return fail("row dual " + std::to_string(i) + " has the wrong sign");
    dual += u;
    for (Index j = 0; j < m; ++j) {
      if (!std::isfinite(w(i, j))) continue;
      const double slack = s * w(i, j) - u - s * r.col_dual[static_cast<std::size_t>(j)];
      if (slack < -eps) return fail("dual constraint violated at " + pair(i, j));
      if (r.row_to_col[static_cast<std::size_t>(i)] == j && slack > eps) {
        return fail("matched pair " + pair(i, j) + " has positive reduced cost");
      }
    }
  }
  for (Index j = 0; j < m; ++j) {
    const double v = s * r.col_dual[static_cast<std::size_t>(j)];
    const bool signed_cols = partial || n < m;
    if (signed_cols && v > eps)
      return fail("column dual " + std::to_string(j) + " has the wrong sign");
    if (signed_cols && r.col_to_row[static_cast<std::size_t>(j)] < 0 && v < -eps) {
      return fail("unmatched column " + std::to_string(j) + " has a non-zero dual");
    }
    dual += v;
  }
  if (std::abs(dual - s * objective) > eps)
    return fail("dual objective differs from the objective");
  return {};
}

}  // namespace sixlink
