// The dense assignment solvers behind solve_assignment (internal). Each takes a
// minimisation problem in row-major form with n <= m rows and columns
// (+inf = forbidden), fills row -> column (x), column -> row (y) and the duals
// u, v of assignment/assignment.hpp, and returns false when no matching covers
// every row.
#pragma once

#include <vector>

#include "sixlink/core/types.hpp"

namespace sixlink::detail {

struct AssignmentWork {
  std::vector<Index> x, y;
  std::vector<double> u, v;
};

/// Assigns `free_rows` by shortest augmenting paths, keeping out.v feasible
/// prices (reduced costs c_ij - v_j non-negative on the way); out.u is left to
/// the caller (u_i = c(i, x_i) - v(x_i) at the end).
bool augment_free_rows(const double* cost, Index n, Index m, const std::vector<Index>& free_rows,
                       AssignmentWork& out);

/// Shortest augmenting paths from zero duals, one row at a time (Crouse 2016).
bool assign_shortest_path(const double* cost, Index n, Index m, AssignmentWork& out);

/// A CSR matrix with n <= m (validated, sorted rows, finite values).
struct SparseView {
  Index rows = 0, cols = 0;
  std::vector<Index> indptr, indices;
  std::vector<double> values;
};

/// Shortest augmenting paths over CSR entries with a binary heap.
bool assign_sparse_shortest_path(const SparseView& c, AssignmentWork& out);

/// Jonker-Volgenant: square, every weight finite.
bool assign_jonker_volgenant(const double* cost, Index n, AssignmentWork& out);

}  // namespace sixlink::detail
