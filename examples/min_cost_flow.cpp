// The README's min-cost-flow example: solve, check the certificate, change a
// cost and solve again from the last basis.
#include <cstdio>
#include <sixlink/flow/min_cost_flow.hpp>
#include <sixlink/verify/flow_certificate.hpp>
#include <string>

int main() {
  sixlink::MinCostFlow problem(3);  // nodes 0, 1, 2
  problem.set_supply(0, 5);
  problem.set_supply(2, -5);
  problem.add_arc(0, 1, 4, 1);  // tail, head, capacity, cost
  problem.add_arc(1, 2, sixlink::kInfiniteCapacity, 1);
  problem.add_arc(0, 2, 10, 3);
  auto result = problem.solve();
  std::printf("%s, cost %lld, flow %lld %lld %lld, certificate %s\n",
              std::string(sixlink::to_string(result.status)).c_str(),
              static_cast<long long>(result.cost), static_cast<long long>(result.flow[0]),
              static_cast<long long>(result.flow[1]), static_cast<long long>(result.flow[2]),
              sixlink::check_min_cost_flow(problem, result) ? "ok" : "BAD");
  problem.set_cost(2, 1);  // the direct arc gets cheap
  result = problem.solve();
  std::printf("after the change: cost %lld (warm start: %s)\n", static_cast<long long>(result.cost),
              result.warm_started ? "yes" : "no");
  return result.cost == 5 ? 0 : 1;
}
