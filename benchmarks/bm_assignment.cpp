// Assignment: sixlink's solvers and LEMON's NetworkSimplex (as a min-cost flow
// on the complete bipartite graph) on the same seeded matrices in one process.
// LEMON's time covers NetworkSimplex's construction and run, not building its
// graph. Run:
//   build/benchmarks/bm_assignment --benchmark_repetitions=5 --benchmark_report_aggregates_only
// (add --benchmark_filter=... to pick families; SciPy is compared in
// benchmarks/assignment_vs_scipy.py).
#include <benchmark/benchmark.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "sixlink/assignment/assignment.hpp"

namespace {

using namespace sixlink;

// Families: 0-2 uniform [0, 1000] and 3-5 uniform [0, 100 n] for n = 1000,
// 2000, 4000; 6 low range [0, 10], n = 4000; 7 rectangular 2000 x 20000.
struct Family {
  Index rows, cols;
  std::int64_t high;
};

Family family(std::int64_t which) {
  static constexpr Index kSizes[] = {1000, 2000, 4000};
  if (which < 3) return {kSizes[which], kSizes[which], 1000};
  if (which < 6) return {kSizes[which - 3], kSizes[which - 3], 100 * kSizes[which - 3]};
  if (which == 6) return {4000, 4000, 10};
  return {2000, 20000, 1000};
}

const DenseWeights& matrix(std::int64_t which) {
  static std::vector<DenseWeights> cache(8);
  DenseWeights& w = cache[static_cast<std::size_t>(which)];
  if (w.size() == 0) {
    const Family f = family(which);
    std::mt19937_64 rng(static_cast<std::uint64_t>(which) + 1);
    std::uniform_int_distribution<std::int64_t> draw(0, f.high);
    w.resize(f.rows, f.cols);
    for (Index i = 0; i < f.rows; ++i) {
      for (Index j = 0; j < f.cols; ++j) w(i, j) = static_cast<double>(draw(rng));
    }
  }
  return w;
}

void solve(benchmark::State& state, AssignmentAlgorithm algorithm, int threads) {
  const DenseWeights& w = matrix(state.range(0));
  AssignmentOptions options;
  options.algorithm = algorithm;
  options.threads = threads;
  for (auto _ : state) benchmark::DoNotOptimize(solve_assignment(w, options));
  state.counters["n"] = static_cast<double>(w.rows());
  state.counters["m"] = static_cast<double>(w.cols());
}

void BM_Auto(benchmark::State& s) { solve(s, AssignmentAlgorithm::kAuto, 0); }
void BM_ShortestPath(benchmark::State& s) { solve(s, AssignmentAlgorithm::kShortestPath, 0); }
void BM_Auction1(benchmark::State& s) { solve(s, AssignmentAlgorithm::kAuction, 1); }
void BM_Auction2(benchmark::State& s) { solve(s, AssignmentAlgorithm::kAuction, 2); }

void BM_Lemon(benchmark::State& state) {
  using Graph = lemon::SmartDigraph;
  using Simplex = lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t>;
  const DenseWeights& w = matrix(state.range(0));
  Graph graph;
  const auto rows = static_cast<int>(w.rows()), cols = static_cast<int>(w.cols());
  graph.reserveNode(rows + cols);
  graph.reserveArc(rows * cols);
  for (int k = 0; k < rows + cols; ++k) graph.addNode();
  Graph::ArcMap<std::int64_t> cost(graph);
  Graph::NodeMap<std::int64_t> supply(graph);
  for (int i = 0; i < rows; ++i) {
    supply[graph.nodeFromId(i)] = 1;
    for (int j = 0; j < cols; ++j) {
      cost[graph.addArc(graph.nodeFromId(i), graph.nodeFromId(rows + j))] =
          static_cast<std::int64_t>(w(i, j));
    }
  }
  for (int j = 0; j < cols; ++j) supply[graph.nodeFromId(rows + j)] = -1;
  // Rows supply one unit each; columns take at most one (GEQ: supplies may sum
  // below zero), which with non-negative costs is the rectangular assignment.
  for (auto _ : state) {
    Simplex simplex(graph);
    simplex.costMap(cost).supplyMap(supply).supplyType(Simplex::GEQ);
    if (simplex.run() != Simplex::OPTIMAL) state.SkipWithError("LEMON: not optimal");
    benchmark::DoNotOptimize(simplex.totalCost());
  }
}

// Sparse 20000 x 20000, 50 entries a row (the diagonal and 49 random columns),
// weights in [1, 1000]: the family SciPy's min_weight_full_bipartite_matching
// is compared on.
void BM_Sparse(benchmark::State& state) {
  const Index n = 20000, per_row = 50;
  std::mt19937_64 rng(9);
  std::uniform_int_distribution<Index> column(0, n - 1);
  std::uniform_int_distribution<int> weight(1, 1000);
  std::vector<Index> indptr{0}, indices;
  std::vector<double> values;
  std::vector<Index> row;
  for (Index i = 0; i < n; ++i) {
    row.assign({i});
    for (Index k = 1; k < per_row; ++k) row.push_back(column(rng));
    std::sort(row.begin(), row.end());
    row.erase(std::unique(row.begin(), row.end()), row.end());
    for (Index j : row) {
      indices.push_back(j);
      values.push_back(weight(rng));
    }
    indptr.push_back(static_cast<Index>(indices.size()));
  }
  const SparseWeights w{n, n, indptr, indices, values};
  for (auto _ : state) benchmark::DoNotOptimize(solve_assignment(w));
}

void families(benchmark::internal::Benchmark* b) {
  b->DenseRange(0, 7)->Unit(benchmark::kMillisecond)->Iterations(1);
}
void square_families(benchmark::internal::Benchmark* b) {  // the auction is square only
  b->DenseRange(0, 6)->Unit(benchmark::kMillisecond)->Iterations(1);
}

}  // namespace

BENCHMARK(BM_Auto)->Apply(families);
BENCHMARK(BM_ShortestPath)->Apply(families);
BENCHMARK(BM_Auction1)->Apply(square_families);
BENCHMARK(BM_Auction2)->Apply(square_families);
BENCHMARK(BM_Lemon)->Apply(families);
BENCHMARK(BM_Sparse)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
