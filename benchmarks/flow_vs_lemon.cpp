// Side by side: sixlink's network simplex and LEMON's NetworkSimplex (block
// search and altering candidate list) on the same instances in one process.
// Prints median solve times over --repeat runs and the ratio of sixlink's median
// to the faster LEMON rule's; every run must reach the same optimal cost.
//
//   build/benchmarks/flow_vs_lemon [--repeat 5] [--quick] [--boost]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "flow_generators.hpp"
#include "lemon_flow.hpp"
#include "ssp_boost.hpp"

namespace {

using namespace sixlink;
using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

template <class F>
double time_ms(F&& f) {
  const auto t0 = Clock::now();
  f();
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Family {
  std::string name;
  std::function<MinCostFlow(std::uint64_t)> make;
  bool boost = false;  // also run Boost.Graph's successive shortest paths
};

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  bool quick = false, with_boost = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
    if (!std::strcmp(argv[i], "--quick")) quick = true;
    if (!std::strcmp(argv[i], "--boost")) with_boost = true;
  }
  std::vector<Family> families = {
      {"transport 2000x200, 100k arcs",
       [](auto s) { return bench::transportation(2000, 200, 100'000, 1000, s); }, true},
      {"netgen 5k nodes, 50k arcs",
       [](auto s) { return bench::netgen(5000, 50'000, 50, 50, 10'000, 1000, 10, 1000, s); }},
  };
  if (!quick) {
    families.push_back({"transport 20000x2000, 1M arcs", [](auto s) {
                          return bench::transportation(20'000, 2000, 1'000'000, 1000, s);
                        }});
    families.push_back({"netgen 50k nodes, 500k arcs", [](auto s) {
                          return bench::netgen(50'000, 500'000, 200, 200, 100'000, 1000, 10, 1000,
                                               s);
                        }});
  }
  std::printf("%-32s %10s %10s %10s %10s %7s %s\n", "instance (median of runs)", "sixlink",
              "lemon-bs", "lemon-al", "boost-ssp", "ratio", "range");
  for (const auto& family : families) {
    std::vector<double> ours, block, altering, ssp;
    for (int r = 0; r < repeat; ++r) {
      MinCostFlow p = family.make(static_cast<std::uint64_t>(r + 1));
      testing::LemonFlow lemon(p);
      MinCostFlowResult result;
      ours.push_back(time_ms([&] { result = p.solve({0, false}); }));
      testing::LemonOutcome a, b;
      block.push_back(time_ms([&] { a = lemon.solve(testing::LemonPivot::kBlockSearch); }));
      altering.push_back(time_ms([&] { b = lemon.solve(testing::LemonPivot::kAlteringList); }));
      if (result.status != FlowStatus::kOptimal || a.cost != result.cost || b.cost != result.cost) {
        std::fprintf(stderr, "%s run %d: costs differ (sixlink %lld, lemon %lld / %lld)\n",
                     family.name.c_str(), r, static_cast<long long>(result.cost),
                     static_cast<long long>(a.cost), static_cast<long long>(b.cost));
        return 1;
      }
      if (with_boost && family.boost && r == 0) {
        Cost boost_cost = 0;
        bench::BoostSsp boost_ssp(p);  // built outside the timing, as LEMON's graph is
        ssp.push_back(time_ms([&] { boost_cost = boost_ssp.solve(); }));
        if (boost_cost != result.cost) {
          std::fprintf(stderr, "boost cost differs\n");
          return 1;
        }
      }
    }
    const double best_lemon = std::min(median(block), median(altering));
    // The spread: each instance's own ratio to the faster LEMON rule on it.
    double low = 1e300, high = 0.0;
    for (std::size_t r = 0; r < ours.size(); ++r) {
      const double ratio = ours[r] / std::min(block[r], altering[r]);
      low = std::min(low, ratio);
      high = std::max(high, ratio);
    }
    char boost_cell[32] = "-";
    if (!ssp.empty()) std::snprintf(boost_cell, sizeof boost_cell, "%.0f", median(ssp));
    std::printf("%-32s %10.1f %10.1f %10.1f %10s %7.2f %5.2f-%.2f\n", family.name.c_str(),
                median(ours), median(block), median(altering), boost_cell,
                median(ours) / best_lemon, low, high);
    std::fflush(stdout);
  }
  return 0;
}
