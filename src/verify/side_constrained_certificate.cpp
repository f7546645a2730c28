#include "sixlink/verify/side_constrained_certificate.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "detail/numbers.hpp"

namespace sixlink {
namespace {

__extension__ typedef __int128 i128;  // exact node balances

CertificateCheck fail(std::string what) { return {false, std::move(what)}; }

std::string num(double x) { return detail::format_number(x); }

bool balanced(SupplyMode mode, i128 net, i128 supply) {
  switch (mode) {
    case SupplyMode::kExact:
      return net == supply;
    case SupplyMode::kSupplyAtMost:
      return net <= supply;
    case SupplyMode::kDemandAtMost:
      return net >= supply;
  }
  return false;
}

bool balanced(SupplyMode mode, double net, double supply, double tol) {
  switch (mode) {
    case SupplyMode::kExact:
      return std::abs(net - supply) <= tol;
    case SupplyMode::kSupplyAtMost:
      return net <= supply + tol;
    case SupplyMode::kDemandAtMost:
      return net >= supply - tol;
  }
  return false;
}

// Columns integral flows, weights non-negative, `flow` their combination; when
// `convex`, weights summing to 1 and the combination within bounds and balanced.
CertificateCheck check_combination(const SideConstrainedFlow& p, const SideConstrainedFlowResult& r,
                                   bool convex, double tol) {
  const MinCostFlow& net = p.network();
  const auto m = static_cast<std::size_t>(net.arc_count());
  const auto n = static_cast<std::size_t>(net.node_count());
  if (r.weights.size() != r.columns.size()) return fail("one weight per column expected");
  if (r.flow.size() != m) return fail("the combined flow has the wrong length");
  double total = 0.0;
  std::vector<double> combined(m, 0.0);
  for (std::size_t j = 0; j < r.columns.size(); ++j) {
    const auto& x = r.columns[j];
    if (x.size() != m) return fail("column " + std::to_string(j) + " has the wrong length");
    std::vector<i128> balance(n, 0);
    for (std::size_t a = 0; a < m; ++a) {
      const auto arc = static_cast<Index>(a);
      if (x[a] < net.lower(arc) ||
          (net.capacity(arc) != kInfiniteCapacity && x[a] > net.capacity(arc)))
        return fail("column " + std::to_string(j) + ": arc " + std::to_string(a) +
                    " out of bounds");
      balance[static_cast<std::size_t>(net.tail(arc))] += x[a];
      balance[static_cast<std::size_t>(net.head(arc))] -= x[a];
    }
    for (std::size_t v = 0; v < n; ++v)
      if (!balanced(net.supply_mode(), balance[v], net.supply(static_cast<Index>(v))))
        return fail("column " + std::to_string(j) + ": node " + std::to_string(v) +
                    " is not balanced");
    const double w = r.weights[j];
    if (w < -tol) return fail("weight " + std::to_string(j) + " is negative: " + num(w));
    total += w;
    if (w > 0)
      for (std::size_t a = 0; a < m; ++a) combined[a] += w * static_cast<double>(x[a]);
  }
  if (!convex ? total > 1.0 + tol : std::abs(total - 1.0) > tol)
    return fail("the weights sum to " + num(total) + (convex ? ", not 1" : ", above 1"));
  std::vector<double> balance(n, 0.0);
  for (std::size_t a = 0; a < m; ++a) {
    const double x = r.flow[a];
    if (std::abs(x - combined[a]) > tol * std::max(1.0, std::abs(x)))
      return fail("arc " + std::to_string(a) + ": flow " + num(x) +
                  " is not the columns' combination " + num(combined[a]));
    if (!convex) continue;
    const auto arc = static_cast<Index>(a);
    const double lo = static_cast<double>(net.lower(arc));
    const double up = net.capacity(arc) == kInfiniteCapacity
                          ? std::numeric_limits<double>::infinity()
                          : static_cast<double>(net.capacity(arc));
    if (x < lo - tol * std::max(1.0, std::abs(lo)) || x > up + tol * std::max(1.0, std::abs(up)))
      return fail("arc " + std::to_string(a) + ": combined flow " + num(x) + " out of bounds");
    balance[static_cast<std::size_t>(net.tail(arc))] += x;
    balance[static_cast<std::size_t>(net.head(arc))] -= x;
  }
  for (std::size_t v = 0; v < n && convex; ++v) {
    const double b = static_cast<double>(net.supply(static_cast<Index>(v)));
    if (!balanced(net.supply_mode(), balance[v], b, tol * std::max(1.0, std::abs(b))))
      return fail("node " + std::to_string(v) + ": the combined flow is not balanced");
  }
  return {};
}

// How far the combined flow misses row r (0 when it holds).
double miss(const SideConstrainedFlow& p, Index r, double value) {
  const double d = p.rhs(r);
  return p.sense(r) == SideRowSense::kAtMost ? std::max(0.0, value - d) : std::max(0.0, d - value);
}

CertificateCheck check_feasible(const SideConstrainedFlow& p, const SideConstrainedFlowResult& r,
                                double tol) {
  const double scale = std::max(1.0, std::abs(r.objective));
  if (static_cast<Index>(r.duals.size()) != p.row_count())
    return fail("one multiplier per row expected");
  for (Index row = 0; row < p.row_count(); ++row) {
    const double g = p.row_value(row, r.flow);
    const double d = p.rhs(row);
    if (miss(p, row, g) > tol * std::max({1.0, std::abs(d), std::abs(g)}))
      return fail("row " + std::to_string(row) + ": " + num(g) + " misses " + num(d));
    const double y = r.duals[static_cast<std::size_t>(row)];
    const bool at_most = p.sense(row) == SideRowSense::kAtMost;
    if ((at_most && y > tol) || (!at_most && y < -tol))
      return fail("row " + std::to_string(row) + ": multiplier " + num(y) + " has the wrong sign");
    if (r.status == SideFlowStatus::kOptimal && std::abs(y) * std::abs(g - d) > tol * scale)
      return fail("row " + std::to_string(row) + ": multiplier " + num(y) +
                  " on a row that does not bind (" + num(g) + " against " + num(d) + ")");
  }
  const double f = p.objective_value(r.flow);
  if (std::abs(f - r.objective) > tol * std::max(1.0, std::abs(f)))
    return fail("objective " + num(r.objective) + " is not f of the combined flow, " + num(f));
  if (r.bound > r.objective + tol * scale)
    return fail("bound " + num(r.bound) + " above the objective " + num(r.objective));
  if (r.status == SideFlowStatus::kOptimal && r.objective - r.bound > tol * scale)
    return fail("gap: objective " + num(r.objective) + " and bound " + num(r.bound));
  return {};
}

// Phase one minimises the scaled misses of the rows it can measure and, through
// the convexity row, the weight it cannot place: something must be missed.
CertificateCheck check_infeasible(const SideConstrainedFlow& p, const SideConstrainedFlowResult& r,
                                  double tol) {
  bool missed = false;
  if (!r.reachable.empty()) {
    if (static_cast<Index>(r.reachable.size()) != p.row_count())
      return fail("one reachable value per row expected");
    for (Index row = 0; row < p.row_count(); ++row) {
      const double reach = r.reachable[static_cast<std::size_t>(row)];
      missed = missed || miss(p, row, reach) > tol * std::max(1.0, std::abs(p.rhs(row)));
    }
  }
  if (!r.violation.empty()) {
    if (static_cast<Index>(r.violation.size()) != p.row_count())
      return fail("one violation per row expected");
    for (Index row = 0; row < p.row_count(); ++row) {
      const double v = r.violation[static_cast<std::size_t>(row)];
      if (v < -tol) return fail("row " + std::to_string(row) + ": negative violation " + num(v));
      missed = missed || v > tol * std::max(1.0, std::abs(p.rhs(row)));
    }
  }
  double placed = 0.0;
  for (double w : r.weights) placed += w;
  missed = missed || placed < 1.0 - tol;
  if (!missed) return fail("infeasible, but no row is reported missed");
  return {};
}

}  // namespace

CertificateCheck check_side_constrained_flow(const SideConstrainedFlow& problem,
                                             const SideConstrainedFlowResult& result,
                                             double tolerance) {
  if (!result.columns.empty()) {
    CertificateCheck c = check_combination(problem, result, result.feasible, tolerance);
    if (!c) return c;
  }
  if (result.feasible) return check_feasible(problem, result, tolerance);
  if (result.status == SideFlowStatus::kInfeasible && result.flow_status == FlowStatus::kOptimal)
    return check_infeasible(problem, result, tolerance);
  return {};
}

}  // namespace sixlink
