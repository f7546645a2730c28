// The README's side-constrained flow example: a min-cost flow with one extra
// row over its arcs, solved by Dantzig-Wolfe decomposition, with the Lagrangian
// bound that certifies the optimum.
#include <cstdio>
#include <sixlink/flow/side_constrained_flow.hpp>
#include <sixlink/verify/side_constrained_certificate.hpp>
#include <string>
#include <utility>

int main() {
  sixlink::MinCostFlow net(3);  // 0 -> 1 -> 2 at cost 1 + 1, and 0 -> 2 at cost 3
  net.set_supply(0, 4);
  net.set_supply(2, -4);
  const sixlink::Index cheap = net.add_arc(0, 1, 4, 1);
  net.add_arc(1, 2, 4, 1);
  net.add_arc(0, 2, 4, 3);
  sixlink::SideConstrainedFlow problem(std::move(net));
  const sixlink::ArcCoefficient row[] = {{cheap, 1.0}};
  problem.add_row(sixlink::SideRowSense::kAtMost, 1.5, row);  // flow on the cheap arc <= 1.5
  const auto result = problem.solve();
  const auto check = sixlink::check_side_constrained_flow(problem, result);
  std::printf("%s, objective %g, bound %g, row multiplier %g, flow %g %g %g, certificate %s\n",
              std::string(sixlink::to_string(result.status)).c_str(), result.objective,
              result.bound, result.duals[0], result.flow[0], result.flow[1], result.flow[2],
              check.ok ? "ok" : ("BAD: " + check.failure).c_str());
  return check.ok ? 0 : 1;
}
