// Scalar and AVX2 pricing scans (see pricing_scan.hpp). The AVX2 function
// carries __attribute__((target("avx2"))): only it is compiled for AVX2, and it
// runs only after __builtin_cpu_supports("avx2") said yes.
#include "flow/pricing_scan.hpp"

#include <atomic>
#include <cstdlib>
#include <cstring>

#include "detail/cpu.hpp"

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define SIXLINK_HAVE_AVX2_PRICING 1
#include <immintrin.h>
#endif

namespace sixlink::detail {
namespace {

using Scan = void (*)(const PricedArcs&, std::int32_t, std::int32_t, std::int64_t&, std::int32_t&);

void least_violation_scalar(const PricedArcs& p, std::int32_t first, std::int32_t last,
                            std::int64_t& best, std::int32_t& best_arc) {
  std::int64_t low = best;
  std::int32_t at = best_arc;
  for (std::int32_t a = first; a < last; ++a) {
    const std::int64_t violation =
        p.state[a] * (p.cost[a] + p.potential[p.tail[a]] - p.potential[p.head[a]]);
    if (violation < low) {
      low = violation;
      at = a;
    }
  }
  best = low;
  best_arc = at;
}

#ifdef SIXLINK_HAVE_AVX2_PRICING
__attribute__((target("avx2"))) void least_violation_avx2(const PricedArcs& p, std::int32_t first,
                                                          std::int32_t last, std::int64_t& best,
                                                          std::int32_t& best_arc) {
  std::int32_t a = first;
  if (last - first >= 8) {
    const auto* potential = reinterpret_cast<const long long*>(p.potential);
    const __m256i zero = _mm256_setzero_si256();
    const __m256i four = _mm256_set1_epi64x(4);
    __m256i low = _mm256_set1_epi64x(best);  // each lane: its least below best so far
    __m256i at = _mm256_set1_epi64x(-1);     // and its arc (-1: none)
    __m256i index = _mm256_setr_epi64x(a, a + 1, a + 2, a + 3);
    for (; a + 4 <= last; a += 4) {
      const __m128i tail = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.tail + a));
      const __m128i head = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.head + a));
      const __m256i reduced = _mm256_sub_epi64(
          _mm256_add_epi64(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p.cost + a)),
                           _mm256_i32gather_epi64(potential, tail, 8)),
          _mm256_i32gather_epi64(potential, head, 8));
      std::int32_t four_states;
      std::memcpy(&four_states, p.state + a, sizeof four_states);
      const __m256i state = _mm256_cvtepi8_epi64(_mm_cvtsi32_si128(four_states));
      // state * reduced for state in {-1, 0, 1}: negate where -1, zero where 0.
      const __m256i negative = _mm256_cmpgt_epi64(zero, state);
      const __m256i signed_reduced =
          _mm256_sub_epi64(_mm256_xor_si256(reduced, negative), negative);
      const __m256i violation =
          _mm256_andnot_si256(_mm256_cmpeq_epi64(state, zero), signed_reduced);
      const __m256i lower = _mm256_cmpgt_epi64(low, violation);
      low = _mm256_blendv_epi8(low, violation, lower);
      at = _mm256_blendv_epi8(at, index, lower);
      index = _mm256_add_epi64(index, four);
    }
    alignas(32) std::int64_t lane_low[4], lane_at[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lane_low), low);
    _mm256_store_si256(reinterpret_cast<__m256i*>(lane_at), at);
    for (int lane = 0; lane < 4; ++lane) {
      if (lane_at[lane] < 0) continue;
      if (lane_low[lane] < best || (lane_low[lane] == best && lane_at[lane] < best_arc)) {
        best = lane_low[lane];
        best_arc = static_cast<std::int32_t>(lane_at[lane]);
      }
    }
  }
  least_violation_scalar(p, a, last, best, best_arc);
}
#endif

Scan pick(PricingKernel kernel) {
#ifdef SIXLINK_HAVE_AVX2_PRICING
  if (kernel == PricingKernel::kAvx2 && cpu_has_avx2()) return least_violation_avx2;
#endif
  (void)kernel;
  return least_violation_scalar;
}

PricingKernel initial_kernel() {
  const char* asked = std::getenv("SIXLINK_SCAN_KERNEL");
  return asked != nullptr && std::strcmp(asked, "scalar") == 0 ? PricingKernel::kScalar
                                                               : PricingKernel::kAvx2;
}

std::atomic<Scan>& current() {
  static std::atomic<Scan> in_use{pick(initial_kernel())};
  return in_use;
}

}  // namespace

void least_violation(const PricedArcs& arcs, std::int32_t first, std::int32_t last,
                     std::int64_t& best, std::int32_t& best_arc) {
  current().load(std::memory_order_relaxed)(arcs, first, last, best, best_arc);
}

PricingKernel set_pricing_kernel(PricingKernel kernel) {
  const Scan chosen = pick(kernel);
  current().store(chosen, std::memory_order_relaxed);
  return chosen == least_violation_scalar ? PricingKernel::kScalar : PricingKernel::kAvx2;
}

}  // namespace sixlink::detail
