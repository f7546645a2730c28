// Stable matching: deferred acceptance (both sides), parallel-choice admission
// and the stability audit on seeded markets. Applicants list 10 distinct
// institutions drawn uniformly, institutions have equal capacities adding up to
// the number of applicants, priority is one exam score per applicant with ties
// (integer scores 0..750) broken by the seeded lottery; BM_Family adds the
// correlated families of issue 19 (popularity, repeated lists). Run:
//   build/benchmarks/bm_stable_matching --benchmark_repetitions=5
//   --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
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

// The correlated families of issue 19 at range(0) thousand applicants, 10
// choices, n / 50 institutions of 50 seats, one score per applicant 0..750
// (benchmarks/stable_families.py runs the same through Python):
// range(1) = 1: popularity, institution j drawn with weight exp(q_j / 0.5),
// q_j standard normal (a top-10 list under quality plus Gumbel noise);
// range(1) = 2: repeated lists, n / 500 distinct uniform lists of 500 holders each.
const MatchingMarket& family_market(std::int64_t thousands, std::int64_t family) {
  static std::map<std::pair<std::int64_t, std::int64_t>, MatchingMarket> cache;
  MatchingMarket& m = cache[{thousands, family}];
  if (!m.capacities.empty()) return m;
  const Index applicants = thousands * 1000, institutions = applicants / 50, choices = 10;
  std::mt19937_64 rng(static_cast<std::uint64_t>(thousands * 10 + family));
  std::vector<double> weight(static_cast<std::size_t>(institutions), 1.0);
  std::normal_distribution<double> quality(0.0, 1.0);
  if (family == 1)
    for (double& w : weight) w = std::exp(quality(rng) / 0.5);
  std::discrete_distribution<Index> pick(weight.begin(), weight.end());
  auto draw = [&] {
    std::vector<Index> list;
    while (static_cast<Index>(list.size()) < choices) {
      const Index s = pick(rng);
      if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
    }
    return list;
  };
  std::vector<std::vector<Index>> shared;
  if (family == 2)
    for (Index d = 0; d < applicants / 500; ++d) shared.push_back(draw());
  std::uniform_int_distribution<int> score(0, 750);
  for (Index a = 0; a < applicants; ++a) {
    m.applicant_prefs.add(family == 2 ? shared[static_cast<std::size_t>(a) % shared.size()]
                                      : draw());
    m.scores.push_back(score(rng));
  }
  m.capacities.assign(static_cast<std::size_t>(institutions), 50);
  return m;
}

void BM_Family(benchmark::State& state, ProposingSide side) {
  const MatchingMarket& m = family_market(state.range(0), state.range(1));
  Count proposals = 0;
  for (auto _ : state) proposals = solve_stable_matching(m, {side}).proposals;
  state.counters["proposals"] = static_cast<double>(proposals);
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
BENCHMARK_CAPTURE(BM_Family, applicants, ProposingSide::kApplicants)
    ->ArgsProduct({{1000}, {0, 1, 2}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Family, institutions, ProposingSide::kInstitutions)
    ->ArgsProduct({{1000}, {0, 1, 2}})
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
