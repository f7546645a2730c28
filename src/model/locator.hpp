// Where a scenario's parts came from, so that validation errors can name the
// file and JSON pointer or CSV line instead of an in-memory index.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/model/scenario.hpp"
#include "sixlink/model/validate.hpp"

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
  kPathways,
  kIndicatorValues,
};

/// The member name of a table in Scenario and in the JSON format ("programmes").
std::string_view table_name(Table table);

inline constexpr std::ptrdiff_t kNoSub = -1;

/// Where one field came from: the parts a Problem reports, and the label that
/// messages have always begun with ("city.json: /programmes/3/school",
/// "city/programmes.csv:5: column 'school'", "programmes[3].school").
struct Location {
  std::string file;      ///< empty in memory
  std::string location;  ///< "/programmes/3/school", "line 5, column 'school'"
  std::string label;
};

/// Describes where field `field` of item `index` (and sub-item `sub`, for the
/// nested tables) of `table` came from.
using Locator = std::function<Location(Table table, std::size_t index, std::ptrdiff_t sub,
                                       std::string_view field)>;

/// The locator for scenarios built in memory: "programmes[3].school".
Location in_memory_location(Table table, std::size_t index, std::ptrdiff_t sub,
                            std::string_view field);

/// Splits text the readers write, `file` followed by ": /json/pointer: what" or
/// ":LINE: column 'name': what" (either part may be missing), into a Problem:
/// location "/json/pointer" or "line LINE, column 'name'", message "what".
/// Text that does not start with `file` becomes the message whole.
Problem split_message(std::string_view text, std::string_view file);

/// The Location of a label written as split_message() reads it.
Location location_of(std::string label, std::string_view file);

/// validate() with locations from `where`: throws InvalidInput "<label>: <what>"
/// at the first problem, unless a ProblemCollector is alive on this thread; then
/// it records the problems there and returns normally.
void validate(const Scenario& scenario, const Locator& where);

/// While alive, detail::validate() on this thread records up to `limit`
/// problems in `problems` instead of throwing at the first. check_scenario()
/// sets one up around a loader, which calls detail::validate() itself. The
/// public sixlink::validate() always throws.
class ProblemCollector {
 public:
  explicit ProblemCollector(std::size_t limit);
  ~ProblemCollector();
  ProblemCollector(const ProblemCollector&) = delete;
  ProblemCollector& operator=(const ProblemCollector&) = delete;

  /// The innermost collector alive on this thread, or nullptr.
  static ProblemCollector* active();

  std::size_t limit;
  std::vector<Problem> problems;

 private:
  ProblemCollector* outer_;
};

}  // namespace sixlink::detail
