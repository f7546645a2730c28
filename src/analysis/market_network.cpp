#include "analysis/market_network.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "detail/numbers.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink::detail {
namespace {

// Tier k's capacity for a cohort of `graduates`. A single tier holds the whole
// cohort, which is all a programme can send, so it is left uncapacitated: the
// same network, and a cohort may then move without its arc following it.
Count tier_capacity(Count graduates, Index k, const OutsideTiers& tiers) {
  return tiers.count == 1 ? kInfiniteCapacity : outside_tier_capacity(graduates, k, tiers);
}

Count total(const std::vector<Count>& values) {
  Count sum = 0;
  for (Count v : values) sum += v;
  return sum;
}

}  // namespace

void check_outside_tiers(const OutsideTiers& tiers) {
  if (tiers.count < 1 || tiers.count > 64)
    throw InvalidInput("outside_tiers must be in [1, 64], got " + std::to_string(tiers.count));
  if (!(tiers.spread >= 0.0 && tiers.spread < 1.0))
    throw InvalidInput("outside_spread must be in [0, 1), got " + format_number(tiers.spread));
}

MarketNetwork::MarketNetwork(const SupplyDemandGraph& g, std::span<const std::string> ids,
                             const MarketOptions& o)
    : layout_(o.layout), tiers_(o.tiers), programmes_(g.programmes()), nodes_(g.nodes()) {
  if (static_cast<Index>(ids.size()) != programmes_)
    throw InvalidInput("market network: " + std::to_string(ids.size()) + " programme ids for " +
                       std::to_string(programmes_) + " programmes");
  check_outside_tiers(tiers_);
  if (layout_ == MarketLayout::kInline && tiers_.count != 1)
    throw InvalidInput("market network: the inline layout has one outside arc per programme, got " +
                       std::to_string(tiers_.count) + " tiers");
  const auto P = static_cast<std::size_t>(programmes_);
  const Index K = tiers_.count;
  MinCostFlow& f = problem_;
  for (Index i = 0; i < sink() + 1; ++i) f.add_node();
  for (Index p = 0; p < programmes_; ++p) f.set_supply(p, g.graduates[static_cast<std::size_t>(p)]);
  f.set_supply(sink(), -total(g.graduates));
  outside_multiple_.reserve(P * static_cast<std::size_t>(K));
  for (Index p = 0; p < programmes_; ++p)
    for (Index k = 0; k < K; ++k)
      outside_multiple_.push_back(outside_tier_value(ids[static_cast<std::size_t>(p)], k, tiers_));
  first_local_.resize(P);
  end_local_.resize(P);
  auto add_locals = [&](int p) {
    first_local_[static_cast<std::size_t>(p)] = f.arc_count();
    for (RowSparse::InnerIterator it(g.weight, p); it; ++it)
      f.add_arc(p, demand_node(it.col()), kInfiniteCapacity, kMarketCostScale.gain(it.value()));
    end_local_[static_cast<std::size_t>(p)] = f.arc_count();
  };
  if (layout_ == MarketLayout::kInline) {
    for (int p = 0; p < static_cast<int>(programmes_); ++p) {
      add_locals(p);
      f.add_arc(p, outside_node(), kInfiniteCapacity, 0);
      f.add_arc(p, sink(), kInfiniteCapacity, 0);
    }
  } else {
    for (int p = 0; p < static_cast<int>(programmes_); ++p) add_locals(p);
    first_outside_ = f.arc_count();
    for (Index p = 0; p < programmes_; ++p) {
      const Count graduates = g.graduates[static_cast<std::size_t>(p)];
      for (Index k = 0; k < K; ++k)
        f.add_arc(p, outside_node(), tier_capacity(graduates, k, tiers_), 0);
    }
    first_surplus_ = f.arc_count();
    for (Index p = 0; p < programmes_; ++p) f.add_arc(p, sink(), kInfiniteCapacity, 0);
  }
  first_node_arc_ = f.arc_count();
  const Cost bonus = kMarketCostScale.gain(o.demand_bonus);
  for (Index n = 0; n < nodes_; ++n)
    f.add_arc(demand_node(n), sink(), g.openings[static_cast<std::size_t>(n)], bonus);
  outside_sink_arc_ = f.add_arc(outside_node(), sink(), o.outside_capacity, 0);
  set_outside_weight(o.outside_weight);
}

void MarketNetwork::set_outside_weight(double outside_weight) {
  for (Index p = 0; p < programmes_; ++p)
    for (Index k = 0; k < tiers_.count; ++k)
      problem_.set_cost(outside_arc(p, k),
                        kMarketCostScale.gain(outside_weight * outside_multiple(p, k)));
}

void MarketNetwork::set_demand_bonus(double rho) {
  const Cost bonus = kMarketCostScale.gain(rho);
  for (Index n = 0; n < nodes_; ++n) problem_.set_cost(node_arc(n), bonus);
}

void MarketNetwork::set_graduates(Index p, Count graduates) {
  if (p < 0 || p >= programmes_)
    throw InvalidInput("set_graduates: no programme " + std::to_string(p));
  if (graduates < 0 || graduates > kMaxCount)
    throw InvalidInput("set_graduates: graduates must be in [0, 1e12], got " +
                       std::to_string(graduates));
  const Count before = problem_.supply(p);
  problem_.set_supply(p, graduates);
  problem_.set_supply(sink(), problem_.supply(sink()) - (graduates - before));
  if (layout_ == MarketLayout::kInline) return;  // its outside arc has no capacity
  for (Index k = 0; k < tiers_.count; ++k)
    problem_.set_bounds(outside_arc(p, k), 0, tier_capacity(graduates, k, tiers_));
}

Count MarketNetwork::local_flow(const MinCostFlowResult& r) const {
  Count sum = 0;
  for (Index p = 0; p < programmes_; ++p)
    for (Index a = first_local(p); a < end_local(p); ++a)
      sum += r.flow[static_cast<std::size_t>(a)];
  return sum;
}

Count MarketNetwork::matched(const MinCostFlowResult& r) const {
  Count sum = 0;
  for (Index n = 0; n < nodes_; ++n) sum += r.flow[static_cast<std::size_t>(node_arc(n))];
  return sum;
}

double close_fit_unmet(const SupplyDemandGraph& g, Index p, std::span<const double> matched,
                       double lambda) {
  const auto region = g.programme_region[static_cast<std::size_t>(p)];
  double unmet = 0.0;
  RowSparse::InnerIterator fit(g.fit, static_cast<int>(p));
  for (RowSparse::InnerIterator w(g.weight, static_cast<int>(p)); w; ++w, ++fit) {
    const auto n = static_cast<std::size_t>(w.col());
    if (g.node_region[n] != region || fit.value() < kCloseFit || w.value() <= lambda) continue;
    unmet += std::max(0.0, static_cast<double>(g.openings[n]) - matched[n]);
  }
  return unmet;
}

MarketNetwork gap_market(const SupplyDemandGraph& g, std::span<const std::string> ids,
                         const GapOptions& o, double outside_weight) {
  MarketOptions options;
  options.outside_weight = outside_weight;
  options.outside_capacity = o.outside_share >= 1.0
                                 ? kInfiniteCapacity
                                 : static_cast<Count>(std::floor(
                                       o.outside_share * static_cast<double>(total(g.graduates))));
  options.tiers = {o.outside_tiers, o.outside_spread};
  return MarketNetwork(g, ids, options);
}

}  // namespace sixlink::detail
