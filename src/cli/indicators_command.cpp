// `sixlink indicators [SCENARIO] [--year Y] [--lang zh|en] [--json] [--csv DIR]`:
// the plan's whole indicator table for year Y (analysis/indicators.hpp) in the
// plan's layout, Chinese by default. The retention rate is the gap analysis's for
// Y (the same figure `sixlink gap` reports), so the two commands agree.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/report.hpp"
#include "sixlink/io/gap_report_io.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/jobs/gap_job.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink::cli {

namespace {

struct IndicatorsArguments {
  std::string scenario{kDefaultScenarioName};
  int year = 0;
  std::string lang = "zh";
  bool json = false;
  std::string csv;
};

int run(IndicatorsArguments& a, const CLI::App& command) {
  if (!a.csv.empty())
    check_output_paths(scenario_input(a.scenario), {{"--csv", a.csv, true, {"indicators.csv"}}});
  const Scenario scenario = resolve_scenario(a.scenario);
  GapOptions options;
  options.year = scenario.base_year;
  if (command.count("--year") > 0) {
    check_year("--year", a.year, scenario.base_year, scenario.base_year + 100, "the table's year");
    options.year = a.year;
  }
  const GapJobResult result = run_gap_job(scenario, options);
  const auto& rows = result.report.indicators;
  if (!a.csv.empty()) write_indicators_csv(rows, a.csv);
  if (a.json) {
    std::cout << indicators_to_json(rows, result.scenario_name);
  } else {
    const bool chinese = a.lang == "zh";
    std::cout << (chinese ? "台州市职业教育发展主要指标 · "
                          : "Taizhou vocational-education plan indicators · ")
              << result.scenario_name << " · " << options.year << "\n";
    std::cout << format_indicators(rows, chinese);
  }
  if (!a.csv.empty()) std::cerr << "sixlink: wrote the indicator table to " << a.csv << '\n';
  return 0;
}

}  // namespace

Command add_indicators_command(CLI::App& app) {
  auto a = std::make_shared<IndicatorsArguments>();
  auto* command = app.add_subcommand(
      "indicators", "The plan's indicator table: values for a year, targets, gaps, on track");
  command->add_option("SCENARIO", a->scenario, kScenarioHelp);
  command->add_option("--year", a->year, "The year of the values (default: the base year)");
  command->add_option("--lang", a->lang, "Labels in Chinese (zh, the default) or English (en)")
      ->check(CLI::IsMember({"zh", "en"}));
  command->add_flag("--json", a->json, "Print one JSON object instead of the table");
  command->add_option("--csv", a->csv,
                      "Also write indicators.csv into this folder (created if missing; replaced "
                      "as a whole)");
  return {command, [a, command] { return run(*a, *command); }};
}

}  // namespace sixlink::cli
