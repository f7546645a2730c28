#include "sixlink/analysis/projection.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <utility>

#include "detail/id_index.hpp"
#include "detail/numbers.hpp"
#include "sixlink/analysis/analysis_options.hpp"
#include "sixlink/analysis/progression.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/model/retention.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace sixlink {
namespace {

using Triplet = Eigen::Triplet<double>;

using detail::index_by_id;

Index at(const detail::IdIndex& ids, std::string_view id) { return detail::find_id(ids, id); }

// Openings of one (cluster, region) cell, by occupation.
using Cell = std::unordered_map<Index, double>;

// The analysis year, after checking it and the mobility.
int checked_year(const Scenario& s, const ProjectionOptions& options) {
  const int year = options.year == 0 ? s.base_year : options.year;
  if (year < s.base_year || year > s.base_year + 100) {
    throw InvalidInput("analysis year " + std::to_string(year) + " must be between the base year " +
                       std::to_string(s.base_year) + " and " + std::to_string(s.base_year + 100));
  }
  // The range is the gap registry's (declared unchecked there: it is checked here, after
  // the year, for every caller of the projection).
  if (std::string error = option_range_error(
          gap_option_registry().field("other_region_mobility").info, options.other_region_mobility);
      !error.empty())
    throw InvalidInput(error);
  return year;
}

// Base-year openings per (cluster, region) cell and occupation, cells in (cluster, region)
// order with the unclustered pseudo-cluster last; appends kUnclustered to the graph's
// clusters when any enterprise has it.
std::vector<Cell> base_year_cells(const Scenario& s, const detail::IdIndex& region_ids,
                                  const detail::IdIndex& occupation_ids, SupplyDemandGraph& g) {
  const auto cluster_ids = index_by_id(s.clusters);
  std::unordered_map<std::string_view, Index> sector_cluster;
  for (const auto& sector : s.sectors)
    sector_cluster.emplace(sector.id, at(cluster_ids, sector.cluster));
  const auto n_clusters = static_cast<Index>(s.clusters.size());
  const auto n_regions = static_cast<Index>(s.regions.size());
  for (const auto& c : s.clusters) g.cluster_ids.push_back(c.id);

  std::vector<Cell> cells(static_cast<std::size_t>((n_clusters + 1) * n_regions));
  for (const auto& e : s.enterprises) {
    Index c = at(sector_cluster, e.sector);
    if (c < 0) c = n_clusters;  // unclustered
    const Index r = at(region_ids, e.region);
    for (const auto& o : e.openings) {
      if (o.count > 0)
        cells[static_cast<std::size_t>(c * n_regions + r)][at(occupation_ids, o.occupation)] +=
            static_cast<double>(o.count);
    }
  }
  bool any_unclustered = false;
  for (Index r = 0; r < n_regions; ++r)
    any_unclustered =
        any_unclustered || !cells[static_cast<std::size_t>(n_clusters * n_regions + r)].empty();
  if (any_unclustered) g.cluster_ids.emplace_back(kUnclustered);
  return cells;
}

// The demand nodes' occupation mixes: mix(o, n) = O(n, o) / O(n), share(o, n) = O(n, o) / O(o).
struct NodeMixes {
  Eigen::SparseMatrix<double> mix;
  Eigen::SparseMatrix<double> share;
};

// Demand nodes in (cluster, region, occupation) order, one per occupation with openings
// in a cell, with openings grown to the analysis year.
NodeMixes demand_nodes(const Scenario& s, const std::vector<Cell>& cells, int year,
                       SupplyDemandGraph& g) {
  const auto n_clusters = static_cast<Index>(s.clusters.size());
  const auto n_regions = static_cast<Index>(s.regions.size());
  const auto n_occupations = static_cast<Index>(s.occupations.size());
  std::vector<Triplet> mix_entries, share_entries;
  std::vector<double> occupation_total(static_cast<std::size_t>(n_occupations), 0.0);
  for (const auto& cell : cells)
    for (const auto& [o, count] : cell) occupation_total[static_cast<std::size_t>(o)] += count;
  for (Index c = 0; c < static_cast<Index>(g.cluster_ids.size()); ++c) {
    const double growth =
        c < n_clusters ? s.clusters[static_cast<std::size_t>(c)].growth_rate : 0.0;
    const double factor = std::pow(1.0 + growth, year - s.base_year);
    for (Index r = 0; r < n_regions; ++r) {
      const auto& cell = cells[static_cast<std::size_t>(c * n_regions + r)];
      // Sorted by occupation so the nodes do not depend on hash order.
      std::vector<std::pair<Index, double>> sorted(cell.begin(), cell.end());
      std::sort(sorted.begin(), sorted.end());
      for (const auto& [o, count] : sorted) {
        const double grown = std::round(count * factor);
        if (!(grown <= static_cast<double>(kMaxCount))) {
          throw InvalidInput("openings of occupation '" +
                             s.occupations[static_cast<std::size_t>(o)].id + "' in cluster '" +
                             g.cluster_ids[static_cast<std::size_t>(c)] + "' and region '" +
                             s.regions[static_cast<std::size_t>(r)].id + "' grow to " +
                             detail::format_number(grown) + " by " + std::to_string(year) +
                             ", above the largest count " + std::to_string(kMaxCount));
        }
        const auto n = static_cast<Index>(g.openings.size());
        g.node_cluster.push_back(c);
        g.node_region.push_back(r);
        g.node_occupation.push_back(o);
        g.openings.push_back(static_cast<Count>(grown));
        mix_entries.emplace_back(static_cast<int>(o), static_cast<int>(n), 1.0);
        share_entries.emplace_back(static_cast<int>(o), static_cast<int>(n),
                                   count / occupation_total[static_cast<std::size_t>(o)]);
      }
    }
  }
  const auto n_nodes = static_cast<int>(g.openings.size());
  NodeMixes m{Eigen::SparseMatrix<double>(static_cast<int>(n_occupations), n_nodes),
              Eigen::SparseMatrix<double>(static_cast<int>(n_occupations), n_nodes)};
  m.mix.setFromTriplets(mix_entries.begin(), mix_entries.end());
  m.share.setFromTriplets(share_entries.begin(), share_entries.end());
  return m;
}

// specialties x occupations: the catalogue's fit f(s, o).
RowSparse specialty_fit(const Scenario& s, const detail::IdIndex& occupation_ids) {
  std::vector<Triplet> fit_entries;
  for (std::size_t sp = 0; sp < s.specialties.size(); ++sp) {
    for (const auto& f : s.specialties[sp].occupations)
      fit_entries.emplace_back(static_cast<int>(sp),
                               static_cast<int>(at(occupation_ids, f.occupation)), f.fit);
  }
  RowSparse fit(static_cast<int>(s.specialties.size()), static_cast<int>(s.occupations.size()));
  fit.setFromTriplets(fit_entries.begin(), fit_entries.end());
  return fit;
}

// Programme rows: graduates and region in the graph; each programme's specialty returned.
std::vector<Index> programme_rows(const Scenario& s, const detail::IdIndex& region_ids,
                                  SupplyDemandGraph& g) {
  const auto specialty_ids = index_by_id(s.specialties);
  const auto school_ids = index_by_id(s.schools);
  const auto n_programmes = static_cast<Index>(s.programmes.size());
  std::vector<Index> programme_specialty(static_cast<std::size_t>(n_programmes));
  g.graduates.resize(static_cast<std::size_t>(n_programmes));
  g.programme_region.resize(static_cast<std::size_t>(n_programmes));
  const std::vector<double> progression = recorded_progression(s).rate;
  for (Index p = 0; p < n_programmes; ++p) {
    const Programme& prog = s.programmes[static_cast<std::size_t>(p)];
    programme_specialty[static_cast<std::size_t>(p)] = at(specialty_ids, prog.specialty);
    g.programme_region[static_cast<std::size_t>(p)] =
        at(region_ids, s.schools[static_cast<std::size_t>(at(school_ids, prog.school))].region);
    // Those who continue study are not job-seekers (progression.hpp).
    const Count cohort = std::llround(static_cast<double>(prog.intake) * prog.completion_rate);
    g.graduates[static_cast<std::size_t>(p)] =
        job_seekers(cohort, progression[static_cast<std::size_t>(p)]);
  }
  return programme_specialty;
}

// g.fit and g.weight: each programme's row of node fits, weighted by the mobility away
// from its home region.
void fit_and_weight(const RowSparse& node_fit, const std::vector<Index>& programme_specialty,
                    const ProjectionOptions& options, SupplyDemandGraph& g) {
  const auto n_programmes = static_cast<Index>(programme_specialty.size());
  const auto n_nodes = static_cast<int>(g.openings.size());
  // Row offsets first, then each programme's row filled by one thread.
  std::vector<int> outer(static_cast<std::size_t>(n_programmes) + 1, 0);
  for (Index p = 0; p < n_programmes; ++p) {
    const int sp = static_cast<int>(programme_specialty[static_cast<std::size_t>(p)]);
    outer[static_cast<std::size_t>(p) + 1] =
        outer[static_cast<std::size_t>(p)] + static_cast<int>(node_fit.innerVector(sp).nonZeros());
  }
  const auto nnz = static_cast<std::size_t>(outer.back());
  std::vector<int> columns(nnz);
  std::vector<double> fits(nnz), weights(nnz);
#ifdef _OPENMP
  const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
#pragma omp parallel for schedule(static) num_threads(threads) if (n_programmes > 1024)
#endif
  for (Index p = 0; p < n_programmes; ++p) {
    const Index home = g.programme_region[static_cast<std::size_t>(p)];
    auto k = static_cast<std::size_t>(outer[static_cast<std::size_t>(p)]);
    const int sp = static_cast<int>(programme_specialty[static_cast<std::size_t>(p)]);
    for (RowSparse::InnerIterator it(node_fit, sp); it; ++it, ++k) {
      const bool same_region = g.node_region[static_cast<std::size_t>(it.col())] == home;
      columns[k] = static_cast<int>(it.col());
      fits[k] = it.value();
      weights[k] = it.value() * (same_region ? 1.0 : options.other_region_mobility);
    }
  }
  const auto rows = static_cast<int>(n_programmes);
  g.fit = Eigen::Map<const RowSparse>(rows, n_nodes, static_cast<int>(nnz), outer.data(),
                                      columns.data(), fits.data());
  g.weight = Eigen::Map<const RowSparse>(rows, n_nodes, static_cast<int>(nnz), outer.data(),
                                         columns.data(), weights.data());
}

// Attribution of graduates to nodes for the supply/demand ratios.
void attribute_graduates(const RowSparse& node_affinity,
                         const std::vector<Index>& programme_specialty, SupplyDemandGraph& g) {
  const auto n_programmes = static_cast<Index>(programme_specialty.size());
  g.attributed.assign(g.openings.size(), 0.0);
  g.unattributed.assign(static_cast<std::size_t>(n_programmes), 0.0);
  for (Index p = 0; p < n_programmes; ++p) {
    const int sp = static_cast<int>(programme_specialty[static_cast<std::size_t>(p)]);
    const double grads = static_cast<double>(g.graduates[static_cast<std::size_t>(p)]);
    double total = 0.0;
    for (RowSparse::InnerIterator it(node_affinity, sp); it; ++it) total += it.value();
    if (total <= 0.0) {
      g.unattributed[static_cast<std::size_t>(p)] = grads;
      continue;
    }
    for (RowSparse::InnerIterator it(node_affinity, sp); it; ++it)
      g.attributed[static_cast<std::size_t>(it.col())] += grads * it.value() / total;
  }
}

}  // namespace

SupplyDemandGraph project_supply_demand(const Scenario& s, const ProjectionOptions& options) {
  const int year = checked_year(s, options);
  const auto region_ids = index_by_id(s.regions);
  const auto occupation_ids = index_by_id(s.occupations);
  SupplyDemandGraph g;
  g.year = year;
  const std::vector<Cell> cells = base_year_cells(s, region_ids, occupation_ids, g);
  const NodeMixes m = demand_nodes(s, cells, year, g);
  const RowSparse fit = specialty_fit(s, occupation_ids);
  const RowSparse node_fit = (fit * m.mix).pruned();         // f(s, n)
  const RowSparse node_affinity = (fit * m.share).pruned();  // a(s, n)
  const std::vector<Index> programme_specialty = programme_rows(s, region_ids, g);
  fit_and_weight(node_fit, programme_specialty, options, g);
  attribute_graduates(node_affinity, programme_specialty, g);
  return g;
}

}  // namespace sixlink
