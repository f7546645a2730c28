// `sixlink run [SCENARIO] [--json]`: the main job (jobs/run_job.hpp) with its
// defaults; exit status 3 when its plan is not solved (the report still printed).
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/report.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/jobs/run_job.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink::cli {

namespace {

struct RunArguments {
  std::string scenario{kDefaultScenarioName};
  bool json = false;
};

int run(const RunArguments& a) {
  const Scenario scenario = resolve_scenario(a.scenario);
  const RunJobResult result = run_job(scenario);
  std::cout << (a.json ? run_job_to_json(result) : format_run(result));
  return result.solved() ? 0 : kExitNotSolved;
}

}  // namespace

Command add_run_command(CLI::App& app) {
  auto a = std::make_shared<RunArguments>();
  auto* command = app.add_subcommand("run", "Run the main job on a scenario and print the report");
  command->add_option("SCENARIO", a->scenario, kScenarioHelp);
  command->add_flag("--json", a->json, "Print one JSON object instead of tables");
  return {command, [a] { return run(*a); }};
}

}  // namespace sixlink::cli
