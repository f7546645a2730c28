// sixlink/analysis/gap_analysis.hpp — where graduates are short, where they are
// in surplus, and how many stay in the city.
//
// Model. On the projected graph (analysis/projection.hpp), a transportation
// problem places each programme's g_p graduates: on a local demand node n
// (value w(p, n) per graduate, at most D_n graduates per node), outside the city,
// or nowhere (value 0: surplus, only when the outside market is bounded). Leaving
// is worth lambda on average, but graduates differ in how strongly they are drawn
// away: each cohort is split into K tiers of floor((g_p + k) / K) graduates, tier
// k valuing leaving at lambda (1 - h + 2h (k + u_p) / K), which samples a uniform
// spread over [(1 - h) lambda, (1 + h) lambda]; u_p in [0, 1) is fixed by the
// programme's id so no two programmes share a value. The model maximises
//     sum_{p,n} w(p, n) x(p, n) + sum_{p,k} lambda_pk y_pk
// with sum_n x(p, n) + sum_k y_pk + z_p = g_p, y_pk <= tier size,
// sum_p x(p, n) <= D_n, sum y <= `outside_share` x sum g. A graduate stays only
// for a job whose fit times mobility beats their value of leaving, so local
// retention is the flow one reads off:
//     retention = sum x / sum g        match rate = sum x / sum D
// The min-cost-flow engine solves it exactly on integer costs round(1e6 value): a
// source per programme, a node per demand node, an outside node and one sink.
// (With K = 1 every graduate of a cohort values leaving alike and retention moves
// in steps of whole cohorts as lambda changes; the tiers make it move smoothly.)
//
// lambda. Unless given, it is calibrated: the smallest lambda (in steps of 1e-6)
// at which the base-year model's retention falls to the retention recorded in
// the base year's employment records, or the step below when that lands closer
// (bisection; retention never rises with lambda: the optimum is convex in lambda
// with slope the outside value per unit of lambda, which only grows with lambda).
// A scenario without base-year records uses kDefaultOutsideWeight.
//
// Marginal values come from the flow's node potentials p (reduced costs c + p_tail
// - p_head >= 0 on every residual arc). One more graduate of programme p changes
// the optimal cost by the cheapest residual path from p to the sink, found for all
// programmes at once by one Dijkstra on reduced costs towards the sink; one more
// opening at node n by the cheapest residual cycle through n's arc to the sink
// (one Dijkstra from the sink). (A new graduate also brings one unit of outside
// capacity to the tier whose size grows, floor((g + 1 + k) / K) > floor((g + k) / K);
// the path through that unit is priced too.) These are the right derivatives of the optimum,
// exactly what re-solving with one more graduate or opening gives, even where the
// potentials alone are ambiguous (degenerate optima). Reported in value units.
//
// Tables. Demand nodes are (occupation, cluster, region) (projection.hpp); the
// `occupations` table has one row per node, and cells (cluster, region), clusters
// and regions sum their nodes' openings, matches and attributed supply exactly. A
// cell's marginal value is the largest of its nodes': one more opening of the
// occupation worth most there.
//
// Ratios and bands. A cluster's supply is the graduates attributed to it by
// occupation affinity (projection.hpp); ratio = supply / demand; band: shortage
// below `shortage_below`, oversupply above `oversupply_above`, balanced between,
// no_demand when demand is zero (ratio +inf, or 0 when supply is zero too).
//
// Indices (city-wide, in [0, 1]):
//   matching degree       sum x(p, n) f(s_p, n) / min(sum g, sum D): fit-weighted
//                         placements as a share of the most that could be placed
//   structural deviation  1/2 sum_c |S_c / S - D_c / D| over clusters, S_c the
//                         attributed supply and D_c the openings: 0 when supply has
//                         the shape of demand (0 when both are empty, 1 when one is)
//
// Complexity: one network simplex solve on P + N + 2 nodes and nnz(w) + (K + 1) P
// + N + 1 arcs (about 22 solves more when lambda is calibrated, warm-started), and
// two Dijkstra runs.
//
// References: F. L. Hitchcock, "The distribution of a product from several sources
// to numerous localities", J. Math. Phys. 20 (1941) 224-230; R. K. Ahuja,
// T. L. Magnanti, J. B. Orlin, Network Flows (1993), ch. 9 (duals and sensitivity).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/analysis/indicators.hpp"
#include "sixlink/analysis/progression.hpp"
#include "sixlink/analysis/projection.hpp"
#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/model/linkage_graph.hpp"
#include "sixlink/model/retention.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// lambda when the scenario records no base-year employment to calibrate it on.
inline constexpr double kDefaultOutsideWeight = 0.4;
/// Deprecated and unused: the library's integer costs are scaled by the market
/// network (src/analysis/market_network.hpp). Kept one release for users who read it.
inline constexpr double kWeightScale = 1e6;

struct GapOptions {
  int year = 0;                          ///< analysis year; 0: the base year
  std::optional<double> outside_weight;  ///< lambda in [0, 1]; empty: calibrate
  double other_region_mobility = kDefaultOtherRegionMobility;  ///< see projection.hpp
  double outside_share = 1.0;      ///< the outside market takes at most this share of graduates
  int outside_tiers = 8;           ///< K, reservation-value tiers per cohort, in [1, 64]
  double outside_spread = 0.5;     ///< h, tiers spread over [1 - h, 1 + h] x lambda, in [0, 1)
  double shortage_below = 0.8;     ///< ratio below: shortage
  double oversupply_above = 1.25;  ///< ratio above: oversupply
  int threads = 0;                 ///< OpenMP threads for the projection; 0: default
  /// What retention_rate is a share of (model/retention.hpp); lambda is calibrated
  /// on the labour-market rate under either.
  RetentionDefinition retention = RetentionDefinition::kLabourMarket;
};

enum class SupplyBand { kShortage, kBalanced, kOversupply, kNoDemand };
std::string_view to_string(SupplyBand band);

struct ClusterGap {
  std::string id;
  std::string name;
  double supply = 0.0;  ///< attributed graduates
  Count demand = 0;     ///< openings
  Count matched = 0;    ///< openings filled by local graduates
  Count unmet = 0;      ///< demand - matched
  double ratio = 0.0;   ///< supply / demand (see the header for zero demand)
  SupplyBand band = SupplyBand::kNoDemand;
};

/// One demand node: an occupation's openings at the firms of a cluster in a region.
struct OccupationGap {
  std::string occupation;
  std::string cluster;
  std::string region;
  Count demand = 0;  ///< openings
  Count matched = 0;
  Count unmet = 0;
  double supply = 0.0;  ///< graduates attributed by occupation affinity
  double ratio = 0.0;
  SupplyBand band = SupplyBand::kNoDemand;
  double marginal_value = 0.0;  ///< one more opening here (see the header)
};

struct ClusterRegionGap {
  std::string cluster;
  std::string region;
  double supply = 0.0;
  Count demand = 0;
  Count matched = 0;
  Count unmet = 0;
  double ratio = 0.0;
  SupplyBand band = SupplyBand::kNoDemand;
  double marginal_value = 0.0;  ///< optimum's gain from one more opening here
};

struct ProgrammeGap {
  std::string id;
  std::string school;
  std::string specialty;
  std::string region;
  Count graduates = 0;
  Count placed_local = 0;
  Count leaving = 0;
  Count surplus = 0;            ///< placed nowhere (outside market full)
  double marginal_value = 0.0;  ///< optimum's gain from one more graduate
};

/// Graduates of one programme placed in one cluster's openings (a non-zero flow of
/// the optimum, summed over the cluster's nodes in every region).
struct ProgrammeClusterFlow {
  std::string programme;
  std::string cluster;
  Count graduates = 0;
};

struct RegionGap {
  std::string id;
  Index schools = 0;
  Count graduates = 0;         ///< of the region's programmes
  Count placed_local = 0;      ///< of those, placed anywhere in the city
  Count placed_in_region = 0;  ///< of those, placed in this region
  Count leaving = 0;
  Count surplus = 0;
  Count demand = 0;  ///< openings in the region
  Count matched = 0;
  Count unmet = 0;
  double retention_rate = 0.0;  ///< placed_local / graduates (0 without graduates)
};

struct CityGap {
  int year = 0;
  Count graduates = 0;  ///< graduates entering the labour market (progression: all of them)
  Count demand = 0;
  Count matched = 0;  ///< = graduates placed locally
  Count unmet = 0;
  Count leaving = 0;
  Count surplus = 0;
  double retention_rate = 0.0;  ///< under `retention_definition` (model/retention.hpp)
  double match_rate = 0.0;      ///< matched / demand
  double matching_degree = 0.0;
  double structural_deviation = 0.0;
  double unattributed_graduates = 0.0;  ///< graduates no cluster demands
  double objective = 0.0;               ///< the optimum, in value units
  double outside_weight = 0.0;          ///< lambda used
  bool outside_weight_calibrated = false;
  std::optional<double> recorded_retention_rate;  ///< base-year records, if any
  RetentionDefinition retention_definition = RetentionDefinition::kLabourMarket;
  /// Local jobs / graduates entering the labour market (the default reading, the
  /// one lambda is calibrated on), whichever definition retention_rate follows.
  double labour_market_retention_rate = 0.0;
  Count progressed = 0;        ///< graduates who continue study (progression.hpp)
  Count progressed_local = 0;  ///< of those, on a programme in the city
};

/// How a cohort's values of leaving are spread (see the header).
struct OutsideTiers {
  int count = 8;
  double spread = 0.5;
};

/// Tier k's multiple of lambda for a programme: 1 - h + 2h (k + u) / K, with u
/// in [0, 1) fixed by the programme id; exactly 1 when K = 1.
double outside_tier_value(std::string_view programme_id, Index tier, const OutsideTiers& tiers);
/// Tier k's share of a cohort of g graduates: floor((g + k) / K).
Count outside_tier_capacity(Count graduates, Index tier, const OutsideTiers& tiers);

struct GapReport {
  CityGap city;
  std::vector<ClusterGap> clusters;        ///< scenario order, then kUnclustered
  std::vector<ClusterRegionGap> cells;     ///< (cluster, region) order, sums of their nodes
  std::vector<OccupationGap> occupations;  ///< demand nodes, (cluster, region, occupation)
  std::vector<ProgrammeGap> programmes;    ///< scenario order
  /// Where each programme's local graduates work: programme order, then clusters'.
  std::vector<ProgrammeClusterFlow> flows;
  std::vector<RegionGap> regions;          ///< scenario order
  std::vector<IndicatorValue> indicators;  ///< kAllIndicators order, computable ones
  LinkageGraphSummary linkage;
  Progression progression;  ///< who continues study, and by which pathway
  /// The transportation model's solve: kOptimal, or why the flows, marginal
  /// values and rates above are missing (`message`). The model always has an
  /// optimum (every graduate may stay unplaced), so anything else is a defect.
  FlowStatus status = FlowStatus::kOptimal;
  std::string message;
  /// The optimal flow's certificate (verify/flow_certificate.hpp), checked after
  /// the solve; the marginal values are computed only when it holds.
  bool certified = false;
  std::string certificate_message;  ///< why the check failed (empty when it held)
};

/// Calibrated lambda for a scenario (see the header), or nothing when the
/// scenario records no base-year employment. Throws InvalidInput for options out
/// of range, std::logic_error should a solve not be optimal (a defect: see
/// GapReport::status).
std::optional<double> calibrate_outside_weight(const Scenario& scenario,
                                               const GapOptions& options = {});

/// Runs the gap analysis on a validated scenario. Throws InvalidInput for
/// options out of range (named in the message) or counts too large to solve
/// exactly; a solve that is not optimal is the report's status.
GapReport gap_analysis(const Scenario& scenario, const GapOptions& options = {});

}  // namespace sixlink
