#include "sixlink/jobs/gap_job.hpp"

#include "io/result_json.hpp"
#include "jobs/job_json.hpp"

namespace sixlink {

GapJobResult run_gap_job(const Scenario& scenario, const GapOptions& options) {
  GapJobResult result;
  result.scenario_name = scenario.name;
  result.scenario_notes = scenario.notes;
  result.programme_names = programme_names(scenario);
  result.report = gap_analysis(scenario, options);
  return result;
}

void to_json(nlohmann::ordered_json& out, const GapJobResult& result) {
  out = detail::gap_report_json(result.report, result.scenario_name, result.programme_names);
  detail::add_scenario_notes(out, result.scenario_notes);
}

std::string gap_job_to_json(const GapJobResult& result, int indent) {
  const nlohmann::ordered_json out = result;
  return out.dump(indent) + "\n";  // as gap_report_to_json
}

}  // namespace sixlink
