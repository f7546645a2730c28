#include "analysis/open_close.hpp"

#include <algorithm>
#include <span>
#include <cmath>
#include <utility>
#include <vector>

#include "analysis/market_network.hpp"

namespace sixlink::detail {
namespace {

constexpr Index kMaxClosureTests = 200;

// Programmes pinned at their lower bound whose graduates mostly leave, by their
// share placed locally (least first), at most kMaxClosureTests of them.
std::vector<std::pair<double, Index>> closable(const PlanModel& m, const QuotaLp& lp,
                                               const QuotaOptions& o) {
  const auto P = static_cast<std::size_t>(m.programmes);
  std::vector<double> graduates(P, 0.0), local(P, 0.0);
  for (std::size_t j = 0; j < lp.flow.columns.size(); ++j) {
    const double w = lp.flow.weights[j];
    if (w <= 0) continue;
    const auto& flow = lp.flow.columns[j];
    for (Index p = 0; p < m.programmes; ++p) {
      graduates[static_cast<std::size_t>(p)] += w * programme_graduates(m, flow, p);
      for (Index a = m.first_local[static_cast<std::size_t>(p)];
           a < m.outside_arc[static_cast<std::size_t>(p)]; ++a)
        local[static_cast<std::size_t>(p)] +=
            w * static_cast<double>(flow[static_cast<std::size_t>(a)]);
    }
  }
  std::vector<std::pair<double, Index>> out;
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    if (!o.allow_close || !m.may_close[i] || !m.open[i] || m.lo[i] == 0) continue;
    if (graduates[i] > static_cast<double>(m.lo[i]) + 1e-9) continue;
    if (local[i] >= 0.5 * graduates[i]) continue;  // most of its graduates stay: keep it
    out.emplace_back(local[i] / std::max(1.0, graduates[i]), p);
  }
  std::sort(out.begin(), out.end());
  if (static_cast<Index>(out.size()) > kMaxClosureTests) out.resize(kMaxClosureTests);
  return out;
}

// Openings filled per demand node in the LP's solution (a convex combination of flows).
std::vector<double> node_matched(const PlanModel& m, const QuotaLp& lp) {
  std::vector<double> out(static_cast<std::size_t>(m.nodes), 0.0);
  for (std::size_t j = 0; j < lp.flow.columns.size(); ++j) {
    const double w = lp.flow.weights[j];
    if (w <= 0) continue;
    for (Index n = 0; n < m.nodes; ++n)
      out[static_cast<std::size_t>(n)] +=
          w * static_cast<double>(lp.flow.columns[j][static_cast<std::size_t>(m.first_node_arc + n)]);
  }
  return out;
}

// Reopens the programmes this pass closed whose closure leaves openings of their
// own region unmet that they fit closely and that are worth more than leaving
// (market_network.hpp): the plan must not close a programme the city's employers
// still need. Returns whether any was reopened.
bool reopen_needed_closures(PlanModel& m, const QuotaLp& lp, const std::vector<bool>& before) {
  const std::vector<double> matched = node_matched(m, lp);
  bool any = false;
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    if (!before[i] || m.open[i] || m.candidate[i]) continue;
    if (close_fit_unmet(m.graph, p, matched, m.lambda) > 1e-9) {
      set_open(m, p, true);
      any = true;
    }
  }
  return any;
}

}  // namespace

void open_and_close(PlanModel& m, const Scenario& all, const QuotaOptions& o, QuotaLp& lp,
                    int& solves) {
  if (!lp.ok || lp.at_limit()) return;
  const std::vector<double> dual = lp.flow.duals;  // the final multipliers
  const std::vector<std::pair<double, Index>> closures = closable(m, lp, o);
  bool any_candidate = false;
  for (Index p = 0; p < m.programmes; ++p)
    any_candidate = any_candidate || m.candidate[static_cast<std::size_t>(p)];
  if (closures.empty() && !any_candidate) return;
  bool changed = false;
  const double kept = objective_constant(m);  // the LP's objective is master + constant
  double best = quota_lagrangian(m, dual, solves);
  auto try_flip = [&](Index p) {
    const bool was = m.open[static_cast<std::size_t>(p)];
    set_open(m, p, !was);
    double unused = 0.0;
    if (!set_school_capacities(m, all, unused).empty()) {
      set_open(m, p, was);
      set_school_capacities(m, all, unused);
      return;
    }
    const double value = quota_lagrangian(m, dual, solves);
    if (value > best + 1e-9 * std::max(1.0, std::abs(best))) {
      best = value;
      changed = true;
    } else {
      set_open(m, p, was);
      set_school_capacities(m, all, unused);
    }
  };
  const std::vector<bool> before = m.open;
  for (const auto& [share_local, p] : closures) try_flip(p);
  for (Index p = 0; p < m.programmes; ++p)
    if (m.candidate[static_cast<std::size_t>(p)]) try_flip(p);
  if (!changed) return;
  QuotaLp flipped = solve_quota_lp(m, all, o.max_iterations, solves);
  if (flipped.ok && !flipped.at_limit() &&
      flipped.objective() + objective_constant(m) >= lp.objective() + kept) {
    // A reopened programme only adds supply, so a few rounds settle it.
    for (int round = 0; round < 3; ++round) {
      const std::vector<bool> closed = m.open;
      if (!reopen_needed_closures(m, flipped, before)) break;
      QuotaLp reopened = solve_quota_lp(m, all, o.max_iterations, solves);
      if (!reopened.ok || reopened.at_limit()) {  // keep the last feasible LP's decisions
        for (Index p = 0; p < m.programmes; ++p) set_open(m, p, closed[static_cast<std::size_t>(p)]);
        double unused = 0.0;
        set_school_capacities(m, all, unused);
        break;
      }
      flipped = std::move(reopened);
    }
    lp = std::move(flipped);
    return;
  }
  // The decisions did not pay once the side constraints hold exactly: undo them.
  for (Index p = 0; p < m.programmes; ++p) set_open(m, p, before[static_cast<std::size_t>(p)]);
  lp = solve_quota_lp(m, all, o.max_iterations, solves);
}

}  // namespace sixlink::detail
