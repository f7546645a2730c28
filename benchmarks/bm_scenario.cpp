// Loading and saving scenarios: the cost every command pays before it solves.
// Run: build/benchmarks/bm_scenario --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <sixlink/sixlink.hpp>

namespace {

void BM_ParseJson(benchmark::State& state) {
  const std::string text = sixlink::scenario_to_json(sixlink::default_scenario());
  for (auto _ : state) benchmark::DoNotOptimize(sixlink::scenario_from_json(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseJson)->Unit(benchmark::kMillisecond);

void BM_WriteJson(benchmark::State& state) {
  const sixlink::Scenario& s = sixlink::default_scenario();
  for (auto _ : state) benchmark::DoNotOptimize(sixlink::scenario_to_json(s));
}
BENCHMARK(BM_WriteJson)->Unit(benchmark::kMillisecond);

void BM_ParseCsv(benchmark::State& state) {
  const sixlink::CsvFiles files = sixlink::scenario_to_csv(sixlink::default_scenario());
  for (auto _ : state) benchmark::DoNotOptimize(sixlink::scenario_from_csv(files));
}
BENCHMARK(BM_ParseCsv)->Unit(benchmark::kMillisecond);

void BM_Summarise(benchmark::State& state) {
  const sixlink::Scenario& s = sixlink::default_scenario();
  for (auto _ : state) benchmark::DoNotOptimize(sixlink::summarise(s));
}
BENCHMARK(BM_Summarise)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
