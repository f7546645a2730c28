// cli/command.hpp — what the subcommands of `sixlink` share.
//
// Each subcommand is one file (run_command.cpp, gap_command.cpp, ...): a function
// that adds the subcommand to the program, with its flags (the options' flags from
// their registries, core/options.hpp, and the command's own), and returns a Command
// whose `run` does the work after parsing: it checks the output paths, loads the
// scenario, calls a library job (jobs/*.hpp) and prints. main.cpp dispatches and
// turns exceptions into exit statuses.
//
// Exit status: 0 success; 2 bad input or options (one line on stderr); 3 a plan
// that is infeasible or stopped at its iteration limit (the report is still
// printed); 1 an internal error.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "cli/output_paths.hpp"

namespace sixlink::cli {

inline constexpr int kExitInternalError = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitNotSolved = 3;

inline constexpr const char* kScenarioHelp =
    "A built-in scenario name, a JSON file or a folder of CSV files (default: taizhou-2020)";

/// A subcommand: after parsing, `run` does its work and returns the exit status;
/// it throws sixlink::Error for bad input (main prints it, exit status 2).
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command add_run_command(CLI::App& app);
Command add_gap_command(CLI::App& app);
Command add_plan_command(CLI::App& app);
Command add_place_command(CLI::App& app);
Command add_admit_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_export_command(CLI::App& app);
Command add_indicators_command(CLI::App& app);
Command add_report_command(CLI::App& app);

/// A year option is checked against the scenario once it is loaded:
/// "--year 1999: the analysis year must be from 2020 to 2120".
void check_year(const char* option, int year, int lo, int hi, const char* what);

/// The scenario argument is an input when it names something on disk (a file of
/// a built-in's name wins over the built-in, as in resolve_scenario).
std::vector<InputPath> scenario_input(const std::string& scenario);

/// Whether `path` is "-".
bool to_standard_output(const std::string& path);

}  // namespace sixlink::cli
