// `sixlink export-default PATH [--format json|csv|auto]`: the built-in scenario as
// a JSON file or a folder of CSV files to edit; "-" writes JSON on standard output.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "sixlink/io/csv.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink::cli {

namespace {

struct ExportArguments {
  std::string path;
  std::string format = "auto";
};

int run(const ExportArguments& a) {
  const Scenario& scenario = default_scenario();
  const bool as_json =
      a.format == "json" ||
      (a.format == "auto" &&
       (std::filesystem::path(a.path).extension() == ".json" || to_standard_output(a.path)));
  check_output_paths({}, {{"PATH", a.path, !as_json, scenario_csv_files()}});
  if (as_json) {
    save_scenario_json(scenario, a.path);
  } else {
    save_scenario_csv(scenario, a.path);
  }
  if (!to_standard_output(a.path))
    std::cerr << "sixlink: wrote " << scenario.name << " to " << a.path
              << (as_json ? " (JSON)" : " (CSV folder)") << '\n';
  return 0;
}

}  // namespace

Command add_export_command(CLI::App& app) {
  auto a = std::make_shared<ExportArguments>();
  auto* command = app.add_subcommand(
      "export-default",
      "Write the built-in taizhou-2020 scenario as JSON or as a folder of CSV files");
  command
      ->add_option("PATH", a->path,
                   "Where to write: a .json file, a folder for CSV, or '-' (JSON on standard "
                   "output)")
      ->required();
  command->add_option("--format", a->format, "json, csv, or auto (by the path's extension)")
      ->check(CLI::IsMember({"auto", "json", "csv"}));
  return {command, [a] { return run(*a); }};
}

}  // namespace sixlink::cli
