// sixlink/io/placement_io.hpp — cohorts from CSV, placements as JSON and CSV.
//
// Cohort files (UTF-8 CSV with a header row; columns in any order, blank
// optional cells allowed):
//   graduates: id, programme, home_region (default: the programme's school's
//              region), score (default 0), preferences (enterprise ids, best
//              first, separated by ';')
//   openings:  id, enterprise, occupation (optional), region (default: the
//              enterprise's), capacity, kind (job or internship, default job),
//              ranking (graduate ids, best first, separated by ';')
// The same tables may come as columns (CohortColumns, e.g. from a pandas
// DataFrame). Without an openings file the scenario's own openings are used
// (scenario_openings). Errors name the file, line and column, or the file and
// the item ("graduates.csv:14: programme 'x' is not in the scenario").
//
// `sixlink place --json` prints one object:
//   {"scenario", "mode", "graduates", "placed", "placement_rate", "jobs",
//    "internships", "retention_rate", "mean_fit", "total_value", "candidate_pairs",
//    "blocking_pairs" (a count), "blocking_examples": [{"graduate", "opening"}]
//    (the first 10), "flow_objective" and "certified" (optimal mode; null otherwise),
//    "clusters": [{"cluster", "seats", "filled", "fill_rate"}],
//    "programmes": [{"programme", "name", "graduates", "placed", "jobs", "unplaced"}]}
// ("name": the programme's label from `names`, model/programme_names.hpp; "" when unset)
// and `--assignments FILE` writes graduate,enterprise,opening,kind, one row per
// graduate in cohort order (enterprise, opening and kind empty when unplaced),
// atomically.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sixlink/model/programme_names.hpp"
#include "sixlink/model/scenario.hpp"
#include "sixlink/placement/cohort.hpp"
#include "sixlink/placement/placement.hpp"

namespace sixlink {

/// Reads a cohort's graduates (and openings, if a file is given) and validates
/// it against the scenario. Throws IoError, ParseError or InvalidInput.
Cohort load_cohort_csv(const Scenario& scenario, const std::filesystem::path& graduates,
                       const std::optional<std::filesystem::path>& openings = std::nullopt);

/// A cohort table given as columns (a pandas DataFrame's): `names[c]` heads
/// `cells[c]`, one text cell per row ("" for a blank cell; preferences and
/// ranking as ';'-separated ids). Read by the rules of the CSV files; errors
/// name `source` and, as the line, the row's position + 2: the line it would
/// have in the CSV file the columns would export.
struct CohortColumns {
  std::string source = "<columns>";
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> cells;
};

/// One of a cohort's inputs: a CSV file or columns.
using CohortTable = std::variant<std::filesystem::path, CohortColumns>;

/// Reads a cohort from files or columns, in any mix, and validates it against
/// the scenario (load_cohort_csv is this with two files). Throws IoError,
/// ParseError or InvalidInput.
Cohort load_cohort(const Scenario& scenario, const CohortTable& graduates,
                   const std::optional<CohortTable>& openings = std::nullopt);

/// The same from CSV text (`source` names it in errors).
Cohort cohort_from_csv(const Scenario& scenario, std::string_view graduates_csv,
                       std::string_view graduates_source,
                       std::optional<std::string_view> openings_csv = std::nullopt,
                       std::string_view openings_source = "openings.csv");

std::string placement_to_json(const PlacementResult& result, const Cohort& cohort,
                              const std::string& scenario_name, int indent = 2,
                              const ProgrammeNames& names = {});

/// The headline figures (the "placement" object of `sixlink run --json`): the keys
/// above except "clusters", "programmes" and "blocking_examples".
std::string placement_summary_to_json(const PlacementResult& result, int indent = 2);

/// One row per graduate (graduate, enterprise, opening, kind; blank when unplaced),
/// written atomically ("-": standard output).
void write_assignments_csv(const PlacementResult& result, const Cohort& cohort,
                           const std::filesystem::path& path);

/// The names of the files write_cohort_csv writes: graduates.csv, openings.csv.
std::vector<std::string> cohort_csv_files();

/// Writes a cohort as the two CSV files load_cohort_csv reads back (the same
/// cohort), into `folder`, replaced as a whole like a scenario's CSV folder:
/// a user can start a cohort of their own from these files.
void write_cohort_csv(const Cohort& cohort, const std::filesystem::path& folder);

}  // namespace sixlink
