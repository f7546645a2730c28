#include "analysis/market_samples.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "detail/rng.hpp"

namespace sixlink::detail {
namespace {

enum class Part : std::uint64_t { kDemand = 0, kMix = 1, kFit = 2 };

// A log-normal factor with mean 1, keyed by (seed, sample, part, index). The
// demand part keeps the key of the releases before mix and fit noise.
double factor(std::uint64_t seed, int sample, Part part, std::uint64_t index, double sigma) {
  std::uint64_t key =
      seed ^ mix64(static_cast<std::uint64_t>(sample) * 0x9E3779B97F4A7C15ULL + index);
  if (part != Part::kDemand)
    key = mix64(key ^ (static_cast<std::uint64_t>(part) * 0xD1B54A32D192ED03ULL));
  SplitMix64 rng(mix64(key));
  const double u1 = 1.0 - rng.uniform(), u2 = rng.uniform();  // u1 in (0, 1]
  const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  return std::exp(sigma * z - 0.5 * sigma * sigma);
}

// Each cell's nodes scaled by their factors, then rescaled to the cell's total
// and rounded by largest remainder (ties: the earlier node).
void perturb_mix(const SupplyDemandGraph& g, std::uint64_t seed, int sample, double sigma,
                 std::vector<Count>& openings) {
  std::map<std::pair<Index, Index>, std::vector<std::size_t>> cells;
  for (std::size_t n = 0; n < openings.size(); ++n)
    cells[{g.node_cluster[n], g.node_region[n]}].push_back(n);
  for (const auto& [cell, nodes] : cells) {
    Count total = 0;
    double scaled = 0.0;
    std::vector<double> raw(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      total += openings[nodes[i]];
      raw[i] = static_cast<double>(openings[nodes[i]]) * factor(seed, sample, Part::kMix, nodes[i], sigma);
      scaled += raw[i];
    }
    if (nodes.size() < 2 || scaled <= 0.0) continue;
    Count given = 0;
    std::vector<std::pair<double, std::size_t>> remainder(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const double share = raw[i] * static_cast<double>(total) / scaled;
      const auto whole = static_cast<Count>(std::floor(share));
      openings[nodes[i]] = whole;
      given += whole;
      remainder[i] = {-(share - static_cast<double>(whole)), i};
    }
    std::sort(remainder.begin(), remainder.end());
    for (std::size_t k = 0; given < total && k < remainder.size(); ++k, ++given)
      ++openings[nodes[remainder[k].second]];
  }
}

// Each stored weight w = f m scaled to min(1, f x factor(s, o)) m.
std::vector<double> perturb_fit(const SupplyDemandGraph& g, const Scenario& s, std::uint64_t seed,
                                int sample, double sigma) {
  std::unordered_map<std::string_view, std::uint64_t> specialty;
  for (std::size_t i = 0; i < s.specialties.size(); ++i) specialty.emplace(s.specialties[i].id, i);
  const auto occupations = static_cast<std::uint64_t>(s.occupations.size());
  std::vector<double> out(g.weight.valuePtr(), g.weight.valuePtr() + g.weight.nonZeros());
  std::unordered_map<std::uint64_t, double> link_factor;
  std::size_t k = 0;
  for (Index p = 0; p < g.programmes(); ++p) {
    const std::uint64_t sp = specialty.at(s.programmes[static_cast<std::size_t>(p)].specialty);
    RowSparse::InnerIterator fit(g.fit, static_cast<int>(p));
    for (RowSparse::InnerIterator w(g.weight, static_cast<int>(p)); w; ++w, ++fit, ++k) {
      const auto o = static_cast<std::uint64_t>(g.node_occupation[static_cast<std::size_t>(w.col())]);
      const std::uint64_t link = sp * occupations + o;
      auto [it, fresh] = link_factor.emplace(link, 0.0);
      if (fresh) it->second = factor(seed, sample, Part::kFit, link, sigma);
      if (fit.value() > 0.0) out[k] = w.value() * std::min(1.0, fit.value() * it->second) / fit.value();
    }
  }
  return out;
}

}  // namespace

MarketSample sample_market(const SupplyDemandGraph& g, const Scenario& s, std::uint64_t seed,
                           int sample, const MarketNoise& noise) {
  MarketSample out;
  out.openings.resize(g.openings.size());
  for (std::size_t n = 0; n < g.openings.size(); ++n)
    out.openings[n] = static_cast<Count>(std::llround(
        static_cast<double>(g.openings[n]) * factor(seed, sample, Part::kDemand, n, noise.demand)));
  if (noise.mix > 0.0) perturb_mix(g, seed, sample, noise.mix, out.openings);
  if (noise.fit > 0.0) out.weights = perturb_fit(g, s, seed, sample, noise.fit);
  return out;
}

}  // namespace sixlink::detail
