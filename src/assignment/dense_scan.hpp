// The inner loops of the dense shortest augmenting path search (internal):
// one pass over a row of the cost matrix per settled column, the whole search's
// time on dense problems. Each loop has a portable scalar version, written
// without branches so the compiler may vectorise it for the baseline target,
// and an AVX2 version compiled for that target alone (a function attribute,
// not a global -mavx2) and chosen at run time when the CPU has AVX2, so the
// installed library runs on any x86-64. Both do the same IEEE operations in
// the same order on every element, so they give bit-identical distances,
// predecessors and therefore the same assignment.
//
// Conventions shared with dense_search.cpp: d[j] is the tentative distance of
// column j, and a column whose distance is final ("settled") holds NaN there,
// so that no comparison selects it: h < NaN is false (never relaxed again),
// NaN == x is false (never gathered again), and a minimum written as
// `d < acc ? d : acc` skips it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace sixlink::detail {

enum class ScanKernel { kScalar, kAvx2 };

struct RelaxOutcome {
  double minimum;  ///< the least distance over unsettled columns after the pass (+inf: none)
  bool reached;    ///< whether some column's distance became exactly `at` in this pass
};

/// The two smallest values of a row in (value, column) order: the first
/// (lowest) column at the least value, then the next one; +inf and -1 where
/// the row is too short.
struct LeastTwo {
  double first = std::numeric_limits<double>::infinity();
  double second = std::numeric_limits<double>::infinity();
  std::int64_t j1 = -1, j2 = -1;
};

/// One step of the (value, column) two-smallest scan; columns come in
/// increasing order, so equal values keep the lower column.
inline void take(LeastTwo& t, double h, std::int64_t j) {
  if (h < t.second) {
    if (h >= t.first) {
      t.second = h;
      t.j2 = j;
    } else {
      t.second = t.first;
      t.j2 = t.j1;
      t.first = h;
      t.j1 = j;
    }
  }
}

/// Column minima over a strip of columns, folded in one row at a time: low[j]
/// the least weight so far, count[j] how many rows hold it, and rows[k][j]
/// (k < kTrackedRows) the first rows that hold it, in order. Row indices and
/// counts are stored as doubles (exact below 2^53) so one vector type serves.
inline constexpr int kTrackedRows = 4;
struct ColumnMinima {
  double* low;
  double* count;
  double* rows[kTrackedRows];
};

/// The loops that read rows of the cost matrix, for rows stored as W (double,
/// or float when every weight is exactly a float: see narrow). Arithmetic is
/// in double either way, so both give identical results.
template <class W>
struct RowKernels {
  /// d[j] = row[j] - v[j], pred[j] = i for every column; returns min_j d[j].
  double (*start)(const W* row, const double* v, double* d, std::int64_t* pred, std::size_t m,
                  std::int64_t i);
  /// For every column: h = row[j] - v[j] - base; when h < d[j], d[j] = h and
  /// pred[j] = i. Reports the new least unsettled distance and whether any
  /// distance now equals `at` (the current minimum).
  RelaxOutcome (*relax)(const W* row, const double* v, double* d, std::int64_t* pred, std::size_t m,
                        double base, std::int64_t i, double at);
  /// LeastTwo of row[j] - v[j] over j in [0, m).
  LeastTwo (*least_two)(const W* row, const double* v, std::size_t m);
};

struct ScanKernels {
  RowKernels<double> f64;
  RowKernels<float> f32;
  /// The first j in [from, m) with d[j] == value, or m.
  std::size_t (*find)(const double* d, std::size_t from, std::size_t m, double value);
  /// Folds row i (its columns [0, m) of the strip) into `minima`; row 0 of
  /// the matrix must come first, then rows in increasing order.
  void (*fold_row)(const double* row, std::size_t m, double i, const ColumnMinima& minima);
  /// out[j] = float(row[j]); returns whether every one converted exactly.
  bool (*narrow)(const double* row, std::size_t m, float* out);
  /// Whether every row[j] is finite (not NaN, not infinite); when so, lowers
  /// `low` to and raises `high` to the row's least and greatest values.
  bool (*survey)(const double* row, std::size_t m, double& low, double& high);
  ScanKernel kind;

  template <class W>
  const RowKernels<W>& rows() const {
    if constexpr (std::is_same_v<W, float>) {
      return f32;
    } else {
      return f64;
    }
  }
};

/// The kernels in use: AVX2 where the CPU has it, scalar otherwise, unless
/// forced (set_scan_kernel, or SIXLINK_SCAN_KERNEL=scalar in the environment
/// when the process first solves).
const ScanKernels& scan_kernels();

/// Forces a kernel for every later search in the process (tests and benchmarks
/// compare the two); asking for kAvx2 on a CPU without it gives kScalar.
/// Returns the kernel now in use.
ScanKernel set_scan_kernel(ScanKernel kernel);

}  // namespace sixlink::detail
