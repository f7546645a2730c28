// Internal to placement/: the candidate graph of placement.hpp in index form, and
// the optimal mode's flow network built on it (placement_network.cpp).
//
// Graduates of one programme with one home region form a group; groups whose
// programmes teach one specialty and whose graduates share a home region form a
// class. An opening's value (before preferences) depends on the graduate only
// through the class, so a class's openings are ranked once, and each group's pool
// is a prefix of its class's ranking: the pools of one class are nested.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "detail/id_index.hpp"
#include "sixlink/core/types.hpp"
#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/matching/market.hpp"
#include "sixlink/model/scenario.hpp"
#include "sixlink/placement/cohort.hpp"
#include "sixlink/placement/placement.hpp"

namespace sixlink::placement_detail {

using Entry = std::pair<Index, double>;  // an opening and its value to a graduate

// The scenario's tables the candidates read, indexed once: the fit of each
// specialty to each occupation (a dense table: specialties x occupations is small
// next to the lists, 2 MB for the 10,000-programme province) and each opening's
// occupation, region and enterprise.
struct CandidateTables {
  detail::IdIndex occupations, regions, enterprises;
  std::size_t occupation_count = 0;
  std::vector<double> fit;                        // fit[specialty * occupation_count + occupation]
  std::vector<Index> specialty_of;                // per programme
  std::vector<Index> occupation, region;          // per opening
  std::vector<std::vector<Index>> of_enterprise;  // per enterprise: its openings
  // Openings with seats by occupation: a class scans only those its specialty fits.
  std::vector<std::vector<Index>> of_occupation;

  double fit_at(Index specialty, Index opening) const;
};

struct Candidates {
  CandidateTables tables;
  std::vector<Index> programme, home, group;  // per graduate
  RankedLists lists;                          // per graduate: openings, best first
  // Groups and classes: group q's pool is the first pool_size[q] entries of
  // ranking[group_class[q]] (its best openings by v without preferences until
  // their seats cover twice the group, at least k of them).
  std::vector<Count> group_size;
  std::vector<Index> group_class, pool_size;  // per group
  std::vector<std::vector<Entry>> ranking;    // per class, cut after its longest pool
  // Per graduate: the openings of preferred enterprises with their values, bonus
  // included, best first: preferred[preferred_ptr[g] .. preferred_ptr[g + 1]).
  std::vector<Index> preferred_ptr;
  std::vector<Entry> preferred;
  std::vector<Index> opening_cluster;  // per opening
  std::vector<std::uint8_t> job;       // per opening
  std::vector<std::string> cluster_ids;

  std::span<const Entry> pool(Index q) const {
    const auto& r = ranking[static_cast<std::size_t>(group_class[static_cast<std::size_t>(q)])];
    return {r.data(), static_cast<std::size_t>(pool_size[static_cast<std::size_t>(q)])};
  }
  std::span<const Entry> preferred_of(Index g) const {
    const auto gi = static_cast<std::size_t>(g);
    return {preferred.data() + preferred_ptr[gi],
            static_cast<std::size_t>(preferred_ptr[gi + 1] - preferred_ptr[gi])};
  }
  /// fit(s_g, occ_j).
  double fit(Index g, Index j) const;
  /// v(g, j) as the lists rank it (j must be one of g's candidates).
  double value(const PlacementOptions& o, Index g, Index j) const;
};

/// The candidate graph without `lists` (progress stage "candidates", one step
/// per graduate): the rankings cost O(classes x fitting openings x log), the
/// preferred openings O(preferences x openings per enterprise).
Candidates build_candidates(const Scenario& s, const Cohort& c, const PlacementOptions& o);

/// Fills `lists`: each graduate's preferred openings merged into the group's pool,
/// skipping the pool's copy of a preferred opening; O(L) for L candidate pairs.
/// The largest table (8 bytes a pair): the optimal mode builds it after its
/// network is gone.
void list_candidates(const Cohort& c, Candidates& cand);

/// The optimal mode's network (see placement_network.cpp) and the arcs the
/// placement is read from.
struct PlacementNetwork {
  MinCostFlow net;
  Index first_opening = 0;  // node of opening 0; the sink is the last node
  // Chain nodes: per class, one node per distinct pool length, shortest first.
  std::vector<Index> class_first_node;  // per class (size classes + 1)
  std::vector<Index> chain_length;      // per chain node: its pool length
  std::vector<Index> down_arc;          // per chain node: arc to the shorter one, or -1
  std::vector<Index> first_pool_arc;    // per chain node: arcs to its new openings
  std::vector<Index> group_node;        // per group: its chain node, or -1 (empty pool)
  std::vector<Index> node_of;           // per graduate: own node, or -1 (pooled)
  std::vector<Index> first_arc;         // per own-node graduate: chain arc or -1, then preferred
  std::vector<Index> chain_arc;         // per own-node graduate: its arc to the chain, or -1
};

PlacementNetwork build_network(const Candidates& cand, const Cohort& c);

/// The optimal mode: solves the network, checks its certificate and reads the
/// placement into `result`.
void solve_optimally(PlacementResult& result, const Candidates& cand, const Cohort& c,
                     const std::vector<double>& scores);

}  // namespace sixlink::placement_detail
