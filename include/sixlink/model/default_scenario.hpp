// sixlink/model/default_scenario.hpp — the built-in Taizhou scenario.
//
// "taizhou-2020" is Taizhou (Zhejiang) in 2020, the base year of its 2021–2025
// vocational-education plan: its nine county-level regions and the Taizhou Bay
// new area, its key industry clusters, schools and programmes with real 2021
// catalogue codes, and synthetic enterprises, demand and employment generated
// deterministically and calibrated to the plan's 2020 figures (88,700 students
// enrolled, 37.87 % local retention) and its 2023 and 2025 targets. data/README.md
// says what is real, what is illustrative, and how it is generated.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "sixlink/model/scenario.hpp"

namespace sixlink {

inline constexpr std::string_view kDefaultScenarioName = "taizhou-2020";

/// The built-in taizhou-2020 scenario (the same value on every call).
const Scenario& default_scenario();

/// Names of the scenarios compiled into the library.
std::vector<std::string_view> builtin_scenario_names();

/// The built-in scenario of that name, or nullptr.
const Scenario* find_builtin_scenario(std::string_view name);

}  // namespace sixlink
