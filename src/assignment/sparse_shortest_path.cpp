// Sparse shortest augmenting path assignment. The dense algorithm of
// shortest_path.cpp (Crouse 2016, Algorithm 4; Jonker and Volgenant 1987) with
// Dijkstra's search run over the CSR adjacency with a binary heap, so that only
// the entries that exist are ever read: Jonker and Volgenant describe this
// sparse variant in Computing 38 (1987), section 4 (pages 333-335).
#include <algorithm>
#include <limits>
#include <queue>
#include <tuple>

#include "assignment/solvers.hpp"

namespace sixlink::detail {

bool assign_sparse_shortest_path(const SparseView& c, AssignmentWork& out) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const auto n = static_cast<std::size_t>(c.rows), m = static_cast<std::size_t>(c.cols);
  std::vector<Index>& x = out.x;
  std::vector<Index>& y = out.y;
  std::vector<double>& v = out.v;
  x.assign(n, -1);
  y.assign(m, -1);
  v.assign(m, 0.0);
  out.u.assign(n, 0.0);
  std::vector<double> d(m, kInf);
  std::vector<Index> pred(m, -1), touched, settled_columns;
  std::vector<double> settled_at;
  std::vector<char> settled(m, 0);
  // Heap entries: (distance, column already assigned, column). Ties go to an
  // unassigned column, then the lowest index, as in the dense solver.
  using Entry = std::tuple<double, bool, Index>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;

  for (std::size_t start = 0; start < n; ++start) {
    auto relax = [&](std::size_t row, double base) {
      for (Index k = c.indptr[row]; k < c.indptr[row + 1]; ++k) {
        const auto j = static_cast<std::size_t>(c.indices[static_cast<std::size_t>(k)]);
        if (settled[j]) continue;
        const double h = c.values[static_cast<std::size_t>(k)] - v[j] - base;
        if (h < d[j]) {
          if (d[j] == kInf) touched.push_back(static_cast<Index>(j));
          d[j] = h;
          pred[j] = static_cast<Index>(row);
          heap.emplace(h, y[j] >= 0, static_cast<Index>(j));
        }
      }
    };
    relax(start, 0.0);
    Index end_of_path = -1;
    double minimum = 0.0;
    while (!heap.empty()) {
      const auto [distance, assigned, column] = heap.top();
      heap.pop();
      const auto j = static_cast<std::size_t>(column);
      if (settled[j] || distance != d[j]) continue;  // stale entry
      minimum = distance;
      if (y[j] < 0) {
        end_of_path = column;
        break;
      }
      settled[j] = 1;
      settled_columns.push_back(column);
      settled_at.push_back(distance);
      const auto i = static_cast<std::size_t>(y[j]);
      // The assigned row's reduced cost to j is zero: c(i, j) - v[j] = u_i.
      double cij = kInf;
      for (Index k = c.indptr[i]; k < c.indptr[i + 1]; ++k) {
        if (c.indices[static_cast<std::size_t>(k)] == column)
          cij = c.values[static_cast<std::size_t>(k)];
      }
      relax(i, cij - v[j] - minimum);
    }
    const bool found = end_of_path >= 0;
    if (found) {
      for (std::size_t k = 0; k < settled_columns.size(); ++k) {
        v[static_cast<std::size_t>(settled_columns[k])] += settled_at[k] - minimum;
      }
      for (Index j = end_of_path;;) {
        const Index i = pred[static_cast<std::size_t>(j)];
        y[static_cast<std::size_t>(j)] = i;
        const Index previous = x[static_cast<std::size_t>(i)];
        x[static_cast<std::size_t>(i)] = j;
        if (i == static_cast<Index>(start)) break;
        j = previous;
      }
    }
    for (Index j : touched) d[static_cast<std::size_t>(j)] = kInf;
    for (Index j : settled_columns) settled[static_cast<std::size_t>(j)] = 0;
    touched.clear();
    settled_columns.clear();
    settled_at.clear();
    heap = {};
    if (!found) return false;
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (Index k = c.indptr[i]; k < c.indptr[i + 1]; ++k) {
      if (c.indices[static_cast<std::size_t>(k)] == x[i]) {
        out.u[i] = c.values[static_cast<std::size_t>(k)] - v[static_cast<std::size_t>(x[i])];
      }
    }
  }
  return true;
}

}  // namespace sixlink::detail
