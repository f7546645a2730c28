// The assignment solvers behind solve_assignment (internal). Each takes a
// minimisation problem with n <= m rows and columns (+inf or an absent entry =
// forbidden), fills row -> column (x), column -> row (y) and the duals u, v of
// assignment/assignment.hpp, and returns false when no matching covers every
// row. In partial mode (`partial` = true) a row stays unmatched (x_i = -1)
// unless matching it lowers the total, and the result is always feasible.
#pragma once

#include <vector>

#include "sixlink/core/interrupt.hpp"
#include "sixlink/core/types.hpp"

namespace sixlink::detail {

/// Flips the augmenting path that ends at column `j`: each column on it takes
/// its predecessor row, back to `start` (x: row -> column, y: column -> row).
inline void flip_path(const std::vector<Index>& pred, std::vector<Index>& x, std::vector<Index>& y,
                      Index start, Index j) {
  for (;;) {
    const Index i = pred[static_cast<std::size_t>(j)];
    y[static_cast<std::size_t>(j)] = i;
    const Index previous = x[static_cast<std::size_t>(i)];
    x[static_cast<std::size_t>(i)] = j;
    if (i == start) return;
    j = previous;
  }
}

struct AssignmentWork {
  std::vector<Index> x, y;
  std::vector<double> u, v;
};

/// Assigns `free_rows` by shortest augmenting paths, keeping out.v feasible
/// prices: every assigned row i must already sit on a column of least reduced
/// cost c_ij - v_j (and, in partial mode, of reduced cost <= 0). out.u is left
/// to the caller (u_i = c(i, x_i) - v(x_i), or 0 for an unmatched row).
///
/// Partial mode treats each row as having a private "unmatched" column of
/// weight 0 whose price stays 0: a search ends there when that is at least as
/// short as every real column, so ties leave rows unmatched.
bool augment_free_rows(const double* cost, Index n, Index m, const std::vector<Index>& free_rows,
                       AssignmentWork& out, bool partial = false);

/// augment_free_rows in full mode (dense_search.cpp): the same search and the
/// same result, its column loops in the kernels of dense_scan.hpp. The float
/// overload reads a copy of the matrix whose weights are all exactly floats
/// (the same values, half the memory traffic; arithmetic stays in double).
bool augment_full_rows(const double* cost, Index m, const std::vector<Index>& free_rows,
                       AssignmentWork& out);
bool augment_full_rows(const float* cost, Index m, const std::vector<Index>& free_rows,
                       AssignmentWork& out);

/// Shortest augmenting paths from zero duals, one row at a time (Crouse 2016).
bool assign_shortest_path(const double* cost, Index n, Index m, AssignmentWork& out, bool partial);

/// Jonker and Volgenant's augmenting row reduction (two rounds) on a square
/// matrix: assigns rows of `free_rows` cheaply, leaving the rest in it.
void augmenting_row_reduction(const double* cost, Index n, std::vector<Index>& free_rows,
                              AssignmentWork& out);

/// Jonker-Volgenant: square, every weight finite.
bool assign_jonker_volgenant(const double* cost, Index n, AssignmentWork& out);

/// Epsilon-scaling auction with Jacobi bidding over `threads` OpenMP threads
/// (0: OpenMP's default), finished exactly by shortest augmenting paths from
/// the auction's prices: square, every weight finite.
bool assign_auction(const double* cost, Index n, int threads, AssignmentWork& out);

/// A CSR matrix with n <= m (validated, finite values).
struct SparseView {
  Index rows = 0, cols = 0;
  std::vector<Index> indptr, indices;
  std::vector<double> values;
};

/// Shortest augmenting paths over CSR entries with a binary heap; square
/// full-mode problems start from Jonker and Volgenant's sparse initialisation.
bool assign_sparse_shortest_path(const SparseView& c, AssignmentWork& out, bool partial);

/// u_i = c(i, x_i) - v(x_i) on matched rows, 0 on unmatched ones.
void set_row_duals(const double* cost, Index n, Index m, AssignmentWork& out);

}  // namespace sixlink::detail
