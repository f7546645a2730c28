// `sixlink place [SCENARIO] [--mode optimal|stable|parallel] [--cohort CSV]
// [--openings CSV] [--seed S] [--json] [--assignments FILE] [--export-cohort DIR]`:
// the place job (jobs/place_job.hpp) in its two steps, the cohort written out with
// --export-cohort between them; --assignments "-" puts the assignments on standard
// output instead of the report.
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.hpp"
#include "cli/option_flags.hpp"
#include "cli/progress_display.hpp"
#include "cli/report.hpp"
#include "detail/numbers.hpp"
#include "sixlink/io/placement_io.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/jobs/place_job.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "sixlink/placement/placement_options.hpp"

namespace sixlink::cli {

namespace {

struct PlaceArguments {
  std::string scenario{kDefaultScenarioName};
  PlacementOptions options;
  std::string cohort, openings, assignments, export_cohort;
  bool json = false;
  bool quiet = false;
};

std::string count(std::size_t n) { return detail::format_count(static_cast<Count>(n)); }

int run(const PlaceArguments& a) {
  PlaceJobOptions job;
  job.placement = a.options;
  job.graduates = a.cohort;
  job.openings = a.openings;
  const CohortSourceNames names{"--openings", "--cohort"};
  check_cohort_sources(job, names);
  std::vector<InputPath> inputs = scenario_input(a.scenario);
  if (!a.cohort.empty()) inputs.push_back({"--cohort", a.cohort});
  if (!a.openings.empty()) inputs.push_back({"--openings", a.openings});
  std::vector<OutputPath> outputs;
  if (!a.assignments.empty()) outputs.push_back({"--assignments", a.assignments, false, {}});
  if (!a.export_cohort.empty())
    outputs.push_back({"--export-cohort", a.export_cohort, true, cohort_csv_files()});
  check_output_paths(inputs, outputs);
  const Scenario scenario = resolve_scenario(a.scenario);
  Cohort cohort = job_cohort(scenario, job, names);
  if (!a.export_cohort.empty()) {
    write_cohort_csv(cohort, a.export_cohort);
    std::cerr << "sixlink: wrote " << count(cohort.graduates.size()) << " graduates and "
              << count(cohort.openings.size()) << " openings to " << a.export_cohort << '\n';
  }
  job.placement.progress = terminal_progress(a.quiet);
  const PlaceJobResult result = run_place_job(scenario, std::move(cohort), job.placement);
  if (!a.assignments.empty()) {
    write_assignments_csv(result.placement, result.cohort, a.assignments);
    if (!to_standard_output(a.assignments))
      std::cerr << "sixlink: wrote " << count(result.cohort.graduates.size()) << " assignments to "
                << a.assignments << '\n';
  }
  if (!to_standard_output(a.assignments))
    std::cout << (a.json ? place_job_to_json(result) : format_placement(result));
  return 0;
}

}  // namespace

Command add_place_command(CLI::App& app) {
  auto a = std::make_shared<PlaceArguments>();
  auto* command = app.add_subcommand(
      "place", "Place individual graduates in jobs and internships: optimal, stable or parallel");
  command->add_option("SCENARIO", a->scenario, kScenarioHelp);
  const auto& registry = placement_option_registry();
  add_option_flags(*command, registry, a->options, {"mode"});
  command->add_option("--cohort", a->cohort,
                      "Graduates CSV (id, programme, home_region, score, preferences); default: a "
                      "synthetic cohort drawn from the scenario");
  command->add_option("--openings", a->openings,
                      "Openings CSV (id, enterprise, occupation, region, capacity, kind, "
                      "ranking); default: the scenario's openings");
  add_option_flags(*command, registry, a->options, {"seed", "candidates", "proposing"});
  command->add_flag("--json", a->json, "Print one JSON object instead of tables");
  command->add_flag("--quiet", a->quiet, kQuietHelp);
  command->add_option("--assignments", a->assignments,
                      "Write one row per graduate (graduate, enterprise, opening, kind) to this "
                      "CSV ('-': standard output)");
  command->add_option("--export-cohort", a->export_cohort,
                      "Write the cohort as graduates.csv and openings.csv (what --cohort and "
                      "--openings read) into this folder, to start a cohort of your own");
  return {command, [a] { return run(*a); }};
}

}  // namespace sixlink::cli
