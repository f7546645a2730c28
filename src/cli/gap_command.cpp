// `sixlink gap [SCENARIO] [--year Y] [...] [--top N] [--json] [--csv DIR]`: the gap job
// (jobs/gap_job.hpp) as tables or JSON, and optionally its tables as CSV files.
#include <iostream>
#include <limits>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/option_flags.hpp"
#include "cli/report.hpp"
#include "sixlink/analysis/analysis_options.hpp"
#include "sixlink/io/gap_report_io.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/jobs/gap_job.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink::cli {

namespace {

struct GapArguments {
  std::string scenario{kDefaultScenarioName};
  GapOptions options;
  bool json = false;
  std::string csv;
  std::size_t top = 0;
};

int run(GapArguments& a, const CLI::App& command) {
  if (!a.csv.empty())
    check_output_paths(scenario_input(a.scenario),
                       {{"--csv", a.csv, true, gap_report_csv_files()}});
  const Scenario scenario = resolve_scenario(a.scenario);
  if (command.count("--year") > 0)
    check_year("--year", a.options.year, scenario.base_year, scenario.base_year + 100,
               "the analysis year");
  const GapJobResult result = run_gap_job(scenario, a.options);
  if (!a.csv.empty()) write_gap_report_csv(result.report, a.csv, result.programme_names);
  std::cout << (a.json ? gap_job_to_json(result) : format_gap(result, a.top));
  if (!a.csv.empty()) std::cerr << "sixlink: wrote the gap tables to " << a.csv << '\n';
  return 0;
}

}  // namespace

Command add_gap_command(CLI::App& app) {
  auto a = std::make_shared<GapArguments>();
  auto* command = app.add_subcommand(
      "gap", "Analyse where graduates are short or in surplus, and the plan's indicators");
  command->add_option("SCENARIO", a->scenario, kScenarioHelp);
  add_option_flags(*command, gap_option_registry(), a->options,
                   {"year", "outside_weight", "other_region_mobility", "outside_share",
                    "outside_tiers", "retention"});
  command
      ->add_option("--top", a->top,
                   "Rows of the cluster, region and programme tables to print, largest gaps "
                   "first (default 0: all; JSON and CSV always hold every row)")
      ->check(whole_number(0, std::numeric_limits<int>::max()));
  command->add_flag("--json", a->json, "Print one JSON object instead of tables");
  command->add_option("--csv", a->csv,
                      "Also write one CSV file per table into this folder (created if missing; "
                      "replaced as a whole)");
  return {command, [a, command] { return run(*a, *command); }};
}

}  // namespace sixlink::cli
