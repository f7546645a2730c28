#include "sixlink/jobs/report_job.hpp"

#include <algorithm>
#include <stdexcept>

#include "detail/files.hpp"
#include "io/echarts_js.hpp"
#include "io/html_report.hpp"
#include "jobs/job_json.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/model/catalogue.hpp"

namespace sixlink {

std::string_view to_string(ReportLanguage language) {
  return language == ReportLanguage::kZh ? "zh" : "en";
}

std::optional<ReportLanguage> parse_report_language(std::string_view text) {
  if (text == "zh") return ReportLanguage::kZh;
  if (text == "en") return ReportLanguage::kEn;
  return std::nullopt;
}

bool report_available() { return detail::have_echarts(); }

void require_report_available() {
  if (!report_available())
    throw std::runtime_error(
        "this build of sixlink has no ECharts to draw the report with: run scripts/setup.sh "
        "(it installs npm's echarts into node_modules) and build again");
}

ReportJobResult run_report_job(const Scenario& s, const ReportJobOptions& options) {
  if (options.year != 0 && (options.year < s.base_year || options.year > s.base_year + 50))
    throw InvalidInput("report year " + std::to_string(options.year) +
                       " must be from the base year " + std::to_string(s.base_year) +
                       " to 50 years after it");
  ReportJobResult result;
  result.scenario_name = s.name;
  result.language = options.language;
  result.year = options.year == 0 ? s.base_year : options.year;
  for (const Region& region : s.regions)
    result.names["regions"][region.id] = region.name.empty() ? region.id : region.name;
  for (const Occupation& o : s.occupations)
    result.names["occupations"][o.id] = o.name.empty() ? o.id : o.name;
  // Each specialty's catalogue class (专业类) at its own level: the Sankey's groups.
  for (const Specialty& sp : s.specialties) {
    const CatalogueEntry* entry = find_catalogue_entry(sp.level, sp.id);
    result.classes[sp.id] = entry ? ReportClass{entry->class_code, entry->class_name}
                                  : ReportClass{sp.id.substr(0, 4), sp.name};
  }
  GapOptions gap;
  gap.year = result.year;
  result.gap = run_gap_job(s, gap);
  PlanJobOptions plan;
  plan.recommend.quotas.year = std::max(result.year, s.base_year + 1);
  result.plan = run_plan_job(s, plan);
  PlaceJobOptions place;
  result.optimal = run_place_job(s, place);
  place.placement.mode = PlacementMode::kStable;
  result.stable = run_place_job(s, place);
  return result;
}

void to_json(nlohmann::ordered_json& out, const ReportClass& c) {
  out = {{"code", c.code}, {"name", c.name}};
}

std::string report_job_data_json(const ReportJobResult& r, int indent) {
  nlohmann::ordered_json data;
  data["scenario"] = r.scenario_name;
  data["notes"] = r.gap.scenario_notes;
  data["language"] = std::string(to_string(r.language));
  data["year"] = r.year;
  data["gap"] = r.gap;
  data["plan"] = r.plan;
  data["placement"] = {{"optimal", r.optimal}, {"stable", r.stable}};
  data["classes"] = r.classes;
  data["names"] = r.names;
  return data.dump(indent);
}

std::string report_job_to_html(const ReportJobResult& r) {
  require_report_available();
  const std::string title = r.language == ReportLanguage::kZh
                                ? "sixlink 职业教育供需报告 · " + r.scenario_name
                                : "sixlink vocational supply and demand · " + r.scenario_name;
  return detail::html_report(title, to_string(r.language), report_job_data_json(r),
                             detail::echarts_js());
}

void write_report_html(const ReportJobResult& r, const std::filesystem::path& path) {
  detail::write_file_atomic(path, report_job_to_html(r));
}

}  // namespace sixlink
