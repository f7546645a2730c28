// sixlink/io/csv.hpp — scenarios as a folder of CSV files, one per table.
//
// What spreadsheet users have: UTF-8 (a byte-order mark is skipped), a header row
// naming the columns in any order, comma-separated, RFC 4180 quoting, LF or CRLF.
// The files and their columns (required unless marked optional):
//   scenario.csv             sixlink (optional, must be 1), name, base_year
//   regions.csv              id, name
//   clusters.csv             id, name, growth_rate, replacement_rate
//   sectors.csv              id, name, cluster (may be empty)
//   occupations.csv          id, name
//   specialties.csv          id, name, level
//   specialty_occupations.csv  specialty, occupation, fit
//   schools.csv              id, name, region, level, double_high, capacity, social_training
//   programmes.csv           id, school, specialty, intake, enrolled, duration,
//                            completion_rate, min_intake, max_intake, cost_per_student
//   enterprises.csv          id, name, region, sector, employees, large, partner,
//                            internship_slots
//   enterprise_openings.csv  enterprise, occupation, count
//   employment.csv           (optional file) programme, year, enterprise, cluster,
//                            outside, count
//   targets.csv              (optional file) indicator, year, value
// Booleans are true/false, yes/no or 1/0. Columns with an empty header are ignored;
// any other unknown column is an error. Errors name the file, the line and the
// column, e.g.
//   city/programmes.csv:5: column 'school': programme 'p3' refers to unknown school 'x'
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// File name (e.g. "programmes.csv") -> file content.
using CsvFiles = std::map<std::string, std::string, std::less<>>;

/// Parses and validates a scenario from in-memory CSV files; `source` (a folder
/// name) prefixes the file names in error messages.
Scenario scenario_from_csv(const CsvFiles& files, std::string_view source = "");

/// The scenario as CSV files (all fifteen, with headers, in a fixed order).
CsvFiles scenario_to_csv(const Scenario& scenario);

/// The names of the fifteen files scenario_to_csv writes.
std::vector<std::string> scenario_csv_files();

/// Reads a scenario from a folder of CSV files.
Scenario load_scenario_csv(const std::filesystem::path& folder);

/// Writes a scenario as CSV files into `folder`, creating it if needed (its
/// parent must exist). The folder is replaced as a whole: written aside, then
/// exchanged with the old one in one step, so it is always the whole old
/// scenario or the whole new one. An existing folder may hold only the
/// scenario's own fifteen files; anything else in it is refused (IoError), never
/// deleted.
void save_scenario_csv(const Scenario& scenario, const std::filesystem::path& folder);

}  // namespace sixlink
