// Where a scenario's parts came from, so that validation errors can name the
// file and JSON pointer or CSV line instead of an in-memory index.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "sixlink/model/scenario.hpp"

namespace sixlink::detail {

enum class Table {
  kScenario,
  kRegions,
  kClusters,
  kSectors,
  kOccupations,
  kSpecialties,
  kSpecialtyOccupations,  // sub-items of a specialty
  kSchools,
  kProgrammes,
  kEnterprises,
  kEnterpriseOpenings,  // sub-items of an enterprise
  kEmployment,
  kTargets,
};

/// The member name of a table in Scenario and in the JSON format ("programmes").
std::string_view table_name(Table table);

inline constexpr std::ptrdiff_t kNoSub = -1;

/// Describes where field `field` of item `index` (and sub-item `sub`, for the
/// nested tables) of `table` came from, e.g. "city.json: /programmes/3/school".
using Locator = std::function<std::string(Table table, std::size_t index, std::ptrdiff_t sub,
                                          std::string_view field)>;

/// The locator for scenarios built in memory: "programmes[3].school".
std::string in_memory_location(Table table, std::size_t index, std::ptrdiff_t sub,
                               std::string_view field);

/// validate() with locations from `where`.
void validate(const Scenario& scenario, const Locator& where);

}  // namespace sixlink::detail
