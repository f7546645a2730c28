// sixlink/io/scenario_io.hpp — one entry point for every scenario source.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>
#include <vector>

#include "sixlink/model/scenario.hpp"
#include "sixlink/model/validate.hpp"

namespace sixlink {

/// Reads a scenario: a folder is read as CSV files, anything else as JSON.
Scenario load_scenario(const std::filesystem::path& path);

/// Every problem in the scenario at `path` (a JSON file or a folder of CSV
/// files), at most `limit`; empty when load_scenario() would succeed. A file that
/// cannot be read or parsed is one problem (parsing stops there); a scenario that
/// parses gets every check of validate() (model/validate.hpp), each problem once.
/// The first problem is the error load_scenario() throws, split into file,
/// location and message (to_string() gives one line). Throws nothing for a bad
/// scenario; only std::bad_alloc and the like escape.
std::vector<Problem> check_scenario(const std::filesystem::path& path, std::size_t limit = 20);

/// A built-in scenario by name (see model/default_scenario.hpp), else a path
/// given to load_scenario().
Scenario resolve_scenario(std::string_view name_or_path);

/// Writes a scenario: as JSON when `path` ends in ".json" or is "-" (standard
/// output), else as a CSV folder (io/csv.hpp: replaced as a whole).
void save_scenario(const Scenario& scenario, const std::filesystem::path& path);

}  // namespace sixlink
