// sixlink/model/validate.hpp — checks that a Scenario is well formed.
//
// validate() checks every id is non-empty, unique within its table, at most 200
// bytes, free of control characters and of leading or trailing spaces; every
// reference names an entity that exists; and every number lies in its documented
// range:
//
//   counts (intake, enrolled, min_intake, max_intake, capacity, social_training,
//     employees, internship_slots, opening counts, employment counts)
//                                  integers in [0, kMaxCount = 10^12]
//   cost_per_student               finite, in [0, kMaxCostPerStudent = 10^6] yuan a
//                                  year (real costs are 10^4 to 10^5; the bound
//                                  keeps the quota plan's budget prices, cost /
//                                  completion rate, inside the flow engine's
//                                  integer cost range on scenarios of up to about
//                                  10^4 programmes at completion rate 0.1)
//   completion_rate, replacement_rate, rate targets   in [0, 1]
//   growth_rate                    in [-1, 1]
//   fit                            in (0, 1]
//   duration                       1 to 10 years
//   base_year, target years        1900 to 2200
//   employment record years        base_year - 10 to base_year
//   other target values            finite, >= 0
//
// and bounds are consistent: min_intake <= max_intake, and an open programme's
// intake (intake > 0) lies in [min_intake, max_intake]. intake = 0 is a closed
// programme, which may have any bounds (a quota plan may open it). max_intake =
// 0 means no upper bound was given (the loaders default a missing max_intake to
// kMaxCount) and then min_intake must be 0 too.
//
// validate() throws InvalidInput naming the table, index, field and id at fault,
// e.g.
//   programmes[3].school: programme 'tz-p3' refers to unknown school 'x'
// The loaders in io/ run the same checks and name the file, JSON pointer or CSV
// line instead. find_problems() runs the same checks but reports every problem
// (up to a limit); io/scenario_io.hpp's check_scenario() does so for a file. A
// field whose own check failed is left out of the checks that build on it (an
// intake outside [min_intake, max_intake] is not reported when those bounds are
// themselves broken; employment years are not checked against a broken
// base_year), so one mistake gives one problem.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// The largest cost_per_student (yuan a year) a scenario may give.
inline constexpr double kMaxCostPerStudent = 1e6;

/// One thing wrong with a scenario, located.
struct Problem {
  /// The file at fault: "city.json", "city/programmes.csv"; empty for a scenario
  /// built in memory.
  std::string file;
  /// Where in it: a JSON pointer ("/programmes/3/intake"), a CSV line and column
  /// ("line 5, column 'intake'"), or for a scenario in memory
  /// "programmes[3].intake"; empty when the problem is the whole file.
  std::string location;
  /// What is wrong: "programme 'p1': intake 200 is above max_intake 150".
  std::string message;

  friend bool operator==(const Problem&, const Problem&) = default;
};

/// One line: "file: location: message", leaving out the empty parts; a CSV
/// location as the loaders write it ("city/programmes.csv:5: column 'intake':
/// message"), so the first problem reads as the error load_scenario throws.
std::string to_string(const Problem& problem);

/// Throws InvalidInput on the first problem found; returns normally otherwise.
void validate(const Scenario& scenario);

/// Every problem validate() finds, in the order it checks them, at most `limit`
/// (checking stops there); empty when the scenario is valid. The first one's
/// location and message are those validate() throws.
std::vector<Problem> find_problems(const Scenario& scenario, std::size_t limit = 20);

}  // namespace sixlink
