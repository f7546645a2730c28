#include "sixlink/analysis/gap_analysis.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#include "detail/numbers.hpp"
#include "detail/rng.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/model/summary.hpp"

namespace sixlink {
namespace {

Cost to_cost(double value) { return static_cast<Cost>(std::llround(value * kWeightScale)); }

void check_tiers(const OutsideTiers& tiers) {
  if (tiers.count < 1 || tiers.count > 64)
    throw InvalidInput("outside_tiers must be in [1, 64], got " + std::to_string(tiers.count));
  if (!(tiers.spread >= 0.0 && tiers.spread < 1.0))
    throw InvalidInput("outside_spread must be in [0, 1), got " +
                       detail::format_number(tiers.spread));
}

void check_options(const GapOptions& o) {
  auto fraction = [](const char* name, double x) {
    if (!(x >= 0.0 && x <= 1.0))
      throw InvalidInput(std::string(name) + " must be in [0, 1], got " + detail::format_number(x));
  };
  if (o.outside_weight) fraction("outside_weight", *o.outside_weight);
  fraction("outside_share", o.outside_share);
  if (!(std::isfinite(o.shortage_below) && std::isfinite(o.oversupply_above) &&
        o.shortage_below >= 0.0 && o.shortage_below <= o.oversupply_above)) {
    throw InvalidInput(
        "band thresholds must satisfy 0 <= shortage_below <= oversupply_above, got " +
        detail::format_number(o.shortage_below) + " and " +
        detail::format_number(o.oversupply_above));
  }
  check_tiers({o.outside_tiers, o.outside_spread});
  if (o.threads < 0) throw InvalidInput("threads must be >= 0, got " + std::to_string(o.threads));
}

ProjectionOptions projection_options(const GapOptions& o, int year) {
  return {year, o.other_region_mobility, o.threads};
}

Count total(const std::vector<Count>& values) {
  Count sum = 0;
  for (Count v : values) sum += v;
  return sum;
}

Count outside_capacity(const SupplyDemandGraph& g, double share) {
  if (share >= 1.0) return kInfiniteCapacity;
  return static_cast<Count>(std::floor(share * static_cast<double>(total(g.graduates))));
}

std::vector<std::string> programme_ids(const Scenario& s) {
  std::vector<std::string> ids;
  ids.reserve(s.programmes.size());
  for (const auto& p : s.programmes) ids.push_back(p.id);
  return ids;
}

MinCostFlowResult solve_or_throw(MinCostFlow& problem) {
  MinCostFlowResult result = problem.solve();
  if (result.status == FlowStatus::kOutOfRange) {
    throw InvalidInput("gap analysis: graduates and openings are too large to solve exactly: " +
                       result.message);
  }
  if (result.status != FlowStatus::kOptimal) {
    // Every programme can always send its graduates to the sink as surplus.
    throw std::logic_error("gap analysis: transportation model not optimal: " + result.message);
  }
  return result;
}

Count local_flow(const GapFlowModel& m, const MinCostFlowResult& r) {
  Count sum = 0;
  for (Index a = 0; a < m.first_outside_arc; ++a) sum += r.flow[static_cast<std::size_t>(a)];
  return sum;
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
    if (f < problem.capacity(a)) {  // u -> v at rc
      if (rc < 0) throw std::logic_error("gap analysis: negative reduced cost on a residual arc");
      if (towards)
        next[static_cast<std::size_t>(v)].emplace_back(u, rc);
      else
        next[static_cast<std::size_t>(u)].emplace_back(v, rc);
    }
    if (f > problem.lower(a)) {  // v -> u at -rc
      if (rc > 0) throw std::logic_error("gap analysis: negative reduced cost on a residual arc");
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

GapFlowModel build_gap_flow_model(const SupplyDemandGraph& g,
                                  std::span<const std::string> programme_ids, double outside_weight,
                                  Count outside_capacity, const OutsideTiers& tiers) {
  if (static_cast<Index>(programme_ids.size()) != g.programmes())
    throw InvalidInput("build_gap_flow_model: " + std::to_string(programme_ids.size()) +
                       " programme ids for " + std::to_string(g.programmes()) + " programmes");
  check_tiers(tiers);
  GapFlowModel m;
  m.programmes = g.programmes();
  m.nodes = g.nodes();
  m.outside_node = m.programmes + m.nodes;
  m.sink = m.outside_node + 1;
  m.tiers = tiers;
  MinCostFlow& f = m.problem;
  for (Index i = 0; i < m.sink + 1; ++i) f.add_node();
  for (Index p = 0; p < m.programmes; ++p)
    f.set_supply(p, g.graduates[static_cast<std::size_t>(p)]);
  f.set_supply(m.sink, -total(g.graduates));
  for (int p = 0; p < static_cast<int>(m.programmes); ++p) {
    for (RowSparse::InnerIterator it(g.weight, p); it; ++it)
      f.add_arc(p, m.programmes + it.col(), kInfiniteCapacity, -to_cost(it.value()));
  }
  m.first_outside_arc = f.arc_count();
  for (Index p = 0; p < m.programmes; ++p) {
    const Count graduates = g.graduates[static_cast<std::size_t>(p)];
    for (Index k = 0; k < tiers.count; ++k) {
      m.outside_multiple.push_back(
          outside_tier_value(programme_ids[static_cast<std::size_t>(p)], k, tiers));
      f.add_arc(p, m.outside_node, outside_tier_capacity(graduates, k, tiers), 0);
    }
  }
  m.first_surplus_arc = f.arc_count();
  for (Index p = 0; p < m.programmes; ++p) f.add_arc(p, m.sink, kInfiniteCapacity, 0);
  m.first_node_arc = f.arc_count();
  for (Index n = 0; n < m.nodes; ++n)
    f.add_arc(m.programmes + n, m.sink, g.openings[static_cast<std::size_t>(n)], 0);
  m.outside_arc = f.add_arc(m.outside_node, m.sink, outside_capacity, 0);
  set_outside_weight(m, outside_weight);
  return m;
}

void set_outside_weight(GapFlowModel& m, double outside_weight) {
  for (std::size_t a = 0; a < m.outside_multiple.size(); ++a) {
    m.problem.set_cost(m.first_outside_arc + static_cast<Index>(a),
                       -to_cost(outside_weight * m.outside_multiple[a]));
  }
}

void set_graduates(GapFlowModel& m, Index p, Count graduates) {
  if (p < 0 || p >= m.programmes)
    throw InvalidInput("set_graduates: no programme " + std::to_string(p));
  if (graduates < 0 || graduates > kMaxCount)
    throw InvalidInput("set_graduates: graduates must be in [0, 1e12], got " +
                       std::to_string(graduates));
  const Count before = m.problem.supply(p);
  m.problem.set_supply(p, graduates);
  m.problem.set_supply(m.sink, m.problem.supply(m.sink) - (graduates - before));
  for (Index k = 0; k < m.tiers.count; ++k)
    m.problem.set_bounds(m.first_outside_arc + p * m.tiers.count + k, 0,
                         outside_tier_capacity(graduates, k, m.tiers));
}

namespace {

// Bisection of the header on the base-year projection `g`.
double calibrate(const SupplyDemandGraph& g, std::span<const std::string> ids, double recorded,
                 const GapOptions& options) {
  const Count graduates = total(g.graduates);
  if (graduates == 0) return kDefaultOutsideWeight;
  GapFlowModel m = build_gap_flow_model(g, ids, 0.0, outside_capacity(g, options.outside_share),
                                        {options.outside_tiers, options.outside_spread});
  auto retention = [&](Cost lambda) {
    set_outside_weight(m, static_cast<double>(lambda) / kWeightScale);
    return share(local_flow(m, solve_or_throw(m.problem)), graduates);
  };
  // Smallest lambda in [0, scale] whose retention is at most the recorded one.
  Cost lo = 0;
  auto hi = static_cast<Cost>(kWeightScale);
  if (retention(hi) > recorded) return 1.0;
  while (lo < hi) {
    const Cost mid = lo + (hi - lo) / 2;
    if (retention(mid) <= recorded)
      hi = mid;
    else
      lo = mid + 1;
  }
  if (hi > 0 && std::abs(retention(hi - 1) - recorded) < std::abs(retention(hi) - recorded)) --hi;
  return static_cast<double>(hi) / kWeightScale;
}

}  // namespace

std::optional<double> calibrate_outside_weight(const Scenario& scenario,
                                               const GapOptions& options) {
  check_options(options);
  const std::optional<double> recorded = summarise(scenario).retention_rate;
  if (!recorded) return std::nullopt;
  return calibrate(project_supply_demand(scenario, projection_options(options, scenario.base_year)),
                   programme_ids(scenario), *recorded, options);
}

GapReport gap_analysis(const Scenario& s, const GapOptions& options) {
  check_options(options);
  GapReport report;
  CityGap& city = report.city;
  city.recorded_retention_rate = summarise(s).retention_rate;
  report.graph = project_supply_demand(s, projection_options(options, options.year));
  const SupplyDemandGraph& g = report.graph;
  city.year = g.year;
  const auto ids = programme_ids(s);
  if (options.outside_weight) {
    city.outside_weight = *options.outside_weight;
  } else if (city.recorded_retention_rate) {
    // Calibrated on the base year; the analysis's own projection when that is the year.
    city.outside_weight =
        g.year == s.base_year
            ? calibrate(g, ids, *city.recorded_retention_rate, options)
            : calibrate(project_supply_demand(s, projection_options(options, s.base_year)), ids,
                        *city.recorded_retention_rate, options);
    city.outside_weight_calibrated = true;
  } else {
    city.outside_weight = kDefaultOutsideWeight;
  }
  report.model =
      build_gap_flow_model(g, ids, city.outside_weight, outside_capacity(g, options.outside_share),
                           {options.outside_tiers, options.outside_spread});
  GapFlowModel& m = report.model;
  report.solution = solve_or_throw(m.problem);
  const MinCostFlowResult& r = report.solution;
  auto flow = [&r](Index arc) { return r.flow[static_cast<std::size_t>(arc)]; };
  auto potential = [&r](Index node) { return r.potential[static_cast<std::size_t>(node)]; };
  city.objective = -static_cast<double>(r.cost) / kWeightScale;

  // Marginal values (see the header).
  const auto to_sink = residual_distances(m.problem, r, m.sink, /*towards=*/true);
  const auto from_sink = residual_distances(m.problem, r, m.sink, /*towards=*/false);

  // Programmes.
  const auto* outer = g.weight.outerIndexPtr();
  const auto* column = g.weight.innerIndexPtr();
  const auto* fit = g.fit.valuePtr();
  double fit_weighted = 0.0;
  std::vector<Count> region_in_region(s.regions.size(), 0);
  for (Index p = 0; p < m.programmes; ++p) {
    const Programme& prog = s.programmes[static_cast<std::size_t>(p)];
    const Index home = g.programme_region[static_cast<std::size_t>(p)];
    ProgrammeGap row;
    row.id = prog.id;
    row.school = prog.school;
    row.specialty = prog.specialty;
    row.region = s.regions[static_cast<std::size_t>(home)].id;
    row.graduates = g.graduates[static_cast<std::size_t>(p)];
    for (auto k = outer[p]; k < outer[p + 1]; ++k) {
      const Count x = flow(k);
      row.placed_local += x;
      fit_weighted += static_cast<double>(x) * fit[k];
      if (g.node_region[static_cast<std::size_t>(column[k])] == home) {
        region_in_region[static_cast<std::size_t>(home)] += x;
      }
    }
    for (Index k = 0; k < m.tiers.count; ++k)
      row.leaving += flow(m.first_outside_arc + p * m.tiers.count + k);
    row.surplus = flow(m.first_surplus_arc + p);
    // The new graduate either takes a residual path to the sink, or the unit of
    // outside capacity their tier gains and a residual path on from the outside node.
    Cost delta = to_sink[static_cast<std::size_t>(p)] - potential(p) + potential(m.sink);
    const Index tier = (m.tiers.count - (row.graduates + 1) % m.tiers.count) % m.tiers.count;
    const Cost via_outside = to_sink[static_cast<std::size_t>(m.outside_node)];
    if (via_outside != std::numeric_limits<Cost>::max()) {
      delta = std::min(delta, m.problem.cost(m.first_outside_arc + p * m.tiers.count + tier) +
                                  via_outside - potential(m.outside_node) + potential(m.sink));
    }
    row.marginal_value = -static_cast<double>(delta) / kWeightScale;
    city.leaving += row.leaving;
    city.surplus += row.surplus;
    report.programmes.push_back(std::move(row));
  }

  // Demand nodes and clusters.
  std::vector<ClusterGap> clusters(g.cluster_ids.size());
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    clusters[c].id = g.cluster_ids[c];
    clusters[c].name = c < s.clusters.size() ? s.clusters[c].name : "firms outside every cluster";
  }
  for (Index n = 0; n < m.nodes; ++n) {
    const Index arc = m.first_node_arc + n;
    ClusterRegionGap cell;
    const auto c = static_cast<std::size_t>(g.node_cluster[static_cast<std::size_t>(n)]);
    cell.cluster = g.cluster_ids[c];
    cell.region =
        s.regions[static_cast<std::size_t>(g.node_region[static_cast<std::size_t>(n)])].id;
    cell.supply = g.attributed[static_cast<std::size_t>(n)];
    cell.demand = g.openings[static_cast<std::size_t>(n)];
    cell.matched = flow(arc);
    cell.unmet = cell.demand - cell.matched;
    cell.band = band_of(cell.supply, cell.demand, options, cell.ratio);
    if (cell.matched == cell.demand &&
        from_sink[static_cast<std::size_t>(m.programmes + n)] != std::numeric_limits<Cost>::max()) {
      // The cycle sink -> ... -> node -> sink through the added opening.
      const Cost delta = from_sink[static_cast<std::size_t>(m.programmes + n)] - potential(m.sink) +
                         potential(m.programmes + n);
      cell.marginal_value = delta < 0 ? -static_cast<double>(delta) / kWeightScale : 0.0;
    }
    clusters[c].supply += cell.supply;
    clusters[c].demand += cell.demand;
    clusters[c].matched += cell.matched;
    report.cells.push_back(std::move(cell));
  }
  double total_supply = 0.0;
  for (auto& cl : clusters) {
    cl.unmet = cl.demand - cl.matched;
    cl.band = band_of(cl.supply, cl.demand, options, cl.ratio);
    total_supply += cl.supply;
    city.demand += cl.demand;
    city.matched += cl.matched;
  }
  report.clusters = std::move(clusters);

  // Regions.
  std::unordered_map<std::string_view, std::size_t> region_index;
  for (std::size_t i = 0; i < s.regions.size(); ++i) {
    report.regions.push_back({s.regions[i].id});
    region_index.emplace(s.regions[i].id, i);
  }
  for (const auto& school : s.schools) ++report.regions[region_index.at(school.region)].schools;
  for (Index p = 0; p < m.programmes; ++p) {
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
  for (Index n = 0; n < m.nodes; ++n) {
    const ClusterRegionGap& cell = report.cells[static_cast<std::size_t>(n)];
    RegionGap& region =
        report.regions[static_cast<std::size_t>(g.node_region[static_cast<std::size_t>(n)])];
    region.demand += cell.demand;
    region.matched += cell.matched;
    region.unmet += cell.unmet;
  }
  for (auto& region : report.regions)
    region.retention_rate = share(region.placed_local, region.graduates);

  // City.
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

  report.indicators = plan_indicators(s, city.retention_rate);
  report.linkage = analyse_linkage(s);
  return report;
}

}  // namespace sixlink
