#include "sixlink/io/gap_report_io.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <system_error>
#include <utility>
#include <vector>

#include "detail/csv_reader.hpp"
#include "detail/files.hpp"
#include "detail/numbers.hpp"
#include "io/report_numbers.hpp"
#include "io/result_json.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

using nlohmann::ordered_json;

// JSON has no infinity: null there; CSV writes "inf" so it differs from a missing value.
enum class Infinity { kNull, kText };

ordered_json ratio_json(double x, Infinity infinity) {
  if (std::isfinite(x)) return detail::report_number(x);
  return infinity == Infinity::kText ? ordered_json("inf") : ordered_json();
}

// Numbers by the rule of io/report_numbers.hpp: 6 decimals, no "-0".
ordered_json optional_json(const std::optional<double>& x) { return detail::report_number(x); }
ordered_json number(double x) { return detail::report_number(x); }

// The findings in a fixed order, as (name, ids).
std::vector<std::pair<std::string, const std::vector<std::string>*>> findings(
    const LinkageFindings& f) {
  return {{"specialties_without_demand", &f.specialties_without_demand},
          {"clusters_without_supply", &f.clusters_without_supply},
          {"enterprises_without_sector", &f.enterprises_without_sector},
          {"enterprises_outside_clusters", &f.enterprises_outside_clusters},
          {"regions_without_schools", &f.regions_without_schools},
          {"occupations_unused", &f.occupations_unused}};
}

ordered_json city_json(const CityGap& c) {
  return {{"graduates", c.graduates},
          {"demand", c.demand},
          {"matched", c.matched},
          {"unmet", c.unmet},
          {"leaving", c.leaving},
          {"surplus", c.surplus},
          {"retention_rate", number(c.retention_rate)},
          {"match_rate", number(c.match_rate)},
          {"matching_degree", number(c.matching_degree)},
          {"structural_deviation", number(c.structural_deviation)},
          {"unattributed_graduates", number(c.unattributed_graduates)},
          {"objective", number(c.objective)},
          {"outside_weight", number(c.outside_weight)},
          {"outside_weight_calibrated", c.outside_weight_calibrated},
          {"recorded_retention_rate", optional_json(c.recorded_retention_rate)},
          {"retention_definition", to_string(c.retention_definition)},
          {"labour_market_retention_rate", number(c.labour_market_retention_rate)},
          {"progressed", c.progressed},
          {"progressed_local", c.progressed_local}};
}

// Who continues study: per programme, and the pathways' yearly flows.
ordered_json progression_json(const Progression& p, const ProgrammeNames& names) {
  ordered_json programmes = ordered_json::array();
  for (const ProgrammeProgression& row : p.programmes) {
    programmes.push_back({{"programme", row.programme},
                          {"name", programme_name(names, row.programme)},
                          {"graduates", row.graduates},
                          {"rate", number(row.rate)},
                          {"local_share", number(row.local_share)},
                          {"progressed", row.progressed},
                          {"progressed_local", row.progressed_local},
                          {"job_seekers", row.job_seekers}});
  }
  ordered_json flows = ordered_json::array();
  for (const ProgressionFlow& f : p.flows) {
    flows.push_back({{"from", f.from},
                     {"to", f.to.empty() ? ordered_json() : ordered_json(f.to)},
                     {"route", to_string(f.route)},
                     {"kind", f.kind.empty() ? ordered_json() : ordered_json(f.kind)},
                     {"students", number(f.students)}});
  }
  return {{"graduates", p.graduates},
          {"progressed", p.progressed},
          {"progressed_local", p.progressed_local},
          {"job_seekers", p.job_seekers},
          {"programmes", std::move(programmes)},
          {"pathways", std::move(flows)}};
}

// A table as rows of JSON values, for the CSV writer.
std::string csv_table(const ordered_json& rows, const std::vector<std::string>& columns) {
  std::string out;
  for (std::size_t c = 0; c < columns.size(); ++c) out += (c ? "," : "") + columns[c];
  out += '\n';
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c) out += ',';
      const ordered_json& v = row.at(columns[c]);
      if (v.is_null()) continue;
      if (v.is_string())
        out += detail::csv_escape(v.get<std::string>());
      else
        out += v.dump();
    }
    out += '\n';
  }
  return out;
}

template <class T>
ordered_json optional_value(const std::optional<T>& x) {
  return x ? ordered_json(*x) : ordered_json(nullptr);
}

// The plan's table: the fields rows always had first, then the table's columns.
ordered_json indicators_json(const std::vector<IndicatorValue>& indicators) {
  ordered_json out = ordered_json::array();
  for (const auto& i : indicators) {
    const IndicatorInfo& info = indicator_info(i.indicator);
    out.push_back({{"name", to_string(i.indicator)},
                   {"value", optional_json(i.value)},
                   {"target_2023", optional_json(i.target_2023)},
                   {"target_2025", optional_json(i.target_2025)},
                   {"gap_2023", optional_json(i.gap_2023)},
                   {"gap_2025", optional_json(i.gap_2025)},
                   {"group_zh", info.group_zh},
                   {"group_en", info.group_en},
                   {"name_zh", info.name_zh},
                   {"name_en", info.name_en},
                   {"unit", to_string(info.unit)},
                   {"unit_zh", info.unit_zh},
                   {"unit_en", info.unit_en},
                   {"computed", info.computed},
                   {"year", i.year},
                   {"value_year", optional_value(i.value_year)},
                   {"base_year", i.base_year},
                   {"base_value", optional_json(i.base_value)},
                   {"next_target_year", optional_value(i.next_target_year)},
                   {"next_target", optional_json(i.next_target)},
                   {"gap", optional_json(i.gap)},
                   {"on_track", optional_value(i.on_track)}});
  }
  return out;
}

ordered_json report_json(const GapReport& r, const std::string& scenario_name,
                         const ProgrammeNames& names, Infinity infinity = Infinity::kNull) {
  ordered_json j;
  j["scenario"] = scenario_name;
  j["year"] = r.city.year;
  j["city"] = city_json(r.city);
  j["clusters"] = ordered_json::array();
  for (const auto& c : r.clusters) {
    j["clusters"].push_back({{"id", c.id},
                             {"name", c.name},
                             {"supply", number(c.supply)},
                             {"demand", c.demand},
                             {"matched", c.matched},
                             {"unmet", c.unmet},
                             {"ratio", ratio_json(c.ratio, infinity)},
                             {"band", to_string(c.band)}});
  }
  j["cells"] = ordered_json::array();
  for (const auto& c : r.cells) {
    j["cells"].push_back({{"cluster", c.cluster},
                          {"region", c.region},
                          {"supply", number(c.supply)},
                          {"demand", c.demand},
                          {"matched", c.matched},
                          {"unmet", c.unmet},
                          {"ratio", ratio_json(c.ratio, infinity)},
                          {"band", to_string(c.band)},
                          {"marginal_value", number(c.marginal_value)}});
  }
  j["occupations"] = ordered_json::array();
  for (const auto& o : r.occupations) {
    j["occupations"].push_back({{"occupation", o.occupation},
                                {"cluster", o.cluster},
                                {"region", o.region},
                                {"openings", o.demand},
                                {"matched", o.matched},
                                {"unmet", o.unmet},
                                {"supply", number(o.supply)},
                                {"ratio", ratio_json(o.ratio, infinity)},
                                {"band", to_string(o.band)},
                                {"marginal_value", number(o.marginal_value)}});
  }
  j["programmes"] = ordered_json::array();
  for (const auto& p : r.programmes) {
    j["programmes"].push_back({{"id", p.id},
                               {"name", programme_name(names, p.id)},
                               {"school", p.school},
                               {"specialty", p.specialty},
                               {"region", p.region},
                               {"graduates", p.graduates},
                               {"placed_local", p.placed_local},
                               {"leaving", p.leaving},
                               {"surplus", p.surplus},
                               {"marginal_value", number(p.marginal_value)}});
  }
  j["flows"] = ordered_json::array();
  for (const auto& f : r.flows) {
    j["flows"].push_back(
        {{"programme", f.programme}, {"cluster", f.cluster}, {"graduates", f.graduates}});
  }
  j["regions"] = ordered_json::array();
  for (const auto& g : r.regions) {
    j["regions"].push_back({{"id", g.id},
                            {"schools", g.schools},
                            {"graduates", g.graduates},
                            {"placed_local", g.placed_local},
                            {"placed_in_region", g.placed_in_region},
                            {"leaving", g.leaving},
                            {"surplus", g.surplus},
                            {"demand", g.demand},
                            {"matched", g.matched},
                            {"unmet", g.unmet},
                            {"retention_rate", number(g.retention_rate)}});
  }
  j["indicators"] = indicators_json(r.indicators);
  ordered_json nodes;
  for (int k = 0; k < kEntityKindCount; ++k)
    nodes[std::string(to_string(static_cast<EntityKind>(k)))] = r.linkage.nodes[k];
  ordered_json found;
  for (const auto& [name, ids] : findings(r.linkage.findings)) found[name] = *ids;
  j["progression"] = progression_json(r.progression, names);
  j["linkage"] = {{"nodes", nodes},
                  {"edges", r.linkage.edges},
                  {"employment_edges", r.linkage.employment_edges},
                  {"components", r.linkage.components},
                  {"findings", found}};
  return j;
}

}  // namespace

ordered_json detail::gap_report_json(const GapReport& report, const std::string& scenario_name,
                                     const ProgrammeNames& names) {
  return report_json(report, scenario_name, names);
}

ordered_json detail::gap_summary_json(const GapReport& report) {
  ordered_json j;
  j["year"] = report.city.year;
  j["city"] = city_json(report.city);
  j["indicators"] = indicators_json(report.indicators);
  return j;
}

std::string gap_report_to_json(const GapReport& report, const std::string& scenario_name,
                               int indent, const ProgrammeNames& names) {
  return detail::gap_report_json(report, scenario_name, names).dump(indent) + "\n";
}

std::string gap_summary_to_json(const GapReport& report, int indent) {
  return detail::gap_summary_json(report).dump(indent) + "\n";
}

ordered_json detail::indicators_table_json(const std::vector<IndicatorValue>& rows) {
  return indicators_json(rows);
}

std::string indicators_to_json(const std::vector<IndicatorValue>& rows,
                               const std::string& scenario_name, int indent) {
  ordered_json j;
  j["scenario"] = scenario_name;
  j["year"] = rows.empty() ? 0 : rows.front().year;
  j["indicators"] = indicators_json(rows);
  return j.dump(indent) + "\n";
}

void write_indicators_csv(const std::vector<IndicatorValue>& rows,
                          const std::filesystem::path& directory) {
  const ordered_json example = indicators_json(std::vector<IndicatorValue>(1));
  std::vector<std::string> columns;
  for (const auto& item : example[0].items()) columns.push_back(item.key());
  detail::FolderFiles files;
  files["indicators.csv"] = csv_table(indicators_json(rows), columns);
  detail::write_folder_atomic(directory, files);
}

std::vector<std::string> gap_report_csv_files() {
  return {"cells.csv",      "city.csv",        "clusters.csv", "findings.csv",
          "flows.csv",      "indicators.csv",  "occupations.csv", "pathways.csv",
          "programmes.csv", "progression.csv", "regions.csv"};
}

void write_gap_report_csv(const GapReport& report, const std::filesystem::path& directory,
                          const ProgrammeNames& names) {
  detail::FolderFiles files;
  const ordered_json j = report_json(report, "", names, Infinity::kText);
  auto write = [&](const char* name, const ordered_json& rows, const ordered_json& example) {
    std::vector<std::string> columns;
    for (const auto& item : example.items()) columns.push_back(item.key());
    files[name] = csv_table(rows, columns);
  };
  // Column lists come from a full row of each table (an empty table still gets its header).
  GapReport empty_row;
  empty_row.clusters.resize(1);
  empty_row.cells.resize(1);
  empty_row.occupations.resize(1);
  empty_row.progression.programmes.resize(1);
  empty_row.progression.flows.resize(1);
  empty_row.programmes.resize(1);
  empty_row.flows.resize(1);
  empty_row.regions.resize(1);
  empty_row.indicators.resize(1);
  const ordered_json shapes = report_json(empty_row, "", {});
  write("clusters.csv", j["clusters"], shapes["clusters"][0]);
  write("cells.csv", j["cells"], shapes["cells"][0]);
  write("occupations.csv", j["occupations"], shapes["occupations"][0]);
  write("progression.csv", j["progression"]["programmes"],
        shapes["progression"]["programmes"][0]);
  write("pathways.csv", j["progression"]["pathways"], shapes["progression"]["pathways"][0]);
  write("programmes.csv", j["programmes"], shapes["programmes"][0]);
  write("flows.csv", j["flows"], shapes["flows"][0]);
  write("regions.csv", j["regions"], shapes["regions"][0]);
  write("indicators.csv", j["indicators"], shapes["indicators"][0]);
  std::string city = "field,value\n";
  city += "year," + std::to_string(report.city.year) + "\n";
  for (const auto& [key, value] : j["city"].items())
    city += key + "," + (value.is_null() ? std::string() : value.dump()) + "\n";
  files["city.csv"] = city;
  std::string found = "finding,id\n";
  for (const auto& [name, ids] : findings(report.linkage.findings))
    for (const auto& id : *ids) found += name + "," + detail::csv_escape(id) + "\n";
  files["findings.csv"] = found;
  detail::write_folder_atomic(directory, files);
}

}  // namespace sixlink
