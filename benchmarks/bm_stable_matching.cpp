// Stable matching: deferred acceptance (both sides), parallel-choice admission
// and the stability audit on seeded markets. Applicants list 10 distinct
// institutions drawn uniformly, institutions have equal capacities adding up to
// the number of applicants, priority is one exam score per applicant with ties
// (integer scores 0..750) broken by the seeded lottery. Run:
//   build/benchmarks/bm_stable_matching --benchmark_repetitions=5
//   --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <random>

#include "sixlink/matching/parallel_choice.hpp"
#include "sixlink/matching/stable_matching.hpp"
#include "sixlink/verify/stability_audit.hpp"

namespace {

using namespace sixlink;

// range(0): applicants in thousands; institutions = applicants / 50.
const MatchingMarket& market(std::int64_t thousands) {
  static std::map<std::int64_t, MatchingMarket> cache;
  MatchingMarket& m = cache[thousands];
  if (m.capacities.empty()) {
    const Index applicants = thousands * 1000, institutions = applicants / 50, choices = 10;
    std::mt19937_64 rng(static_cast<std::uint64_t>(thousands));
    std::uniform_int_distribution<Index> pick(0, institutions - 1);
    std::uniform_int_distribution<int> score(0, 750);
    m.applicant_prefs.indices.reserve(static_cast<std::size_t>(applicants * choices));
    std::vector<Index> list;
    for (Index a = 0; a < applicants; ++a) {
      list.clear();
      while (static_cast<Index>(list.size()) < choices) {
        const Index s = pick(rng);
        if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
      }
      m.applicant_prefs.add(list);
      m.scores.push_back(score(rng));
    }
    m.capacities.assign(static_cast<std::size_t>(institutions), 50);
  }
  return m;
}

// The same lists, but each institution scores applicants its own way (one
// score per list entry): priorities disagree, so far more proposals bounce.
const MatchingMarket& entry_scored_market(std::int64_t thousands) {
  static std::map<std::int64_t, MatchingMarket> cache;
  MatchingMarket& m = cache[thousands];
  if (m.capacities.empty()) {
    m = market(thousands);
    m.scores.clear();
    std::mt19937_64 rng(static_cast<std::uint64_t>(thousands) + 99);
    std::uniform_int_distribution<int> score(0, 750);
    m.entry_scores.resize(m.applicant_prefs.indices.size());
    for (double& x : m.entry_scores) x = score(rng);
  }
  return m;
}

void entries(benchmark::State& state) {
  state.counters["list_entries"] =
      static_cast<double>(market(state.range(0)).applicant_prefs.indices.size());
}

void BM_ApplicantsPropose(benchmark::State& state) {
  const MatchingMarket& m = market(state.range(0));
  Count proposals = 0;
  for (auto _ : state) proposals = solve_stable_matching(m).proposals;
  entries(state);
  state.counters["proposals"] = static_cast<double>(proposals);
}

void BM_ApplicantsProposeEntryScores(benchmark::State& state) {
  const MatchingMarket& m = entry_scored_market(state.range(0));
  Count proposals = 0;
  for (auto _ : state) proposals = solve_stable_matching(m).proposals;
  entries(state);
  state.counters["proposals"] = static_cast<double>(proposals);
}

void BM_InstitutionsPropose(benchmark::State& state) {
  const MatchingMarket& m = market(state.range(0));
  Count proposals = 0;
  for (auto _ : state)
    proposals = solve_stable_matching(m, {ProposingSide::kInstitutions}).proposals;
  entries(state);
  state.counters["proposals"] = static_cast<double>(proposals);
}

void BM_ParallelChoice(benchmark::State& state) {
  const MatchingMarket& m = market(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(parallel_choice_admission(m));
  entries(state);
}

void BM_Audit(benchmark::State& state) {
  const MatchingMarket& m = market(state.range(0));
  const auto match = solve_stable_matching(m).applicant_match;
  for (auto _ : state) benchmark::DoNotOptimize(audit_stability(m, match));
  entries(state);
}

void sizes(benchmark::internal::Benchmark* b) {
  b->Arg(100)->Arg(300)->Arg(1000)->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(BM_ApplicantsPropose)->Apply(sizes);
BENCHMARK(BM_ApplicantsProposeEntryScores)->Apply(sizes);
BENCHMARK(BM_InstitutionsPropose)->Apply(sizes);
BENCHMARK(BM_ParallelChoice)->Apply(sizes);
BENCHMARK(BM_Audit)->Apply(sizes);

BENCHMARK_MAIN();
