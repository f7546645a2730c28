#include "sixlink/jobs/place_job.hpp"

#include <optional>
#include <utility>

#include "io/result_json.hpp"
#include "jobs/job_json.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/io/placement_io.hpp"

namespace sixlink {

void check_cohort_sources(const PlaceJobOptions& options, const CohortSourceNames& names) {
  if (options.graduates.empty() && !options.openings.empty())
    throw InvalidInput(names.openings + " needs " + names.cohort + " (the graduates it is for)");
}

Cohort job_cohort(const Scenario& scenario, const PlaceJobOptions& options,
                  const CohortSourceNames& names) {
  check_cohort_sources(options, names);
  if (options.graduates.empty()) {
    CohortOptions cohort_options;
    cohort_options.seed = options.placement.seed;
    return synthetic_cohort(scenario, cohort_options);
  }
  return load_cohort_csv(scenario, options.graduates,
                         options.openings.empty()
                             ? std::nullopt
                             : std::optional<std::filesystem::path>(options.openings));
}

PlaceJobResult run_place_job(const Scenario& scenario, Cohort cohort,
                             const PlacementOptions& options) {
  PlaceJobResult result;
  result.scenario_name = scenario.name;
  result.scenario_notes = scenario.notes;
  result.programme_names = programme_names(scenario);
  result.placement = place(scenario, cohort, options);
  result.cohort = std::move(cohort);
  return result;
}

PlaceJobResult run_place_job(const Scenario& scenario, const PlaceJobOptions& options) {
  return run_place_job(scenario, job_cohort(scenario, options), options.placement);
}

void to_json(nlohmann::ordered_json& out, const PlaceJobResult& result) {
  out = detail::placement_json(result.placement, result.cohort, result.scenario_name,
                               result.programme_names);
  detail::add_scenario_notes(out, result.scenario_notes);
}

std::string place_job_to_json(const PlaceJobResult& result, int indent) {
  const nlohmann::ordered_json out = result;
  return out.dump(indent) + "\n";  // as placement_to_json
}

}  // namespace sixlink
