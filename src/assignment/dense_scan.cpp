// Scalar and AVX2 versions of the dense search's inner loops (see
// dense_scan.hpp). The AVX2 functions carry __attribute__((target("avx2"))):
// only they are compiled for AVX2, and they run only after
// __builtin_cpu_supports("avx2") said yes.
#include "assignment/dense_scan.hpp"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "detail/cpu.hpp"

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define SIXLINK_HAVE_AVX2_KERNELS 1
#include <immintrin.h>
#endif

namespace sixlink::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The scalar loops keep four running minima: one alone would chain every
// element's comparison to the previous one's (measured 2x slower).
inline double least_of(const double (&low)[4]) {
  const double a = low[1] < low[0] ? low[1] : low[0], b = low[3] < low[2] ? low[3] : low[2];
  return b < a ? b : a;
}

template <class W>
double start_scalar(const W* __restrict row, const double* __restrict v, double* __restrict d,
                    std::int64_t* __restrict pred, std::size_t m, std::int64_t i) {
  double low[4] = {kInf, kInf, kInf, kInf};
  for (std::size_t j = 0; j < m; ++j) {
    const double h = static_cast<double>(row[j]) - v[j];
    d[j] = h;
    pred[j] = i;
    low[j % 4] = h < low[j % 4] ? h : low[j % 4];
  }
  return least_of(low);
}

template <class W>
RelaxOutcome relax_scalar(const W* __restrict row, const double* __restrict v, double* __restrict d,
                          std::int64_t* __restrict pred, std::size_t m, double base, std::int64_t i,
                          double at) {
  double low[4] = {kInf, kInf, kInf, kInf};
  bool reached = false;
  const auto step = [&](std::size_t j, double& least) {
    const double h = static_cast<double>(row[j]) - v[j] - base;
    const bool shorter = h < d[j];  // false on a settled (NaN) column
    const double now = shorter ? h : d[j];
    d[j] = now;
    pred[j] = shorter ? i : pred[j];
    least = now < least ? now : least;
    reached |= now == at;
  };
  std::size_t j = 0;
  for (; j + 4 <= m; j += 4) {
    step(j, low[0]);
    step(j + 1, low[1]);
    step(j + 2, low[2]);
    step(j + 3, low[3]);
  }
  for (; j < m; ++j) step(j, low[0]);
  return {least_of(low), reached};
}

std::size_t find_scalar(const double* d, std::size_t from, std::size_t m, double value) {
  for (std::size_t j = from; j < m; ++j) {
    if (d[j] == value) return j;
  }
  return m;
}

template <class W>
LeastTwo least_two_scalar(const W* row, const double* v, std::size_t m) {
  LeastTwo t;
  for (std::size_t j = 0; j < m; ++j)
    take(t, static_cast<double>(row[j]) - v[j], static_cast<std::int64_t>(j));
  return t;
}

void fold_row_scalar(const double* __restrict row, std::size_t m, double i, const ColumnMinima& c) {
  double* __restrict low = c.low;
  double* __restrict count = c.count;
  if (i == 0.0) {
    for (std::size_t j = 0; j < m; ++j) {
      low[j] = row[j];
      count[j] = 1.0;
      c.rows[0][j] = 0.0;
    }
    return;
  }
  for (std::size_t j = 0; j < m; ++j) {
    const double w = row[j];
    if (w > low[j]) continue;  // the common case, well predicted
    if (w < low[j]) {
      low[j] = w;
      count[j] = 1.0;
      c.rows[0][j] = i;
    } else {
      const double held = count[j];
      if (held < static_cast<double>(kTrackedRows)) c.rows[static_cast<int>(held)][j] = i;
      count[j] = held + 1.0;
    }
  }
}

bool narrow_scalar(const double* row, std::size_t m, float* out) {
  bool exact = true;
  for (std::size_t j = 0; j < m; ++j) {
    out[j] = static_cast<float>(row[j]);
    exact &= static_cast<double>(out[j]) == row[j];
  }
  return exact;
}

bool survey_scalar(const double* row, std::size_t m, double& low, double& high) {
  constexpr double kMax = std::numeric_limits<double>::max();
  bool finite = true;
  double a = low, b = high;
  for (std::size_t j = 0; j < m; ++j) {
    const double w = row[j];
    finite &= (w <= kMax) & (w >= -kMax);  // false for NaN and for +-inf
    a = w < a ? w : a;
    b = w > b ? w : b;
  }
  if (finite) {
    low = a;
    high = b;
  }
  return finite;
}

constexpr ScanKernels kScalarKernels{
    {start_scalar<double>, relax_scalar<double>, least_two_scalar<double>},
    {start_scalar<float>, relax_scalar<float>, least_two_scalar<float>},
    find_scalar,
    fold_row_scalar,
    narrow_scalar,
    survey_scalar,
    ScanKernel::kScalar};

#ifdef SIXLINK_HAVE_AVX2_KERNELS

__attribute__((target("avx2"))) inline __m256d load4(const double* p) { return _mm256_loadu_pd(p); }
__attribute__((target("avx2"))) inline __m256d load4(const float* p) {
  return _mm256_cvtps_pd(_mm_loadu_ps(p));
}

// A search step reads one whole row that is usually not in cache, too short
// a stream for the hardware prefetcher to get ahead of: asking for the line
// 2 KiB ahead keeps the next lines in flight (measured about 15 % faster at
// n = 4000; 0.5 and 4 KiB did worse). Prefetches past the row are harmless.
constexpr std::uintptr_t kAhead = 2048;
inline void prefetch_ahead(const void* p) {
  _mm_prefetch(reinterpret_cast<const char*>(reinterpret_cast<std::uintptr_t>(p) + kAhead),
               _MM_HINT_T0);
}

__attribute__((target("avx2"))) double least(__m256d acc) {
  const __m128d pair = _mm_min_pd(_mm256_castpd256_pd128(acc), _mm256_extractf128_pd(acc, 1));
  return _mm_cvtsd_f64(_mm_min_sd(pair, _mm_unpackhi_pd(pair, pair)));
}

template <class W>
__attribute__((target("avx2"))) double start_avx2(const W* row, const double* v, double* d,
                                                  std::int64_t* pred, std::size_t m,
                                                  std::int64_t i) {
  __m256d acc = _mm256_set1_pd(kInf);
  const __m256i who = _mm256_set1_epi64x(i);
  std::size_t j = 0;
  for (; j + 4 <= m; j += 4) {
    prefetch_ahead(row + j);
    const __m256d h = _mm256_sub_pd(load4(row + j), _mm256_loadu_pd(v + j));
    _mm256_storeu_pd(d + j, h);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(pred + j), who);
    acc = _mm256_min_pd(h, acc);
  }
  double low = least(acc);
  for (; j < m; ++j) {
    const double h = static_cast<double>(row[j]) - v[j];
    d[j] = h;
    pred[j] = i;
    low = h < low ? h : low;
  }
  return low;
}

// min_pd(x, acc) returns acc when x is NaN: settled columns drop out of the
// minimum. Two accumulators halve the dependency chain of the minimum; the
// predecessors are blended and stored whole (a masked store is slow on some
// CPUs).
template <class W>
__attribute__((target("avx2"))) inline void relax4(const W* row, const double* v, double* d,
                                                   std::int64_t* pred, std::size_t j, __m256d shift,
                                                   __m256d target, __m256d who, __m256d& acc,
                                                   __m256d& hit) {
  const __m256d h = _mm256_sub_pd(_mm256_sub_pd(load4(row + j), _mm256_loadu_pd(v + j)), shift);
  const __m256d old = _mm256_loadu_pd(d + j);
  const __m256d shorter = _mm256_cmp_pd(h, old, _CMP_LT_OQ);
  const __m256d now = _mm256_blendv_pd(old, h, shorter);
  _mm256_storeu_pd(d + j, now);
  auto* p = reinterpret_cast<double*>(pred + j);
  _mm256_storeu_pd(p, _mm256_blendv_pd(_mm256_loadu_pd(p), who, shorter));
  acc = _mm256_min_pd(now, acc);
  hit = _mm256_or_pd(hit, _mm256_cmp_pd(now, target, _CMP_EQ_OQ));
}

template <class W>
__attribute__((target("avx2"))) RelaxOutcome relax_avx2(const W* row, const double* v, double* d,
                                                        std::int64_t* pred, std::size_t m,
                                                        double base, std::int64_t i, double at) {
  const __m256d shift = _mm256_set1_pd(base), target = _mm256_set1_pd(at);
  const __m256d who = _mm256_castsi256_pd(_mm256_set1_epi64x(i));
  __m256d acc0 = _mm256_set1_pd(kInf), acc1 = acc0;
  __m256d hit0 = _mm256_setzero_pd(), hit1 = hit0;
  std::size_t j = 0;
  for (; j + 8 <= m; j += 8) {
    prefetch_ahead(row + j);
    relax4(row, v, d, pred, j, shift, target, who, acc0, hit0);
    relax4(row, v, d, pred, j + 4, shift, target, who, acc1, hit1);
  }
  if (j + 4 <= m) {
    relax4(row, v, d, pred, j, shift, target, who, acc0, hit0);
    j += 4;
  }
  double low = least(_mm256_min_pd(acc0, acc1));
  bool reached = _mm256_movemask_pd(_mm256_or_pd(hit0, hit1)) != 0;
  for (; j < m; ++j) {
    const double h = static_cast<double>(row[j]) - v[j] - base;
    if (h < d[j]) {
      d[j] = h;
      pred[j] = i;
    }
    low = d[j] < low ? d[j] : low;
    reached |= d[j] == at;
  }
  return {low, reached};
}

__attribute__((target("avx2"))) std::size_t find_avx2(const double* d, std::size_t from,
                                                      std::size_t m, double value) {
  const __m256d target = _mm256_set1_pd(value);
  std::size_t j = from;
  for (; j + 4 <= m; j += 4) {
    const int mask = _mm256_movemask_pd(_mm256_cmp_pd(_mm256_loadu_pd(d + j), target, _CMP_EQ_OQ));
    if (mask != 0) return j + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
  return find_scalar(d, j, m, value);
}

// Each lane keeps the two smallest of its columns (j = lane mod 4, met in
// increasing order, so a strict < keeps the lower column on ties); the lanes'
// pairs are then merged in (value, column) order.
struct TwoLanes {
  __m256d first, second, j1, j2;
};

__attribute__((target("avx2"))) inline void keep_two(TwoLanes& l, __m256d h, __m256d column) {
  const __m256d below_first = _mm256_cmp_pd(h, l.first, _CMP_LT_OQ);
  const __m256d below_second = _mm256_cmp_pd(h, l.second, _CMP_LT_OQ);
  l.second = _mm256_blendv_pd(_mm256_blendv_pd(l.second, h, below_second), l.first, below_first);
  l.j2 = _mm256_blendv_pd(_mm256_blendv_pd(l.j2, column, below_second), l.j1, below_first);
  l.first = _mm256_blendv_pd(l.first, h, below_first);
  l.j1 = _mm256_blendv_pd(l.j1, column, below_first);
}

// Two sets of lanes (columns j mod 8 < 4 and >= 4) halve the dependency chain.
template <class W>
__attribute__((target("avx2"))) LeastTwo least_two_avx2(const W* row, const double* v,
                                                        std::size_t m) {
  const __m256d none = _mm256_set1_pd(-1.0), inf = _mm256_set1_pd(kInf);
  TwoLanes lanes[2] = {{inf, inf, none, none}, {inf, inf, none, none}};
  __m256d column = _mm256_setr_pd(0.0, 1.0, 2.0, 3.0);
  const __m256d four = _mm256_set1_pd(4.0), eight = _mm256_set1_pd(8.0);
  std::size_t j = 0;
  for (; j + 8 <= m; j += 8) {
    prefetch_ahead(row + j);
    keep_two(lanes[0], _mm256_sub_pd(load4(row + j), _mm256_loadu_pd(v + j)), column);
    keep_two(lanes[1], _mm256_sub_pd(load4(row + j + 4), _mm256_loadu_pd(v + j + 4)),
             _mm256_add_pd(column, four));
    column = _mm256_add_pd(column, eight);
  }
  alignas(32) double f[8], fj[8], sv[8], sj[8];
  for (int half = 0; half < 2; ++half) {
    _mm256_store_pd(f + 4 * half, lanes[half].first);
    _mm256_store_pd(fj + 4 * half, lanes[half].j1);
    _mm256_store_pd(sv + 4 * half, lanes[half].second);
    _mm256_store_pd(sj + 4 * half, lanes[half].j2);
  }
  LeastTwo t;
  const auto before = [](double a, std::int64_t ja, double b, std::int64_t jb) {
    return a < b || (a == b && ja < jb);
  };
  const auto offer = [&](double h, double jd) {
    const auto jj = static_cast<std::int64_t>(jd);
    if (jj < 0) return;
    if (t.j1 < 0 || before(h, jj, t.first, t.j1)) {
      t.second = t.first;
      t.j2 = t.j1;
      t.first = h;
      t.j1 = jj;
    } else if (t.j2 < 0 || before(h, jj, t.second, t.j2)) {
      t.second = h;
      t.j2 = jj;
    }
  };
  for (int lane = 0; lane < 8; ++lane) {
    offer(f[lane], fj[lane]);
    offer(sv[lane], sj[lane]);
  }
  for (; j < m; ++j) take(t, static_cast<double>(row[j]) - v[j], static_cast<std::int64_t>(j));
  return t;
}

__attribute__((target("avx2"))) void fold_row_avx2(const double* row, std::size_t m, double i,
                                                   const ColumnMinima& c) {
  if (i == 0.0) {
    fold_row_scalar(row, m, i, c);
    return;
  }
  const __m256d one = _mm256_set1_pd(1.0), who = _mm256_set1_pd(i);
  __m256d level[kTrackedRows];
  for (int k = 1; k < kTrackedRows; ++k) level[k] = _mm256_set1_pd(static_cast<double>(k));
  std::size_t j = 0;
  for (; j + 4 <= m; j += 4) {
    const __m256d w = _mm256_loadu_pd(row + j), low = _mm256_loadu_pd(c.low + j);
    const __m256d held = _mm256_loadu_pd(c.count + j);
    const __m256d less = _mm256_cmp_pd(w, low, _CMP_LT_OQ);
    const __m256d tie = _mm256_cmp_pd(w, low, _CMP_EQ_OQ);
    if (_mm256_movemask_pd(_mm256_or_pd(less, tie)) == 0) continue;  // the common case
    for (int k = 1; k < kTrackedRows; ++k) {
      const __m256d mark = _mm256_and_pd(tie, _mm256_cmp_pd(held, level[k], _CMP_EQ_OQ));
      _mm256_storeu_pd(c.rows[k] + j, _mm256_blendv_pd(_mm256_loadu_pd(c.rows[k] + j), who, mark));
    }
    _mm256_storeu_pd(c.rows[0] + j, _mm256_blendv_pd(_mm256_loadu_pd(c.rows[0] + j), who, less));
    const __m256d counted = _mm256_add_pd(held, _mm256_and_pd(tie, one));
    _mm256_storeu_pd(c.count + j, _mm256_blendv_pd(counted, one, less));
    _mm256_storeu_pd(c.low + j, _mm256_blendv_pd(low, w, less));
  }
  if (j < m) {
    const ColumnMinima rest{
        c.low + j, c.count + j, {c.rows[0] + j, c.rows[1] + j, c.rows[2] + j, c.rows[3] + j}};
    fold_row_scalar(row + j, m - j, i, rest);
  }
}

__attribute__((target("avx2"))) bool narrow_avx2(const double* row, std::size_t m, float* out) {
  __m256d same = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
  std::size_t j = 0;
  for (; j + 4 <= m; j += 4) {
    const __m256d w = _mm256_loadu_pd(row + j);
    const __m128 f = _mm256_cvtpd_ps(w);
    _mm_storeu_ps(out + j, f);
    same = _mm256_and_pd(same, _mm256_cmp_pd(_mm256_cvtps_pd(f), w, _CMP_EQ_OQ));
  }
  return (_mm256_movemask_pd(same) == 0xF) & narrow_scalar(row + j, m - j, out + j);
}

__attribute__((target("avx2"))) bool survey_avx2(const double* row, std::size_t m, double& low,
                                                 double& high) {
  const __m256d top = _mm256_set1_pd(std::numeric_limits<double>::max());
  const __m256d magnitude = _mm256_castsi256_pd(_mm256_set1_epi64x(0x7fffffffffffffff));
  __m256d a = _mm256_set1_pd(low), b = _mm256_set1_pd(high);
  __m256d finite = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
  std::size_t j = 0;
  for (; j + 4 <= m; j += 4) {
    const __m256d w = _mm256_loadu_pd(row + j);
    finite = _mm256_and_pd(finite, _mm256_cmp_pd(_mm256_and_pd(w, magnitude), top, _CMP_LE_OQ));
    a = _mm256_min_pd(w, a);
    b = _mm256_max_pd(w, b);
  }
  if (_mm256_movemask_pd(finite) != 0xF) return false;
  double lanes_low = least(a);
  double lanes_high = -least(_mm256_sub_pd(_mm256_setzero_pd(), b));
  if (!survey_scalar(row + j, m - j, lanes_low, lanes_high)) return false;
  low = lanes_low;
  high = lanes_high;
  return true;
}

constexpr ScanKernels kAvx2Kernels{{start_avx2<double>, relax_avx2<double>, least_two_avx2<double>},
                                   {start_avx2<float>, relax_avx2<float>, least_two_avx2<float>},
                                   find_avx2,
                                   fold_row_avx2,
                                   narrow_avx2,
                                   survey_avx2,
                                   ScanKernel::kAvx2};

#endif  // SIXLINK_HAVE_AVX2_KERNELS

const ScanKernels* pick(ScanKernel kernel) {
#ifdef SIXLINK_HAVE_AVX2_KERNELS
  if (kernel == ScanKernel::kAvx2 && cpu_has_avx2()) return &kAvx2Kernels;
#endif
  (void)kernel;
  return &kScalarKernels;
}

// SIXLINK_SCAN_KERNEL=scalar in the environment starts the process on the
// portable kernels (to measure them, or to rule the vector ones out).
ScanKernel initial_kernel() {
  const char* asked = std::getenv("SIXLINK_SCAN_KERNEL");
  return asked != nullptr && std::strcmp(asked, "scalar") == 0 ? ScanKernel::kScalar
                                                               : ScanKernel::kAvx2;
}

std::atomic<const ScanKernels*>& current() {
  static std::atomic<const ScanKernels*> in_use{pick(initial_kernel())};
  return in_use;
}

}  // namespace

const ScanKernels& scan_kernels() { return *current().load(std::memory_order_relaxed); }

ScanKernel set_scan_kernel(ScanKernel kernel) {
  const ScanKernels* chosen = pick(kernel);
  current().store(chosen, std::memory_order_relaxed);
  return chosen->kind;
}

}  // namespace sixlink::detail
