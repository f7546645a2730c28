// sixlink/flow/integer_costs.hpp — values (doubles) as the integer costs of
// MinCostFlow, and whether they stay within the engine's ranges.
//
// Problem. The min-cost-flow engine (min_cost_flow.hpp) is exact on int64 costs;
// the models above it hold values as doubles (a fit, a bonus, a price per
// graduate). A model solves on the costs round(s x v) for a scale s (1e6: values
// resolved to 1e-6) and reads its optimum back as cost / s. The scale must be
// fine enough to tell the values apart and coarse enough that the engine's
// ranges hold: max|c| (n + 2) < 2^60 on n nodes, and a total cost that fits in an
// int64. CostScale does the conversion the same way for every caller and
// reports a scale that breaks the ranges as FlowStatus::kOutOfRange with a
// message, the engine's own status for data out of range, instead of each
// caller re-deriving the limits.
//
// Conventions.
//   cost(v)        std::llround(v x s): rounded half away from zero, so
//                  cost(-v) = -cost(v)
//   gain(v)        -cost(v): a value to maximise as a cost to minimise
//   value(c)       c / s, and gain_value(c) = -c / s, the optimum of a model of
//                  gains read from the engine's cost
// The expressions are exactly these (the same double operations in the same
// order), so results do not change by a bit when a caller moves to them.
//
// Ranges. check() accepts a scale for values up to `largest` in magnitude on a
// network of n nodes when cost(largest) stays below 2^62 (every cost, and its
// negation, is an int64 the engine accepts) and (n + 2) round(s x largest) <
// 2^60 (the engine's bound on max|c|). The engine still checks the total cost of
// the flow it finds. finest_scale() picks, for models whose values are not round
// (the quota model's prices), the finest of s0 x F, s0 x F / 10, ..., s0 that
// keeps a margin of 2 below the cost bound, (n + 2) s max|v| < 2^59, and (for
// paths of at most four arcs per unit of flow) 4 f s max|v| < 2^61 for a total
// flow f.
//
// Complexity: O(1) per conversion; finest_scale O(log10 F).
#pragma once

#include <cmath>
#include <limits>
#include <string>

#include "sixlink/core/types.hpp"
#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink {

/// The engine's bound on (n + 2) max|c| (min_cost_flow.hpp, Ranges).
inline constexpr double kCostRangeBound = 0x1.0p60;
/// The largest |cost| a conversion may give: below the engine's bound on data.
inline constexpr double kMaxIntegerCost = 0x1.0p62;

/// Whether a scale keeps a model's costs in range.
struct CostRangeCheck {
  FlowStatus status = FlowStatus::kOptimal;  ///< kOptimal: in range; else kOutOfRange
  std::string message;                       ///< why not, when out of range
  bool ok() const { return status == FlowStatus::kOptimal; }
  explicit operator bool() const { return ok(); }
};

/// Values to integer costs at a fixed scale (see the header).
class CostScale {
 public:
  /// Throws InvalidInput unless the scale is positive and finite.
  explicit constexpr CostScale(double scale) : scale_(scale) {
    if (!(scale > 0.0 && scale <= std::numeric_limits<double>::max())) throw_bad_scale(scale);
  }

  constexpr double scale() const { return scale_; }
  /// round(s v), half away from zero.
  Cost cost(double value) const { return static_cast<Cost>(std::llround(value * scale_)); }
  /// -round(s v): a value gained as a cost to minimise.
  Cost gain(double value) const { return -cost(value); }
  /// c / s.
  double value(Cost cost) const { return static_cast<double>(cost) / scale_; }
  /// -c / s: the value of a model of gains from the engine's cost.
  double gain_value(Cost cost) const { return -static_cast<double>(cost) / scale_; }

  /// Whether values up to |largest| convert on a network of `nodes` nodes (the
  /// ranges of the header): kOutOfRange with a message otherwise, also for a
  /// largest value that is not finite.
  CostRangeCheck check(double largest, Index nodes) const;
  /// cost(value), or kOutOfRange when |s value| reaches 2^62 or value is not finite.
  CostRangeCheck check_value(double value) const;

 private:
  [[noreturn]] static void throw_bad_scale(double scale);
  double scale_;
};

/// The scale finest_scale() chose: scale = base_scale x factor.
struct ScaleChoice {
  double factor = 1.0;
  double scale = 1.0;
};

/// The finest of base_scale x max_factor, base_scale x max_factor / 10, ... (the
/// factor divided by 10 while above 1) with (nodes + 2) s largest < 2^59 and
/// 4 total_flow s largest < 2^61; base_scale itself when none is (see the header).
/// The products are computed as (((largest x base_scale) x factor) x ...), in
/// that order. Throws InvalidInput for a base scale that is not positive and
/// finite, or a max_factor below 1.
ScaleChoice finest_scale(double largest, Index nodes, double total_flow, double base_scale,
                         double max_factor);

}  // namespace sixlink
