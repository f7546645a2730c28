// Student placement in C++: median wall time of sixlink::place in each mode on the
// synthetic cohort of a scenario file (the cohort is drawn once, not timed); then
// the optimal mode's network alone, solved by sixlink's network simplex (with the
// options place() uses: blocks of sqrt(arcs) / 64 (at least 10) and the crash
// start; the same without the crash start; and the engine's defaults) and by
// LEMON's (which always uses its own default block), side by side, with the
// range of the calls.
// Make a scenario with about 100,000 graduates and 10,000 openings with the
// Python generator (one line):
//
//   PYTHONPATH=build/python /usr/bin/python3 -c "import json;
//     from sixlink.synthetic import synthetic_scenario_dict as d;
//     json.dump(d(650, 50, 10, enterprises=5000, seed=1), open('cohort100k.json', 'w'))"
//   build/benchmarks/placement_cpp cohort100k.json [repeat] [candidates]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <sixlink/sixlink.hpp>
#include <string>
#include <vector>

#include "lemon_flow.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: placement_cpp SCENARIO [repeat] [candidates]\n");
    return 2;
  }
  try {
    const sixlink::Scenario scenario = sixlink::load_scenario(argv[1]);
    const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    sixlink::PlacementOptions options;
    if (argc > 3) options.candidates = std::atol(argv[3]);
    const sixlink::Cohort cohort = sixlink::synthetic_cohort(scenario);
    sixlink::Count seats = 0;
    for (const auto& o : cohort.openings) seats += o.capacity;
    std::printf("%s: %zu graduates, %zu openings (%lld seats), k = %lld\n", scenario.name.c_str(),
                cohort.graduates.size(), cohort.openings.size(), static_cast<long long>(seats),
                static_cast<long long>(options.candidates));
    for (auto mode : {sixlink::PlacementMode::kOptimal, sixlink::PlacementMode::kStable,
                      sixlink::PlacementMode::kParallel}) {
      options.mode = mode;
      std::vector<double> seconds;
      sixlink::PlacementResult r;
      for (int k = 0; k < repeat; ++k) {
        const auto start = std::chrono::steady_clock::now();
        r = sixlink::place(scenario, cohort, options);
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      }
      std::sort(seconds.begin(), seconds.end());
      std::printf(
          "%-8s median %.3f s over %d calls (min %.3f, max %.3f): placed %lld, retention %.4f, "
          "value %.3f, %lld candidate pairs, %zu blocking pairs%s\n",
          std::string(sixlink::to_string(mode)).c_str(), seconds[seconds.size() / 2], repeat,
          seconds.front(), seconds.back(), static_cast<long long>(r.placed), r.retention_rate,
          r.total_value, static_cast<long long>(r.candidate_pairs), r.blocking_pairs.size(),
          mode == sixlink::PlacementMode::kOptimal
              ? (r.certified ? ", certified" : ", NOT CERTIFIED")
              : "");
    }
    const sixlink::MinCostFlow network = sixlink::placement_network(scenario, cohort, options);
    sixlink::MinCostFlowOptions block;
    block.block_size = std::max<sixlink::Index>(
        10, static_cast<sixlink::Index>(std::sqrt(static_cast<double>(network.arc_count())) / 64));
    sixlink::MinCostFlowOptions crash = block;  // place()'s options
    crash.crash_start = true;
    std::vector<double> ours, ours_artificial, ours_default, bs, al;
    sixlink::Index pivots = 0, pivots_artificial = 0, pivots_default = 0;
    sixlink::Cost cost = 0;
    // A cold solve of a fresh copy (copied untimed): seconds; its pivots and cost out.
    auto solve = [&network](const sixlink::MinCostFlowOptions& o, sixlink::Index& iterations,
                            sixlink::Cost& optimum) {
      sixlink::MinCostFlow copy = network;
      const auto start = std::chrono::steady_clock::now();
      const sixlink::MinCostFlowResult r = copy.solve(o);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      iterations = r.iterations;
      optimum = r.cost;
      return seconds;
    };
    for (int k = 0; k < repeat; ++k) {
      ours.push_back(solve(crash, pivots, cost));
      sixlink::Cost other = 0;
      ours_artificial.push_back(solve(block, pivots_artificial, other));
      if (other != cost) {
        std::fprintf(stderr, "placement_cpp: the artificial start's optimum differs\n");
        return 1;
      }
      ours_default.push_back(solve({}, pivots_default, other));
      if (other != cost) {
        std::fprintf(stderr, "placement_cpp: the default options' optimum differs\n");
        return 1;
      }
      for (auto rule : {sixlink::testing::LemonPivot::kBlockSearch,
                        sixlink::testing::LemonPivot::kAlteringList}) {
        sixlink::testing::LemonFlow lemon(network);
        const auto start = std::chrono::steady_clock::now();
        const auto outcome = lemon.solve(rule);
        const double t =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        (rule == sixlink::testing::LemonPivot::kBlockSearch ? bs : al).push_back(t);
        if (outcome.cost != cost) {
          std::fprintf(stderr, "placement_cpp: LEMON's optimum %lld differs from %lld\n",
                       static_cast<long long>(outcome.cost), static_cast<long long>(cost));
          return 1;
        }
      }
    }
    auto median = [](std::vector<double> v) {
      std::sort(v.begin(), v.end());
      return v[v.size() / 2];
    };
    auto spread = [](const std::vector<double>& v) {
      char text[48];
      std::snprintf(text, sizeof text, "%.3f-%.3f", *std::min_element(v.begin(), v.end()),
                    *std::max_element(v.begin(), v.end()));
      return std::string(text);
    };
    const double lemon = std::min(median(bs), median(al));
    std::printf(
        "optimal network (%lld nodes, %lld arcs), medians of %d (range) in s:\n"
        "  sixlink, place()'s options     %.3f (%s)  ratio to LEMON %.2f, %lld pivots\n"
        "  the same, no crash start       %.3f (%s)  ratio to LEMON %.2f, %lld pivots\n"
        "  sixlink, default options       %.3f (%s)  ratio to LEMON %.2f, %lld pivots\n"
        "  LEMON block search             %.3f (%s)\n"
        "  LEMON altering list            %.3f (%s)  (same optimum)\n",
        static_cast<long long>(network.node_count()), static_cast<long long>(network.arc_count()),
        repeat, median(ours), spread(ours).c_str(), median(ours) / lemon,
        static_cast<long long>(pivots), median(ours_artificial), spread(ours_artificial).c_str(),
        median(ours_artificial) / lemon, static_cast<long long>(pivots_artificial),
        median(ours_default), spread(ours_default).c_str(), median(ours_default) / lemon,
        static_cast<long long>(pivots_default), median(bs), spread(bs).c_str(), median(al),
        spread(al).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "placement_cpp: %s\n", e.what());
    return 1;
  }
  return 0;
}
