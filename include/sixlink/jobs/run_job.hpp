// sixlink/jobs/run_job.hpp — the main job (`sixlink run`): everything once, with defaults.
//
// The run job is the other jobs with their defaults, on one scenario: the scenario's
// summary (model/summary.hpp), the gap job, the plan job with recommendations and
// without the rolling horizon, and the place job on a synthetic cohort (seed 0, the
// optimal mode). Its report shows the top `kRunTopRecommendations` recommendations.
//
// `status` is the plan's (plan_job.hpp): the CLI maps a plan that is not solved to
// exit status 3, the report still written. run_job_to_json nests the summaries of the
// parts in one object, each written by the same function as on its own (no JSON text
// is parsed back).
#pragma once

#include <cstddef>
#include <string>

#include "sixlink/jobs/gap_job.hpp"
#include "sixlink/jobs/place_job.hpp"
#include "sixlink/jobs/plan_job.hpp"
#include "sixlink/model/scenario.hpp"
#include "sixlink/model/summary.hpp"

namespace sixlink {

inline constexpr std::size_t kRunTopRecommendations = 5;

struct RunJobResult {
  ScenarioSummary summary;
  GapJobResult gap;
  PlanJobResult plan;
  PlaceJobResult placement;
  std::size_t top = kRunTopRecommendations;  ///< recommendations in the report

  bool solved() const { return plan.solved(); }
};

/// Runs the main job.
RunJobResult run_job(const Scenario& scenario);

/// The result as `sixlink run --json` prints it; indent -1: one line.
std::string run_job_to_json(const RunJobResult& result, int indent = 2);

}  // namespace sixlink
