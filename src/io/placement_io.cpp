#include "sixlink/io/placement_io.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <unordered_map>
#include <variant>
#include <vector>

#include "detail/csv_reader.hpp"
#include "detail/files.hpp"
#include "detail/id_index.hpp"
#include "detail/numbers.hpp"
#include "io/csv_table.hpp"
#include "io/report_numbers.hpp"
#include "io/result_json.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kGraduateColumns[] = {"id", "programme", "home_region", "score",
                                                 "preferences"};
constexpr std::string_view kOpeningColumns[] = {"id",       "enterprise", "occupation", "region",
                                                "capacity", "kind",       "ranking"};

std::vector<std::string> split_ids(const std::string& cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const std::size_t end = std::min(cell.find(';', start), cell.size());
    const std::string id(detail::trim(std::string_view(cell).substr(start, end - start)));
    if (!id.empty()) out.push_back(id);
    start = end + 1;
  }
  return out;
}

// Rethrows validate_cohort's "graduates[i] ('id'): ..." as "<file>:<line>: ...".
[[noreturn]] void locate(const InvalidInput& e, const std::string& graduates_source,
                         const std::vector<std::size_t>& graduate_lines,
                         const std::string& openings_source,
                         const std::vector<std::size_t>& opening_lines) {
  const std::string message = e.what();
  for (const auto& [prefix, source, lines] :
       {std::tuple{std::string("graduates["), &graduates_source, &graduate_lines},
        std::tuple{std::string("openings["), &openings_source, &opening_lines}}) {
    if (message.rfind(prefix, 0) != 0 || lines->empty()) continue;
    const std::size_t close = message.find(']');
    const std::size_t index = std::stoul(message.substr(prefix.size(), close - prefix.size()));
    const std::size_t colon = message.find(": ", close);
    if (index < lines->size() && colon != std::string::npos)
      throw InvalidInput(*source + ":" + std::to_string((*lines)[index]) + ": " +
                         message.substr(colon + 2));
  }
  throw e;
}

// The cohort from its tables (openings: null for the scenario's own), validated.
Cohort cohort_from_tables(const Scenario& s, const detail::CsvTable& graduates,
                          const detail::CsvTable* openings) {
  const auto programmes = detail::index_by_id(s.programmes);
  const auto schools = detail::index_by_id(s.schools);
  const auto enterprises = detail::index_by_id(s.enterprises);
  Cohort c;
  std::vector<std::size_t> graduate_lines, opening_lines;
  for (const auto& record : graduates.records) {
    detail::CsvFields f(graduates, record);
    Graduate g;
    g.id = f.id("graduate");
    g.programme = f.text("programme", detail::kRequired);
    g.home_region = f.text("home_region", detail::kOptional);
    if (g.home_region.empty()) {
      const Index p = detail::find_id(programmes, g.programme);
      const Index school =
          p < 0 ? -1 : detail::find_id(schools, s.programmes[static_cast<std::size_t>(p)].school);
      if (school >= 0) g.home_region = s.schools[static_cast<std::size_t>(school)].region;
    }
    g.score = f.number("score", 0.0);
    g.preferences = split_ids(f.text("preferences", detail::kOptional));
    c.graduates.push_back(std::move(g));
    graduate_lines.push_back(record.line);
  }
  if (openings != nullptr) {
    for (const auto& record : openings->records) {
      detail::CsvFields f(*openings, record);
      PlacementOpening o;
      o.id = f.id("opening");
      o.enterprise = f.text("enterprise", detail::kRequired);
      o.occupation = f.text("occupation", detail::kOptional);
      o.region = f.text("region", detail::kOptional);
      if (o.region.empty()) {
        const Index e = detail::find_id(enterprises, o.enterprise);
        if (e >= 0) o.region = s.enterprises[static_cast<std::size_t>(e)].region;
      }
      o.capacity = f.count("capacity", detail::kNeeded);
      const std::string kind = f.text("kind", detail::kOptional);
      if (!kind.empty()) {
        const auto parsed = parse_opening_kind(kind);
        if (!parsed) f.fail("kind", "expected job or internship, got '" + kind + "'");
        o.kind = *parsed;
      }
      o.ranking = split_ids(f.text("ranking", detail::kOptional));
      c.openings.push_back(std::move(o));
      opening_lines.push_back(record.line);
    }
  } else {
    c.openings = scenario_openings(s);
  }
  try {
    validate_cohort(c, s);
  } catch (const InvalidInput& e) {
    locate(e, graduates.source, graduate_lines,
           openings != nullptr ? openings->source : std::string(), opening_lines);
  }
  return c;
}

detail::CsvTable read_table(const CohortTable& table, std::span<const std::string_view> columns) {
  if (const auto* path = std::get_if<std::filesystem::path>(&table))
    return detail::parse_csv_table(detail::read_file(*path), path->string(), columns);
  const auto& given = std::get<CohortColumns>(table);
  return detail::csv_table_from_columns(given.source, given.names, given.cells, columns);
}

}  // namespace

Cohort cohort_from_csv(const Scenario& s, std::string_view graduates_csv,
                       std::string_view graduates_source,
                       std::optional<std::string_view> openings_csv,
                       std::string_view openings_source) {
  const detail::CsvTable graduates =
      detail::parse_csv_table(graduates_csv, std::string(graduates_source), kGraduateColumns);
  if (!openings_csv) return cohort_from_tables(s, graduates, nullptr);
  const detail::CsvTable openings =
      detail::parse_csv_table(*openings_csv, std::string(openings_source), kOpeningColumns);
  return cohort_from_tables(s, graduates, &openings);
}

Cohort load_cohort(const Scenario& s, const CohortTable& graduates,
                   const std::optional<CohortTable>& openings) {
  const detail::CsvTable graduate_table = read_table(graduates, kGraduateColumns);
  if (!openings) return cohort_from_tables(s, graduate_table, nullptr);
  const detail::CsvTable opening_table = read_table(*openings, kOpeningColumns);
  return cohort_from_tables(s, graduate_table, &opening_table);
}

Cohort load_cohort_csv(const Scenario& s, const std::filesystem::path& graduates,
                       const std::optional<std::filesystem::path>& openings) {
  if (!openings) return load_cohort(s, graduates);
  return load_cohort(s, graduates, CohortTable(*openings));
}

namespace {

ordered_json headline(const PlacementResult& r) {
  ordered_json out;
  out["mode"] = std::string(to_string(r.mode));
  out["graduates"] = r.graduates;
  out["placed"] = r.placed;
  out["placement_rate"] = detail::report_number(r.placement_rate);
  out["jobs"] = r.jobs;
  out["internships"] = r.internships;
  out["retention_rate"] = detail::report_number(r.retention_rate);
  out["mean_fit"] = detail::report_number(r.mean_fit);
  out["total_value"] = detail::report_number(r.total_value);
  out["candidate_pairs"] = r.candidate_pairs;
  out["blocking_pairs"] = r.blocking_pairs.size();
  const bool optimal = r.mode == PlacementMode::kOptimal;
  out["flow_objective"] = optimal ? detail::report_number(r.flow_objective) : ordered_json();
  out["certified"] = optimal ? ordered_json(r.certified) : ordered_json();
  return out;
}

}  // namespace

ordered_json detail::placement_summary_json(const PlacementResult& result) {
  return headline(result);
}

std::string placement_summary_to_json(const PlacementResult& result, int indent) {
  return detail::placement_summary_json(result).dump(indent);
}

std::string placement_to_json(const PlacementResult& r, const Cohort& cohort,
                              const std::string& scenario_name, int indent,
                              const ProgrammeNames& names) {
  return detail::placement_json(r, cohort, scenario_name, names).dump(indent) + "\n";
}

ordered_json detail::placement_json(const PlacementResult& r, const Cohort& cohort,
                                    const std::string& scenario_name, const ProgrammeNames& names) {
  ordered_json out;
  out["scenario"] = scenario_name;
  out.update(headline(r));
  ordered_json examples = ordered_json::array();
  for (std::size_t k = 0; k < r.blocking_pairs.size() && k < 10; ++k) {
    const auto& [g, j] = r.blocking_pairs[k];
    examples.push_back({{"graduate", cohort.graduates[static_cast<std::size_t>(g)].id},
                        {"opening", cohort.openings[static_cast<std::size_t>(j)].id}});
  }
  out["blocking_examples"] = std::move(examples);
  ordered_json clusters = ordered_json::array();
  for (const ClusterFill& c : r.clusters)
    clusters.push_back(
        {{"cluster", c.cluster},
         {"seats", c.seats},
         {"filled", c.filled},
         {"fill_rate", c.seats > 0 ? detail::report_number(static_cast<double>(c.filled) /
                                                           static_cast<double>(c.seats))
                                   : ordered_json()}});
  out["clusters"] = std::move(clusters);
  ordered_json programmes = ordered_json::array();
  for (const ProgrammePlacement& p : r.programmes)
    programmes.push_back({{"programme", p.programme},
                          {"name", programme_name(names, p.programme)},
                          {"graduates", p.graduates},
                          {"placed", p.placed},
                          {"jobs", p.jobs},
                          {"unplaced", p.graduates - p.placed}});
  out["programmes"] = std::move(programmes);
  return out;
}

void write_assignments_csv(const PlacementResult& r, const Cohort& cohort,
                           const std::filesystem::path& path) {
  std::string text = "graduate,enterprise,opening,kind\n";
  for (std::size_t g = 0; g < cohort.graduates.size(); ++g) {
    text += detail::csv_escape(cohort.graduates[g].id);
    const Index j = g < r.opening_of.size() ? r.opening_of[g] : -1;
    if (j >= 0) {
      const PlacementOpening& o = cohort.openings[static_cast<std::size_t>(j)];
      text += "," + detail::csv_escape(o.enterprise) + "," + detail::csv_escape(o.id) + "," +
              std::string(to_string(o.kind));
    } else {
      text += ",,,";
    }
    text += "\n";
  }
  detail::write_file_atomic(path, text);
}

std::vector<std::string> cohort_csv_files() { return {"graduates.csv", "openings.csv"}; }

void write_cohort_csv(const Cohort& cohort, const std::filesystem::path& folder) {
  auto ids = [](const std::vector<std::string>& list) {
    std::string joined;
    for (const auto& id : list) joined += (joined.empty() ? "" : ";") + id;
    return detail::csv_escape(joined);
  };
  std::string graduates = "id,programme,home_region,score,preferences\n";
  for (const Graduate& g : cohort.graduates)
    graduates += detail::csv_escape(g.id) + "," + detail::csv_escape(g.programme) + "," +
                 detail::csv_escape(g.home_region) + "," + detail::format_number(g.score) + "," +
                 ids(g.preferences) + "\n";
  std::string openings = "id,enterprise,occupation,region,capacity,kind,ranking\n";
  for (const PlacementOpening& o : cohort.openings)
    openings += detail::csv_escape(o.id) + "," + detail::csv_escape(o.enterprise) + "," +
                detail::csv_escape(o.occupation) + "," + detail::csv_escape(o.region) + "," +
                std::to_string(o.capacity) + "," + std::string(to_string(o.kind)) + "," +
                ids(o.ranking) + "\n";
  detail::write_folder_atomic(
      folder, {{"graduates.csv", std::move(graduates)}, {"openings.csv", std::move(openings)}});
}

}  // namespace sixlink
