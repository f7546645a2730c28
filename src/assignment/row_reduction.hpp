// Jonker and Volgenant's augmenting row reduction (internal), shared by the
// dense and sparse solvers: R. Jonker and A. Volgenant, Computing 38 (1987),
// pages 330-331. A free row takes its cheapest column, lowering that column's
// price to the level of its second-cheapest, and the row it displaces is tried
// next; two rounds. Leaves every assigned row on a column of least reduced
// cost, as the shortest augmenting paths that follow require.
#pragma once

#include <limits>
#include <vector>

#include "assignment/solvers.hpp"

namespace sixlink::detail {

/// `for_each_entry(i, f)` calls f(j, c_ij) for every allowed column j of row i.
/// Rows still free at the end are left in `free_rows`.
template <class ForEachEntry>
void reduce_rows(Index n, const ForEachEntry& for_each_entry, std::vector<Index>& free_rows,
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
      double first = kInf, second = kInf;
      Index j1 = -1, j2 = -1;
      for_each_entry(i, [&](Index j, double c) {
        const double h = c - v[at(j)];
        if (h < second) {
          if (h >= first) {
            second = h;
            j2 = j;
          } else {
            second = first;
            j2 = j1;
            first = h;
            j1 = j;
          }
        }
      });
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
