// sixlink/analysis/indicators.hpp — the plan's indicators, now and against the
// targets the scenario sets.
//
// Values, from the scenario (rates and shares are fractions):
//   enrolment                 sum of programmes' enrolled students
//   retention_rate            given by the caller (the gap analysis's local
//                             retention), else the base year's records
//   large_firm_participation  large firms with partner set / large firms
//   double_high_share         students in double-high schools / students
//   social_training           sum of schools' social training (if any is given)
// An indicator the scenario cannot compute (no large firms, no students, no
// training figures, no retention) is left out. gap = target - value.
#pragma once

#include <optional>
#include <vector>

#include "sixlink/model/scenario.hpp"

namespace sixlink {

struct IndicatorValue {
  Indicator indicator = Indicator::kEnrolment;
  double value = 0.0;
  std::optional<double> target_2023;
  std::optional<double> target_2025;
  std::optional<double> gap_2023;  ///< target_2023 - value
  std::optional<double> gap_2025;  ///< target_2025 - value
};

/// The computable indicators of a validated scenario, in kAllIndicators order.
std::vector<IndicatorValue> plan_indicators(const Scenario& scenario,
                                            std::optional<double> retention_rate = std::nullopt);

}  // namespace sixlink
