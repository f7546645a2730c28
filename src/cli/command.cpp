#include "cli/command.hpp"

#include <filesystem>

#include "detail/files.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink::cli {

void check_year(const char* option, int year, int lo, int hi, const char* what) {
  if (year < lo || year > hi)
    throw InvalidInput(std::string(option) + " " + std::to_string(year) + ": " + what +
                       " must be from " + std::to_string(lo) + " to " + std::to_string(hi));
}

std::vector<InputPath> scenario_input(const std::string& scenario) {
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::path(scenario), ec)) return {{"SCENARIO", scenario}};
  return {};
}

bool to_standard_output(const std::string& path) { return detail::is_standard_output(path); }

}  // namespace sixlink::cli
