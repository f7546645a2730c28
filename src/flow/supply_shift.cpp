#include "sixlink/flow/supply_shift.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <stdexcept>

#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

constexpr Cost kUnreached = std::numeric_limits<Cost>::max();
constexpr Flow kMaxUnits = Flow{1} << 62;

// Sorted, merged and without zeros: the sparse changes of a result.
template <typename T>
std::vector<std::pair<Index, T>> collect(std::vector<Index>& touched, std::vector<T>& delta) {
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  std::vector<std::pair<Index, T>> out;
  for (Index i : touched) {
    T& d = delta[static_cast<std::size_t>(i)];
    if (d != 0) out.emplace_back(i, d);
    d = 0;
  }
  touched.clear();
  return out;
}

}  // namespace

// Each node's incident arcs as entries 2 a + side: side 0 where the node is the
// arc's tail, 1 where it is the head (a self-loop is left out: it never carries a path).
struct SupplyShift::Graph {
  Index nodes = 0;
  std::vector<Index> tail, head;
  std::vector<Flow> lower, upper, flow;
  std::vector<Cost> cost, potential;
  std::vector<Index> first, entries;  // CSR: node v's entries are [first[v], first[v + 1])
};

// A path found by a search, as incident-arc entries from `from` to `to`.
struct SupplyShift::Path {
  std::vector<Index> entries;
  Cost target_distance = 0;
};

SupplyShift::SupplyShift(const MinCostFlow& problem, const MinCostFlowResult& optimum) {
  if (optimum.status != FlowStatus::kOptimal)
    throw InvalidInput("supply shift: the result is " + std::string(to_string(optimum.status)) +
                       ", not optimal");
  if (problem.supply_mode() != SupplyMode::kExact)
    throw InvalidInput("supply shift: the supply mode must be exact, got " +
                       std::string(to_string(problem.supply_mode())));
  const Index n = problem.node_count(), m = problem.arc_count();
  if (static_cast<Index>(optimum.flow.size()) != m ||
      static_cast<Index>(optimum.potential.size()) != n)
    throw InvalidInput("supply shift: the result has " + std::to_string(optimum.flow.size()) +
                       " flows and " + std::to_string(optimum.potential.size()) +
                       " potentials for " + std::to_string(m) + " arcs and " + std::to_string(n) +
                       " nodes");
  auto g = std::make_shared<Graph>();
  g->nodes = n;
  g->flow = optimum.flow;
  g->potential = optimum.potential;
  std::vector<Index> degree(static_cast<std::size_t>(n) + 1, 0);
  for (Index a = 0; a < m; ++a) {
    g->tail.push_back(problem.tail(a));
    g->head.push_back(problem.head(a));
    g->lower.push_back(problem.lower(a));
    g->upper.push_back(problem.capacity(a));
    g->cost.push_back(problem.cost(a));
    if (problem.tail(a) == problem.head(a)) continue;
    ++degree[static_cast<std::size_t>(problem.tail(a)) + 1];
    ++degree[static_cast<std::size_t>(problem.head(a)) + 1];
  }
  for (std::size_t v = 1; v < degree.size(); ++v) degree[v] += degree[v - 1];
  g->first = degree;
  g->entries.resize(static_cast<std::size_t>(g->first.back()));
  for (Index a = 0; a < m; ++a) {
    const auto t = static_cast<std::size_t>(g->tail[static_cast<std::size_t>(a)]);
    const auto h = static_cast<std::size_t>(g->head[static_cast<std::size_t>(a)]);
    if (t == h) continue;
    g->entries[static_cast<std::size_t>(degree[t]++)] = 2 * a;
    g->entries[static_cast<std::size_t>(degree[h]++)] = 2 * a + 1;
  }
  graph_ = std::move(g);
  flow_delta_.assign(static_cast<std::size_t>(m), 0);
  potential_delta_.assign(static_cast<std::size_t>(n), 0);
  distance_.assign(static_cast<std::size_t>(n), kUnreached);
  reached_by_.assign(static_cast<std::size_t>(n), -1);
  scanned_.assign(static_cast<std::size_t>(n), 0);
}

Flow SupplyShift::flow(Index arc) const { return graph_->flow.at(static_cast<std::size_t>(arc)); }
Cost SupplyShift::potential(Index node) const {
  return graph_->potential.at(static_cast<std::size_t>(node));
}

Cost SupplyShift::reduced(Index a) const {
  const Graph& g = *graph_;
  const auto i = static_cast<std::size_t>(a);
  const auto t = static_cast<std::size_t>(g.tail[i]), h = static_cast<std::size_t>(g.head[i]);
  return g.cost[i] + (g.potential[t] + potential_delta_[t]) -
         (g.potential[h] + potential_delta_[h]);
}

// Dijkstra on reduced costs from `start` until `target`'s distance is final:
// forward along residual arcs (start = from), or backward against them (start = to).
// Afterwards the scanned nodes' potentials move so reduced costs stay >= 0.
bool SupplyShift::search(Index start, Index target, bool forward, Path& path) {
  const Graph& g = *graph_;
  using Item = std::pair<Cost, Index>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  auto at = [](auto& v, Index i) -> auto& { return v[static_cast<std::size_t>(i)]; };
  at(distance_, start) = 0;
  touched_.push_back(start);
  queue.emplace(0, start);
  bool found = false;
  while (!queue.empty() && !found) {
    const auto [d, u] = queue.top();
    queue.pop();
    if (d != at(distance_, u) || at(scanned_, u)) continue;
    if (u == target || at(distance_, target) <= d) {
      found = true;
      break;
    }
    at(scanned_, u) = 1;
    scanned_order_.push_back(u);
    for (Index k = at(g.first, u); k < at(g.first, u + 1) && !found; ++k) {
      const Index e = at(g.entries, k), a = e / 2;
      const bool at_tail = (e % 2) == 0;
      // The residual arc used: a itself (u its tail going forward, or its head going back).
      const bool along = at_tail == forward;
      const Flow room = along ? at(g.upper, a) - at(g.flow, a) - at(flow_delta_, a)
                              : at(g.flow, a) + at(flow_delta_, a) - at(g.lower, a);
      if (room <= 0) continue;
      const Cost rc = along ? reduced(a) : -reduced(a);
      if (rc < 0)
        throw std::logic_error("supply shift: arc " + std::to_string(a) +
                               " has a negative reduced cost: the result is not optimal");
      const Index v = at_tail ? at(g.head, a) : at(g.tail, a);
      const Cost nd = d + rc;
      if (at(scanned_, v) || nd >= at(distance_, v)) continue;
      if (at(distance_, v) == kUnreached) touched_.push_back(v);
      at(distance_, v) = nd;
      at(reached_by_, v) = e;
      if (v == target && nd <= d)
        found = true;  // nothing left in the queue is shorter
      else
        queue.emplace(nd, v);
    }
  }
  path.entries.clear();
  if (found) {
    path.target_distance = at(distance_, target);
    for (Index v = target; v != start;) {
      const Index e = at(reached_by_, v), a = e / 2;
      path.entries.push_back(e);
      v = (e % 2) == 0 ? at(g.tail, a) : at(g.head, a);
    }
    if (forward) std::reverse(path.entries.begin(), path.entries.end());
    // Forward distances d grow from `from`: p += d - d(target). Backward ones
    // fall towards `to`: p += d(target) - d.
    const Cost dt = path.target_distance;
    for (Index v : scanned_order_) {
      const Cost dv = at(distance_, v);
      if (dv >= dt) continue;
      at(potential_delta_, v) += forward ? dv - dt : dt - dv;
      changed_nodes_.push_back(v);
    }
  }
  for (Index v : touched_) {
    at(distance_, v) = kUnreached;
    at(scanned_, v) = 0;
  }
  touched_.clear();
  scanned_order_.clear();
  return found;
}

SupplyShiftResult SupplyShift::move(Index from, Index to, Flow units) {
  const Graph& g = *graph_;
  if (from < 0 || from >= g.nodes || to < 0 || to >= g.nodes)
    throw InvalidInput("supply shift: nodes must be in [0, " + std::to_string(g.nodes) + "), got " +
                       std::to_string(from) + " and " + std::to_string(to));
  if (from == to) throw InvalidInput("supply shift: from and to are the same node");
  if (units < 0 || units >= kMaxUnits)
    throw InvalidInput("supply shift: units must be in [0, 2^62), got " + std::to_string(units));
  auto degree = [&](Index v) {
    return g.first[static_cast<std::size_t>(v) + 1] - g.first[static_cast<std::size_t>(v)];
  };
  const bool forward = degree(from) <= degree(to);
  SupplyShiftResult out;
  Path path;
  while (out.moved < units) {
    if (!search(forward ? from : to, forward ? to : from, forward, path)) {
      out.status = FlowStatus::kInfeasible;
      out.message = "supply shift: no residual path from node " + std::to_string(from) +
                    " to node " + std::to_string(to) + " after " + std::to_string(out.moved) +
                    " of " + std::to_string(units) + " units";
      break;
    }
    Flow bottleneck = units - out.moved;
    Cost unit_cost = 0;
    for (Index e : path.entries) {
      const auto a = static_cast<std::size_t>(e / 2);
      const bool along = ((e % 2) == 0) == forward;  // the arc points from `from` to `to`
      const Flow room =
          along ? g.upper[a] - g.flow[a] - flow_delta_[a] : g.flow[a] + flow_delta_[a] - g.lower[a];
      bottleneck = std::min(bottleneck, room);
      unit_cost += along ? g.cost[a] : -g.cost[a];
    }
    for (Index e : path.entries) {
      const auto a = static_cast<std::size_t>(e / 2);
      flow_delta_[a] += ((e % 2) == 0) == forward ? bottleneck : -bottleneck;
      changed_arcs_.push_back(e / 2);
    }
    Cost added = 0;
    if (__builtin_mul_overflow(bottleneck, unit_cost, &added) ||
        __builtin_add_overflow(out.cost_change, added, &out.cost_change)) {
      out.status = FlowStatus::kOutOfRange;
      out.message = "supply shift: the cost change exceeds the int64 range";
      break;
    }
    out.moved += bottleneck;
    if (!out.segments.empty() && out.segments.back().unit_cost == unit_cost)
      out.segments.back().units += bottleneck;
    else
      out.segments.push_back({bottleneck, unit_cost});
  }
  out.flow_change = collect(changed_arcs_, flow_delta_);
  out.potential_change = collect(changed_nodes_, potential_delta_);
  return out;
}

}  // namespace sixlink
