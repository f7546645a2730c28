#include "sixlink/verify/flow_certificate.hpp"

#include <vector>

namespace sixlink {
namespace {

__extension__ typedef __int128 i128;  // exact sums of int64 products

std::string str(i128 x) {
  if (x == 0) return "0";
  const bool negative = x < 0;
  std::string digits;
  for (; x != 0; x /= 10)
    digits.insert(digits.begin(), static_cast<char>('0' + (negative ? -(x % 10) : x % 10)));
  return negative ? "-" + digits : digits;
}

CertificateCheck fail(std::string what) { return {false, std::move(what)}; }

CertificateCheck check_optimal(const MinCostFlow& p, const MinCostFlowResult& r) {
  const Index n = p.node_count();
  const Index m = p.arc_count();
  if (static_cast<Index>(r.flow.size()) != m) return fail("flow has the wrong length");
  if (static_cast<Index>(r.potential.size()) != n) return fail("potential has the wrong length");
  std::vector<i128> net(static_cast<std::size_t>(n), 0);
  i128 primal = 0, dual = 0;
  for (Index a = 0; a < m; ++a) {
    const Flow x = r.flow[static_cast<std::size_t>(a)];
    const Flow lo = p.lower(a), up = p.capacity(a);
    if (x < lo || (up != kInfiniteCapacity && x > up))
      return fail("arc " + std::to_string(a) + ": flow out of bounds");
    net[static_cast<std::size_t>(p.tail(a))] += x;
    net[static_cast<std::size_t>(p.head(a))] -= x;
    primal += static_cast<i128>(x) * p.cost(a);
    const i128 rc = static_cast<i128>(p.cost(a)) +
                    r.potential[static_cast<std::size_t>(p.tail(a))] -
                    r.potential[static_cast<std::size_t>(p.head(a))];
    if (rc > 0) {
      if (x != lo)
        return fail("arc " + std::to_string(a) +
                    ": positive reduced cost but flow above the lower bound");
      dual += rc * lo;
    } else if (rc < 0) {
      if (up == kInfiniteCapacity || x != up) {
        return fail("arc " + std::to_string(a) +
                    ": negative reduced cost but flow below the capacity");
      }
      dual += rc * up;
    }
  }
  for (Index v = 0; v < n; ++v) {
    const i128 b = p.supply(v);
    const i128 out = net[static_cast<std::size_t>(v)];
    const Cost pi = r.potential[static_cast<std::size_t>(v)];
    dual -= b * pi;
    switch (p.supply_mode()) {
      case SupplyMode::kExact:
        if (out != b)
          return fail("node " + std::to_string(v) + ": net outflow " + str(out) + " != supply " +
                      str(b));
        break;
      case SupplyMode::kSupplyAtMost:
        if (out > b) return fail("node " + std::to_string(v) + ": net outflow above its supply");
        if (pi < 0 || (out < b && pi != 0))
          return fail("node " + std::to_string(v) + ": potential breaks the dual sign");
        break;
      case SupplyMode::kDemandAtMost:
        if (out < b) return fail("node " + std::to_string(v) + ": net outflow below its supply");
        if (pi > 0 || (out > b && pi != 0))
          return fail("node " + std::to_string(v) + ": potential breaks the dual sign");
        break;
    }
  }
  if (primal != r.cost)
    return fail("reported cost " + std::to_string(r.cost) + " != sum of cost x flow " +
                str(primal));
  if (dual != primal) return fail("dual objective " + str(dual) + " != primal cost " + str(primal));
  return {};
}

CertificateCheck check_infeasible(const MinCostFlow& p, const MinCostFlowResult& r) {
  if (!r.cut) return fail("infeasible result without a cut");
  const InfeasibilityCut& cut = *r.cut;
  std::vector<char> in(static_cast<std::size_t>(p.node_count()), 0);
  i128 b = 0;
  for (Index v : cut.nodes) {
    if (v < 0 || v >= p.node_count() || in[static_cast<std::size_t>(v)])
      return fail("cut lists a bad or repeated node");
    in[static_cast<std::size_t>(v)] = 1;
    b += p.supply(v);
  }
  const bool supply_side = cut.side == InfeasibilityCut::Side::kSupplyCannotLeave;
  i128 across = 0;
  for (Index a = 0; a < p.arc_count(); ++a) {
    const bool tail_in = in[static_cast<std::size_t>(p.tail(a))];
    const bool head_in = in[static_cast<std::size_t>(p.head(a))];
    if (tail_in == head_in) continue;
    if (tail_in == supply_side) {
      if (p.capacity(a) == kInfiniteCapacity)
        return fail("an infinite-capacity arc crosses the cut");
      across += p.capacity(a);
    } else {
      across -= p.lower(a);
    }
  }
  const i128 need = supply_side ? b : -b;
  if (need != cut.net_supply || across != cut.cut_capacity)
    return fail("cut numbers do not match the problem");
  if (need <= across)
    return fail("cut does not prove infeasibility: " + str(need) + " <= " + str(across));
  return {};
}

CertificateCheck check_unbounded(const MinCostFlow& p, const MinCostFlowResult& r) {
  const auto& c = r.negative_cycle;
  if (c.empty()) return fail("unbounded result without a cycle");
  i128 total = 0;
  for (std::size_t k = 0; k < c.size(); ++k) {
    const Index a = c[k];
    if (a < 0 || a >= p.arc_count()) return fail("cycle lists a bad arc");
    if (p.capacity(a) != kInfiniteCapacity)
      return fail("cycle arc " + std::to_string(a) + " has finite capacity");
    if (p.head(a) != p.tail(c[(k + 1) % c.size()])) return fail("cycle arcs do not join up");
    total += p.cost(a);
  }
  if (total >= 0) return fail("cycle cost " + str(total) + " is not negative");
  return {};
}

}  // namespace

CertificateCheck check_min_cost_flow(const MinCostFlow& problem, const MinCostFlowResult& result) {
  switch (result.status) {
    case FlowStatus::kOptimal:
      return check_optimal(problem, result);
    case FlowStatus::kInfeasible:
      return check_infeasible(problem, result);
    case FlowStatus::kUnbounded:
      return check_unbounded(problem, result);
    case FlowStatus::kOutOfRange:
      return {};
    case FlowStatus::kIterationLimit:  // the flow engine never stops at a limit
      return fail("min-cost flow reported an iteration limit");
  }
  return fail("unknown status");
}

}  // namespace sixlink
