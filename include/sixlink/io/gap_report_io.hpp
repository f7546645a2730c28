// sixlink/io/gap_report_io.hpp — the gap analysis as JSON and as CSV tables.
//
// JSON (`sixlink gap --json`): one object
//   {"scenario", "year",
//    "city": {"graduates", "demand", "matched", "unmet", "leaving", "surplus",
//             "retention_rate", "match_rate", "matching_degree",
//             "structural_deviation", "unattributed_graduates", "objective",
//             "outside_weight", "outside_weight_calibrated",
//             "recorded_retention_rate"},
//    "clusters":   [{"id", "name", "supply", "demand", "matched", "unmet", "ratio", "band"}],
//    "cells":      [{"cluster", "region", "supply", "demand", "matched", "unmet",
//                    "ratio", "band", "marginal_value"}],
//    "programmes": [{"id", "name", "school", "specialty", "region", "graduates",
//                    "placed_local", "leaving", "surplus", "marginal_value"}],
//    "regions":    [{"id", "schools", "graduates", "placed_local", "placed_in_region",
//                    "leaving", "surplus", "demand", "matched", "unmet", "retention_rate"}],
//    "indicators": [{"name", "value", "target_2023", "target_2025", "gap_2023", "gap_2025",
//                    "group_zh", "group_en", "name_zh", "name_en", "unit", "unit_zh",
//                    "unit_en", "computed", "year", "value_year", "base_value",
//                    "next_target_year", "next_target", "gap", "on_track"}],
//                   (every indicator of the plan's table, analysis/indicators.hpp;
//                   values in the library's units, null where unknown)
//    "linkage":    {"nodes": {kind: count}, "edges", "employment_edges", "components",
//                   "findings": {finding: [ids]}}}
// Rates are fractions. A ratio with zero demand is null (JSON has no infinity);
// so are missing targets and a missing recorded retention. Counts are integers;
// "name" is the programme's label (model/programme_names.hpp) from `names`: the
// scenario's Programme::name as set, "" where it sets none or no names are given.
// Every other number is rounded to 6 decimals and never "-0" (io/report_numbers.hpp;
// the CSV tables too). A cluster's "supply" is its share of whole cohorts split by
// occupation affinity, so it is fractional; "graduates" (city, programme, region)
// are whole cohorts, each programme's intake x completion rounded to whole people.
//
// CSV (`sixlink gap --csv DIR`): clusters.csv, cells.csv, occupations.csv,
// programmes.csv, progression.csv (the "progression" object's "programmes": "programme",
// "name", "graduates", "rate", "local_share", "progressed", "progressed_local",
// "job_seekers"), pathways.csv, regions.csv, indicators.csv (same columns as the JSON
// rows; an infinite ratio is written "inf", a missing value as an empty field),
// city.csv (field,value) and findings.csv (finding,id). The folder is replaced as a whole,
// atomically: it is always the whole old set of tables or the whole new one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/model/programme_names.hpp"

namespace sixlink {

std::string gap_report_to_json(const GapReport& report, const std::string& scenario_name,
                               int indent = 2, const ProgrammeNames& names = {});

/// The city-wide figures and the indicators only: {"year", "city", "indicators"}
/// as above (the "gap" object of `sixlink run --json`).
std::string gap_summary_to_json(const GapReport& report, int indent = 2);

/// The names of the files write_gap_report_csv writes.
std::vector<std::string> gap_report_csv_files();

/// Writes the tables into `directory`, created if missing (its parent must
/// exist) and replaced as a whole. An existing folder may hold only these
/// tables; anything else in it is refused (IoError), never deleted.
void write_gap_report_csv(const GapReport& report, const std::filesystem::path& directory,
                          const ProgrammeNames& names = {});

/// `sixlink indicators --json`: {"scenario", "year", "indicators": [rows as above]}.
std::string indicators_to_json(const std::vector<IndicatorValue>& rows,
                               const std::string& scenario_name, int indent = 2);

/// `sixlink indicators --csv DIR`: indicators.csv (the JSON rows' columns) in
/// `directory`, replaced as a whole, atomically, as write_gap_report_csv does.
void write_indicators_csv(const std::vector<IndicatorValue>& rows,
                          const std::filesystem::path& directory);

}  // namespace sixlink
