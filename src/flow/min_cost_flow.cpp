#include "sixlink/flow/min_cost_flow.hpp"

#include <algorithm>
#include <string>

#include "detail/huge_pages.hpp"
#include "flow/cost_scaling.hpp"
#include "flow/network_simplex.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {

std::string_view to_string(FlowAlgorithm algorithm) {
  switch (algorithm) {
    case FlowAlgorithm::kAutomatic:
      return "auto";
    case FlowAlgorithm::kNetworkSimplex:
      return "network_simplex";
    case FlowAlgorithm::kCostScaling:
      return "cost_scaling";
  }
  return "?";
}

std::optional<FlowAlgorithm> parse_flow_algorithm(std::string_view text) {
  for (auto algorithm :
       {FlowAlgorithm::kAutomatic, FlowAlgorithm::kNetworkSimplex, FlowAlgorithm::kCostScaling}) {
    if (text == to_string(algorithm)) return algorithm;
  }
  return std::nullopt;
}

std::string_view to_string(SupplyMode mode) {
  switch (mode) {
    case SupplyMode::kExact:
      return "exact";
    case SupplyMode::kSupplyAtMost:
      return "supply_at_most";
    case SupplyMode::kDemandAtMost:
      return "demand_at_most";
  }
  return "?";
}

std::optional<SupplyMode> parse_supply_mode(std::string_view text) {
  for (auto mode : {SupplyMode::kExact, SupplyMode::kSupplyAtMost, SupplyMode::kDemandAtMost}) {
    if (text == to_string(mode)) return mode;
  }
  return std::nullopt;
}

namespace {

void check_bounds(Index arc, Flow lower, Flow capacity) {
  if (capacity < 0) {
    throw InvalidInput("arc " + std::to_string(arc) + ": capacity " + std::to_string(capacity) +
                       " is negative");
  }
  if (lower > capacity) {
    throw InvalidInput("arc " + std::to_string(arc) + ": lower bound " + std::to_string(lower) +
                       " is above the capacity " + std::to_string(capacity));
  }
}

}  // namespace

MinCostFlow::MinCostFlow() = default;
MinCostFlow::MinCostFlow(Index nodes) {
  if (nodes < 0) throw InvalidInput("node count " + std::to_string(nodes) + " is negative");
  supply_.assign(static_cast<std::size_t>(nodes), 0);
}
MinCostFlow::MinCostFlow(const MinCostFlow& other)
    : tail_(other.tail_),
      head_(other.head_),
      lower_(other.lower_),
      upper_(other.upper_),
      cost_(other.cost_),
      supply_(other.supply_),
      mode_(other.mode_) {}
MinCostFlow& MinCostFlow::operator=(const MinCostFlow& other) {
  if (this != &other) *this = MinCostFlow(other);
  return *this;
}
MinCostFlow::MinCostFlow(MinCostFlow&&) noexcept = default;
MinCostFlow& MinCostFlow::operator=(MinCostFlow&&) noexcept = default;
MinCostFlow::~MinCostFlow() = default;

void MinCostFlow::check_node(Index node, std::string_view what) const {
  if (node < 0 || node >= node_count()) {
    throw InvalidInput(std::string(what) + " " + std::to_string(node) +
                       " is not a node (the problem has " + std::to_string(node_count()) + ")");
  }
}

void MinCostFlow::check_arc(Index arc) const {
  if (arc < 0 || arc >= arc_count()) {
    throw InvalidInput("arc " + std::to_string(arc) + " does not exist (the problem has " +
                       std::to_string(arc_count()) + ")");
  }
}

Index MinCostFlow::add_node(Flow supply) {
  supply_.push_back(supply);
  structure_changed_ = true;
  return node_count() - 1;
}

void MinCostFlow::reserve_arcs(Index arcs) {
  if (arcs < 0) throw InvalidInput("min_cost_flow: a negative arc count to reserve");
  const auto n = static_cast<std::size_t>(arcs);
  for (auto* v : {&tail_, &head_}) detail::reserve_on_huge_pages(*v, n);
  detail::reserve_on_huge_pages(upper_, n);
  if (!lower_.empty()) detail::reserve_on_huge_pages(lower_, n);
  detail::reserve_on_huge_pages(cost_, n);
}

// lower_ is created, all zeros, at the first nonzero bound (see the member).
void MinCostFlow::store_lower(Index arc, Flow lower) {
  if (lower != 0 && lower_.empty()) lower_.assign(tail_.size(), 0);
  if (!lower_.empty()) lower_[static_cast<std::size_t>(arc)] = lower;
}

Index MinCostFlow::add_arc(Index tail, Index head, Flow capacity, Cost cost, Flow lower) {
  check_node(tail, "tail");
  check_node(head, "head");
  check_bounds(arc_count(), lower, capacity);
  tail_.push_back(tail);
  head_.push_back(head);
  if (!lower_.empty()) lower_.push_back(0);
  upper_.push_back(capacity);
  cost_.push_back(cost);
  store_lower(arc_count() - 1, lower);
  structure_changed_ = true;
  return arc_count() - 1;
}

void MinCostFlow::set_supply(Index node, Flow supply) {
  check_node(node, "node");
  supply_[static_cast<std::size_t>(node)] = supply;
}

void MinCostFlow::mark_changed(Index arc) {
  if (all_changed_) return;
  if (static_cast<Index>(changed_.size()) >= std::max<Index>(64, arc_count() / 4)) {
    all_changed_ = true;
    changed_.clear();
    return;
  }
  changed_.push_back(arc);
}

void MinCostFlow::set_cost(Index arc, Cost cost) {
  check_arc(arc);
  if (cost_[static_cast<std::size_t>(arc)] == cost) return;
  cost_[static_cast<std::size_t>(arc)] = cost;
  mark_changed(arc);
}

void MinCostFlow::set_bounds(Index arc, Flow lower, Flow capacity) {
  check_arc(arc);
  check_bounds(arc, lower, capacity);
  const auto i = static_cast<std::size_t>(arc);
  if (this->lower(arc) == lower && upper_[i] == capacity) return;
  store_lower(arc, lower);
  upper_[i] = capacity;
  mark_changed(arc);
}

void MinCostFlow::set_supply_mode(SupplyMode mode) {
  if (mode != mode_) structure_changed_ = true;
  mode_ = mode;
}

MinCostFlowResult MinCostFlow::solve(const MinCostFlowOptions& options) {
  if (options.block_size < 0) throw InvalidInput("block_size must not be negative");
  NetworkSimplexEngine::Problem p{node_count(), tail_, head_,   lower_,
                                  upper_,       cost_, supply_, mode_};
  // Cost scaling keeps no basis, so it takes cold solves only: a re-solve of
  // the same structure resumes the simplex's basis instead.
  const bool cold = structure_changed_ || !engine_ || !options.warm_start;
  if (cold && options.algorithm == FlowAlgorithm::kCostScaling) {
    MinCostFlowResult result;
    if (CostScalingEngine().solve(p, result)) {
      result.algorithm = FlowAlgorithm::kCostScaling;
      engine_.reset();  // no basis to resume from
      structure_changed_ = true;
      all_changed_ = false;
      changed_.clear();
      return result;
    }
  }
  if (!engine_) engine_ = std::make_unique<NetworkSimplexEngine>();
  MinCostFlowResult result =
      engine_->solve(p, options, !structure_changed_, all_changed_ ? nullptr : &changed_);
  structure_changed_ = false;
  all_changed_ = false;
  changed_.clear();
  return result;
}

MinCostFlowResult solve_min_cost_flow(Index nodes, std::span<const Index> tail,
                                      std::span<const Index> head, std::span<const Flow> capacity,
                                      std::span<const Cost> cost, std::span<const Flow> supply,
                                      std::span<const Flow> lower, SupplyMode mode,
                                      const MinCostFlowOptions& options) {
  if (nodes < 0) throw InvalidInput("node count " + std::to_string(nodes) + " is negative");
  const std::size_t m = tail.size();
  auto same = [m](std::size_t size, const char* name) {
    if (size != m) {
      throw InvalidInput(std::string(name) + " has " + std::to_string(size) +
                         " entries, tail has " + std::to_string(m));
    }
  };
  same(head.size(), "head");
  same(capacity.size(), "capacity");
  same(cost.size(), "cost");
  if (!lower.empty()) same(lower.size(), "lower");
  if (supply.size() != static_cast<std::size_t>(nodes)) {
    throw InvalidInput("supply has " + std::to_string(supply.size()) + " entries for " +
                       std::to_string(nodes) + " nodes");
  }
  for (std::size_t a = 0; a < m; ++a) {
    const auto arc = static_cast<Index>(a);
    if (tail[a] < 0 || tail[a] >= nodes) {
      throw InvalidInput("arc " + std::to_string(a) + ": tail " + std::to_string(tail[a]) +
                         " is not a node (0.." + std::to_string(nodes - 1) + ")");
    }
    if (head[a] < 0 || head[a] >= nodes) {
      throw InvalidInput("arc " + std::to_string(a) + ": head " + std::to_string(head[a]) +
                         " is not a node (0.." + std::to_string(nodes - 1) + ")");
    }
    check_bounds(arc, lower.empty() ? 0 : lower[a], capacity[a]);
  }
  NetworkSimplexEngine::Problem p{nodes, tail, head, lower, capacity, cost, supply, mode};
  if (options.algorithm == FlowAlgorithm::kCostScaling) {
    MinCostFlowResult result;
    if (CostScalingEngine().solve(p, result)) {
      result.algorithm = FlowAlgorithm::kCostScaling;
      return result;
    }
  }
  NetworkSimplexEngine engine;
  return engine.solve(p, options, false);
}

}  // namespace sixlink
