// Min-cost flow: sixlink's network simplex and LEMON's, on seeded instances.
// Run: build/benchmarks/bm_min_cost_flow --benchmark_repetitions=5
// --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include "flow_generators.hpp"
#include "lemon_flow.hpp"

namespace {

using namespace sixlink;

MinCostFlow instance(int which) {
  switch (which) {
    case 0:
      return bench::transportation(2000, 200, 100'000, 1000, 1);
    case 1:
      return bench::netgen(5000, 50'000, 50, 50, 10'000, 1000, 10, 1000, 1);
    default:
      return bench::transportation(20'000, 2000, 1'000'000, 1000, 1);
  }
}

void BM_Sixlink(benchmark::State& state) {
  const MinCostFlow p = instance(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    MinCostFlow q = p;  // fresh basis each time
    benchmark::DoNotOptimize(q.solve({0, false}));
  }
}
BENCHMARK(BM_Sixlink)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_SixlinkWarmCostChange(benchmark::State& state) {
  MinCostFlow p = instance(static_cast<int>(state.range(0)));
  p.solve();
  Cost bump = 1;
  for (auto _ : state) {
    for (Index a = 0; a < p.arc_count(); a += 97) p.set_cost(a, p.cost(a) + (bump = -bump));
    benchmark::DoNotOptimize(p.solve());
  }
}
BENCHMARK(BM_SixlinkWarmCostChange)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_Lemon(benchmark::State& state) {
  testing::LemonFlow lemon(instance(static_cast<int>(state.range(0))));
  const auto pivot =
      state.range(1) == 0 ? testing::LemonPivot::kBlockSearch : testing::LemonPivot::kAlteringList;
  for (auto _ : state) benchmark::DoNotOptimize(lemon.solve(pivot));
}
BENCHMARK(BM_Lemon)->ArgsProduct({{0, 1, 2}, {0, 1}})->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
