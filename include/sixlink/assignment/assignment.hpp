// sixlink/assignment/assignment.hpp — the linear sum assignment problem.
//
// Problem. Given an n x m matrix of weights c_ij (dense; +inf marks a forbidden
// pair when minimising, -inf when maximising; or sparse CSR, where an absent
// entry is forbidden), match rows to columns, each at most once, so as to
// minimise (or maximise) the total weight.
//   kFull     every row of the smaller side is matched, as
//             scipy.optimize.linear_sum_assignment does; a pattern of forbidden
//             pairs that admits no such matching is reported as kInfeasible.
//   kPartial  the best matching of any size: a pair is matched only when that
//             lowers the total (raises it, when maximising), so zero-weight
//             pairs stay unmatched. Always feasible.
//
// Certificate (minimising, after transposing so that n <= m): dual potentials
// u (rows) and v (columns) with u_i + v_j <= c_ij on every allowed pair,
// equality on the matched pairs, and sum u + sum v equal to the objective.
// Sign conditions: kFull with n < m has v_j <= 0, and v_j = 0 on unmatched
// columns; kPartial has u, v <= 0, zero on every unmatched row and column.
// When maximising every inequality flips. Floating weights: equalities hold to
// rounding (about 1e-12 of the largest |c_ij| times n). Integer weights
// (IntegerWeights) are solved exactly; they must satisfy
// |c_ij| <= kMaxExactAssignmentWeight / (min(n, m) + 1), which keeps every
// intermediate value an exactly representable integer.
//
// Algorithms (one file each in src/assignment/):
//   kJonkerVolgenant  dense shortest augmenting paths with Jonker and Volgenant's
//                     initialisation (column reduction, reduction transfer, two
//                     rounds of augmenting row reduction); square, finite, full.
//                     O(n^3) worst case, far less on typical data. Its row
//                     scans are vectorised (AVX2 when the CPU has it, chosen at
//                     run time; a portable loop otherwise; same results). When
//                     every weight is exactly a float (integers up to 2^24, for
//                     instance) and 256 <= n <= 16384, it reads a float copy of
//                     the matrix (4 n^2 more bytes, half the memory traffic;
//                     arithmetic stays in double, so the answer is the same).
//   kShortestPath     dense shortest augmenting paths from zero duals (Crouse's
//                     rectangular variant, as in SciPy); any shape, forbidden
//                     pairs, either mode. O(n^2 m) worst case.
//   kAuction          epsilon-scaling auction with Jacobi bidding on
//                     `threads` OpenMP threads, finished exactly by shortest
//                     augmenting paths from its prices; square, finite, full.
//                     O(n^3 log(nC)) worst case for weight range C.
//   kSparseShortestPath  shortest augmenting paths over a CSR matrix with a
//                     binary heap, after Jonker and Volgenant's sparse
//                     initialisation on square full problems; never forms the
//                     dense matrix. O(n (e + m) log m) worst case for e entries.
//   kAuto             dense: Jonker-Volgenant when it applies, unless the
//                     weights are integers spanning at most n / 8 values (many
//                     ties: JV's initialisation then costs more than it saves);
//                     shortest augmenting paths otherwise. Sparse: the sparse
//                     solver. (benchmarks/README.md has the measurements.)
// Results are deterministic at any thread count: ties go to the lowest row and
// column index, so a constant matrix gives the identity.
//
// References. R. Jonker, A. Volgenant, "A shortest augmenting path algorithm for
// dense and sparse linear assignment problems", Computing 38 (1987) 325-340;
// D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE
// Trans. Aerospace and Electronic Systems 52 (2016) 1679-1696; D. P. Bertsekas,
// "The auction algorithm: a distributed relaxation method for the assignment
// problem", Annals of Operations Research 14 (1988) 105-123.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/core/status.hpp"
#include "sixlink/core/types.hpp"

namespace sixlink {

using DenseWeights = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using IntegerWeights = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Integer weights are exact while |c_ij| * (min(n, m) + 1) stays below this
/// (2^51: duals and path lengths then stay exact integers in a double).
inline constexpr std::int64_t kMaxExactAssignmentWeight = std::int64_t{1} << 51;

enum class AssignmentAlgorithm {
  kAuto,
  kJonkerVolgenant,
  kShortestPath,
  kSparseShortestPath,
  kAuction
};
enum class AssignmentMode { kFull, kPartial };
/// The assignment solvers' outcomes, in the shared vocabulary (sixlink/core/status.hpp):
/// kOptimal (the matching and its duals are optimal) or kInfeasible (kFull mode and
/// no perfect matching over the finite weights). Never any other value.
using AssignmentStatus = Status;

std::string_view to_string(AssignmentAlgorithm algorithm);
std::string_view to_string(AssignmentMode mode);
std::optional<AssignmentAlgorithm> parse_assignment_algorithm(std::string_view text);
std::optional<AssignmentMode> parse_assignment_mode(std::string_view text);

struct AssignmentOptions {
  bool maximize = false;
  AssignmentAlgorithm algorithm = AssignmentAlgorithm::kAuto;
  AssignmentMode mode = AssignmentMode::kFull;
  int threads =
      0;  ///< kAuction's OpenMP threads (0: OpenMP's default); results do not depend on it
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
/// for -inf when minimising or +inf when maximising, for finite weights so
/// large that sums of min(n, m) + 1 of them overflow, and for an algorithm that
/// does not handle the matrix or mode (see above).
AssignmentResult solve_assignment(const Eigen::Ref<const DenseWeights>& weights,
                                  const AssignmentOptions& options = {});

/// Exact solve on integer weights; throws InvalidInput when a weight breaks the
/// bound kMaxExactAssignmentWeight / (min(n, m) + 1).
AssignmentResult solve_assignment(const Eigen::Ref<const IntegerWeights>& weights,
                                  const AssignmentOptions& options = {});

/// Solves the assignment problem on sparse weights (kAuto or
/// kSparseShortestPath). Throws InvalidInput for mismatched CSR arrays,
/// decreasing indptr, out-of-range or repeated column indices, and non-finite
/// or overflowing values.
AssignmentResult solve_assignment(const SparseWeights& weights,
                                  const AssignmentOptions& options = {});

}  // namespace sixlink
