// The single-year quota model in C++ alone (no Python, no JSON): median wall time of
// optimise_quotas over repeated calls on a scenario file: without the greedy
// closure tests, with them (the default), and with three binding side constraints. Make the
// province file with the Python generator:
//
//   PYTHONPATH=build/python /usr/bin/python3 -c "import json;
//     from sixlink.synthetic import synthetic_scenario_dict as d;
//     json.dump(d(10000, 200, 50, seed=1), open('province.json', 'w'))"   (one line)
//   build/benchmarks/quotas_cpp province.json [repeat] [enrolment_factor]
//
// enrolment_factor (default 1.01) sets the side-constrained variant's total enrolment relative
// to the unconstrained plan's; on the occupation-level market (issue 16) the unconstrained plan
// fills the province to within 0.7 % of its capacities, so 1.01 is infeasible there.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <sixlink/sixlink.hpp>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: quotas_cpp SCENARIO [repeat]\n");
    return 2;
  }
  try {
    const sixlink::Scenario scenario = sixlink::load_scenario(argv[1]);
    const int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const double enrolment_factor = argc > 3 ? std::atof(argv[3]) : 1.01;
    sixlink::QuotaOptions free;
    free.market.outside_weight = 0.4;
    const sixlink::QuotaResult unconstrained = sixlink::optimise_quotas(scenario, free);
    const char* names[] = {"bounds and capacities, closing off", "bounds and capacities",
                           "+ enrolment, budget, mix"};
    for (const int variant : {0, 1, 2}) {
      sixlink::QuotaOptions options = free;
      options.allow_close = variant > 0;
      if (variant == 2) {  // as benchmarks/quotas_vs_highs.py: three binding side constraints
        options.total_enrolment = unconstrained.enrolment * enrolment_factor;
        options.budget = unconstrained.cost * 1.03;
        options.min_secondary_share = unconstrained.secondary_share + 0.002;
      }
      std::vector<double> seconds;
      sixlink::QuotaResult result;
      for (int k = 0; k < repeat; ++k) {
        const auto start = std::chrono::steady_clock::now();
        result = sixlink::optimise_quotas(scenario, options);
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      }
      std::sort(seconds.begin(), seconds.end());
      std::printf(
          "%s, %s: median %.3f s over %d calls (min %.3f, max %.3f), %d flow "
          "solves, %s, objective %.6f%s%s\n",
          scenario.name.c_str(), names[variant], seconds[seconds.size() / 2], repeat,
          seconds.front(), seconds.back(), result.flow_solves,
          std::string(sixlink::to_string(result.status)).c_str(), result.objective,
          result.message.empty() ? "" : ": ", result.message.c_str());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "quotas_cpp: %s\n", e.what());
    return 1;
  }
  return 0;
}
