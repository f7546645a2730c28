#include "sixlink/analysis/gap_analysis.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#include "analysis/market_network.hpp"
#include "detail/numbers.hpp"
#include "detail/rng.hpp"
#include "sixlink/analysis/analysis_options.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/model/summary.hpp"
#include "sixlink/verify/flow_certificate.hpp"

namespace sixlink {
namespace {

using detail::kMarketCostScale;
using detail::MarketNetwork;

ProjectionOptions projection_options(const GapOptions& o, int year) {
  return {year, o.other_region_mobility, o.threads};
}

Count total(const std::vector<Count>& values) {
  Count sum = 0;
  for (Count v : values) sum += v;
  return sum;
}

std::vector<std::string> programme_ids(const Scenario& s) {
  std::vector<std::string> ids;
  ids.reserve(s.programmes.size());
  for (const auto& p : s.programmes) ids.push_back(p.id);
  return ids;
}

// A solve that is not optimal, carried out of the calibration's bisection to
// become the report's status.
struct NotOptimal {
  FlowStatus status;
  std::string message;
};

// Solves; counts too large for exact integer costs are bad input. Any other
// status than kOptimal cannot happen (every graduate may stay unplaced and the
// network has no cycle) and is thrown as NotOptimal.
MinCostFlowResult solve_market(MarketNetwork& m) {
  MinCostFlowResult result = m.solve();
  if (result.status == FlowStatus::kOutOfRange) {
    throw InvalidInput("gap analysis: graduates and openings are too large to solve exactly: " +
                       result.message);
  }
  if (result.status != FlowStatus::kOptimal)
    throw NotOptimal{result.status,
                     "gap analysis: transportation model not optimal: " + result.message};
  return result;
}

// Distances on reduced costs in the residual graph of an optimal flow: from
// `origin` outwards, or (towards = true) from every node to `origin`.
std::vector<Cost> residual_distances(const MinCostFlow& problem, const MinCostFlowResult& r,
                                     Index origin, bool towards) {
  const Index n = problem.node_count();
  const Index m = problem.arc_count();
  // Residual edges as (from, to, reduced cost), grouped by the end Dijkstra scans from.
  std::vector<std::vector<std::pair<Index, Cost>>> next(static_cast<std::size_t>(n));
  for (Index a = 0; a < m; ++a) {
    const Index u = problem.tail(a);
    const Index v = problem.head(a);
    const Flow f = r.flow[static_cast<std::size_t>(a)];
    const Cost rc = problem.cost(a) + r.potential[static_cast<std::size_t>(u)] -
                    r.potential[static_cast<std::size_t>(v)];
    // The certificate was checked: a residual arc's reduced cost is never negative.
    if (f < problem.capacity(a)) {  // u -> v at rc
      if (towards)
        next[static_cast<std::size_t>(v)].emplace_back(u, rc);
      else
        next[static_cast<std::size_t>(u)].emplace_back(v, rc);
    }
    if (f > problem.lower(a)) {  // v -> u at -rc
      if (towards)
        next[static_cast<std::size_t>(u)].emplace_back(v, -rc);
      else
        next[static_cast<std::size_t>(v)].emplace_back(u, -rc);
    }
  }
  constexpr Cost kUnreached = std::numeric_limits<Cost>::max();
  std::vector<Cost> dist(static_cast<std::size_t>(n), kUnreached);
  using Entry = std::pair<Cost, Index>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  dist[static_cast<std::size_t>(origin)] = 0;
  heap.emplace(0, origin);
  while (!heap.empty()) {
    const auto [d, u] = heap.top();
    heap.pop();
    if (d != dist[static_cast<std::size_t>(u)]) continue;
    for (const auto& [v, c] : next[static_cast<std::size_t>(u)]) {
      if (d + c < dist[static_cast<std::size_t>(v)]) {
        dist[static_cast<std::size_t>(v)] = d + c;
        heap.emplace(d + c, v);
      }
    }
  }
  return dist;
}

SupplyBand band_of(double supply, Count demand, const GapOptions& o, double& ratio) {
  if (demand == 0) {
    ratio = supply > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
    return SupplyBand::kNoDemand;
  }
  ratio = supply / static_cast<double>(demand);
  if (ratio < o.shortage_below) return SupplyBand::kShortage;
  if (ratio > o.oversupply_above) return SupplyBand::kOversupply;
  return SupplyBand::kBalanced;
}

double share(Count part, Count whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace

std::string_view to_string(SupplyBand band) {
  switch (band) {
    case SupplyBand::kShortage:
      return "shortage";
    case SupplyBand::kBalanced:
      return "balanced";
    case SupplyBand::kOversupply:
      return "oversupply";
    case SupplyBand::kNoDemand:
      return "no_demand";
  }
  return "?";
}

double outside_tier_value(std::string_view programme_id, Index tier, const OutsideTiers& tiers) {
  if (tiers.count == 1) return 1.0;
  // FNV-1a of the id, mixed: the same programme gets the same offset in any scenario.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : programme_id)
    hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  const double offset = static_cast<double>(detail::mix64(hash) >> 11) * 0x1.0p-53;
  return 1.0 - tiers.spread +
         2.0 * tiers.spread * (static_cast<double>(tier) + offset) /
             static_cast<double>(tiers.count);
}

Count outside_tier_capacity(Count graduates, Index tier, const OutsideTiers& tiers) {
  return (graduates + tier) / tiers.count;
}

namespace {

// Bisection of the header on the base-year projection `g`. Throws NotOptimal.
double calibrate(const SupplyDemandGraph& g, std::span<const std::string> ids, double recorded,
                 const GapOptions& options) {
  const Count graduates = total(g.graduates);
  if (graduates == 0) return kDefaultOutsideWeight;
  MarketNetwork m = detail::gap_market(g, ids, options, 0.0);
  auto retention = [&](Cost lambda) {
    m.set_outside_weight(kMarketCostScale.value(lambda));
    return share(m.local_flow(solve_market(m)), graduates);
  };
  // Smallest lambda in [0, scale] whose retention is at most the recorded one.
  Cost lo = 0;
  auto hi = static_cast<Cost>(detail::kMarketScale);
  if (retention(hi) > recorded) return 1.0;
  while (lo < hi) {
    const Cost mid = lo + (hi - lo) / 2;
    if (retention(mid) <= recorded)
      hi = mid;
    else
      lo = mid + 1;
  }
  if (hi > 0 && std::abs(retention(hi - 1) - recorded) < std::abs(retention(hi) - recorded)) --hi;
  return kMarketCostScale.value(hi);
}

// lambda: given, calibrated on the base year (the analysis's own projection when
// that is the year), or the default. Throws NotOptimal.
void choose_outside_weight(CityGap& city, const Scenario& s, const SupplyDemandGraph& g,
                           std::span<const std::string> ids, const GapOptions& options) {
  if (options.outside_weight) {
    city.outside_weight = *options.outside_weight;
  } else if (city.recorded_retention_rate) {
    city.outside_weight =
        g.year == s.base_year
            ? calibrate(g, ids, *city.recorded_retention_rate, options)
            : calibrate(project_supply_demand(s, projection_options(options, s.base_year)), ids,
                        *city.recorded_retention_rate, options);
    city.outside_weight_calibrated = true;
  } else {
    city.outside_weight = kDefaultOutsideWeight;
  }
}

// The solved market and the residual distances its marginal values come from
// (empty when the certificate failed: the marginal values stay 0).
struct Solved {
  const SupplyDemandGraph& g;
  const MarketNetwork& m;
  const MinCostFlowResult& r;
  std::vector<Cost> to_sink, from_sink;

  Flow flow(Index arc) const { return r.flow[static_cast<std::size_t>(arc)]; }
  Cost potential(Index node) const { return r.potential[static_cast<std::size_t>(node)]; }
  bool priced() const { return !to_sink.empty(); }
};

// Programme rows and the city's leaving and surplus; returns the fit-weighted
// placements, and adds each region's placements in its own region.
double programme_rows(GapReport& report, const Scenario& s, const Solved& x,
                      std::vector<Count>& region_in_region) {
  const SupplyDemandGraph& g = x.g;
  const MarketNetwork& m = x.m;
  const auto* outer = g.weight.outerIndexPtr();
  const auto* column = g.weight.innerIndexPtr();
  const auto* fit = g.fit.valuePtr();
  const Index K = m.tiers().count;
  double fit_weighted = 0.0;
  for (Index p = 0; p < m.programmes(); ++p) {
    const Programme& prog = s.programmes[static_cast<std::size_t>(p)];
    const Index home = g.programme_region[static_cast<std::size_t>(p)];
    ProgrammeGap row;
    row.id = prog.id;
    row.school = prog.school;
    row.specialty = prog.specialty;
    row.region = s.regions[static_cast<std::size_t>(home)].id;
    row.graduates = g.graduates[static_cast<std::size_t>(p)];
    std::vector<Count> by_cluster(g.cluster_ids.size(), 0);
    for (auto k = outer[p]; k < outer[p + 1]; ++k) {
      const Count placed = x.flow(m.first_local(p) + (k - outer[p]));
      row.placed_local += placed;
      by_cluster[static_cast<std::size_t>(g.node_cluster[static_cast<std::size_t>(column[k])])] +=
          placed;
      fit_weighted += static_cast<double>(placed) * fit[k];
      if (g.node_region[static_cast<std::size_t>(column[k])] == home) {
        region_in_region[static_cast<std::size_t>(home)] += placed;
      }
    }
    for (Index k = 0; k < K; ++k) row.leaving += x.flow(m.outside_arc(p, k));
    row.surplus = x.flow(m.surplus_arc(p));
    if (x.priced()) {
      // The new graduate either takes a residual path to the sink, or the unit of
      // outside capacity their tier gains and a residual path on from the outside node.
      Cost delta = x.to_sink[static_cast<std::size_t>(p)] - x.potential(p) + x.potential(m.sink());
      const Index tier = (K - (row.graduates + 1) % K) % K;
      const Cost via_outside = x.to_sink[static_cast<std::size_t>(m.outside_node())];
      if (via_outside != std::numeric_limits<Cost>::max()) {
        delta = std::min(delta, m.problem().cost(m.outside_arc(p, tier)) + via_outside -
                                    x.potential(m.outside_node()) + x.potential(m.sink()));
      }
      row.marginal_value = kMarketCostScale.gain_value(delta);
    }
    report.city.leaving += row.leaving;
    report.city.surplus += row.surplus;
    for (std::size_t c = 0; c < by_cluster.size(); ++c)
      if (by_cluster[c] > 0) report.flows.push_back({prog.id, g.cluster_ids[c], by_cluster[c]});
    report.programmes.push_back(std::move(row));
  }
  return fit_weighted;
}

// The marginal value of one more opening at demand node n (see the header).
double opening_value(const Solved& x, Index n, Count matched, Count demand) {
  const MarketNetwork& m = x.m;
  const Index node = m.demand_node(n);
  if (!x.priced() || matched != demand ||
      x.from_sink[static_cast<std::size_t>(node)] == std::numeric_limits<Cost>::max())
    return 0.0;
  // The cycle sink -> ... -> node -> sink through the added opening.
  const Cost delta =
      x.from_sink[static_cast<std::size_t>(node)] - x.potential(m.sink()) + x.potential(node);
  return delta < 0 ? kMarketCostScale.gain_value(delta) : 0.0;
}

// Occupation rows (one per demand node), the cells and clusters that sum them, and the
// city's demand and matches; returns the total attributed supply.
double cell_rows(GapReport& report, const Scenario& s, const Solved& x, const GapOptions& options) {
  const SupplyDemandGraph& g = x.g;
  const MarketNetwork& m = x.m;
  std::vector<ClusterGap> clusters(g.cluster_ids.size());
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    clusters[c].id = g.cluster_ids[c];
    clusters[c].name = c < s.clusters.size() ? s.clusters[c].name : "firms outside every cluster";
  }
  for (Index n = 0; n < m.nodes(); ++n) {
    const auto i = static_cast<std::size_t>(n);
    const auto c = static_cast<std::size_t>(g.node_cluster[i]);
    OccupationGap row;
    row.occupation = s.occupations[static_cast<std::size_t>(g.node_occupation[i])].id;
    row.cluster = g.cluster_ids[c];
    row.region = s.regions[static_cast<std::size_t>(g.node_region[i])].id;
    row.supply = g.attributed[i];
    row.demand = g.openings[i];
    row.matched = x.flow(m.node_arc(n));
    row.unmet = row.demand - row.matched;
    row.band = band_of(row.supply, row.demand, options, row.ratio);
    row.marginal_value = opening_value(x, n, row.matched, row.demand);
    // Nodes come in (cluster, region) runs: a new run starts a cell.
    if (report.cells.empty() || report.cells.back().cluster != row.cluster ||
        report.cells.back().region != row.region) {
      report.cells.push_back({row.cluster, row.region});
      report.cells.back().marginal_value = row.marginal_value;
    }
    ClusterRegionGap& cell = report.cells.back();
    cell.supply += row.supply;
    cell.demand += row.demand;
    cell.matched += row.matched;
    cell.marginal_value = std::max(cell.marginal_value, row.marginal_value);
    clusters[c].supply += row.supply;
    clusters[c].demand += row.demand;
    clusters[c].matched += row.matched;
    report.occupations.push_back(std::move(row));
  }
  for (auto& cell : report.cells) {
    cell.unmet = cell.demand - cell.matched;
    cell.band = band_of(cell.supply, cell.demand, options, cell.ratio);
  }
  double total_supply = 0.0;
  for (auto& cl : clusters) {
    cl.unmet = cl.demand - cl.matched;
    cl.band = band_of(cl.supply, cl.demand, options, cl.ratio);
    total_supply += cl.supply;
    report.city.demand += cl.demand;
    report.city.matched += cl.matched;
  }
  report.clusters = std::move(clusters);
  return total_supply;
}

void region_rows(GapReport& report, const Scenario& s, const SupplyDemandGraph& g,
                 const std::vector<Count>& region_in_region) {
  std::unordered_map<std::string_view, std::size_t> region_index;
  for (std::size_t i = 0; i < s.regions.size(); ++i) {
    report.regions.push_back({s.regions[i].id});
    region_index.emplace(s.regions[i].id, i);
  }
  for (const auto& school : s.schools) ++report.regions[region_index.at(school.region)].schools;
  for (Index p = 0; p < g.programmes(); ++p) {
    RegionGap& region =
        report.regions[static_cast<std::size_t>(g.programme_region[static_cast<std::size_t>(p)])];
    const ProgrammeGap& row = report.programmes[static_cast<std::size_t>(p)];
    region.graduates += row.graduates;
    region.placed_local += row.placed_local;
    region.leaving += row.leaving;
    region.surplus += row.surplus;
  }
  for (std::size_t i = 0; i < report.regions.size(); ++i)
    report.regions[i].placed_in_region = region_in_region[i];
  for (const ClusterRegionGap& cell : report.cells) {
    RegionGap& region = report.regions[region_index.at(cell.region)];
    region.demand += cell.demand;
    region.matched += cell.matched;
    region.unmet += cell.unmet;
  }
  for (auto& region : report.regions)
    region.retention_rate = share(region.placed_local, region.graduates);
}

void city_totals(GapReport& report, const SupplyDemandGraph& g, double fit_weighted,
                 double total_supply) {
  CityGap& city = report.city;
  city.graduates = total(g.graduates);
  city.unmet = city.demand - city.matched;
  city.retention_rate = share(city.matched, city.graduates);
  city.match_rate = share(city.matched, city.demand);
  const Count most = std::min(city.graduates, city.demand);
  city.matching_degree = most > 0 ? fit_weighted / static_cast<double>(most) : 0.0;
  for (double u : g.unattributed) city.unattributed_graduates += u;
  if (total_supply > 0.0 && city.demand > 0) {
    double deviation = 0.0;
    for (const auto& cl : report.clusters)
      deviation += std::abs(cl.supply / total_supply - share(cl.demand, city.demand));
    city.structural_deviation = 0.5 * deviation;
  } else {
    city.structural_deviation = (total_supply > 0.0) != (city.demand > 0) ? 1.0 : 0.0;
  }
}

// Retention under the definition asked for (model/retention.hpp); the solve gave
// the labour-market rate, matched / graduates entering the labour market.
void apply_retention(CityGap& city, const Progression& progression,
                     RetentionDefinition definition) {
  city.labour_market_retention_rate = city.retention_rate;
  city.retention_definition = definition;
  city.progressed = progression.progressed;
  city.progressed_local = progression.progressed_local;
  if (definition == RetentionDefinition::kAllGraduates) {
    city.retention_rate = share(city.matched + progression.progressed_local,
                                city.graduates + progression.progressed);
  }
}

// Solves the market at the chosen lambda and fills the tables. Throws NotOptimal.
void solve_and_report(GapReport& report, const Scenario& s, const SupplyDemandGraph& g,
                      std::span<const std::string> ids, const GapOptions& options) {
  choose_outside_weight(report.city, s, g, ids, options);
  MarketNetwork m = detail::gap_market(g, ids, options, report.city.outside_weight);
  const MinCostFlowResult r = solve_market(m);
  report.city.objective = MarketNetwork::value(r.cost);
  const CertificateCheck check = check_min_cost_flow(m.problem(), r);
  report.certified = check.ok;
  report.certificate_message = check.failure;
  Solved x{g, m, r, {}, {}};
  if (report.certified) {  // marginal values (see the header)
    x.to_sink = residual_distances(m.problem(), r, m.sink(), /*towards=*/true);
    x.from_sink = residual_distances(m.problem(), r, m.sink(), /*towards=*/false);
  }
  std::vector<Count> region_in_region(s.regions.size(), 0);
  const double fit_weighted = programme_rows(report, s, x, region_in_region);
  const double total_supply = cell_rows(report, s, x, options);
  region_rows(report, s, g, region_in_region);
  city_totals(report, g, fit_weighted, total_supply);
}

}  // namespace

std::optional<double> calibrate_outside_weight(const Scenario& scenario,
                                               const GapOptions& options) {
  validate_gap_options(options);  // the registry's checks; the mobility is the projection's
  const std::optional<double> recorded = summarise(scenario).retention_rate;
  if (!recorded) return std::nullopt;
  try {
    return calibrate(
        project_supply_demand(scenario, projection_options(options, scenario.base_year)),
        programme_ids(scenario), *recorded, options);
  } catch (const NotOptimal& e) {  // no result to carry a status: a defect, said as one
    throw std::logic_error(e.message);
  }
}

GapReport gap_analysis(const Scenario& s, const GapOptions& options) {
  validate_gap_options(options);  // the registry's checks; the mobility is the projection's
  GapReport report;
  report.city.recorded_retention_rate = summarise(s).retention_rate;
  const SupplyDemandGraph g = project_supply_demand(s, projection_options(options, options.year));
  report.city.year = g.year;
  report.progression = project_progression(s);
  try {
    solve_and_report(report, s, g, programme_ids(s), options);
    apply_retention(report.city, report.progression, options.retention);
  } catch (const NotOptimal& e) {
    report.status = e.status;
    report.message = e.message;
  }
  report.indicators = plan_indicators(s, report.city.retention_rate, report.city.year);
  report.linkage = analyse_linkage(s);
  return report;
}

}  // namespace sixlink
