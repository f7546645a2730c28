#include "sixlink/flow/transportation.hpp"

#include <string>

#include "sixlink/core/error.hpp"

namespace sixlink {

TransportationResult solve_transportation(std::span<const Flow> supply,
                                          std::span<const Flow> demand,
                                          std::span<const TransportationArc> arcs, SupplyMode mode,
                                          const MinCostFlowOptions& options) {
  const auto sources = static_cast<Index>(supply.size());
  const auto sinks = static_cast<Index>(demand.size());
  std::vector<Flow> node_supply;
  node_supply.reserve(supply.size() + demand.size());
  for (Index i = 0; i < sources; ++i) {
    if (supply[static_cast<std::size_t>(i)] < 0) {
      throw InvalidInput("supply[" + std::to_string(i) + "] = " +
                         std::to_string(supply[static_cast<std::size_t>(i)]) + " is negative");
    }
    node_supply.push_back(supply[static_cast<std::size_t>(i)]);
  }
  for (Index j = 0; j < sinks; ++j) {
    if (demand[static_cast<std::size_t>(j)] < 0) {
      throw InvalidInput("demand[" + std::to_string(j) + "] = " +
                         std::to_string(demand[static_cast<std::size_t>(j)]) + " is negative");
    }
    node_supply.push_back(-demand[static_cast<std::size_t>(j)]);
  }
  std::vector<Index> tail, head;
  std::vector<Flow> capacity;
  std::vector<Cost> cost;
  tail.reserve(arcs.size());
  head.reserve(arcs.size());
  capacity.reserve(arcs.size());
  cost.reserve(arcs.size());
  for (std::size_t a = 0; a < arcs.size(); ++a) {
    const TransportationArc& arc = arcs[a];
    if (arc.source < 0 || arc.source >= sources) {
      throw InvalidInput("arc " + std::to_string(a) + ": source " + std::to_string(arc.source) +
                         " does not exist (" + std::to_string(sources) + " sources)");
    }
    if (arc.sink < 0 || arc.sink >= sinks) {
      throw InvalidInput("arc " + std::to_string(a) + ": sink " + std::to_string(arc.sink) +
                         " does not exist (" + std::to_string(sinks) + " sinks)");
    }
    tail.push_back(arc.source);
    head.push_back(sources + arc.sink);
    capacity.push_back(arc.capacity);
    cost.push_back(arc.cost);
  }
  MinCostFlowResult r = solve_min_cost_flow(sources + sinks, tail, head, capacity, cost,
                                            node_supply, {}, mode, options);
  TransportationResult out;
  out.status = r.status;
  out.cost = r.cost;
  out.flow = std::move(r.flow);
  out.cut = std::move(r.cut);
  out.iterations = r.iterations;
  out.message = std::move(r.message);
  if (r.status == FlowStatus::kOptimal) {
    out.source_potential.assign(r.potential.begin(), r.potential.begin() + sources);
    out.sink_potential.assign(r.potential.begin() + sources, r.potential.end());
  }
  return out;
}

}  // namespace sixlink
