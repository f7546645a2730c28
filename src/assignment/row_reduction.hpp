// Jonker and Volgenant's augmenting row reduction (internal), shared by the
// dense and sparse solvers: R. Jonker and A. Volgenant, Computing 38 (1987),
// pages 330-331. A free row takes its cheapest column, lowering that column's
// price to the level of its second-cheapest, and the row it displaces is tried
// next; two rounds. Leaves every assigned row on a column of least reduced
// cost, as the shortest augmenting paths that follow require.
#pragma once

#include <limits>
#include <vector>

#include "assignment/dense_scan.hpp"
#include "assignment/solvers.hpp"

namespace sixlink::detail {

/// LeastTwo (dense_scan.hpp) of c_ij - v_j over the entries that
/// `for_each_entry(i, f)` visits (f(j, c_ij) for every allowed column j of row
/// i; "lowest column" there means first visited).
template <class ForEachEntry>
LeastTwo least_two(const ForEachEntry& for_each_entry, Index i, const std::vector<double>& v) {
  LeastTwo t;
  for_each_entry(i, [&](Index j, double c) { take(t, c - v[static_cast<std::size_t>(j)], j); });
  return t;
}

/// `row_least_two(i)` gives row i's LeastTwo under the current prices out.v.
/// Rows still free at the end are left in `free_rows`.
template <class RowLeastTwo>
void reduce_rows(Index n, const RowLeastTwo& row_least_two, std::vector<Index>& free_rows,
                 AssignmentWork& out) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<Index>& x = out.x;
  std::vector<Index>& y = out.y;
  std::vector<double>& v = out.v;
  const auto at = [](Index k) { return static_cast<std::size_t>(k); };
  for (int round = 0; round < 2 && !free_rows.empty(); ++round) {
    std::vector<Index> still_free;
    std::size_t next = 0, guard = 0;  // floating-point ties could trade a row back and forth
    while (next < free_rows.size() && guard++ < 4 * at(n) + 16) {
      const Index i = free_rows[next++];
      auto [first, second, j1, j2] = row_least_two(i);
      if (j1 < 0 || (second == kInf && y[at(j1)] >= 0)) {  // no column, or one and taken:
        still_free.push_back(i);                           // leave it to the search
        continue;
      }
      Index displaced = y[at(j1)];
      if (first < second) {
        if (second < kInf) v[at(j1)] -= second - first;
      } else if (displaced >= 0) {
        j1 = j2;
        displaced = y[at(j1)];
      }
      x[at(i)] = j1;
      y[at(j1)] = i;
      if (displaced >= 0) {
        x[at(displaced)] = -1;
        if (first < second) {
          free_rows[--next] = displaced;  // try it again right away
        } else {
          still_free.push_back(displaced);
        }
      }
    }
    for (; next < free_rows.size(); ++next) still_free.push_back(free_rows[next]);
    free_rows.swap(still_free);
  }
}

}  // namespace sixlink::detail
