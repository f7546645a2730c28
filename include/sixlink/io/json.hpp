// sixlink/io/json.hpp — scenarios as JSON (format version "sixlink": 1).
//
// A scenario file is one object:
//   {"sixlink": 1, "name": "...", "base_year": 2020,
//    "regions": [...], "clusters": [...], "sectors": [...], "occupations": [...],
//    "specialties": [...], "schools": [...], "programmes": [...],
//    "enterprises": [...], "employment": [...], "targets": [...]}
// with one object per entity and the fields of model/scenario.hpp as keys
// (enums as their names: "secondary", "retention_rate", ...). Unknown keys are
// rejected, so a misspelt field is an error rather than a silent default.
// docs: README.md, "Scenario files".
//
// Every error is a ParseError or InvalidInput whose message starts with the
// source name and the JSON pointer at fault, e.g.
//   city.json: /programmes/3/intake: expected an integer, got 3.5 (programme 'p3')
// Nothing partly loaded is ever returned.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "sixlink/model/scenario.hpp"
#include "sixlink/model/summary.hpp"

namespace sixlink {

/// The JSON format version this library reads and writes.
inline constexpr int kScenarioFormatVersion = 1;

/// Parses and validates a scenario; `source` names it in error messages.
Scenario scenario_from_json(std::string_view text, std::string_view source = "<json>");

/// Serialises a scenario (keys in a fixed order; `indent` < 0 for one line).
std::string scenario_to_json(const Scenario& scenario, int indent = 2);

/// Reads a scenario from a JSON file.
Scenario load_scenario_json(const std::filesystem::path& path);

/// Writes a scenario to a JSON file atomically (a temporary file, then rename).
void save_scenario_json(const Scenario& scenario, const std::filesystem::path& path);

/// A summary as a JSON object (the `sixlink run --json` output).
std::string summary_to_json(const ScenarioSummary& summary, int indent = 2);

}  // namespace sixlink
