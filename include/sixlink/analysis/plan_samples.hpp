// sixlink/analysis/plan_samples.hpp — the recommendations' demand samples, one
// at a time.
//
// recommend() (recommendations.hpp) checks its advice on `samples` perturbed
// markets: sample k perturbs the openings, the occupation mix and the fits of
// the plan's demand-year market with factors keyed by (seed, k) only, and its
// plan is solved on its own with lambda and the candidates fixed. A PlanSampler
// prepares once what every sample shares and then solves any one sample k alone;
// recommend() runs its own setup and samples through one, so a caller that
// spreads the samples over processes or machines (the Python package's
// sixlink.distributed) gets the very plans the library's own loop solves:
//
//   setup      lambda fixed by quota_outside_weight; with `open_candidates` the
//              candidates chosen from the gap of the demand year at the current
//              intakes (unless the options list candidates); the market of the
//              demand year (quota_demand_year) projected at the options'
//              mobility; the samples then run single-threaded;
//   solve(k)   sample_market(seed, k), then optimise_quotas with those openings
//              and weights; its status, objective and every programme's action
//              (the rule recommend() uses: expand or shrink by at least
//              `min_change` seats, close, open) and intake;
//   solve_base the same plan on the unperturbed market (no sample): the plan
//              recommend() explains, for parameter sweeps.
//
// recommend() draws its samples only when the base plan is optimal; a sampler
// solves sample k whatever the base plan, and for every k the library draws its
// result is the library's (tests/analysis/plan_samples_test.cpp checks the
// median objective, the infeasible count and the agreements against recommend()).
//
// Cost: the setup is one projection (plus one gap analysis with candidates);
// each solve is one quota optimisation, O(that solve). solve() and solve_base()
// are const and may run concurrently on one sampler.
#pragma once

#include <string>
#include <vector>

#include "sixlink/analysis/projection.hpp"
#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// A programme's action in a sampled plan: -1 none, else static_cast<int>(Action).
constexpr int kSampleNoAction = -1;

/// The action a plan takes for one programme, as recommend() reads it: a
/// candidate opened with seats is opened, a programme closed is closed, one
/// whose intake moves by at least `min_change` seats expands or shrinks; else
/// kSampleNoAction. (The caller checks that the plan is optimal.)
int planned_action(const QuotaProgramme& programme, double min_change);

struct PlanSample {
  int sample = -1;  ///< -1: the unperturbed plan (solve_base)
  QuotaStatus status = QuotaStatus::kOptimal;
  double objective = 0.0;
  double unmet = 0.0;      ///< openings left unfilled
  double enrolment = 0.0;  ///< students in the intake year
  double retention_rate = 0.0;
  /// Per programme (the scenario's, then the candidates): the action taken
  /// (kSampleNoAction unless the plan is optimal) and the planned intake.
  std::vector<int> actions;
  std::vector<double> intakes;
  bool feasible() const { return status == QuotaStatus::kOptimal; }
};

class PlanSampler {
 public:
  /// Prepares the samples of recommend(scenario, options). Its `samples`,
  /// `threads` and `progress` do not apply. Throws InvalidInput for bad options.
  PlanSampler(const Scenario& scenario, const RecommendOptions& options);

  PlanSample solve(int sample) const;  ///< sample >= 0
  PlanSample solve_base() const;

  /// The plan's options (lambda fixed, candidates filled; one thread, as each
  /// sample runs) and its programmes' ids.
  const QuotaOptions& quotas() const { return quotas_; }
  const std::vector<std::string>& programmes() const { return programmes_; }
  int demand_year() const { return market_.year; }
  /// The scenario with the candidates appended, and its market of the demand
  /// year at the current intakes (what the samples perturb).
  const Scenario& with_candidates() const { return all_; }
  const SupplyDemandGraph& market() const { return market_; }

 private:
  PlanSample solved(int sample, const QuotaOptions& quotas) const;

  Scenario scenario_;
  Scenario all_;  ///< with the candidates appended: the market's rows
  RecommendOptions options_;
  QuotaOptions quotas_;
  SupplyDemandGraph market_;
  std::vector<std::string> programmes_;
};

}  // namespace sixlink
