// The robustness samples of the recommendations (private; recommendations.hpp
// documents the noise): each sample's openings per demand node and weights per
// stored link of the projection, drawn from a seed so that sample k is the same
// whatever the thread count or the order samples are drawn in.
#pragma once

#include <cstdint>
#include <vector>

#include "sixlink/analysis/projection.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink::detail {

struct MarketNoise {
  double demand = 0.0;  ///< sigma on each node's openings
  double mix = 0.0;     ///< sigma on each cell's occupation mix (the cell keeps its total)
  double fit = 0.0;     ///< sigma on each specialty-occupation fit (capped at 1)
};

struct MarketSample {
  std::vector<Count> openings;  ///< per demand node
  std::vector<double> weights;  ///< per stored link, in the order of graph.weight's values
};

/// Sample `sample` of the market `graph`, projected from `scenario` (whose
/// programmes are the graph's rows). Sigmas of 0 leave that part as it is.
MarketSample sample_market(const SupplyDemandGraph& graph, const Scenario& scenario,
                           std::uint64_t seed, int sample, const MarketNoise& noise);

}  // namespace sixlink::detail
