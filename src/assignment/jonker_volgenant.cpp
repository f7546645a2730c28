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
#include <algorithm>
#include <limits>

#include "assignment/row_reduction.hpp"
#include "assignment/solvers.hpp"
#include "detail/huge_pages.hpp"

namespace sixlink::detail {
namespace {

// Column reduction: each column's price is its smallest weight; the row that
// holds it takes the column if it has none yet. On ties a row without a column
// is preferred, the lowest such row, else the lowest row holding the minimum:
// the column minima are folded in row by row, keeping the first few rows at
// each minimum; the rare column whose tracked rows are all taken is finished
// by a scan down the rest of it. Rows are read whole up to 8,192 columns (the
// running minima, 48 bytes a column, then stay in L2 while the matrix streams
// past in order; strips of 256 columns, which keep them in L1, measured 2-4x
// slower at n = 4000 because the memory stream breaks at every row).
// Also writes `narrow`, a float copy of the matrix, when it is not null:
// returns false (and the copy is then useless) unless every weight converted
// exactly.
bool reduce_columns(const double* cost, std::size_t n, const ScanKernels& k,
                    std::vector<int>& matches, float* narrow, AssignmentWork& out) {
  constexpr std::size_t kStrip = 8192;
  std::vector<double> low(n), count(n), rows(kTrackedRows * n);
  bool exact = narrow != nullptr;
  for (std::size_t from = 0; from < n; from += kStrip) {
    const std::size_t width = std::min(kStrip, n - from);
    ColumnMinima strip{low.data() + from, count.data() + from, {}};
    for (int r = 0; r < kTrackedRows; ++r)
      strip.rows[r] = rows.data() + static_cast<std::size_t>(r) * n + from;
    for (std::size_t i = 0; i < n; ++i) {
      const double* segment = cost + i * n + from;
      k.fold_row(segment, width, static_cast<double>(i), strip);
      if (exact) exact = k.narrow(segment, width, narrow + i * n + from);
    }
  }
  for (std::size_t j = 0; j < n; ++j) {
    const auto held = static_cast<std::size_t>(count[j]);
    auto best = static_cast<std::size_t>(rows[j]);
    for (std::size_t r = 1; matches[best] > 0 && r < std::min<std::size_t>(held, kTrackedRows);
         ++r) {
      const auto other = static_cast<std::size_t>(rows[r * n + j]);
      if (matches[other] == 0) best = other;
    }
    if (matches[best] > 0 && held > kTrackedRows) {
      for (std::size_t i = static_cast<std::size_t>(rows[(kTrackedRows - 1) * n + j]) + 1; i < n;
           ++i) {
        if (cost[i * n + j] == low[j] && matches[i] == 0) {
          best = i;
          break;
        }
      }
    }
    out.v[j] = low[j];
    if (++matches[best] == 1) {
      out.x[best] = static_cast<Index>(j);
      out.y[j] = static_cast<Index>(best);
    }
  }
  return exact;
}

// Reduction transfer, augmenting row reduction and the shortest augmenting
// paths, on rows stored as W.
template <class W>
bool finish(const W* cost, std::size_t nn, std::vector<int>& matches, AssignmentWork& out) {
  const RowKernels<W>& k = scan_kernels().rows<W>();
  std::vector<Index>& x = out.x;
  std::vector<double>& v = out.v;
  // Reduction transfer: a row assigned once hands its slack, its least reduced
  // cost over the other columns, to its column.
  std::vector<Index> free_rows;
  for (std::size_t i = 0; i < nn; ++i) {
    if (matches[i] == 0) {
      free_rows.push_back(static_cast<Index>(i));
    } else if (matches[i] == 1) {
      const auto j1 = static_cast<std::size_t>(x[i]);
      const LeastTwo t = k.least_two(cost + i * nn, v.data(), nn);
      const double slack = t.j1 == static_cast<std::int64_t>(j1) ? t.second : t.first;
      if (slack < std::numeric_limits<double>::infinity()) v[j1] -= slack;
    }
  }
  reduce_rows(
      static_cast<Index>(nn),
      [&](Index i) { return k.least_two(cost + static_cast<std::size_t>(i) * nn, v.data(), nn); },
      free_rows, out);
  // The rows still free are assigned by shortest augmenting paths.
  return augment_full_rows(cost, static_cast<Index>(nn), free_rows, out);
}

}  // namespace

void augmenting_row_reduction(const double* cost, Index n, std::vector<Index>& free_rows,
                              AssignmentWork& out) {
  const auto nn = static_cast<std::size_t>(n);
  const RowKernels<double>& k = scan_kernels().f64;
  reduce_rows(
      n,
      [&](Index i) {
        return k.least_two(cost + static_cast<std::size_t>(i) * nn, out.v.data(), nn);
      },
      free_rows, out);
}

bool assign_jonker_volgenant(const double* cost, Index n, AssignmentWork& out) {
  const auto nn = static_cast<std::size_t>(n);
  out.x.assign(nn, -1);
  out.y.assign(nn, -1);
  out.v.assign(nn, 0.0);
  out.u.assign(nn, 0.0);
  std::vector<int> matches(nn, 0);
  // Beyond the caches the searches wait on memory, reading one whole row per
  // step: a float copy halves that traffic and gives the same answer when
  // every weight is exactly a float (integers up to 2^24 in magnitude, for
  // instance). It costs 4 n^2 bytes, so only from kNarrowFrom columns (where
  // the matrix outgrows the caches) and up to kNarrowUpTo (a 1 GiB copy).
  constexpr std::size_t kNarrowFrom = 256, kNarrowUpTo = 16384;
  // From a detail::ArrayArena (2 MiB pages, kept between solves): a fresh
  // 64 MB copy at n = 4,000 (16,384 pages of 4 KiB) made the Python call take
  // 272 ms instead of 114 (benchmarks/README.md, "Assignment against LAPJV").
  detail::ArrayArena copy;
  float* narrow = nullptr;  // left uninitialised: reduce_columns writes all of it
  if (nn >= kNarrowFrom && nn <= kNarrowUpTo) {
    copy.start(detail::ArrayArena::room_for<float>(nn * nn));
    narrow = copy.take<float>(nn * nn).data();
  }
  const bool use_narrow = reduce_columns(cost, nn, scan_kernels(), matches, narrow, out);
  const bool feasible =
      use_narrow ? finish(narrow, nn, matches, out) : finish(cost, nn, matches, out);
  if (!feasible) return false;
  set_row_duals(cost, n, n, out);
  return true;
}

}  // namespace sixlink::detail
