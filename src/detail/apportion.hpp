// Largest-remainder rounding: integers that sum exactly to a total.
#pragma once

#include <vector>

#include "sixlink/core/types.hpp"

namespace sixlink::detail {

/// Splits `total` into integers proportional to `weights` (non-negative, not all
/// zero): each share is floor(total * w / sum) plus one for the largest
/// remainders, ties to the lower index. The result sums to `total`.
std::vector<Count> apportion(const std::vector<double>& weights, Count total);

}  // namespace sixlink::detail
