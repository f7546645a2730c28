// sixlink/assignment/assignment.hpp — the linear sum assignment problem.
//
// Problem. Given an n x m matrix of weights c_ij (dense; +inf marks a forbidden
// pair when minimising, -inf when maximising), match rows to columns, each at
// most once, so as to minimise (or maximise) the total weight. In kFull mode
// every row of the smaller side is matched, as scipy.optimize.linear_sum_assignment
// does; a pattern of forbidden pairs that admits no such matching is reported
// as kInfeasible.
//
// Certificate (minimising, n <= m after transposing): dual potentials u (rows)
// and v (columns) with u_i + v_j <= c_ij on every allowed pair, equality on the
// matched pairs, and sum u + sum v equal to the objective; when n < m also
// v_j <= 0, with v_j = 0 on unmatched columns. When maximising, every inequality flips
// (u_i + v_j >= c_ij, v_j >= 0). Weights are doubles; equalities hold to
// rounding (about 1e-12 of the largest |c_ij| times n).
//
// Algorithms (one file each in src/assignment/):
//   kJonkerVolgenant  dense shortest augmenting paths with Jonker and Volgenant's
//                     initialisation (column reduction, reduction transfer, two
//                     rounds of augmenting row reduction) for square matrices
//                     with all weights finite; O(n^3) worst case, far less on
//                     typical data.
//   kShortestPath     dense shortest augmenting paths from zero duals (Crouse's
//                     rectangular variant, as in SciPy); any shape, forbidden pairs.
//   kSparseShortestPath  shortest augmenting paths over a CSR matrix (absent
//                     entry = forbidden pair) with a binary heap; never forms
//                     the dense matrix. O(n (e + m) log m) worst case for e
//                     entries.
//   kAuto             Jonker-Volgenant when the matrix is square and finite,
//                     shortest augmenting paths otherwise; for CSR input, the
//                     sparse solver.
// Results are deterministic: ties go to the lowest row and column index, so a
// constant matrix gives the identity.
//
// References. R. Jonker, A. Volgenant, "A shortest augmenting path algorithm for
// dense and sparse linear assignment problems", Computing 38 (1987) 325-340;
// D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE
// Trans. Aerospace and Electronic Systems 52 (2016) 1679-1696.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/core/types.hpp"

namespace sixlink {

using DenseWeights = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

enum class AssignmentAlgorithm { kAuto, kJonkerVolgenant, kShortestPath, kSparseShortestPath };
enum class AssignmentStatus { kOptimal, kInfeasible };

std::string_view to_string(AssignmentAlgorithm algorithm);
std::string_view to_string(AssignmentStatus status);
std::optional<AssignmentAlgorithm> parse_assignment_algorithm(std::string_view text);

struct AssignmentOptions {
  bool maximize = false;
  AssignmentAlgorithm algorithm = AssignmentAlgorithm::kAuto;
};

struct AssignmentResult {
  AssignmentStatus status = AssignmentStatus::kOptimal;
  std::vector<Index> row_to_col;                               ///< per row: its column, or -1
  std::vector<Index> col_to_row;                               ///< per column: its row, or -1
  double objective = 0.0;                                      ///< sum of the matched weights
  std::vector<double> row_dual;                                ///< u
  std::vector<double> col_dual;                                ///< v
  AssignmentAlgorithm algorithm = AssignmentAlgorithm::kAuto;  ///< the one that ran
  std::string message;
};

/// Weights in compressed sparse row form: row i's entries are
/// values[indptr[i] .. indptr[i+1]) in columns indices[...]. Absent entries are
/// forbidden pairs; every value must be finite.
struct SparseWeights {
  Index rows = 0;
  Index cols = 0;
  std::span<const Index> indptr;
  std::span<const Index> indices;
  std::span<const double> values;
};

/// Solves the assignment problem on dense weights. Throws InvalidInput for NaN,
/// for -inf when minimising or +inf when maximising, and for a Jonker-Volgenant
/// request on a matrix it does not handle.
AssignmentResult solve_assignment(const Eigen::Ref<const DenseWeights>& weights,
                                  const AssignmentOptions& options = {});

/// Solves the assignment problem on sparse weights (kAuto or
/// kSparseShortestPath). Throws InvalidInput for mismatched or unsorted CSR
/// arrays, out-of-range or repeated column indices, and non-finite values.
AssignmentResult solve_assignment(const SparseWeights& weights,
                                  const AssignmentOptions& options = {});

}  // namespace sixlink
