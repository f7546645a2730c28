// Dense shortest augmenting path assignment for rectangular matrices with
// forbidden pairs. D. F. Crouse, "On implementing 2D rectangular assignment
// algorithms", IEEE Trans. Aerospace and Electronic Systems 52(4) (2016),
// 1679-1696, Algorithm 4 (pages 1685-1686): Dijkstra over reduced costs from
// each unassigned row, then a dual update that keeps every reduced cost
// non-negative, then augmentation along the shortest path.
#include <limits>

#include "assignment/solvers.hpp"

namespace sixlink::detail {

bool assign_shortest_path(const double* cost, Index n, Index m, AssignmentWork& out) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const auto nn = static_cast<std::size_t>(n), mm = static_cast<std::size_t>(m);
  out.x.assign(nn, -1);
  out.y.assign(mm, -1);
  out.u.assign(nn, 0.0);
  out.v.assign(mm, 0.0);
  std::vector<double> distance(mm);
  std::vector<Index> path(mm), remaining(mm), scanned_rows;
  std::vector<char> column_done(mm);
  scanned_rows.reserve(nn);

  for (Index start = 0; start < n; ++start) {
    std::fill(distance.begin(), distance.end(), kInf);
    std::fill(column_done.begin(), column_done.end(), 0);
    for (std::size_t k = 0; k < mm; ++k) remaining[k] = static_cast<Index>(k);
    std::size_t left = mm;
    scanned_rows.clear();
    double min_value = 0.0;
    Index row = start, sink = -1;
    while (sink < 0) {
      scanned_rows.push_back(row);
      const double* c = cost + static_cast<std::size_t>(row) * mm;
      const double ur = out.u[static_cast<std::size_t>(row)];
      std::size_t best = mm;
      double lowest = kInf;
      for (std::size_t k = 0; k < left; ++k) {
        const auto j = static_cast<std::size_t>(remaining[k]);
        const double r = min_value + c[j] - ur - out.v[j];
        if (r < distance[j]) {
          path[j] = row;
          distance[j] = r;
        }
        // Ties: an unassigned column first, then the lowest index.
        if (best == mm || distance[j] < lowest ||
            (distance[j] == lowest &&
             (out.y[j] < 0) > (out.y[static_cast<std::size_t>(remaining[best])] < 0)) ||
            (distance[j] == lowest &&
             (out.y[j] < 0) == (out.y[static_cast<std::size_t>(remaining[best])] < 0) &&
             remaining[k] < remaining[best])) {
          lowest = distance[j];
          best = k;
        }
      }
      min_value = lowest;
      if (min_value == kInf) return false;  // no augmenting path: infeasible
      const auto j = static_cast<std::size_t>(remaining[best]);
      column_done[j] = 1;
      remaining[best] = remaining[--left];
      if (out.y[j] < 0) {
        sink = static_cast<Index>(j);
      } else {
        row = out.y[j];
      }
    }
    // Dual update: reduced costs stay non-negative, zero along the new path.
    out.u[static_cast<std::size_t>(start)] += min_value;
    for (Index i : scanned_rows) {
      if (i != start) {
        out.u[static_cast<std::size_t>(i)] +=
            min_value - distance[static_cast<std::size_t>(out.x[static_cast<std::size_t>(i)])];
      }
    }
    for (std::size_t j = 0; j < mm; ++j) {
      if (column_done[j]) out.v[j] -= min_value - distance[j];
    }
    // Augment along the path back to the start row.
    for (Index j = sink;;) {
      const Index i = path[static_cast<std::size_t>(j)];
      out.y[static_cast<std::size_t>(j)] = i;
      const Index previous = out.x[static_cast<std::size_t>(i)];
      out.x[static_cast<std::size_t>(i)] = j;
      if (i == start) break;
      j = previous;
    }
  }
  return true;
}

}  // namespace sixlink::detail
