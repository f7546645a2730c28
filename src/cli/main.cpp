// The `sixlink` program: a thin command line over the library.
//
//   sixlink run [SCENARIO] [--json]          the main job (default: taizhou-2020)
//   sixlink gap [SCENARIO] [--year Y] [--json] [--csv DIR]
//                                            the supply-demand gap analysis
//   sixlink validate PATH [--json]           check a JSON file or CSV folder
//   sixlink export-default PATH [--format]   write the built-in scenario to edit
//
// Exit status: 0 on success, 2 on bad input or usage (one line on stderr), 1 on
// an internal error.
#include <CLI/CLI.hpp>
#include <exception>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/report.hpp"
#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/config.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/io/csv.hpp"
#include "sixlink/io/gap_report_io.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "sixlink/model/summary.hpp"

namespace {

constexpr int kExitBadInput = 2;

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

int fail(const std::string& message, int status) {
  std::cerr << "sixlink: " << one_line(message) << '\n';
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sixlink: match vocational-school graduates with industry demand", "sixlink"};
  app.set_version_flag("--version", std::string("sixlink ") + sixlink::kVersion);
  app.require_subcommand(1);

  std::string run_scenario(sixlink::kDefaultScenarioName);
  bool run_json = false;
  auto* run = app.add_subcommand("run", "Run the main job on a scenario and print the report");
  run->add_option(
      "SCENARIO", run_scenario,
      "A built-in scenario name, a JSON file or a folder of CSV files (default: taizhou-2020)");
  run->add_flag("--json", run_json, "Print one JSON object instead of tables");

  std::string gap_scenario(sixlink::kDefaultScenarioName);
  bool gap_json = false;
  std::string gap_csv;
  sixlink::GapOptions gap_options;
  double gap_outside_weight = 0.0;
  auto* gap = app.add_subcommand(
      "gap", "Analyse where graduates are short or in surplus, and the plan's indicators");
  gap->add_option("SCENARIO", gap_scenario,
                  "A built-in scenario name, a JSON file or a folder of CSV files (default: "
                  "taizhou-2020)");
  gap->add_option("--year", gap_options.year, "Analysis year (default: the base year)");
  auto* gap_outside_option = gap->add_option(
      "--outside-weight", gap_outside_weight,
      "Value of leaving the city, lambda in [0, 1] (default: calibrated on the base "
      "year's employment records)");
  gap->add_option("--mobility", gap_options.other_region_mobility,
                  "Fit multiplier for a job in another region of the city (default 0.75)");
  gap->add_option("--outside-share", gap_options.outside_share,
                  "Largest share of graduates the outside market takes (default 1: no limit)");
  gap->add_option("--outside-tiers", gap_options.outside_tiers,
                  "Tiers of each cohort's value of leaving, 1 to 64 (default 8; 1: all alike)");
  gap->add_flag("--json", gap_json, "Print one JSON object instead of tables");
  gap->add_option("--csv", gap_csv, "Also write one CSV file per table into this folder");

  std::string validate_path;
  bool validate_json = false;
  auto* validate = app.add_subcommand(
      "validate", "Check a scenario file (JSON) or folder (CSV) and report problems");
  validate->add_option("PATH", validate_path, "A scenario JSON file or a folder of CSV files")
      ->required();
  validate->add_flag("--json", validate_json, "Print the result as JSON");

  std::string export_path;
  std::string export_format = "auto";
  auto* export_default = app.add_subcommand(
      "export-default",
      "Write the built-in taizhou-2020 scenario as JSON or as a folder of CSV files");
  export_default
      ->add_option("PATH", export_path, "Where to write: a .json file, or a folder for CSV")
      ->required();
  export_default
      ->add_option("--format", export_format, "json, csv, or auto (by the path's extension)")
      ->check(CLI::IsMember({"auto", "json", "csv"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return fail(std::string(e.what()) + " (see sixlink --help)", kExitBadInput);
  }

  try {
    if (run->parsed()) {
      const sixlink::Scenario scenario = sixlink::resolve_scenario(run_scenario);
      const sixlink::ScenarioSummary summary = sixlink::summarise(scenario);
      const sixlink::GapReport report = sixlink::gap_analysis(scenario);
      if (run_json) {
        auto out = nlohmann::ordered_json::parse(sixlink::summary_to_json(summary));
        out["gap"] = nlohmann::ordered_json::parse(sixlink::gap_summary_to_json(report));
        std::cout << out.dump(2) << '\n';
      } else {
        std::cout << sixlink::cli::format_summary(summary) << '\n'
                  << sixlink::cli::format_gap_summary(report);
      }
    } else if (gap->parsed()) {
      const sixlink::Scenario scenario = sixlink::resolve_scenario(gap_scenario);
      if (gap_outside_option->count() > 0) gap_options.outside_weight = gap_outside_weight;
      const sixlink::GapReport report = sixlink::gap_analysis(scenario, gap_options);
      if (!gap_csv.empty()) sixlink::write_gap_report_csv(report, gap_csv);
      std::cout << (gap_json ? sixlink::gap_report_to_json(report, scenario.name)
                             : sixlink::cli::format_gap(report, scenario.name));
      if (!gap_csv.empty()) std::cerr << "sixlink: wrote the gap tables to " << gap_csv << '\n';
    } else if (validate->parsed()) {
      const sixlink::Scenario scenario = sixlink::load_scenario(validate_path);
      const sixlink::ScenarioSummary summary = sixlink::summarise(scenario);
      if (validate_json) {
        nlohmann::ordered_json out;
        out["valid"] = true;
        out["path"] = validate_path;
        out["summary"] = nlohmann::ordered_json::parse(sixlink::summary_to_json(summary));
        std::cout << out.dump(2) << '\n';
      } else {
        std::cout << validate_path << ": valid scenario '" << scenario.name << "' ("
                  << summary.counts.programmes << " programmes, " << summary.counts.enterprises
                  << " enterprises)\n";
      }
    } else if (export_default->parsed()) {
      const auto& scenario = sixlink::default_scenario();
      const bool as_json =
          export_format == "json" ||
          (export_format == "auto" && std::filesystem::path(export_path).extension() == ".json");
      if (as_json) {
        sixlink::save_scenario_json(scenario, export_path);
      } else {
        sixlink::save_scenario_csv(scenario, export_path);
      }
      std::cerr << "sixlink: wrote " << scenario.name << " to " << export_path
                << (as_json ? " (JSON)" : " (CSV folder)") << '\n';
    }
  } catch (const sixlink::Error& e) {
    return fail(e.what(), kExitBadInput);
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what(), 1);
  }
  return 0;
}
