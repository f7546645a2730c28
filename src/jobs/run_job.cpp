#include "sixlink/jobs/run_job.hpp"

#include "io/result_json.hpp"
#include "jobs/job_json.hpp"

namespace sixlink {

RunJobResult run_job(const Scenario& scenario) {
  RunJobResult result;
  result.summary = summarise(scenario);
  result.gap = run_gap_job(scenario);
  PlanJobOptions plan;
  plan.horizon = false;
  result.plan = run_plan_job(scenario, plan);
  result.placement = run_place_job(scenario, PlaceJobOptions{});
  return result;
}

void to_json(nlohmann::ordered_json& out, const RunJobResult& result) {
  out = detail::summary_json(result.summary);
  detail::add_scenario_notes(out, result.gap.scenario_notes);
  out["gap"] = detail::gap_summary_json(result.gap.report);
  out["plan"] = detail::plan_summary_json(result.plan.report, result.top, &result.plan.rounding,
                                          result.plan.programme_names);
  out["placement"] = detail::placement_summary_json(result.placement.placement);
}

std::string run_job_to_json(const RunJobResult& result, int indent) {
  const nlohmann::ordered_json out = result;
  return out.dump(indent) + "\n";
}

}  // namespace sixlink
