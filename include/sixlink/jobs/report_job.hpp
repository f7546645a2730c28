// sixlink/jobs/report_job.hpp — one self-contained HTML page per analysis (`sixlink report`).
//
// The report job runs, on one scenario, the gap job of the year, the plan job for
// that intake year (recommendations, and the rolling plan from the base year), and
// the place job in the optimal and in the stable mode (synthetic cohort, seed 0),
// and writes one HTML file: the data of each part exactly as its `--json` prints
// it, Apache ECharts (embedded into the library at build time from npm's `echarts`
// package, which scripts/setup.sh installs) and the page's own script, which draws
// the charts and their tables from that data. The file opens from disk with no
// server and no network.
//
// Year: `year` 0 is the gap of the base year and the plan of the next intake; a
// later year is the gap of that year and the plan of that intake (with the rolling
// plan up to it), as `sixlink gap --year` and `sixlink plan --year` give them.
//
// The page (io/html_report.hpp documents its structure): the indicator table, a
// Sankey of graduates (specialty classes -> clusters -> local job, study, leaving),
// supply against demand by cluster, by county and for the occupations with the most
// unmet openings, the quota plan's intake changes with every recommendation, the
// rolling plan against its targets, and placement optimal against stable. Every
// chart has its numbers in a table it can show; long tables are paged and charts of
// long lists keep their largest entries, so a province still opens.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "sixlink/jobs/gap_job.hpp"
#include "sixlink/jobs/place_job.hpp"
#include "sixlink/jobs/plan_job.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

enum class ReportLanguage { kZh, kEn };

std::string_view to_string(ReportLanguage language);
/// "zh" or "en"; nothing otherwise.
std::optional<ReportLanguage> parse_report_language(std::string_view text);

struct ReportJobOptions {
  int year = 0;  ///< see the header; 0: the base year
  ReportLanguage language = ReportLanguage::kZh;
};

/// A catalogue class (专业类): its four-digit code and name.
struct ReportClass {
  std::string code;
  std::string name;
};

struct ReportJobResult {
  std::string scenario_name;
  int year = 0;  ///< the gap's year
  ReportLanguage language = ReportLanguage::kZh;
  GapJobResult gap;
  PlanJobResult plan;
  PlaceJobResult optimal;
  PlaceJobResult stable;
  /// Each specialty's catalogue class; a specialty outside the catalogue is its own class.
  std::map<std::string, ReportClass> classes;
  /// Display names: {"regions": {id: name}, "occupations": {id: name}}.
  std::map<std::string, std::map<std::string, std::string>> names;
};

/// Whether this build embeds ECharts (built after scripts/setup.sh ran `npm ci`).
bool report_available();
/// Throws std::runtime_error, saying how to get ECharts, unless report_available().
void require_report_available();

/// Runs the parts. Throws InvalidInput for a year before the base year or more
/// than 50 years after it.
ReportJobResult run_report_job(const Scenario& scenario, const ReportJobOptions& options = {});

/// The page's data: {"scenario", "language", "year", "gap", "plan", "placement":
/// {"optimal", "stable"}, "classes", "names"}, each part as its --json prints it;
/// "classes" maps each specialty to its catalogue class (专业类) and its name,
/// "names" the regions and occupations to their names.
std::string report_job_data_json(const ReportJobResult& result, int indent = -1);

/// The HTML page. Throws std::runtime_error when this build has no ECharts.
std::string report_job_to_html(const ReportJobResult& result);

/// Writes the page to `path` atomically (a temporary file, then rename).
void write_report_html(const ReportJobResult& result, const std::filesystem::path& path);

}  // namespace sixlink
