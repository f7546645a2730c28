// sixlink/analysis/recommendations.hpp — what to expand, shrink, open or close,
// and why.
//
// From the quota plan (quota_optimisation.hpp; candidates from candidates.hpp),
// every programme whose planned intake differs from the current one by at least
// `min_change` seats, every closed programme and every opened candidate becomes a
// recommendation. Each is explained on the market of the plan's demand year with
// every other programme at its planned intake ("given the rest of the plan"), the
// gap model with one uncapacitated outside arc at lambda per graduate
// (gap_analysis.hpp, K = 1) and the plan's bonus rho per filled opening; V(g) is
// its optimum with the programme at g graduates. By concavity of V, the sign of
// the marginal value agrees with the planned direction:
//
//   marginal_value  the net value of one graduate at the current intake: the
//                   optimum's gain from one more (expand, open) or its loss from
//                   one fewer (shrink, close), minus the training cost eta.
//                   Positive: worth adding; negative: worth removing.
//   range           how many seats the change can go (up to the planned change)
//                   before that value per graduate changes: the largest d with
//                   V(g0 +- d) - V(g0) = +- d (marginal + eta), converted to seats
//   drivers         the demand nodes, "occupation · cluster@region", whose unmet demand the planned
//                   change fills (expand, open) or whose filled demand it gives
//                   up (shrink, close), most first; with a shrink whose graduates
//                   leave the city, "outside"
//   unmet_change, retention_change
//                   unmet openings and city retention with this programme alone
//                   at its planned intake, minus the current values
//   reason          one sentence from the above
//
// How. The market is solved once, with every programme at its planned cohort
// (the state "after" of every recommendation). A programme's cohort is then
// moved back to its current size g0 by successive shortest paths from that
// optimum (flow/supply_shift.hpp): the path costs are the slopes of V between
// g0 and the plan, so the last run of equal costs gives the marginal value and
// the range, and the paths' flow changes give the state "before" (drivers,
// unmet and retention changes) as the smallest change to the plan's placement.
// Cost: one market solve, then per recommendation k Dijkstra searches (k: the
// augmenting paths between the plan and the current cohort) that stop
// when the sink's distance is final, reading the arcs near the programme:
// O(k (m' + n' log n')) with m' the arcs read. On the synthetic province the
// explanations of 9,749 recommendations took 0.43 s (44 us each), where the
// earlier re-solve of the whole market per doubling and bisection step took
// minutes (benchmarks/recommend_stages.py; benchmarks/README.md, "Province scale").
//
// Consistency. No programme is advised to shrink or close while openings of its
// own region stay unmet in the plan (its `occupations` table: where equally good
// placements leave different openings unmet, the one the plan reports) at a node
// whose occupation its specialty fits at >= 0.8 and whose weight is worth more
// than leaving (w(p, n) > lambda), unless a side
// constraint that makes its graduates cost more binds: the budget, the level-mix
// bound on its side, its school's capacity (`held_by`), and then the reason names
// it. For shrinks this is LP optimality: such an opening would gain w + rho >
// lambda + rho per graduate, a graduate fewer saves at most eta - kappa, and
// rho + kappa >= eta - lambda holds for the defaults (0.1 + 0.02 >= 0.05). With
// costs set so that it does not, the reason says so and counts the openings
// (`close_fit_unmet`). Closures come from a greedy pass, which reopens any
// programme whose closure would leave such openings (quota_optimisation.hpp).
// tests/analysis/recommendation_consistency_test.cpp checks the rule on its own
// flow solve of the plan's market (and on the plan's table where costs break it).
//
// Robustness: `samples` scenarios perturb what the plan reads, each with
// log-normal factors exp(sigma z - sigma^2 / 2) (z standard normal, mean 1):
//   demand   every node's openings, round(D_n x factor), sigma = `demand_noise`
//   mix      the occupation mix of each cell (cluster, region): its nodes' openings
//            times a factor, rescaled to the cell's total and rounded by largest
//            remainder (the cell keeps its total), sigma = `mix_noise`
//   fit      every specialty-occupation link of the catalogue: its fit times a
//            factor, at most 1, in every programme and node it weighs (mobility
//            kept), sigma = `fit_noise`
// in that order, from SplitMix64 keyed by (seed, sample, what, index) and
// Box-Muller, so sample k is the same whatever the thread count. Each sample's
// plan is solved independently (OpenMP over samples, lambda fixed, candidates
// fixed); a recommendation's agreement is the share of samples whose plan takes
// the same action for that programme, and so reflects the uncertainty of the
// curated fit and mix tables as well as of demand. Without samples agreement is 1.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/analysis/candidates.hpp"
#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/core/progress.hpp"
#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink {

struct RecommendOptions {
  QuotaOptions quotas;  ///< the plan (its candidates are filled from `candidates`)
  CandidateOptions candidates;
  bool open_candidates = true;
  double min_change = 1.0;  ///< seats; smaller changes are no recommendation
  int samples = 0;          ///< robustness samples
  std::uint64_t seed = 0;
  double demand_noise = 0.2;  ///< sigma of the log-normal noise on openings
  double mix_noise = 0.2;     ///< sigma of the noise on each cell's occupation mix
  double fit_noise = 0.1;     ///< sigma of the noise on the specialty-occupation fits
  int threads = 0;            ///< OpenMP threads over samples; 0: the default
  Progress progress;          ///< stages "explaining" (one step per recommendation) and "samples"
};

enum class Action { kExpand, kShrink, kOpen, kClose };
std::string_view to_string(Action action);

struct Recommendation {
  std::string programme;
  std::string school;
  std::string specialty;
  std::string region;
  Action action = Action::kExpand;
  double current_intake = 0.0;
  double intake = 0.0;
  std::string reason;
  std::vector<std::string> drivers;  ///< "occupation · cluster@region" or "outside"
  double marginal_value = 0.0;
  double range = 0.0;             ///< seats
  double unmet_change = 0.0;      ///< openings
  double retention_change = 0.0;  ///< fraction
  double agreement = 1.0;         ///< share of samples taking the same action
  /// Open: the seats the new programme may take at most (its largest first intake)
  /// and the year of its first intake (the plan's intake year; never before its
  /// school opens, School::opens_in_year). 0 for the other actions.
  Count capacity = 0;
  int opening_year = 0;
  /// Openings of its own region left unmet in the plan that its specialty fits at
  /// >= 0.8 and that are worth more than leaving (see the header). Reported for
  /// every action; the consistency rule reads it for shrinks and closures.
  Count close_fit_unmet = 0;
  /// Shrink, close: the binding constraints that make its graduates cost more
  /// ("budget", "min_secondary_share", "max_secondary_share", "school_capacity:<id>").
  std::vector<std::string> held_by;
};

struct RecommendationReport {
  QuotaResult plan;
  QuotaOptions options;  ///< what the plan was solved with: candidates filled, lambda fixed
  std::vector<Recommendation> recommendations;  ///< most value first
  int samples = 0;
  std::uint64_t seed = 0;
  double sample_objective_median = 0.0;  ///< over the feasible samples
  int infeasible_samples = 0;
  /// The market re-solves that explain the recommendations: kOptimal, or why
  /// the explanations stopped (`market_message`; the market always has an
  /// optimum, so anything else is a defect). Recommendations explained before
  /// stay in the list.
  FlowStatus market_status = FlowStatus::kOptimal;
  std::string market_message;
};

/// Plans and recommends (see the header). Throws InvalidInput for bad options.
RecommendationReport recommend(const Scenario& scenario, const RecommendOptions& options = {});

}  // namespace sixlink
