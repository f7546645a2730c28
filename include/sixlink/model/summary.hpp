// sixlink/model/summary.hpp — what a scenario holds, in a few numbers.
//
// Counts per entity; students enrolled and yearly intake; graduates per year in
// steady state (sum over programmes of round(intake x completion_rate): whole
// cohorts, as the gap analysis and the synthetic cohort count them); yearly openings;
// and, per cluster, graduates and openings.
//
// Graduates are attributed to clusters through occupations: with O(c, o) the
// openings of occupation o at enterprises whose sector maps into cluster c, and
// O(o) = sum_c O(c, o), a specialty s has affinity
//     a(s, c) = sum_o fit(s, o) * O(c, o) / O(o)
// for cluster c, and each programme's graduates are split over clusters in
// proportion to a(s, c). Graduates of specialties with no affinity to any
// cluster are reported as unattributed. The local retention rate is read off the
// base year's employment records: graduates employed in the city / graduates who
// entered the labour market (model/retention.hpp; records of study are left out).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sixlink/model/scenario.hpp"

namespace sixlink {

struct EntityCounts {
  Index regions = 0;
  Index clusters = 0;
  Index sectors = 0;
  Index occupations = 0;
  Index specialties = 0;
  Index schools = 0;
  Index programmes = 0;
  Index enterprises = 0;
  Index employment_records = 0;
  Index targets = 0;

  friend bool operator==(const EntityCounts&, const EntityCounts&) = default;
};

struct ClusterSummary {
  std::string id;
  std::string name;
  double graduates = 0.0;  ///< graduates per year attributed to the cluster
  Count openings = 0;      ///< yearly openings at the cluster's enterprises
};

struct ScenarioSummary {
  std::string name;
  int base_year = 0;
  EntityCounts counts;
  Count enrolled = 0;                   ///< students on all programmes now
  Count intake = 0;                     ///< yearly intake over all programmes
  double graduates = 0.0;               ///< graduates per year, steady state
  Count openings = 0;                   ///< yearly openings over all enterprises
  Count internship_slots = 0;           ///< internship places over all enterprises
  double unattributed_graduates = 0.0;  ///< graduates no cluster demands
  /// Local retention among the base year's employment records; empty when the
  /// scenario records no employment in its base year.
  std::optional<double> retention_rate;
  std::vector<ClusterSummary> clusters;  ///< in the scenario's cluster order
};

/// Summarises a validated scenario.
ScenarioSummary summarise(const Scenario& scenario);

}  // namespace sixlink
