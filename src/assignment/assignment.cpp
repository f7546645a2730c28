#include "sixlink/assignment/assignment.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "assignment/dense_scan.hpp"
#include "assignment/solvers.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string pair(Index i, Index j) {
  return "(" + std::to_string(i) + ", " + std::to_string(j) + ")";
}

std::string number(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", x);
  return text;
}

// Solvers add and subtract up to min(n, m) + 1 weights; beyond this bound a
// sum could overflow to infinity and silently corrupt the answer.
void check_magnitude(double largest, Index rows, Index cols) {
  const double k = static_cast<double>(std::min(rows, cols)) + 2.0;
  if (largest > std::numeric_limits<double>::max() / (4.0 * k)) {
    throw InvalidInput("weights reach |w| = " + number(largest) + ": sums of " +
                       std::to_string(std::min(rows, cols) + 1) +
                       " of them would overflow; rescale the weights");
  }
}

AssignmentResult empty_result(Index rows, Index cols, AssignmentAlgorithm algorithm) {
  AssignmentResult out;
  out.row_to_col.assign(static_cast<std::size_t>(rows), -1);
  out.col_to_row.assign(static_cast<std::size_t>(cols), -1);
  out.row_dual.assign(static_cast<std::size_t>(rows), 0.0);
  out.col_dual.assign(static_cast<std::size_t>(cols), 0.0);
  out.algorithm = algorithm;
  return out;
}

// Copies the work of a minimisation over the transposed / negated problem back
// into `out` (rows and columns of the caller's matrix, the caller's sign).
void map_back(const detail::AssignmentWork& work, bool transposed, double sign,
              AssignmentResult& out) {
  for (std::size_t i = 0; i < work.x.size(); ++i) {
    const Index j = work.x[i];
    if (j < 0) continue;
    const Index r = transposed ? j : static_cast<Index>(i);
    const Index c = transposed ? static_cast<Index>(i) : j;
    out.row_to_col[static_cast<std::size_t>(r)] = c;
    out.col_to_row[static_cast<std::size_t>(c)] = r;
  }
  const std::vector<double>& row_side = transposed ? work.v : work.u;
  const std::vector<double>& col_side = transposed ? work.u : work.v;
  for (std::size_t i = 0; i < row_side.size(); ++i) out.row_dual[i] = sign * row_side[i];
  for (std::size_t j = 0; j < col_side.size(); ++j) out.col_dual[j] = sign * col_side[j];
}

// Whether every weight is a whole number (checked only when it matters).
bool is_integral(const Eigen::Ref<const DenseWeights>& weights) {
  for (Index i = 0; i < weights.rows(); ++i) {
    for (Index j = 0; j < weights.cols(); ++j) {
      const double w = weights(i, j);  // finite here
      if (std::abs(w) >= 0x1p53)
        continue;  // every double this large is whole (and the cast below could overflow)
      if (w != static_cast<double>(static_cast<std::int64_t>(w))) return false;
    }
  }
  return true;
}

// Names a row (or, when columns are the smaller side, a column) with no
// allowed pair, the commonest reason a full matching is impossible.
std::string blocked_line(const Eigen::Ref<const DenseWeights>& weights, bool by_column) {
  const Index lines = by_column ? weights.cols() : weights.rows();
  const Index across = by_column ? weights.rows() : weights.cols();
  for (Index a = 0; a < lines; ++a) {
    bool any = false;
    for (Index b = 0; b < across && !any; ++b)
      any = std::isfinite(by_column ? weights(b, a) : weights(a, b));
    if (!any)
      return std::string(" (") + (by_column ? "column " : "row ") + std::to_string(a) +
             " has no allowed pair)";
  }
  return "";
}

const char* kInfeasible =
    "cost matrix is infeasible: no matching covers every row of the smaller side";

}  // namespace

std::string_view to_string(AssignmentAlgorithm algorithm) {
  switch (algorithm) {
    case AssignmentAlgorithm::kAuto:
      return "auto";
    case AssignmentAlgorithm::kJonkerVolgenant:
      return "jonker_volgenant";
    case AssignmentAlgorithm::kShortestPath:
      return "shortest_path";
    case AssignmentAlgorithm::kSparseShortestPath:
      return "sparse_shortest_path";
    case AssignmentAlgorithm::kAuction:
      return "auction";
  }
  return "?";
}

std::string_view to_string(AssignmentMode mode) {
  return mode == AssignmentMode::kFull ? "full" : "partial";
}

std::optional<AssignmentAlgorithm> parse_assignment_algorithm(std::string_view text) {
  for (auto a : {AssignmentAlgorithm::kAuto, AssignmentAlgorithm::kJonkerVolgenant,
                 AssignmentAlgorithm::kShortestPath, AssignmentAlgorithm::kSparseShortestPath,
                 AssignmentAlgorithm::kAuction}) {
    if (text == to_string(a)) return a;
  }
  return std::nullopt;
}

std::optional<AssignmentMode> parse_assignment_mode(std::string_view text) {
  for (auto mode : {AssignmentMode::kFull, AssignmentMode::kPartial}) {
    if (text == to_string(mode)) return mode;
  }
  return std::nullopt;
}

AssignmentResult solve_assignment(const Eigen::Ref<const DenseWeights>& weights,
                                  const AssignmentOptions& options) {
  const Index rows = weights.rows(), cols = weights.cols();
  const double forbidden = options.maximize ? -kInf : kInf;
  const bool partial = options.mode == AssignmentMode::kPartial;
  bool all_finite = true;
  double low = kInf, high = -kInf;
  const detail::ScanKernels& kernels = detail::scan_kernels();
  for (Index i = 0; i < rows; ++i) {
    // Rows of finite weights (all of them, usually) take one vectorised pass;
    // a row with NaN or an infinity is looked at weight by weight.
    if (cols > 0 && kernels.survey(weights.data() + i * weights.outerStride(),
                                   static_cast<std::size_t>(cols), low, high))
      continue;
    for (Index j = 0; j < cols; ++j) {
      const double w = weights(i, j);
      if (std::isnan(w)) throw InvalidInput("weight " + pair(i, j) + " is NaN");
      if (std::isinf(w)) {
        if (w != forbidden) {
          throw InvalidInput("weight " + pair(i, j) + " is " + (w > 0 ? "+inf" : "-inf") +
                             ": only " + (options.maximize ? "-inf" : "+inf") +
                             " (a forbidden pair) is allowed when " +
                             (options.maximize ? "maximising" : "minimising"));
        }
        all_finite = false;
      } else {
        low = std::min(low, w);
        high = std::max(high, w);
      }
    }
  }
  check_magnitude(std::max({0.0, -low, high}), rows, cols);

  // Minimise over the shorter side as rows: n <= m.
  const bool transposed = rows > cols;
  const Index n = transposed ? cols : rows, m = transposed ? rows : cols;
  AssignmentAlgorithm algorithm = options.algorithm;
  if (algorithm == AssignmentAlgorithm::kAuto) {
    // Integer weights spanning at most n / 8 values tie often, and then JV's
    // initialisation costs more than it saves (measured crossover between
    // n / 16 and n / 4: benchmarks/README.md).
    const bool jv_applies = n == m && all_finite && !partial;
    const bool few_values =
        jv_applies && (high - low) * 8.0 <= static_cast<double>(n) && is_integral(weights);
    algorithm = jv_applies && !few_values ? AssignmentAlgorithm::kJonkerVolgenant
                                          : AssignmentAlgorithm::kShortestPath;
  }
  if (algorithm == AssignmentAlgorithm::kSparseShortestPath) {
    throw InvalidInput(
        "the sparse solver takes SparseWeights (CSR); dense weights use auto, jonker_volgenant, "
        "shortest_path or auction");
  }
  if ((algorithm == AssignmentAlgorithm::kJonkerVolgenant ||
       algorithm == AssignmentAlgorithm::kAuction) &&
      (n != m || !all_finite || partial)) {
    throw InvalidInput("the " + std::string(to_string(algorithm)) +
                       " solver needs a square matrix of finite weights in full mode; use "
                       "shortest_path or auto");
  }
  AssignmentResult out = empty_result(rows, cols, algorithm);
  if (rows == 0 || cols == 0) return out;

  // The solvers read the caller's matrix in place when it already has that
  // form; otherwise a transposed or negated copy is made.
  const double sign = options.maximize ? -1.0 : 1.0;
  const bool in_place = !transposed && !options.maximize && weights.outerStride() == cols;
  std::vector<double> copy;
  if (!in_place) {
    copy.resize(static_cast<std::size_t>(n) * static_cast<std::size_t>(m));
    for (Index i = 0; i < n; ++i) {
      for (Index j = 0; j < m; ++j) {
        copy[static_cast<std::size_t>(i * m + j)] =
            sign * (transposed ? weights(j, i) : weights(i, j));
      }
    }
  }
  const double* cost = in_place ? weights.data() : copy.data();

  detail::AssignmentWork work;
  bool feasible = false;
  switch (algorithm) {
    case AssignmentAlgorithm::kJonkerVolgenant:
      feasible = detail::assign_jonker_volgenant(cost, n, work);
      break;
    case AssignmentAlgorithm::kAuction:
      feasible = detail::assign_auction(cost, n, options.threads, work);
      break;
    default:
      feasible = detail::assign_shortest_path(cost, n, m, work, partial);
      break;
  }
  if (!feasible) {
    out.status = AssignmentStatus::kInfeasible;
    out.message = kInfeasible + blocked_line(weights, transposed);
    return out;
  }
  map_back(work, transposed, sign, out);
  for (Index r = 0; r < rows; ++r) {
    const Index c = out.row_to_col[static_cast<std::size_t>(r)];
    if (c >= 0) out.objective += weights(r, c);
  }
  return out;
}

AssignmentResult solve_assignment(const Eigen::Ref<const IntegerWeights>& weights,
                                  const AssignmentOptions& options) {
  const Index k = std::min(weights.rows(), weights.cols());
  const std::int64_t bound = kMaxExactAssignmentWeight / (k + 1);
  for (Index i = 0; i < weights.rows(); ++i) {
    for (Index j = 0; j < weights.cols(); ++j) {
      const std::int64_t w = weights(i, j);
      if (w > bound || w < -bound) {
        throw InvalidInput("integer weight " + pair(i, j) + " = " + std::to_string(w) +
                           " is outside +-" + std::to_string(bound) +
                           ", the range solved exactly when matching " + std::to_string(k) +
                           " rows");
      }
    }
  }
  const DenseWeights converted = weights.cast<double>();
  return solve_assignment(converted, options);
}

// Kept whole: one pass that validates the CSR input as it reads it, then one solve.
AssignmentResult solve_assignment(const SparseWeights& w, const AssignmentOptions& options) {
  if (options.algorithm != AssignmentAlgorithm::kAuto &&
      options.algorithm != AssignmentAlgorithm::kSparseShortestPath) {
    throw InvalidInput("sparse weights are solved by auto or sparse_shortest_path, not " +
                       std::string(to_string(options.algorithm)));
  }
  if (w.rows < 0 || w.cols < 0) throw InvalidInput("negative matrix shape");
  if (static_cast<Index>(w.indptr.size()) != w.rows + 1) {
    throw InvalidInput("indptr has " + std::to_string(w.indptr.size()) +
                       " entries, expected rows + 1 = " + std::to_string(w.rows + 1));
  }
  if (w.indices.size() != w.values.size()) {
    throw InvalidInput("indices has " + std::to_string(w.indices.size()) +
                       " entries but values has " + std::to_string(w.values.size()));
  }
  if (w.indptr[0] != 0 ||
      w.indptr[static_cast<std::size_t>(w.rows)] != static_cast<Index>(w.indices.size())) {
    throw InvalidInput("indptr must start at 0 and end at the number of entries");
  }
  std::vector<Index> seen(static_cast<std::size_t>(w.cols), -1);
  double largest = 0.0;
  for (Index i = 0; i < w.rows; ++i) {
    const Index from = w.indptr[static_cast<std::size_t>(i)],
                to = w.indptr[static_cast<std::size_t>(i) + 1];
    if (to < from) throw InvalidInput("indptr decreases at row " + std::to_string(i));
    for (Index k = from; k < to; ++k) {
      const Index j = w.indices[static_cast<std::size_t>(k)];
      const double value = w.values[static_cast<std::size_t>(k)];
      if (j < 0 || j >= w.cols) {
        throw InvalidInput("entry " + std::to_string(k) + ": column " + std::to_string(j) +
                           " is outside 0.." + std::to_string(w.cols - 1));
      }
      if (seen[static_cast<std::size_t>(j)] == i) {
        throw InvalidInput("row " + std::to_string(i) + " lists column " + std::to_string(j) +
                           " twice");
      }
      seen[static_cast<std::size_t>(j)] = i;
      if (!std::isfinite(value)) {
        throw InvalidInput("weight " + pair(i, j) +
                           " is not finite (absent entries are the forbidden pairs)");
      }
      largest = std::max(largest, std::abs(value));
    }
  }
  check_magnitude(largest, w.rows, w.cols);
  AssignmentResult out = empty_result(w.rows, w.cols, AssignmentAlgorithm::kSparseShortestPath);
  if (w.rows == 0 || w.cols == 0) return out;

  // Minimise over the shorter side as rows (n <= m): transpose if needed.
  const bool transposed = w.rows > w.cols;
  const double sign = options.maximize ? -1.0 : 1.0;
  detail::SparseView c;
  c.rows = transposed ? w.cols : w.rows;
  c.cols = transposed ? w.rows : w.cols;
  c.indptr.assign(static_cast<std::size_t>(c.rows) + 1, 0);
  c.indices.resize(w.indices.size());
  c.values.resize(w.values.size());
  if (!transposed) {
    std::copy(w.indptr.begin(), w.indptr.end(), c.indptr.begin());
    std::copy(w.indices.begin(), w.indices.end(), c.indices.begin());
    for (std::size_t k = 0; k < w.values.size(); ++k) c.values[k] = sign * w.values[k];
  } else {
    for (Index j : w.indices) ++c.indptr[static_cast<std::size_t>(j) + 1];
    for (std::size_t r = 1; r < c.indptr.size(); ++r) c.indptr[r] += c.indptr[r - 1];
    std::vector<Index> fill(c.indptr.begin(), c.indptr.end() - 1);
    for (Index i = 0; i < w.rows; ++i) {
      for (Index k = w.indptr[static_cast<std::size_t>(i)];
           k < w.indptr[static_cast<std::size_t>(i) + 1]; ++k) {
        const auto j = static_cast<std::size_t>(w.indices[static_cast<std::size_t>(k)]);
        const auto at = static_cast<std::size_t>(fill[j]++);
        c.indices[at] = i;
        c.values[at] = sign * w.values[static_cast<std::size_t>(k)];
      }
    }
  }
  detail::AssignmentWork work;
  if (!detail::assign_sparse_shortest_path(c, work, options.mode == AssignmentMode::kPartial)) {
    out.status = AssignmentStatus::kInfeasible;
    out.message = "no full matching exists: no matching covers every row of the smaller side";
    for (Index i = 0; i < c.rows; ++i) {
      if (c.indptr[static_cast<std::size_t>(i)] == c.indptr[static_cast<std::size_t>(i) + 1]) {
        out.message += std::string(" (") + (transposed ? "column " : "row ") + std::to_string(i) +
                       " has no allowed pair)";
        break;
      }
    }
    return out;
  }
  map_back(work, transposed, sign, out);
  for (Index i = 0; i < c.rows; ++i) {
    const Index j = work.x[static_cast<std::size_t>(i)];
    for (Index k = c.indptr[static_cast<std::size_t>(i)];
         j >= 0 && k < c.indptr[static_cast<std::size_t>(i) + 1]; ++k) {
      if (c.indices[static_cast<std::size_t>(k)] == j)
        out.objective += sign * c.values[static_cast<std::size_t>(k)];
    }
  }
  return out;
}

}  // namespace sixlink
