// sixlink/flow/transportation.hpp — the transportation problem, min-cost flow's
// most common front end.
//
// Sources i = 0..S-1 offer supply[i] >= 0, sinks j = 0..T-1 want demand[j] >= 0,
// and sparse arcs (source, sink, cost, capacity) say who can ship to whom at
// what unit cost. With SupplyMode::kExact supplies and demands must balance and
// be met exactly; kSupplyAtMost lets supply stay unshipped (every demand met);
// kDemandAtMost lets demand stay unmet (every supply shipped). Solved by the
// network simplex of min_cost_flow.hpp on S + T nodes; the certificates are the
// same: potentials for sources and sinks (reduced cost of arc (i, j) is
// cost + source_potential[i] - sink_potential[j], zero on arcs strictly between
// their bounds), or a cut whose nodes are numbered sources first (0..S-1), then
// sinks (S..S+T-1).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink {

struct TransportationArc {
  Index source = 0;
  Index sink = 0;
  Cost cost = 0;
  Flow capacity = kInfiniteCapacity;
};

struct TransportationResult {
  FlowStatus status = FlowStatus::kOptimal;
  Cost cost = 0;
  std::vector<Flow> flow;               ///< per arc
  std::vector<Cost> source_potential;   ///< per source
  std::vector<Cost> sink_potential;     ///< per sink
  std::optional<InfeasibilityCut> cut;  ///< sources 0..S-1, then sinks S..S+T-1
  Index iterations = 0;
  std::string message;
};

/// Throws InvalidInput for a negative supply or demand, an arc with an unknown
/// source or sink, or a negative capacity.
TransportationResult solve_transportation(std::span<const Flow> supply,
                                          std::span<const Flow> demand,
                                          std::span<const TransportationArc> arcs,
                                          SupplyMode mode = SupplyMode::kExact,
                                          const MinCostFlowOptions& options = {});

}  // namespace sixlink
