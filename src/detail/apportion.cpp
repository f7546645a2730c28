#include "detail/apportion.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace sixlink::detail {

std::vector<Count> apportion(const std::vector<double>& weights, Count total) {
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<Count> out(weights.size(), 0);
  if (total == 0) return out;
  if (!(sum > 0.0)) throw std::invalid_argument("apportion: weights sum to zero");
  std::vector<double> remainder(weights.size());
  Count given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(total) * weights[i] / sum;
    out[i] = static_cast<Count>(std::floor(exact));
    remainder[i] = exact - static_cast<double>(out[i]);
    given += out[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  // Floating-point rounding may overshoot by a unit: take it back from the smallest remainders.
  for (auto k = order.rbegin(); given > total && k != order.rend(); ++k) {
    if (out[*k] > 0) {
      --out[*k];
      --given;
    }
  }
  for (std::size_t k = 0; given < total; k = (k + 1) % order.size()) {
    ++out[order[k]];
    ++given;
  }
  return out;
}

}  // namespace sixlink::detail
