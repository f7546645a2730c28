// sixlink/io/scenario_io.hpp — one entry point for every scenario source.
#pragma once

#include <filesystem>
#include <string_view>

#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// Reads a scenario: a folder is read as CSV files, anything else as JSON.
Scenario load_scenario(const std::filesystem::path& path);

/// A built-in scenario by name (see model/default_scenario.hpp), else a path
/// given to load_scenario().
Scenario resolve_scenario(std::string_view name_or_path);

/// Writes a scenario: as JSON when `path` ends in ".json", else as a CSV folder.
void save_scenario(const Scenario& scenario, const std::filesystem::path& path);

}  // namespace sixlink
