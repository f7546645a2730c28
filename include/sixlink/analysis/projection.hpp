// sixlink/analysis/projection.hpp — the linkage projected onto the bipartite
// supply x demand graph that the gap analysis solves.
//
// Supply nodes are programmes p; demand nodes n are (occupation, cluster, region)
// triples as they occur in the enterprises' openings (an enterprise's cluster is its
// sector's; "cluster" may be the pseudo-cluster kUnclustered for firms whose sector
// belongs to no cluster). For an analysis year Y >= base year B:
//
//   graduates   g_p = c_p - round(pi_p * c_p), c_p = round(intake_p * completion_rate_p)
//               the job-seekers of the cohort that entered duration_p years before
//               Y (intakes are taken as steady at their scenario value); pi_p is the
//               share who continue study (analysis/progression.hpp), 0 without
//               records of study
//   openings    D_n = round(O(n) * (1 + growth_c)^(Y - B))
//               O(n) is the base-year openings for occupation o at the firms of
//               cluster c in region r. Each firm's openings are growth plus
//               replacement, (growth_c + replacement_c) * E, of its vocational
//               employment E; E grows by growth_c a year, so openings grow with it.
//   fit         f(s, n) = fit(s, o_n), the specialty's fit for node n's occupation
//   mobility    m(r, r') = 1 within a region, `other_region_mobility` across
//   weight      w(p, n) = f(s_p, n) * m(r_p, r_n), stored only where f > 0
//
// Averaging a specialty's fit over a cluster's occupation mix was the model before:
// it scored a CNC graduate at about 0.25 against the automobile cluster although
// its firms post CNC-operator openings the graduate fits fully (DESIGN.md §2).
// Cells (cluster, region) and clusters are exact sums of their nodes.
//
// For the supply/demand ratios, each programme's graduates are also attributed
// to demand nodes in proportion to a(s, n) = fit(s, o_n) * O(n) / O(o_n), where
// O(o) is the city's openings for o (the summary's attribution, per node); a
// cell's attributed supply is the same as under the cluster-averaged model, since
// a is linear in the openings. Graduates of specialties no node demands stay
// unattributed.
//
// Sparse end to end: fit(s, o) and the occupation mixes are Eigen sparse
// matrices and f, a are their products; w is built row by row (OpenMP over
// programmes, each row written by one thread, so the result is identical at any
// thread count). O(nnz) time and memory.
#pragma once

#include <Eigen/SparseCore>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/model/scenario.hpp"  // also kUnclustered, the pseudo-cluster named below

namespace sixlink {

/// m(r, r') for r != r' unless told otherwise; GapOptions (and so the plan, the CLI and
/// Python, through the option registry) read this one default.
inline constexpr double kDefaultOtherRegionMobility = 0.75;

struct ProjectionOptions {
  int year = 0;  ///< analysis year; 0: the scenario's base year
  double other_region_mobility = kDefaultOtherRegionMobility;  ///< m(r, r'), r != r', in [0, 1]
  int threads = 0;  ///< OpenMP threads; 0: the runtime's default
};

using RowSparse = Eigen::SparseMatrix<double, Eigen::RowMajor>;

struct SupplyDemandGraph {
  int year = 0;
  /// Cluster ids: the scenario's clusters, then kUnclustered when any opening
  /// lies outside every cluster.
  std::vector<std::string> cluster_ids;
  std::vector<Index> programme_region;  ///< per programme, index into scenario regions
  std::vector<Count> graduates;         ///< g_p: graduates entering the labour market
  std::vector<Index> node_cluster;      ///< per demand node, index into cluster_ids
  std::vector<Index> node_region;       ///< per demand node, index into scenario regions
  std::vector<Index> node_occupation;   ///< per demand node, index into scenario occupations
  std::vector<Count> openings;          ///< D_n
  RowSparse fit;                        ///< programmes x nodes: f(s_p, n)
  RowSparse weight;                     ///< programmes x nodes: w(p, n), same pattern as fit
  std::vector<double> attributed;       ///< per node: graduates attributed by a(s, n)
  std::vector<double> unattributed;     ///< per programme: graduates no node demands

  Index programmes() const { return static_cast<Index>(graduates.size()); }
  Index nodes() const { return static_cast<Index>(openings.size()); }
};

/// Projects a validated scenario. Throws InvalidInput for a year before the
/// base year or more than 100 years after it, or a mobility outside [0, 1].
SupplyDemandGraph project_supply_demand(const Scenario& scenario,
                                        const ProjectionOptions& options = {});

}  // namespace sixlink
