#include "sixlink/placement/placement.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "detail/id_index.hpp"
#include "placement/candidates.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/core/interrupt.hpp"
#include "sixlink/core/progress.hpp"
#include "sixlink/flow/integer_costs.hpp"
#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/matching/market.hpp"
#include "sixlink/matching/parallel_choice.hpp"
#include "sixlink/model/validate.hpp"
#include "sixlink/placement/placement_options.hpp"
#include "sixlink/verify/flow_certificate.hpp"
#include "sixlink/verify/stability_audit.hpp"

namespace sixlink {
namespace {

using detail::index_by_id;
constexpr auto lookup = detail::find_id;
using placement_detail::Candidates;

// The market every mode is audited on: the candidate lists (moved out of `cand`),
// the seats, and the graduates' scores; an opening's own ranking puts the graduates
// it names above every score, in its order.
MatchingMarket build_market(const Cohort& c, const PlacementOptions& o, Candidates& cand,
                            const std::vector<double>& scores) {
  const auto G = static_cast<Index>(c.graduates.size());
  const auto O = static_cast<Index>(c.openings.size());
  MatchingMarket market;
  market.applicant_prefs = std::move(cand.lists);  // read from the market below
  market.capacities.reserve(static_cast<std::size_t>(O));
  for (const PlacementOpening& op : c.openings) market.capacities.push_back(op.capacity);
  double top = 0.0;
  for (const double score : scores) top = std::max(top, std::abs(score));
  market.seed = o.seed;
  bool ranked = false;
  for (const PlacementOpening& op : c.openings) ranked = ranked || !op.ranking.empty();
  if (!ranked) {
    market.scores = scores;
    return market;
  }
  const auto graduates = index_by_id(c.graduates);
  std::vector<std::unordered_map<Index, double>> rank(static_cast<std::size_t>(O));
  for (Index j = 0; j < O; ++j) {
    const auto& list = c.openings[static_cast<std::size_t>(j)].ranking;
    for (std::size_t r = 0; r < list.size(); ++r)
      rank[static_cast<std::size_t>(j)][lookup(graduates, list[r])] =
          top + 1.0 + static_cast<double>(list.size() - r);
  }
  market.entry_scores.resize(market.applicant_prefs.indices.size());
  for (Index g = 0; g < G; ++g) {
    const auto begin =
        static_cast<std::size_t>(market.applicant_prefs.indptr[static_cast<std::size_t>(g)]);
    const auto list = market.applicant_prefs.list(g);
    for (std::size_t t = 0; t < list.size(); ++t) {
      const auto& r = rank[static_cast<std::size_t>(list[t])];
      const auto it = r.find(g);
      market.entry_scores[begin + t] =
          it == r.end() ? scores[static_cast<std::size_t>(g)] : it->second;
    }
  }
  return market;
}

// The summary by cluster and programme, and the cohort's totals and rates.
void summarise_placement(PlacementResult& result, const Scenario& s, const Cohort& c,
                         const PlacementOptions& o, const Candidates& cand) {
  const auto G = static_cast<Index>(c.graduates.size());
  const auto O = static_cast<Index>(c.openings.size());
  result.clusters.resize(cand.cluster_ids.size());
  for (std::size_t k = 0; k < cand.cluster_ids.size(); ++k)
    result.clusters[k].cluster = cand.cluster_ids[k];
  for (Index j = 0; j < O; ++j)
    result.clusters[static_cast<std::size_t>(cand.opening_cluster[static_cast<std::size_t>(j)])]
        .seats += c.openings[static_cast<std::size_t>(j)].capacity;
  result.programmes.resize(s.programmes.size());
  for (std::size_t p = 0; p < s.programmes.size(); ++p)
    result.programmes[p].programme = s.programmes[p].id;
  double fit_sum = 0.0;
  for (Index g = 0; g < G; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    ProgrammePlacement& prog = result.programmes[static_cast<std::size_t>(cand.programme[gi])];
    ++prog.graduates;
    const Index j = result.opening_of[gi];
    if (j < 0) continue;
    result.total_value += cand.value(o, g, j);
    fit_sum += cand.fit(g, j);
    ++result.placed;
    ++prog.placed;
    ++result.clusters[static_cast<std::size_t>(cand.opening_cluster[static_cast<std::size_t>(j)])]
          .filled;
    if (cand.job[static_cast<std::size_t>(j)]) {
      ++result.jobs;
      ++prog.jobs;
    } else {
      ++result.internships;
    }
  }
  if (G > 0) {
    result.placement_rate = static_cast<double>(result.placed) / static_cast<double>(G);
    result.retention_rate = static_cast<double>(result.jobs) / static_cast<double>(G);
  }
  if (result.placed > 0) result.mean_fit = fit_sum / static_cast<double>(result.placed);
}

}  // namespace

std::string_view to_string(PlacementMode mode) {
  switch (mode) {
    case PlacementMode::kOptimal:
      return "optimal";
    case PlacementMode::kStable:
      return "stable";
    case PlacementMode::kParallel:
      return "parallel";
  }
  return "?";
}

std::optional<PlacementMode> parse_placement_mode(std::string_view text) {
  for (auto mode : {PlacementMode::kOptimal, PlacementMode::kStable, PlacementMode::kParallel})
    if (text == to_string(mode)) return mode;
  return std::nullopt;
}

MinCostFlow placement_network(const Scenario& s, const Cohort& c, const PlacementOptions& o) {
  validate_placement_options(o);
  validate(s);
  validate_cohort(c, s);
  return placement_detail::build_network(placement_detail::build_candidates(s, c, o), c).net;
}

PlacementResult place(const Scenario& s, const Cohort& c, const PlacementOptions& o) {
  validate_placement_options(o);
  validate(s);
  validate_cohort(c, s);
  Candidates cand = placement_detail::build_candidates(s, c, o);
  const auto G = static_cast<Index>(c.graduates.size());
  // Then three steps: the market, the mode's solve (most of the time), the summary.
  // The optimal mode solves first and lists the candidates for the audit after
  // (its network and the lists are the two largest tables: one at a time).
  ProgressReporter progress(o.progress, "placing", 3);
  PlacementResult result;
  result.mode = o.mode;
  result.graduates = G;
  result.opening_of.assign(static_cast<std::size_t>(G), -1);
  std::vector<double> scores;
  scores.reserve(static_cast<std::size_t>(G));
  for (const Graduate& g : c.graduates) scores.push_back(g.score);
  if (o.mode == PlacementMode::kOptimal) {
    placement_detail::solve_optimally(result, cand, c, scores);
    progress.check();
  }
  placement_detail::list_candidates(c, cand);
  MatchingMarket market = build_market(c, o, cand, scores);
  progress.advance();
  progress.check();
  result.candidate_pairs = static_cast<Index>(market.applicant_prefs.indices.size());
  if (o.mode == PlacementMode::kStable) {
    StableMatchingOptions options;
    options.proposing = o.proposing;
    result.opening_of = solve_stable_matching(market, options).applicant_match;
  } else if (o.mode == PlacementMode::kParallel) {
    // One common score order: the openings' own rankings do not enter it. The
    // same lists by score alone (lent, not copied: they are the largest table).
    std::vector<double> entry_scores = std::move(market.entry_scores);
    std::vector<double> market_scores = std::move(market.scores);
    market.entry_scores.clear();
    market.scores = scores;
    result.opening_of = parallel_choice_admission(market).applicant_match;
    market.entry_scores = std::move(entry_scores);
    market.scores = std::move(market_scores);
  }
  progress.advance();
  progress.check();

  // Only the blocking pairs are reported: justified envy is not counted.
  const StabilityAudit audit = audit_stability(market, result.opening_of, {false});
  if (!audit.over_capacity.empty() || !audit.unacceptable.empty())
    throw std::logic_error("placement: a mode broke a capacity or placed off a graduate's list");
  result.blocking_pairs = audit.blocking_pairs;
  summarise_placement(result, s, c, o, cand);
  progress.finish();
  return result;
}

}  // namespace sixlink
