// sixlink/model/linkage_graph.hpp — the six-industry linkage as one graph, and
// the structural gaps it shows before any optimisation.
//
// Nodes are the scenario's entities of every kind: regions, clusters, sectors,
// occupations, specialties, schools, programmes and enterprises. Edges run from
// supply towards demand:
//   region -> school -> programme -> specialty -> occupation      (training)
//   occupation -> enterprise (the enterprise has openings for it)  (demand)
//   enterprise -> sector -> cluster, region -> enterprise          (industry)
//   programme -> enterprise | cluster                              (employment records)
// A specialty "feeds" a cluster when a path programme -> specialty ->
// occupation -> enterprise -> sector -> cluster exists (employment edges are
// observations, not linkage, and are left out of that search).
//
// Findings: specialties whose occupations no enterprise demands; clusters no
// offered specialty feeds; enterprises without a sector, and those whose sector
// belongs to no cluster; regions without schools; occupations nobody trains for
// or demands. Each list keeps the scenario's order.
//
// Built with Boost.Graph (adjacency_list; breadth-first search on a filtered
// view; connected_components on the undirected view). Time and memory are
// linear in the number of entities and links.
#pragma once

#include <string>
#include <vector>

#include "sixlink/model/scenario.hpp"

namespace sixlink {

enum class EntityKind {
  kRegion,
  kCluster,
  kSector,
  kOccupation,
  kSpecialty,
  kSchool,
  kProgramme,
  kEnterprise,
};

inline constexpr int kEntityKindCount = 8;

std::string_view to_string(EntityKind kind);

struct LinkageFindings {
  std::vector<std::string> specialties_without_demand;  ///< no enterprise demands their occupations
  std::vector<std::string> clusters_without_supply;     ///< no offered specialty feeds them
  std::vector<std::string> enterprises_without_sector;  ///< sector not given
  std::vector<std::string> enterprises_outside_clusters;  ///< sector given, in no cluster
  std::vector<std::string> regions_without_schools;
  std::vector<std::string>
      occupations_unused;  ///< no specialty trains for them, no firm demands them

  bool empty() const;
};

struct LinkageGraphSummary {
  Index nodes[kEntityKindCount] = {};  ///< by EntityKind
  Index edges = 0;
  Index employment_edges = 0;
  Index components = 0;  ///< connected components, ignoring direction
  LinkageFindings findings;
};

/// Builds the linkage graph of a validated scenario and reports what it shows.
LinkageGraphSummary analyse_linkage(const Scenario& scenario);

}  // namespace sixlink
