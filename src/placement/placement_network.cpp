// The optimal mode's min-cost flow, built small (see placement.hpp for the model).
//
// The candidate graph through group nodes (graduate -> group -> pool opening) has
// a node per graduate and a pool of arcs per group: on the 10,000-programme
// province, 1.77M nodes and 22.7M arcs, and the network simplex spent minutes
// re-hanging subtrees of graduate leaves. Two facts shrink it with the same
// optimum:
//   - pools are nested: the groups of one class (specialty, home region) rank the
//     same openings at the same values and take prefixes of that ranking. A class
//     becomes a chain of nodes, one per distinct pool length, shortest first;
//     chain node i has arcs to the openings its prefix adds to node i - 1's and an
//     arc down to node i - 1 (free), so reaching node i reaches exactly the
//     prefix of length i.
//   - graduates without preferred openings are interchangeable within their
//     group: they become supply on their group's chain node, with an arc to the
//     sink for those left unplaced. Only graduates with preferred openings keep a
//     node (arcs to their chain node, to each preferred opening, to the sink).
// Every flow of the group network maps to one of this network at the same cost
// (a group arc to an opening runs down the chain to the node that adds it), and
// every flow of this one splits into graduates' paths that the group network
// allows (a unit entering chain node i may end at any opening of the prefix of
// length i or unplaced), so both optima are equal. The arc capacities from a
// group to its pool openings, min(seats, group), bind nothing either way: a
// group never sends more than its graduates.
//
// The placement is read from the flow class by class, from the longest pool
// down: the graduates at a chain node (those arriving from longer pools, its own
// pooled graduates, the preferring graduates whose arc to it carries flow), best
// score first (equal scores by cohort order), send the best down the chain (the
// openings there are worth more), then take the node's own openings best value
// first; the rest stay unplaced.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "placement/candidates.hpp"
#include "sixlink/flow/integer_costs.hpp"
#include "sixlink/verify/flow_certificate.hpp"

namespace sixlink::placement_detail {
namespace {

constexpr CostScale kValueScale{1e6};  // flow costs: values rounded to 1e-6

Cost cost_of(double v) { return kValueScale.gain(v); }

// Per class: its groups' distinct pool lengths, shortest first (empty pools left out).
std::vector<std::vector<Index>> chain_lengths(const Candidates& cand) {
  std::vector<std::vector<Index>> lengths(cand.ranking.size());
  for (std::size_t q = 0; q < cand.pool_size.size(); ++q)
    if (cand.pool_size[q] > 0)
      lengths[static_cast<std::size_t>(cand.group_class[q])].push_back(cand.pool_size[q]);
  for (auto& l : lengths) {
    std::sort(l.begin(), l.end());
    l.erase(std::unique(l.begin(), l.end()), l.end());
  }
  return lengths;
}

}  // namespace

PlacementNetwork build_network(const Candidates& cand, const Cohort& c) {
  const auto G = static_cast<Index>(c.graduates.size());
  const auto O = static_cast<Index>(c.openings.size());
  const auto Q = static_cast<Index>(cand.pool_size.size());
  const auto lengths = chain_lengths(cand);
  PlacementNetwork out;
  // Nodes: chain nodes [0, C), graduates with preferred openings [C, C + P),
  // openings [C + P, C + P + O), the sink.
  out.class_first_node.assign(lengths.size() + 1, 0);
  for (std::size_t cl = 0; cl < lengths.size(); ++cl) {
    out.class_first_node[cl + 1] =
        out.class_first_node[cl] + static_cast<Index>(lengths[cl].size());
    for (Index len : lengths[cl]) out.chain_length.push_back(len);
  }
  const Index C = out.class_first_node.back();
  out.group_node.assign(static_cast<std::size_t>(Q), -1);
  for (Index q = 0; q < Q; ++q) {
    const auto qi = static_cast<std::size_t>(q);
    if (cand.pool_size[qi] == 0) continue;
    const auto cl = static_cast<std::size_t>(cand.group_class[qi]);
    const auto& l = lengths[cl];
    out.group_node[qi] =
        out.class_first_node[cl] +
        static_cast<Index>(std::lower_bound(l.begin(), l.end(), cand.pool_size[qi]) - l.begin());
  }
  out.node_of.assign(static_cast<std::size_t>(G), -1);
  Index P = 0;
  std::vector<Count> pooled(static_cast<std::size_t>(C), 0), reach(static_cast<std::size_t>(C), 0);
  for (Index g = 0; g < G; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    const Index node = out.group_node[static_cast<std::size_t>(cand.group[gi])];
    if (!cand.preferred_of(g).empty()) {
      out.node_of[gi] = C + P++;
    } else if (node >= 0) {
      ++pooled[static_cast<std::size_t>(node)];
    }
    if (node >= 0) ++reach[static_cast<std::size_t>(node)];
  }
  // Graduates who can reach a chain node: its own and those of longer pools.
  for (std::size_t cl = 0; cl < lengths.size(); ++cl)
    for (Index n = out.class_first_node[cl + 1] - 2; n >= out.class_first_node[cl]; --n)
      reach[static_cast<std::size_t>(n)] += reach[static_cast<std::size_t>(n) + 1];

  out.first_opening = C + P;
  const Index sink = C + P + O;
  out.net = MinCostFlow(sink + 1);
  MinCostFlow& net = out.net;
  // The arc count, known before the first arc: reserved, the arrays are not copied
  // while they grow (12.5M arcs on the 10,000-programme province).
  Index arcs = O;
  for (std::size_t cl = 0; cl < lengths.size(); ++cl)
    for (Index n = out.class_first_node[cl]; n < out.class_first_node[cl + 1]; ++n) {
      const auto ni = static_cast<std::size_t>(n);
      arcs += n == out.class_first_node[cl] ? out.chain_length[ni]
                                             : out.chain_length[ni] - out.chain_length[ni - 1] + 1;
      arcs += pooled[ni] > 0 ? 1 : 0;
    }
  for (Index g = 0; g < G; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    if (out.node_of[gi] < 0) continue;
    arcs += 1 + static_cast<Index>(cand.preferred_of(g).size()) +
            (out.group_node[static_cast<std::size_t>(cand.group[gi])] >= 0 ? 1 : 0);
  }
  net.reserve_arcs(arcs);
  Count placed_supply = 0;
  for (Index n = 0; n < C; ++n) {
    net.set_supply(n, pooled[static_cast<std::size_t>(n)]);
    placed_supply += pooled[static_cast<std::size_t>(n)];
  }
  for (Index p = 0; p < P; ++p) net.set_supply(C + p, 1);
  net.set_supply(sink, -(placed_supply + P));
  // Chain arcs: each node's new openings, then down, then unplaced.
  out.first_pool_arc.assign(static_cast<std::size_t>(C), 0);
  out.down_arc.assign(static_cast<std::size_t>(C), -1);
  for (std::size_t cl = 0; cl < lengths.size(); ++cl) {
    const auto& r = cand.ranking[cl];
    for (Index n = out.class_first_node[cl]; n < out.class_first_node[cl + 1]; ++n) {
      const auto ni = static_cast<std::size_t>(n);
      const Index from = n == out.class_first_node[cl] ? 0 : out.chain_length[ni - 1];
      out.first_pool_arc[ni] = net.arc_count();
      for (Index t = from; t < out.chain_length[ni]; ++t) {
        const auto& [j, v] = r[static_cast<std::size_t>(t)];
        net.add_arc(n, out.first_opening + j,
                    std::min(c.openings[static_cast<std::size_t>(j)].capacity, reach[ni]),
                    cost_of(v));
      }
      if (n > out.class_first_node[cl]) out.down_arc[ni] = net.add_arc(n, n - 1, reach[ni], 0);
      if (pooled[ni] > 0) net.add_arc(n, sink, pooled[ni], 0);
    }
  }
  out.first_arc.assign(static_cast<std::size_t>(P), 0);
  out.chain_arc.assign(static_cast<std::size_t>(P), -1);
  for (Index g = 0; g < G; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    const Index node = out.node_of[gi];
    if (node < 0) continue;
    const auto pi = static_cast<std::size_t>(node - C);
    const Index chain = out.group_node[static_cast<std::size_t>(cand.group[gi])];
    out.first_arc[pi] = net.arc_count();
    if (chain >= 0) out.chain_arc[pi] = net.add_arc(node, chain, 1, 0);
    for (const auto& [j, v] : cand.preferred_of(g))
      net.add_arc(node, out.first_opening + j, 1, cost_of(v));
    net.add_arc(node, sink, 1, 0);  // unplaced
  }
  for (Index j = 0; j < O; ++j)
    net.add_arc(out.first_opening + j, sink, c.openings[static_cast<std::size_t>(j)].capacity, 0);
  if (net.arc_count() != arcs) throw std::logic_error("placement: the network's arc count is off");
  return out;
}

namespace {

// Places, from an optimal flow, the graduates who reach their class's chain:
// see the file's essay.
void place_chains(PlacementResult& result, const Candidates& cand,
                  const std::vector<double>& scores, const PlacementNetwork& built,
                  const MinCostFlowResult& flow) {
  auto at = [&flow](Index arc) { return flow.flow[static_cast<std::size_t>(arc)]; };
  auto better = [&scores](Index a, Index b) {
    const double sa = scores[static_cast<std::size_t>(a)], sb = scores[static_cast<std::size_t>(b)];
    return sa != sb ? sa > sb : a < b;
  };
  const auto C = static_cast<std::size_t>(built.class_first_node.back());
  std::vector<std::vector<Index>> at_node(C);  // in cohort order
  for (std::size_t g = 0; g < cand.group.size(); ++g) {
    const Index node = built.group_node[static_cast<std::size_t>(cand.group[g])];
    if (node < 0) continue;
    const Index own = built.node_of[g];
    if (own >= 0) {
      const Index arc =
          built.chain_arc[static_cast<std::size_t>(own - built.class_first_node.back())];
      if (at(arc) == 0) continue;
    }
    at_node[static_cast<std::size_t>(node)].push_back(static_cast<Index>(g));
  }
  std::vector<Index> carried, here;
  for (std::size_t cl = 0; cl + 1 < built.class_first_node.size(); ++cl) {
    carried.clear();
    for (Index n = built.class_first_node[cl + 1] - 1; n >= built.class_first_node[cl]; --n) {
      const auto ni = static_cast<std::size_t>(n);
      auto& own = at_node[ni];
      std::sort(own.begin(), own.end(), better);
      here.clear();
      std::merge(carried.begin(), carried.end(), own.begin(), own.end(), std::back_inserter(here),
                 better);
      const auto down =
          static_cast<std::size_t>(built.down_arc[ni] < 0 ? 0 : at(built.down_arc[ni]));
      if (down > here.size())
        throw std::logic_error("placement: a chain carries more than it holds");
      carried.assign(here.begin(), here.begin() + static_cast<std::ptrdiff_t>(down));
      std::size_t next = down;
      const auto& r = cand.ranking[cl];
      const Index from = n == built.class_first_node[cl] ? 0 : built.chain_length[ni - 1];
      for (Index t = from; t < built.chain_length[ni]; ++t)
        for (Flow f = at(built.first_pool_arc[ni] + (t - from)); f > 0; --f) {
          if (next >= here.size())
            throw std::logic_error("placement: a chain fills more than it holds");
          result.opening_of[static_cast<std::size_t>(here[next++])] =
              r[static_cast<std::size_t>(t)].first;
        }
      std::vector<Index>().swap(own);
    }
  }
}

}  // namespace

void solve_optimally(PlacementResult& result, const Candidates& cand, const Cohort& c,
                     const std::vector<double>& scores) {
  PlacementNetwork built = build_network(cand, c);
  MinCostFlow& net = built.net;
  // Pricing blocks of sqrt(arcs) / 64 (at least 10): unit supplies make most
  // pivots degenerate and cheap, so short blocks pay. The 10,000-programme
  // province's chains (12.5M arcs): 140 s with sqrt(arcs) / 8, 90-100 s with / 64
  // or / 256; a 2,000-programme cut of it (3.4M arcs): 4.6 s, 2.1 s (/ 32), 1.0-1.8 s.
  MinCostFlowOptions options;
  options.block_size =
      std::max<Index>(10, static_cast<Index>(std::sqrt(static_cast<double>(net.arc_count())) / 64));
  // Every graduate and chain node can stay unplaced, so the crash basis starts
  // with the openings at the sink's potential: the province's network took 4.1M
  // pivots instead of 9.1M, and 0.54x the solve time (benchmarks/README.md).
  options.crash_start = true;
  const MinCostFlowResult flow = net.solve(options);
  result.status = flow.status;
  if (flow.status != FlowStatus::kOptimal) {
    // Every graduate may stay unplaced, so only values out of range get here:
    // nobody is placed, and the status says why.
    result.message = "placement: the flow is not optimal: " + flow.message;
    return;
  }
  const CertificateCheck check = check_min_cost_flow(net, flow);
  result.flow_objective = kValueScale.gain_value(flow.cost);
  result.certified = check.ok;
  result.certificate_message = check.failure;
  // Graduates with preferred openings: their direct arcs as they are.
  const Index C = built.class_first_node.back();
  for (std::size_t g = 0; g < cand.group.size(); ++g) {
    const Index own = built.node_of[g];
    if (own < 0) continue;
    const auto pi = static_cast<std::size_t>(own - C);
    const Index first = built.first_arc[pi] + (built.chain_arc[pi] >= 0 ? 1 : 0);
    const auto mine = cand.preferred_of(static_cast<Index>(g));
    for (std::size_t t = 0; t < mine.size(); ++t)
      if (flow.flow[static_cast<std::size_t>(first) + t] > 0) result.opening_of[g] = mine[t].first;
  }
  place_chains(result, cand, scores, built, flow);
}

}  // namespace sixlink::placement_detail
