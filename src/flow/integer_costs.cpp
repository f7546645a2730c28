#include "sixlink/flow/integer_costs.hpp"

#include <cmath>
#include <string>

#include "detail/numbers.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {
__extension__ typedef __int128 i128;  // the engine's exact products
}  // namespace

void CostScale::throw_bad_scale(double scale) {
  throw InvalidInput("cost scale must be positive and finite, got " + detail::format_number(scale));
}

CostRangeCheck CostScale::check_value(double value) const {
  // The comparison is on the double product, before llround: a product at 2^62
  // or beyond would round to a cost the engine rejects (or does not fit at all).
  if (!(std::abs(value * scale_) < kMaxIntegerCost)) {
    return {FlowStatus::kOutOfRange, "value " + detail::format_number(value) + " at cost scale " +
                                         detail::format_number(scale_) +
                                         " is not an integer cost below 2^62"};
  }
  return {};
}

CostRangeCheck CostScale::check(double largest, Index nodes) const {
  if (nodes < 0) throw InvalidInput("nodes must not be negative, got " + std::to_string(nodes));
  CostRangeCheck value = check_value(largest);
  if (!value) return value;
  // In integers, as the engine checks it (a double product would round).
  const Cost most = std::abs(cost(largest));
  if (static_cast<i128>(most) * (static_cast<i128>(nodes) + 2) >=
      static_cast<i128>(kCostRangeBound)) {
    return {FlowStatus::kOutOfRange,
            "costs up to " + std::to_string(most) + " on " + std::to_string(nodes) +
                " nodes break the engine's bound (nodes + 2) max|cost| < 2^60"};
  }
  return {};
}

ScaleChoice finest_scale(double largest, Index nodes, double total_flow, double base_scale,
                         double max_factor) {
  const CostScale base(base_scale);  // checks the base scale
  if (!(max_factor >= 1.0 && std::isfinite(max_factor)))
    throw InvalidInput("max_factor must be >= 1 and finite, got " +
                       detail::format_number(max_factor));
  const double n = static_cast<double>(nodes + 2);
  double factor = max_factor;
  // The quota model's loop, operation for operation (its costs must not move by a bit).
  while (factor > 1.0 && (largest * base.scale() * factor * n >= 0x1.0p59 ||
                          largest * base.scale() * factor * 4.0 * total_flow >= 0x1.0p61))
    factor /= 10.0;
  return {factor, base.scale() * factor};
}

}  // namespace sixlink
