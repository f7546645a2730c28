// The AVX2 pricing scan against the scalar one: the same arc and violation on
// random blocks, with ties, every state, huge potentials and every alignment.
#include "flow/pricing_scan.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "detail/cpu.hpp"

namespace sixlink::detail {
namespace {

struct Scan {
  std::int64_t best;
  std::int32_t arc;
};

Scan scan(PricingKernel kernel, const PricedArcs& arcs, std::int32_t first, std::int32_t last,
          std::int64_t best, std::int32_t arc) {
  set_pricing_kernel(kernel);
  least_violation(arcs, first, last, best, arc);
  set_pricing_kernel(PricingKernel::kAvx2);
  return {best, arc};
}

TEST(PricingScan, KernelsPickTheSameArc) {
  const bool has_avx2 = cpu_has_avx2();
  EXPECT_EQ(set_pricing_kernel(PricingKernel::kScalar), PricingKernel::kScalar);
  EXPECT_EQ(set_pricing_kernel(PricingKernel::kAvx2),
            has_avx2 ? PricingKernel::kAvx2 : PricingKernel::kScalar);
  if (!has_avx2) GTEST_LOG_(INFO) << "no AVX2 here: only the scalar kernel ran";
  std::mt19937_64 rng(20261205);
  int found = 0, differing_from_first_scan = 0;
  for (int round = 0; round < 3000; ++round) {
    const int nodes = 1 + static_cast<int>(rng() % 40);
    const int count = static_cast<int>(rng() % 70);
    // Few distinct costs and potentials make ties common; some rounds use
    // potentials near 2^61 (as big-M trees have), where 32-bit lanes would not do.
    const bool huge = round % 5 == 0;
    const std::int64_t spread = round % 3 == 0 ? 3 : 1000;
    std::vector<std::int8_t> state(static_cast<std::size_t>(count));
    std::vector<std::int32_t> tail(state.size()), head(state.size());
    std::vector<std::int64_t> cost(state.size()), potential(static_cast<std::size_t>(nodes));
    for (auto& p : potential)
      p = huge ? static_cast<std::int64_t>(rng() >> 2) - (std::int64_t{1} << 61)
               : static_cast<std::int64_t>(rng() % spread) - spread / 2;
    for (std::size_t a = 0; a < state.size(); ++a) {
      state[a] = static_cast<std::int8_t>(static_cast<int>(rng() % 3) - 1);
      tail[a] = static_cast<std::int32_t>(rng() % static_cast<std::uint64_t>(nodes));
      head[a] = static_cast<std::int32_t>(rng() % static_cast<std::uint64_t>(nodes));
      cost[a] = static_cast<std::int64_t>(rng() % spread) - spread / 2;
    }
    const PricedArcs arcs{state.data(), tail.data(), head.data(), cost.data(), potential.data()};
    const auto first = count > 0 ? static_cast<std::int32_t>(rng() % 5) % (count + 1) : 0;
    // Start from nothing found, or from a best found earlier in the scan.
    const bool carried = round % 4 == 1;
    const std::int64_t best = carried ? -static_cast<std::int64_t>(rng() % spread) : 0;
    const std::int32_t arc = carried ? -2 : -1;
    const Scan scalar = scan(PricingKernel::kScalar, arcs, first, count, best, arc);
    const Scan avx2 = scan(PricingKernel::kAvx2, arcs, first, count, best, arc);
    ASSERT_EQ(scalar.arc, avx2.arc) << "round " << round;
    ASSERT_EQ(scalar.best, avx2.best) << "round " << round;
    if (scalar.arc >= 0) {
      ++found;
      // The first of the least: no earlier arc in the range has the same violation.
      for (std::int32_t a = first; a < scalar.arc; ++a) {
        const std::int64_t v =
            state[static_cast<std::size_t>(a)] *
            (cost[static_cast<std::size_t>(a)] + potential[static_cast<std::size_t>(tail[a])] -
             potential[static_cast<std::size_t>(head[a])]);
        ASSERT_GT(v, scalar.best) << "round " << round << ", arc " << a;
      }
      if (scalar.arc > first) ++differing_from_first_scan;
    }
  }
  EXPECT_GT(found, 1500);
  EXPECT_GT(differing_from_first_scan, 1000);
}

}  // namespace
}  // namespace sixlink::detail
