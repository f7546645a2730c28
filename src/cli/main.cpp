// The `sixlink` program: a thin command line over the library's jobs.
//
//   sixlink run [SCENARIO] [--json]          the main job (default: taizhou-2020)
//   sixlink gap [SCENARIO] [--year Y] [--json] [--csv DIR]
//                                            the supply-demand gap analysis
//   sixlink plan [SCENARIO] [--year Y] [--total N] [--budget X] [--samples N]
//                [--seed S] [--json] [--export-mps FILE]
//                                            quota plan and recommendations
//   sixlink place [SCENARIO] [--mode optimal|stable|parallel] [--cohort CSV]
//                 [--openings CSV] [--seed S] [--json] [--assignments FILE]
//                 [--export-cohort DIR]      place individual graduates
//   sixlink admit [SCENARIO] [--year Y] [--mode stable|parallel] [--county-limits on|off]
//                 [--compare] [--choices K] [--seed S] [--high-schools CSV] [--cohorts CSV]
//                 [--applicants CSV] [--json] [--assignments FILE]
//                                            admit junior-high graduates, one batch
//   sixlink indicators [SCENARIO] [--year Y] [--lang zh|en] [--json] [--csv DIR]
//                                            the plan's indicator table
//   sixlink validate PATH [--json]           check a JSON file or CSV folder
//   sixlink export-default PATH [--format]   write the built-in scenario to edit
//
// One file per subcommand (*_command.cpp, cli/command.hpp); the options' flags come
// from their registries (cli/option_flags.hpp). This file dispatches and maps what
// goes wrong to the exit status: 0 success; 2 bad input or options (one line on
// stderr); 3 a plan that is infeasible or stopped at its iteration limit (the report
// is still printed); 1 an internal error. Every output path is checked before any
// work (cli/output_paths.hpp), and "-" names standard output, which then carries
// that output instead of the report.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/huge_pages.hpp"
#include "detail/files.hpp"
#include "sixlink/config.hpp"
#include "sixlink/core/error.hpp"

namespace {

using sixlink::cli::kExitBadInput;
using sixlink::cli::kExitInternalError;

int fail(const std::string& message, int status) {
  std::cerr << "sixlink: " << sixlink::escape_control_characters(message) << '\n';
  return status;
}

// A first word that names no command is refused before CLI11 sees it, with the list.
std::string unknown_command(const CLI::App& app, const std::string& word) {
  std::string names;
  for (const CLI::App* command : app.get_subcommands({})) {
    if (command->get_name() == word) return {};
    names += (names.empty() ? "" : ", ") + command->get_name();
  }
  return "unknown command '" + word + "' (commands: " + names + "; see sixlink --help)";
}

}  // namespace

int main(int argc, char** argv) {
  sixlink::cli::prefer_huge_pages(argv);  // may execute the program again, once
  sixlink::detail::remove_temporaries_on_signal();

  CLI::App app{"sixlink: match vocational-school graduates with industry demand", "sixlink"};
  app.set_version_flag("--version", std::string("sixlink ") + sixlink::kVersion);
  app.require_subcommand(1);
  const std::vector<sixlink::cli::Command> commands = {
      sixlink::cli::add_run_command(app),      sixlink::cli::add_gap_command(app),
      sixlink::cli::add_plan_command(app),     sixlink::cli::add_place_command(app),
      sixlink::cli::add_validate_command(app), sixlink::cli::add_export_command(app),
      sixlink::cli::add_indicators_command(app), sixlink::cli::add_report_command(app),
      sixlink::cli::add_admit_command(app)};

  if (argc > 1 && argv[1][0] != '-') {
    const std::string message = unknown_command(app, argv[1]);
    if (!message.empty()) return fail(message, kExitBadInput);
  }

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
    for (const auto& command : commands)
      if (command.app->parsed()) return command.run();
  } catch (const sixlink::Error& e) {
    return fail(e.what(), kExitBadInput);
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what(), kExitInternalError);
  }
  return 0;
}
