// `sixlink report [SCENARIO] [--year Y] [--lang zh|en] -o report.html`: one
// self-contained HTML page with the gap analysis, the indicator table, the quota
// plan and its recommendations, the rolling plan and the placement summary, drawn
// with ECharts (jobs/report_job.hpp). "-o -" writes the page to standard output.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/output_paths.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/jobs/report_job.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink::cli {

namespace {

struct ReportArguments {
  std::string scenario{kDefaultScenarioName};
  int year = 0;
  std::string lang = "zh";
  std::string output;
};

int run(ReportArguments& a, const CLI::App& command) {
  check_output_paths(scenario_input(a.scenario), {{"-o", a.output, false, {}}});
  require_report_available();  // before any work
  const Scenario scenario = resolve_scenario(a.scenario);
  ReportJobOptions options;
  options.language = *parse_report_language(a.lang);
  if (command.count("--year") > 0) {
    check_year("--year", a.year, scenario.base_year, scenario.base_year + 50, "the report's year");
    options.year = a.year;
  }
  const ReportJobResult result = run_report_job(scenario, options);
  write_report_html(result, a.output);
  if (a.output != "-") std::cerr << "sixlink: wrote the report to " << a.output << '\n';
  return 0;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto a = std::make_shared<ReportArguments>();
  auto* command = app.add_subcommand(
      "report", "Write one self-contained HTML report: gap, indicators, plan, placement");
  command->add_option("SCENARIO", a->scenario, kScenarioHelp);
  command->add_option("--year", a->year,
                      "Gap analysis of this year and the plan of this intake (default: the base "
                      "year and the next intake)");
  command->add_option("--lang", a->lang, "Labels in Chinese (zh, the default) or English (en)")
      ->check(CLI::IsMember({"zh", "en"}));
  command->add_option("-o,--output", a->output, "The HTML file to write ('-': standard output)")
      ->required();
  return {command, [a, command] { return run(*a, *command); }};
}

}  // namespace sixlink::cli
