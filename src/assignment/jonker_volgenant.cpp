// Jonker-Volgenant dense linear assignment. R. Jonker and A. Volgenant, "A
// shortest augmenting path algorithm for dense and sparse linear assignment
// problems", Computing 38 (1987) 325-340: column reduction, reduction transfer
// and two rounds of augmenting row reduction settle most rows cheaply; the rest
// are assigned by Dijkstra-style shortest augmenting paths that scan all columns
// at the current minimum distance together (pages 329-333).
//
// Square matrices with finite weights only (assignment.cpp routes the rest to
// shortest_path.cpp). Ties go to the lowest index and to unassigned rows, which
// makes a constant matrix come out as the identity.
#include <limits>

#include "assignment/row_reduction.hpp"
#include "assignment/solvers.hpp"

namespace sixlink::detail {

void augmenting_row_reduction(const double* cost, Index n, std::vector<Index>& free_rows,
                              AssignmentWork& out) {
  const auto nn = static_cast<std::size_t>(n);
  reduce_rows(
      n,
      [cost, nn](Index i, const auto& visit) {
        const double* row = cost + static_cast<std::size_t>(i) * nn;
        for (std::size_t j = 0; j < nn; ++j) visit(static_cast<Index>(j), row[j]);
      },
      free_rows, out);
}

bool assign_jonker_volgenant(const double* cost, Index n, AssignmentWork& out) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const auto nn = static_cast<std::size_t>(n);
  auto c = [cost, nn](std::size_t i, std::size_t j) { return cost[i * nn + j]; };
  std::vector<Index>& x = out.x;
  std::vector<Index>& y = out.y;
  std::vector<double>& v = out.v;
  x.assign(nn, -1);
  y.assign(nn, -1);
  v.assign(nn, 0.0);
  out.u.assign(nn, 0.0);
  std::vector<int> matches(nn, 0);

  // Column reduction: each column's price is its smallest weight; the row that
  // holds it takes the column if it has none yet.
  for (std::size_t j = 0; j < nn; ++j) {
    std::size_t best = 0;
    double low = c(0, j);
    for (std::size_t i = 1; i < nn; ++i) {
      const double w = c(i, j);
      if (w < low || (w == low && matches[best] > 0 && matches[i] == 0)) {
        low = w;
        best = i;
      }
    }
    v[j] = low;
    if (++matches[best] == 1) {
      x[best] = static_cast<Index>(j);
      y[j] = static_cast<Index>(best);
    }
  }
  // Reduction transfer: a row assigned once hands its slack to its column.
  std::vector<Index> free_rows;
  for (std::size_t i = 0; i < nn; ++i) {
    if (matches[i] == 0) {
      free_rows.push_back(static_cast<Index>(i));
    } else if (matches[i] == 1) {
      const auto j1 = static_cast<std::size_t>(x[i]);
      double slack = kInf;
      for (std::size_t j = 0; j < nn; ++j) {
        if (j != j1) slack = std::min(slack, c(i, j) - v[j]);
      }
      if (slack < kInf) v[j1] -= slack;
    }
  }

  augmenting_row_reduction(cost, n, free_rows, out);

  // The rows still free are assigned by shortest augmenting paths.
  if (!augment_free_rows(cost, n, n, free_rows, out)) return false;
  set_row_duals(cost, n, n, out);
  return true;
}

}  // namespace sixlink::detail
