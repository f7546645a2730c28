// Dense shortest augmenting paths in full mode (every row matched): the search
// of shortest_path.cpp with its per-column loops moved into the kernels of
// dense_scan.hpp. R. Jonker and A. Volgenant, Computing 38 (1987), pages
// 331-333: Dijkstra over reduced costs from a free row, settling all columns
// at the current minimum distance together, then the price update and the
// augmentation.
//
// One pass over the row of each settled column's row relaxes every column and,
// in the same pass, finds the next minimum and notices whether some column
// fell to the current minimum; only then, or when the columns at the minimum
// are used up, a cheap equality scan gathers the columns at the minimum in
// index order. That is the order in which the one-loop search of
// shortest_path.cpp meets them, so both give the same paths and the same
// assignment: the lowest-index unassigned column at the minimum ends a path.
// Columns are scanned in index order over contiguous arrays (no permuted
// column list) so that the loops vectorise; settled columns hold NaN in d.
#include <limits>

#include "assignment/dense_scan.hpp"
#include "assignment/solvers.hpp"

namespace sixlink::detail {
namespace {

// Moves every column whose distance equals `minimum` into the search, in index
// order: the first unassigned one ends the path (returned), the others are
// settled (d = NaN) and queued in `at_minimum`. Returns -1 when none ends it.
Index gather(const ScanKernels& k, std::vector<double>& d, const std::vector<Index>& y,
             double minimum, std::vector<Index>& at_minimum) {
  constexpr double kSettled = std::numeric_limits<double>::quiet_NaN();
  const std::size_t m = d.size();
  for (std::size_t j = k.find(d.data(), 0, m, minimum); j < m;
       j = k.find(d.data(), j + 1, m, minimum)) {
    if (y[j] < 0) return static_cast<Index>(j);
    d[j] = kSettled;
    at_minimum.push_back(static_cast<Index>(j));
  }
  return -1;
}

template <class W>
bool augment_full_rows_of(const W* cost, Index m, const std::vector<Index>& free_rows,
                          AssignmentWork& out) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const auto mm = static_cast<std::size_t>(m);
  const ScanKernels& all = scan_kernels();
  const RowKernels<W>& k = all.rows<W>();
  std::vector<Index>& x = out.x;
  std::vector<Index>& y = out.y;
  std::vector<double>& v = out.v;
  std::vector<double> d(mm), settled;
  std::vector<Index> pred(mm), at_minimum, done;
  for (Index start : free_rows) {
    throw_if_interrupted();  // one augmenting path: at most rows x columns steps
    double next_minimum = k.start(cost + static_cast<std::size_t>(start) * mm, v.data(), d.data(),
                                  pred.data(), mm, start);
    at_minimum.clear();
    done.clear();
    settled.clear();
    double minimum = 0.0;
    Index end_of_path = -1;
    std::size_t next = 0;  // position in at_minimum
    for (;;) {
      if (next == at_minimum.size()) {  // the columns at the next minimum distance
        at_minimum.clear();
        next = 0;
        minimum = next_minimum;
        if (!(minimum < kInf)) return false;  // nothing reachable: no complete matching
        end_of_path = gather(all, d, y, minimum, at_minimum);
        if (end_of_path >= 0) break;
      }
      // Settle one column at the minimum: relax through the row assigned to it.
      const auto j1 = static_cast<std::size_t>(at_minimum[next++]);
      done.push_back(static_cast<Index>(j1));
      settled.push_back(minimum);
      const auto i = static_cast<std::size_t>(y[j1]);
      const W* ci = cost + i * mm;
      const RelaxOutcome r =
          k.relax(ci, v.data(), d.data(), pred.data(), mm,
                  static_cast<double>(ci[j1]) - v[j1] - minimum, static_cast<Index>(i), minimum);
      // A column that fell to the minimum joins it now; at_minimum is then not
      // empty (or the path ends), so a later relaxation refreshes next_minimum.
      next_minimum = r.minimum;
      if (r.reached) {
        end_of_path = gather(all, d, y, minimum, at_minimum);
        if (end_of_path >= 0) break;
      }
    }
    // Prices of the settled columns move so reduced costs stay non-negative.
    for (std::size_t q = 0; q < done.size(); ++q)
      v[static_cast<std::size_t>(done[q])] += settled[q] - minimum;
    flip_path(pred, x, y, start, end_of_path);
  }
  return true;
}

}  // namespace

bool augment_full_rows(const double* cost, Index m, const std::vector<Index>& free_rows,
                       AssignmentWork& out) {
  return augment_full_rows_of(cost, m, free_rows, out);
}

bool augment_full_rows(const float* cost, Index m, const std::vector<Index>& free_rows,
                       AssignmentWork& out) {
  return augment_full_rows_of(cost, m, free_rows, out);
}

}  // namespace sixlink::detail
