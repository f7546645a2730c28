// Numbers in the JSON reports (gap, plan, placement): one presentation rule.
//
// Whole quantities (counts of people, openings, seats held as integers) are JSON
// integers. Every other number is rounded to 6 decimal places, so sums carry no
// binary noise (28612.43, not 28612.429999999997), and a zero is never "-0".
// A number that is not finite is null (JSON has no infinity). The plan's
// "intake_lp" is the one exception: the LP's value, unrounded.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

namespace sixlink::detail {

/// x rounded to 6 decimal places, without a negative zero.
inline double report_round(double x) {
  if (!std::isfinite(x)) return x;
  // Beyond 2^53 / 1e6 a double has no sixth decimal to round.
  const double r = std::abs(x) < 9e9 ? std::round(x * 1e6) / 1e6 : x;
  return r + 0.0;  // -0.0 + 0.0 == +0.0
}

/// A JSON number by the rule above; null when not finite.
inline nlohmann::ordered_json report_number(double x) {
  if (!std::isfinite(x)) return nullptr;
  return report_round(x);
}

inline nlohmann::ordered_json report_number(const std::optional<double>& x) {
  return x ? report_number(*x) : nlohmann::ordered_json();
}

}  // namespace sixlink::detail
