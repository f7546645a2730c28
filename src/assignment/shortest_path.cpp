// Dense shortest augmenting paths for rectangular matrices with forbidden
// pairs: from each free row, Dijkstra over the reduced costs c_ij - u_i - v_j,
// then the dual update that keeps them non-negative, then augmentation along
// the shortest path. D. F. Crouse, "On implementing 2D rectangular assignment
// algorithms", IEEE Trans. Aerospace and Electronic Systems 52(4) (2016),
// 1679-1696, Algorithm 4 (pages 1685-1686), with Jonker and Volgenant's device
// of settling all columns at the current minimum distance together (Computing
// 38 (1987), pages 331-332).
//
// Partial mode adds, for every row, a private column of weight 0 meaning "stay
// unmatched" (the textbook reduction of minimum-weight matching of any size to
// assignment). Those columns are never materialised: their prices stay 0,
// because a search ends on the first one it reaches, so a search only tracks
// the shortest distance to any of them and the row that owns it.
#include <limits>

#include "assignment/solvers.hpp"

namespace sixlink::detail {

bool augment_free_rows(const double* cost, Index n, Index m, const std::vector<Index>& free_rows,
                       AssignmentWork& out, bool partial) {
  // Full mode takes the vectorised search (dense_search.cpp); partial mode's
  // private "unmatched" columns stay with the loop below.
  if (!partial) return augment_full_rows(cost, m, free_rows, out);
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const auto mm = static_cast<std::size_t>(m);
  (void)n;
  std::vector<Index>& x = out.x;
  std::vector<Index>& y = out.y;
  std::vector<double>& v = out.v;
  // Columns are scanned in index order rather than through JV's permuted column
  // list: each scan reads one row of the matrix and the price and distance
  // arrays front to back, which the memory system streams. A column leaves the
  // search once it is at the minimum: its distance is then final (kept in
  // `settled`) and d[j] becomes -inf, so the relaxation test h < d[j] skips it.
  std::vector<double> d(mm), settled;
  std::vector<Index> pred(mm), at_minimum, done;
  for (Index start : free_rows) {
    throw_if_interrupted();  // one augmenting path: at most rows x columns steps
    const double* row = cost + static_cast<std::size_t>(start) * mm;
    for (std::size_t j = 0; j < mm; ++j) {
      d[j] = row[j] - v[j];
      pred[j] = start;
    }
    at_minimum.clear();
    done.clear();
    settled.clear();
    double minimum = 0.0;
    Index end_of_path = -1;
    // Partial mode: the shortest distance to an "unmatched" column and its row.
    double unmatched = partial ? 0.0 : kInf;
    Index unmatched_row = start;
    bool ends_unmatched = false;
    std::size_t next = 0;  // position in at_minimum
    while (end_of_path < 0 && !ends_unmatched) {
      if (next == at_minimum.size()) {  // gather the columns at the next minimum distance
        at_minimum.clear();
        next = 0;
        minimum = kInf;
        for (std::size_t j = 0; j < mm; ++j) {
          if (d[j] < minimum && d[j] != -kInf) minimum = d[j];
        }
        if (partial && unmatched <= minimum) {  // ties leave the row unmatched
          minimum = unmatched;
          ends_unmatched = true;
          break;
        }
        if (minimum == kInf) return false;  // nothing reachable: no complete matching
        for (std::size_t j = 0; j < mm; ++j) {
          if (d[j] == minimum) {
            if (y[j] < 0) {  // ties: the lowest-index unassigned column ends the path
              end_of_path = static_cast<Index>(j);
              break;
            }
            d[j] = -kInf;
            at_minimum.push_back(static_cast<Index>(j));
          }
        }
        if (end_of_path >= 0) break;
      }
      // Settle one column at the minimum: relax through the row assigned to it.
      const auto j1 = static_cast<std::size_t>(at_minimum[next++]);
      done.push_back(static_cast<Index>(j1));
      settled.push_back(minimum);
      const auto i = static_cast<std::size_t>(y[j1]);
      const double* ci = cost + i * mm;
      const double base = ci[j1] - v[j1] - minimum;
      if (partial && -base < unmatched) {  // row i's own "unmatched" column
        unmatched = -base;
        unmatched_row = static_cast<Index>(i);
        if (unmatched == minimum) {
          ends_unmatched = true;
          break;
        }
      }
      for (std::size_t j = 0; j < mm; ++j) {
        const double h = ci[j] - v[j] - base;
        if (h < d[j]) {
          d[j] = h;
          pred[j] = static_cast<Index>(i);
          if (h == minimum) {
            if (y[j] < 0) {
              end_of_path = static_cast<Index>(j);
              break;
            }
            d[j] = -kInf;
            at_minimum.push_back(static_cast<Index>(j));
          }
        }
      }
    }
    // Prices of the settled columns move so reduced costs stay non-negative.
    for (std::size_t k = 0; k < done.size(); ++k)
      v[static_cast<std::size_t>(done[k])] += settled[k] - minimum;
    Index j = end_of_path;
    if (ends_unmatched) {  // the path ends with unmatched_row giving up its column
      j = x[static_cast<std::size_t>(unmatched_row)];
      x[static_cast<std::size_t>(unmatched_row)] = -1;
      if (unmatched_row == start) continue;
    }
    flip_path(pred, x, y, start, j);
  }
  return true;
}

void set_row_duals(const double* cost, Index n, Index m, AssignmentWork& out) {
  const auto mm = static_cast<std::size_t>(m);
  out.u.assign(static_cast<std::size_t>(n), 0.0);
  for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
    if (out.x[i] < 0) continue;
    const auto j = static_cast<std::size_t>(out.x[i]);
    out.u[i] = cost[i * mm + j] - out.v[j];
  }
}

bool assign_shortest_path(const double* cost, Index n, Index m, AssignmentWork& out, bool partial) {
  const auto nn = static_cast<std::size_t>(n), mm = static_cast<std::size_t>(m);
  out.x.assign(nn, -1);
  out.y.assign(mm, -1);
  out.v.assign(mm, 0.0);
  std::vector<Index> rows(nn);
  for (std::size_t i = 0; i < nn; ++i) rows[i] = static_cast<Index>(i);
  if (!augment_free_rows(cost, n, m, rows, out, partial)) return false;
  set_row_duals(cost, n, m, out);
  return true;
}

}  // namespace sixlink::detail
