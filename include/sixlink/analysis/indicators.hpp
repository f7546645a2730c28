// sixlink/analysis/indicators.hpp — the plan's indicator table for a year: the
// values now, the plan's base figures and targets, the gaps and whether each
// indicator is on track.
//
// Values (units as in model/scenario.hpp: fractions, counts, yuan). The five
// computed indicators come from the scenario, which describes its base year:
//   enrolment                 sum of programmes' enrolled students
//   retention_rate            given by the caller (the gap analysis's local
//                             retention), else the base year's records
//   above_size_participation  partner 规上 enterprises / 规上 enterprises, where
//                             a firm is 规上 by its `above_designated_size` flag,
//                             or, when that is unset (older scenarios), by `large`
//   double_high_share         students in double-high schools / students
//   social_training           sum of schools' social training (if any is given)
// A recorded value (Scenario::indicator_values) for a year after the base year
// and no later than Y replaces a computed value (it is an observation of that
// later year). Tracked indicators take the record of the latest year <= Y.
// Otherwise the value is unknown (nullopt), and so are its gaps and on_track.
//
// Columns: base_value is the record of the base year, else (computed
// indicators) the computed value; target_2023 / target_2025 the plan's targets;
// gap_2023 / gap_2025 = target - value; next_target is the first target of a
// year >= Y (else the last one) and gap = next_target - value.
//
// On track: every indicator of the plan is an "at least" indicator, so a value
// is on track when value >= the plan's path at Y, the path running linearly
// through (base year, base_value) and the (year, target) points; before the
// first point it is that point's value, after the last the last target. Unknown
// (nullopt) when the value or the whole path is unknown.
//
// Cost: O(programmes + schools + enterprises + indicator_values + targets).
#pragma once

#include <optional>
#include <vector>

#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// One row of the plan's table; labels and units come from indicator_info(indicator).
struct IndicatorValue {
  Indicator indicator = Indicator::kEnrolment;
  std::optional<double> value;  ///< the value for `year`
  std::optional<double> target_2023;
  std::optional<double> target_2025;
  std::optional<double> gap_2023;  ///< target_2023 - value
  std::optional<double> gap_2025;  ///< target_2025 - value
  int year = 0;                    ///< the year the row is for
  std::optional<int> value_year;   ///< the year of the record the value is, or `year` if computed
  bool computed = false;           ///< the value was computed from the scenario
  int base_year = 0;               ///< the scenario's base year (the year of base_value)
  std::optional<double> base_value;
  std::optional<int> next_target_year;
  std::optional<double> next_target;
  std::optional<double> gap;  ///< next_target - value
  std::optional<bool> on_track;
};

/// The plan's whole table for a validated scenario, one row per indicator in
/// kAllIndicators order, for `year` (default: the scenario's base year).
std::vector<IndicatorValue> plan_indicators(const Scenario& scenario,
                                            std::optional<double> retention_rate = std::nullopt,
                                            std::optional<int> year = std::nullopt);

/// The participation indicator's counts: 规上 enterprises (by the flag, or by
/// `large` where the flag is unset) and those among them that are partners.
struct AboveSizeCounts {
  Count above_size = 0;
  Count partners = 0;
};
AboveSizeCounts above_size_counts(const Scenario& scenario);

}  // namespace sixlink
