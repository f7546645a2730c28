#include "sixlink/model/summary.hpp"

#include <cmath>
#include <unordered_map>

#include "sixlink/model/retention.hpp"

namespace sixlink {
namespace {

using PerCluster = std::unordered_map<std::string_view, std::vector<double>>;

// The clusters, and the openings per cluster and per (cluster, occupation): returns
// occupation -> openings per cluster.
PerCluster count_openings(const Scenario& s, ScenarioSummary& out) {
  std::unordered_map<std::string_view, std::size_t> cluster_index;
  out.clusters.reserve(s.clusters.size());
  for (std::size_t c = 0; c < s.clusters.size(); ++c) {
    cluster_index.emplace(s.clusters[c].id, c);
    out.clusters.push_back({s.clusters[c].id, s.clusters[c].name, 0.0, 0});
  }
  std::unordered_map<std::string_view, std::size_t> sector_cluster;  // sector id -> cluster index
  for (const auto& sector : s.sectors) {
    if (const auto it = cluster_index.find(sector.cluster); it != cluster_index.end()) {
      sector_cluster.emplace(sector.id, it->second);
    }
  }
  PerCluster occupation_openings;
  for (const auto& e : s.enterprises) {
    out.internship_slots += e.internship_slots;
    const auto it = sector_cluster.find(e.sector);
    for (const auto& o : e.openings) {
      out.openings += o.count;
      if (it == sector_cluster.end()) continue;
      out.clusters[it->second].openings += o.count;
      auto& per_cluster = occupation_openings[o.occupation];
      per_cluster.resize(s.clusters.size(), 0.0);
      per_cluster[it->second] += static_cast<double>(o.count);
    }
  }
  return occupation_openings;
}

// Affinity a(s, c) of each specialty for each cluster (see the header): specialty ->
// affinity per cluster.
PerCluster specialty_affinity(const Scenario& s, const PerCluster& occupation_openings) {
  PerCluster affinity;
  for (const auto& sp : s.specialties) {
    std::vector<double> a(s.clusters.size(), 0.0);
    for (const auto& f : sp.occupations) {
      const auto it = occupation_openings.find(f.occupation);
      if (it == occupation_openings.end()) continue;
      double total = 0.0;
      for (double x : it->second) total += x;
      if (total <= 0.0) continue;
      for (std::size_t c = 0; c < a.size(); ++c) a[c] += f.fit * it->second[c] / total;
    }
    affinity.emplace(sp.id, std::move(a));
  }
  return affinity;
}

// Enrolment, intake and graduates, each programme's graduates shared among the
// clusters by its specialty's affinity.
void attribute_graduates(const Scenario& s, const PerCluster& affinity, ScenarioSummary& out) {
  for (const auto& p : s.programmes) {
    out.enrolled += p.enrolled;
    out.intake += p.intake;
    // Whole cohorts, rounded as the projection and the synthetic cohort round them,
    // so that every report shows one graduate count.
    const double graduates =
        static_cast<double>(std::llround(static_cast<double>(p.intake) * p.completion_rate));
    out.graduates += graduates;
    const auto it = affinity.find(p.specialty);
    double total = 0.0;
    if (it != affinity.end()) {
      for (double x : it->second) total += x;
    }
    if (total <= 0.0) {
      out.unattributed_graduates += graduates;
      continue;
    }
    for (std::size_t c = 0; c < out.clusters.size(); ++c) {
      out.clusters[c].graduates += graduates * it->second[c] / total;
    }
  }
}

}  // namespace

ScenarioSummary summarise(const Scenario& s) {
  ScenarioSummary out;
  out.name = s.name;
  out.base_year = s.base_year;
  auto size = [](const auto& v) { return static_cast<Index>(v.size()); };
  out.counts = {size(s.regions),     size(s.clusters), size(s.sectors),    size(s.occupations),
                size(s.specialties), size(s.schools),  size(s.programmes), size(s.enterprises),
                size(s.employment),  size(s.targets)};
  attribute_graduates(s, specialty_affinity(s, count_openings(s, out)), out);

  out.retention_rate = retention_rate(recorded_destinations(s, s.base_year),
                                      RetentionDefinition::kLabourMarket);
  return out;
}

}  // namespace sixlink
