#include "cli/validate_command.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

#include "sixlink/core/error.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/model/summary.hpp"

namespace sixlink::cli {

int run_validate(const std::string& path, bool json) {
  std::string first_error;
  std::optional<Scenario> scenario;
  try {
    scenario = load_scenario(path);
  } catch (const Error& e) {
    first_error = e.what();
  }
  nlohmann::ordered_json out;
  out["valid"] = scenario.has_value();
  out["path"] = path;
  out["errors"] = nlohmann::ordered_json::array();
  if (!scenario) {
    out["errors"].push_back({{"file", path}, {"location", ""}, {"message", first_error}});
    if (json) {
      std::cout << out.dump(2) << '\n';
    } else {
      std::cerr << "sixlink: " << first_error << '\n';
    }
    return 2;
  }
  const ScenarioSummary summary = summarise(*scenario);
  if (json) {
    out["summary"] = nlohmann::ordered_json::parse(summary_to_json(summary));
    std::cout << out.dump(2) << '\n';
  } else {
    std::cout << path << ": valid scenario '" << scenario->name << "' ("
              << summary.counts.programmes << " programmes, " << summary.counts.enterprises
              << " enterprises)\n";
  }
  return 0;
}

}  // namespace sixlink::cli
