#include "cli/validate_command.hpp"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/model/summary.hpp"
#include "sixlink/model/validate.hpp"

namespace sixlink::cli {

namespace {

constexpr std::size_t kShown = 20;

}  // namespace

int run_validate(const std::string& path, bool json) {
  nlohmann::ordered_json out;
  out["valid"] = false;
  out["path"] = path;
  std::string first_error;
  try {  // a valid file is read once; only a broken one is read again, to list its problems
    const Scenario scenario = load_scenario(path);
    const ScenarioSummary summary = summarise(scenario);
    if (json) {
      out["valid"] = true;
      out["errors"] = nlohmann::ordered_json::array();
      out["summary"] = nlohmann::ordered_json::parse(summary_to_json(summary));
      std::cout << out.dump(2) << '\n';
    } else {
      std::cout << path << ": valid scenario '" << scenario.name << "' ("
                << summary.counts.programmes << " programmes, " << summary.counts.enterprises
                << " enterprises)\n";
    }
    return 0;
  } catch (const Error& e) {
    first_error = e.what();
  }
  // One more than is shown, to know whether some were left out.
  std::vector<Problem> problems = check_scenario(path, kShown + 1);
  const bool more = problems.size() > kShown;
  if (more) problems.resize(kShown);
  if (problems.empty()) problems.push_back({path, "", first_error});  // never "invalid, no reason"
  auto& errors = out["errors"] = nlohmann::ordered_json::array();
  for (const Problem& p : problems)
    errors.push_back({{"file", p.file}, {"location", p.location}, {"message", p.message}});
  out["more_errors"] = more;
  if (json) {
    std::cout << out.dump(2) << '\n';
  } else {
    for (const Problem& p : problems)
      std::cerr << "sixlink: " << escape_control_characters(to_string(p)) << '\n';
    if (more)
      std::cerr << "sixlink: " << path << ": more problems not shown (the first " << kShown
                << " are above)\n";
  }
  return 2;
}

Command add_validate_command(CLI::App& app) {
  struct Arguments {
    std::string path;
    bool json = false;
  };
  auto a = std::make_shared<Arguments>();
  auto* command = app.add_subcommand(
      "validate", "Check a scenario file (JSON) or folder (CSV) and report every problem found");
  command->add_option("PATH", a->path, "A scenario JSON file or a folder of CSV files")->required();
  command->add_flag("--json", a->json,
                    "Print {\"valid\", \"errors\": [{\"file\", \"location\", \"message\"}]}");
  return {command, [a] { return run_validate(a->path, a->json); }};
}

}  // namespace sixlink::cli
