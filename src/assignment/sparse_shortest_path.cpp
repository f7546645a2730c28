// Sparse shortest augmenting path assignment, after Jonker and Volgenant's
// sparse variant (LAPJVsp): R. Jonker and A. Volgenant, Computing 38 (1987),
// section 4 (pages 333-335). Square full-mode problems start with the sparse
// form of their initialisation (column reduction, reduction transfer, two
// rounds of augmenting row reduction), which settles most rows with one pass
// over their entries; the rest, and every rectangular or partial problem (from
// zero prices, as the sign conditions of their duals require), are assigned by
// the shortest augmenting paths of shortest_path.cpp with Dijkstra's search run
// over the CSR entries with a binary heap, so only existing entries are read.
#include <algorithm>
#include <functional>
#include <limits>
#include <utility>

#include "assignment/row_reduction.hpp"
#include "assignment/solvers.hpp"

namespace sixlink::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::size_t at(Index k) { return static_cast<std::size_t>(k); }

// Column reduction, reduction transfer and augmenting row reduction over CSR
// entries (square). Returns false when a row or column has no entry; otherwise
// leaves the rows still free in `free_rows`.
bool initialise(const SparseView& c, AssignmentWork& out, std::vector<Index>& free_rows) {
  const auto n = at(c.rows);
  std::vector<Index>& x = out.x;
  std::vector<Index>& y = out.y;
  std::vector<double>& v = out.v;
  std::vector<Index> best_row(n, -1);
  v.assign(n, kInf);
  for (std::size_t i = 0; i < n; ++i) {
    if (c.indptr[i] == c.indptr[i + 1]) return false;  // a row with no allowed column
    for (Index k = c.indptr[i]; k < c.indptr[i + 1]; ++k) {
      const std::size_t j = at(c.indices[at(k)]);
      if (c.values[at(k)] < v[j]) {
        v[j] = c.values[at(k)];
        best_row[j] = static_cast<Index>(i);
      }
    }
  }
  std::vector<int> matches(n, 0);
  for (std::size_t j = 0; j < n; ++j) {
    if (best_row[j] < 0) return false;  // a column no row may take
    const std::size_t i = at(best_row[j]);
    if (++matches[i] == 1) {
      x[i] = static_cast<Index>(j);
      y[j] = static_cast<Index>(i);
    }
  }
  free_rows.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (matches[i] == 0) {
      free_rows.push_back(static_cast<Index>(i));
    } else if (matches[i] == 1) {  // reduction transfer
      double slack = kInf;
      for (Index k = c.indptr[i]; k < c.indptr[i + 1]; ++k) {
        const std::size_t j = at(c.indices[at(k)]);
        if (static_cast<Index>(j) != x[i]) slack = std::min(slack, c.values[at(k)] - v[j]);
      }
      if (slack < kInf) v[at(x[i])] -= slack;
    }
  }
  reduce_rows(
      c.rows,
      [&c, &out](Index i) {
        return least_two(
            [&c](Index r, const auto& visit) {
              for (Index k = c.indptr[at(r)]; k < c.indptr[at(r) + 1]; ++k)
                visit(c.indices[at(k)], c.values[at(k)]);
            },
            i, out.v);
      },
      free_rows, out);
  return true;
}

}  // namespace

// Kept whole: one Dijkstra augmentation loop, as in the reference; split costs speed.
bool assign_sparse_shortest_path(const SparseView& c, AssignmentWork& out, bool partial) {
  const auto n = at(c.rows), m = at(c.cols);
  std::vector<Index>& x = out.x;
  std::vector<Index>& y = out.y;
  std::vector<double>& v = out.v;
  x.assign(n, -1);
  y.assign(m, -1);
  v.assign(m, 0.0);
  std::vector<Index> free_rows;
  if (n == m && !partial) {
    if (!initialise(c, out, free_rows)) return false;
  } else {
    for (std::size_t i = 0; i < n; ++i) free_rows.push_back(static_cast<Index>(i));
  }

  // The weight of each row's assigned column (its reduced cost there is u_i).
  std::vector<double> matched_weight(n, kInf);
  for (std::size_t i = 0; i < n; ++i) {
    for (Index k = c.indptr[i]; x[i] >= 0 && k < c.indptr[i + 1]; ++k) {
      if (c.indices[at(k)] == x[i]) matched_weight[i] = c.values[at(k)];
    }
  }
  // d[j]: tentative distance, +inf when unreached, -inf once it is at the
  // current minimum or settled (final distances are kept in settled_at), so one
  // comparison h < d[j] skips settled columns and non-improvements.
  //
  // The next minimum distance is found by scanning the columns reached so far,
  // as LAPJVsp scans all columns: on weights with few distinct values a search
  // has only a handful of distance levels and this is far cheaper than a heap.
  // A search that passes kScanLevels levels moves its reached columns into a
  // binary heap of (distance, key) entries, key = j for a free column and m + j
  // for an assigned one (free columns first on ties), stale entries skipped.
  constexpr int kScanLevels = 32;
  std::vector<double> d(m, kInf), settled_at, path_weight(m, 0.0);
  std::vector<Index> pred(m, -1), touched, settled_columns, level;
  using Entry = std::pair<double, Index>;
  std::vector<Entry> heap;
  const auto later = std::greater<>();
  const auto key = [&](std::size_t j) { return static_cast<Index>(y[j] < 0 ? j : m + j); };
  const auto column_of = [m](Index entry) { return at(entry) % m; };

  for (const Index start : free_rows) {
    throw_if_interrupted();  // one augmenting path: at most one pass over the entries
    Index end_of_path = -1;
    double minimum = -kInf;
    bool use_heap = false;
    int levels = 0;
    level.clear();
    std::size_t next = 0;  // position in level
    // Relaxes the row's entries. A column reached at the current minimum joins
    // the level being settled, or ends the search if it is free.
    auto relax = [&](std::size_t row, double base) {
      for (Index k = c.indptr[row]; k < c.indptr[row + 1]; ++k) {
        const auto j = at(c.indices[at(k)]);
        const double h = c.values[at(k)] - v[j] - base;
        if (h < d[j]) {
          if (d[j] == kInf) touched.push_back(static_cast<Index>(j));
          pred[j] = static_cast<Index>(row);
          path_weight[j] = c.values[at(k)];
          if (h == minimum) {
            if (y[j] < 0) {
              end_of_path = static_cast<Index>(j);
              return;
            }
            d[j] = -kInf;
            level.push_back(static_cast<Index>(j));
          } else {
            d[j] = h;
            if (use_heap) {
              heap.emplace_back(h, key(j));
              std::push_heap(heap.begin(), heap.end(), later);
            }
          }
        }
      }
    };
    relax(at(start), 0.0);
    // Partial mode: the shortest distance to a row's "unmatched" column (see
    // shortest_path.cpp) and that row; ties leave rows unmatched.
    double unmatched = partial ? 0.0 : kInf;
    Index unmatched_row = start;
    bool ends_unmatched = false;
    while (end_of_path < 0) {
      if (next == level.size()) {  // gather the columns at the next minimum distance
        level.clear();
        next = 0;
        if (!use_heap && ++levels > kScanLevels) {
          use_heap = true;
          for (const Index j : touched) {
            if (d[at(j)] != -kInf) heap.emplace_back(d[at(j)], key(at(j)));
          }
          std::make_heap(heap.begin(), heap.end(), later);
        }
        minimum = kInf;
        if (use_heap) {
          while (!heap.empty() && heap.front().first != d[column_of(heap.front().second)]) {
            std::pop_heap(heap.begin(), heap.end(), later);  // stale entry
            heap.pop_back();
          }
          if (!heap.empty()) minimum = heap.front().first;
        } else {
          for (const Index j : touched) {
            if (d[at(j)] < minimum && d[at(j)] != -kInf) minimum = d[at(j)];
          }
        }
        if (partial && unmatched <= minimum) {
          minimum = unmatched;
          ends_unmatched = true;
          break;
        }
        if (minimum == kInf) break;  // nothing reachable: no complete matching
        if (use_heap) {
          while (!heap.empty() && heap.front().first == minimum) {
            const std::size_t j = column_of(heap.front().second);
            std::pop_heap(heap.begin(), heap.end(), later);
            heap.pop_back();
            if (d[j] != minimum) continue;  // stale
            if (y[j] < 0) {                 // free columns pop first among equals
              end_of_path = static_cast<Index>(j);
              break;
            }
            d[j] = -kInf;
            level.push_back(static_cast<Index>(j));
          }
        } else {
          for (const Index j : touched) {
            if (d[at(j)] != minimum) continue;
            if (y[at(j)] < 0) {
              end_of_path = j;
              break;
            }
            d[at(j)] = -kInf;
            level.push_back(j);
          }
        }
        if (end_of_path >= 0) break;
      }
      // Settle one column at the minimum: relax through the row assigned to it.
      const auto j = at(level[next++]);
      settled_columns.push_back(static_cast<Index>(j));
      settled_at.push_back(minimum);
      const auto i = at(y[j]);
      const double base = matched_weight[i] - v[j] - minimum;
      if (partial && -base < unmatched) {
        unmatched = -base;
        unmatched_row = static_cast<Index>(i);
        if (unmatched == minimum) {  // ties leave rows unmatched
          ends_unmatched = true;
          break;
        }
      }
      relax(i, base);
    }
    const bool found = end_of_path >= 0 || ends_unmatched;
    if (found) {
      for (std::size_t k = 0; k < settled_columns.size(); ++k)
        v[at(settled_columns[k])] += settled_at[k] - minimum;
      Index j = end_of_path;
      bool augment = true;
      if (ends_unmatched) {  // unmatched_row gives up its column
        j = x[at(unmatched_row)];
        x[at(unmatched_row)] = -1;
        matched_weight[at(unmatched_row)] = kInf;
        augment = unmatched_row != start;
      }
      while (augment) {
        const Index i = pred[at(j)];
        y[at(j)] = i;
        const Index previous = x[at(i)];
        x[at(i)] = j;
        matched_weight[at(i)] = path_weight[at(j)];
        if (i == start) break;
        j = previous;
      }
    }
    for (Index j : touched) d[at(j)] = kInf;
    touched.clear();
    settled_columns.clear();
    settled_at.clear();
    heap.clear();
    if (!found) return false;
  }
  out.u.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    if (x[i] >= 0) out.u[i] = matched_weight[i] - v[at(x[i])];
  }
  return true;
}

}  // namespace sixlink::detail
