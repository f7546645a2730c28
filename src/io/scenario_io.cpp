#include "sixlink/io/scenario_io.hpp"

#include <system_error>

#include "detail/files.hpp"
#include "model/locator.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/io/csv.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink {

namespace fs = std::filesystem;

Scenario load_scenario(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw IoError(path.string() + ": no such file or folder");
  if (fs::is_directory(path, ec)) return load_scenario_csv(path);
  return load_scenario_json(path);
}

std::vector<Problem> check_scenario(const fs::path& path, std::size_t limit) {
  if (limit == 0) return {};
  detail::ProblemCollector collector(limit);
  try {
    (void)load_scenario(path);
  } catch (const Error& e) {
    // Messages begin with the file: the path itself, or a table in the folder.
    const std::string text = e.what();
    const std::string root = path.string();
    const std::size_t colon = text.find(':', root.size());
    std::string file = root;
    if (text.starts_with(root) && colon != std::string::npos) file = text.substr(0, colon);
    collector.problems.push_back(detail::split_message(text, file));
  }
  return std::move(collector.problems);
}

Scenario resolve_scenario(std::string_view name_or_path) {
  std::error_code ec;
  // A file of that name wins over a built-in, so users can shadow one on purpose.
  if (!fs::exists(fs::path(name_or_path), ec)) {
    if (const Scenario* builtin = find_builtin_scenario(name_or_path)) return *builtin;
    std::string names;
    for (std::string_view name : builtin_scenario_names())
      names += (names.empty() ? "" : ", ") + std::string(name);
    throw IoError(std::string(name_or_path) +
                  ": no such file or folder, nor a built-in scenario (" + names + ")");
  }
  return load_scenario(fs::path(name_or_path));
}

void save_scenario(const Scenario& scenario, const fs::path& path) {
  if (path.extension() == ".json" || detail::is_standard_output(path)) {
    save_scenario_json(scenario, path);
  } else {
    save_scenario_csv(scenario, path);
  }
}

}  // namespace sixlink
