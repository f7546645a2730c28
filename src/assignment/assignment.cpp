#include "sixlink/assignment/assignment.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "assignment/solvers.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {

std::string_view to_string(AssignmentAlgorithm algorithm) {
  switch (algorithm) {
    case AssignmentAlgorithm::kAuto:
      return "auto";
    case AssignmentAlgorithm::kJonkerVolgenant:
      return "jonker_volgenant";
    case AssignmentAlgorithm::kShortestPath:
      return "shortest_path";
  }
  return "?";
}

std::string_view to_string(AssignmentStatus status) {
  return status == AssignmentStatus::kOptimal ? "optimal" : "infeasible";
}

std::optional<AssignmentAlgorithm> parse_assignment_algorithm(std::string_view text) {
  for (auto a : {AssignmentAlgorithm::kAuto, AssignmentAlgorithm::kJonkerVolgenant,
                 AssignmentAlgorithm::kShortestPath}) {
    if (text == to_string(a)) return a;
  }
  return std::nullopt;
}

AssignmentResult solve_assignment(const Eigen::Ref<const DenseWeights>& weights,
                                  const AssignmentOptions& options) {
  const Index rows = weights.rows(), cols = weights.cols();
  const double forbidden = options.maximize ? -std::numeric_limits<double>::infinity()
                                            : std::numeric_limits<double>::infinity();
  bool all_finite = true;
  for (Index i = 0; i < rows; ++i) {
    for (Index j = 0; j < cols; ++j) {
      const double w = weights(i, j);
      if (std::isnan(w)) {
        throw InvalidInput("weight (" + std::to_string(i) + ", " + std::to_string(j) + ") is NaN");
      }
      if (std::isinf(w)) {
        if (w != forbidden) {
          throw InvalidInput("weight (" + std::to_string(i) + ", " + std::to_string(j) + ") is " +
                             (w > 0 ? "+inf" : "-inf") + ": only " +
                             (options.maximize ? "-inf" : "+inf") +
                             " (a forbidden pair) is allowed when " +
                             (options.maximize ? "maximising" : "minimising"));
        }
        all_finite = false;
      }
    }
  }

  AssignmentResult out;
  out.row_to_col.assign(static_cast<std::size_t>(rows), -1);
  out.col_to_row.assign(static_cast<std::size_t>(cols), -1);
  out.row_dual.assign(static_cast<std::size_t>(rows), 0.0);
  out.col_dual.assign(static_cast<std::size_t>(cols), 0.0);
  if (rows == 0 || cols == 0) {
    out.algorithm = options.algorithm;
    return out;
  }

  // Minimise over the shorter side as rows: n <= m. The solvers read the
  // caller's matrix in place when it already has that form; otherwise a
  // transposed or negated copy is made.
  const bool transposed = rows > cols;
  const Index n = transposed ? cols : rows, m = transposed ? rows : cols;
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

  AssignmentAlgorithm algorithm = options.algorithm;
  if (algorithm == AssignmentAlgorithm::kAuto) {
    algorithm = n == m && all_finite ? AssignmentAlgorithm::kJonkerVolgenant
                                     : AssignmentAlgorithm::kShortestPath;
  }
  if (algorithm == AssignmentAlgorithm::kJonkerVolgenant && (n != m || !all_finite)) {
    throw InvalidInput(
        "the Jonker-Volgenant solver needs a square matrix of finite weights; use shortest_path or "
        "auto");
  }
  out.algorithm = algorithm;
  detail::AssignmentWork work;
  const bool feasible = algorithm == AssignmentAlgorithm::kJonkerVolgenant
                            ? detail::assign_jonker_volgenant(cost, n, work)
                            : detail::assign_shortest_path(cost, n, m, work);
  if (!feasible) {
    out.status = AssignmentStatus::kInfeasible;
    out.message = "cost matrix is infeasible: no matching covers every row of the smaller side";
    return out;
  }
  for (Index i = 0; i < n; ++i) {
    const Index j = work.x[static_cast<std::size_t>(i)];
    const Index r = transposed ? j : i, c = transposed ? i : j;
    out.row_to_col[static_cast<std::size_t>(r)] = c;
    out.col_to_row[static_cast<std::size_t>(c)] = r;
    out.objective += weights(r, c);
  }
  const std::vector<double>& row_side = transposed ? work.v : work.u;
  const std::vector<double>& col_side = transposed ? work.u : work.v;
  for (std::size_t i = 0; i < row_side.size(); ++i) out.row_dual[i] = sign * row_side[i];
  for (std::size_t j = 0; j < col_side.size(); ++j) out.col_dual[j] = sign * col_side[j];
  return out;
}

}  // namespace sixlink
