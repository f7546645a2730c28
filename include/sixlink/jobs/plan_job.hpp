// sixlink/jobs/plan_job.hpp — the quota plan as one call that the CLI and Python share.
//
// The job runs, in order:
//   1. the plan: recommend() (analysis/recommendations.hpp), or, with
//      `recommendations = false`, the optimiser alone (optimise_quotas); either way
//      `report.options` holds the options the plan was solved with, its outside
//      weight fixed to the plan's (calibrated when not given);
//   2. the rolling horizon (analysis/rolling_plan.hpp), when asked: every year from
//      the base year + 1 to the plan's year, with lambda fixed from the plan, so the
//      horizon and the plan value leaving the city alike, and without the plan's
//      opening candidates (the horizon plans the programmes that exist);
//   3. the whole-student intakes (analysis/intake_rounding.hpp), rounded once here
//      against the scenario; the JSON writer and the CLI's tables read this rounding
//      rather than round again.
//
// Status. An unsolved plan is a result, not an exception: `status` is the plan's
// status when it is not optimal, else that of the first horizon year that is not,
// else kOptimal. `solved()` is what the CLI maps to exit status 3 (and Python to its
// status field). The MPS export stays a separate call (export_quota_mps) made after
// the job with `report.options` and `report.plan`.
#pragma once

#include <optional>
#include <string>

#include "sixlink/analysis/intake_rounding.hpp"
#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/analysis/rolling_plan.hpp"
#include "sixlink/model/programme_names.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

struct PlanJobOptions {
  RecommendOptions recommend;   ///< its `quotas` are the plan's model options
  bool recommendations = true;  ///< false: the optimiser alone (no recommendations)
  bool horizon = true;          ///< also the rolling plan from the base year
};

struct PlanJobResult {
  std::string scenario_name;
  RecommendationReport report;         ///< report.options: the options the plan was solved with
  std::optional<RollingPlan> horizon;  ///< when asked
  IntakeRounding rounding;             ///< the plan's whole-student intakes
  QuotaStatus status = QuotaStatus::kOptimal;  ///< see the essay
  std::vector<std::string> scenario_notes = {};  ///< the scenario's notes: what is illustrative
  ProgrammeNames programme_names = {};  ///< the programmes' labels (model/programme_names.hpp)

  bool solved() const { return status == QuotaStatus::kOptimal; }
};

/// Runs the plan job. Throws InvalidInput on bad options (as recommend does).
PlanJobResult run_plan_job(const Scenario& scenario, const PlanJobOptions& options = {});

/// The result as `sixlink plan --json` prints it (plan_report_io.hpp); indent -1: one line.
std::string plan_job_to_json(const PlanJobResult& result, int indent = 2);

/// The summary `sixlink run --json` nests under "plan": the top `top` recommendations.
std::string plan_job_summary_to_json(const PlanJobResult& result, std::size_t top,
                                     int indent = 2);

}  // namespace sixlink
