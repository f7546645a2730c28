#include "sixlink/io/csv.hpp"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <unordered_map>

#include "detail/csv_reader.hpp"
#include "detail/files.hpp"
#include "model/locator.hpp"
#include "detail/numbers.hpp"
#include "io/csv_table.hpp"
#include "io/entity_reader.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/io/json.hpp"

namespace sixlink {
namespace {

namespace fs = std::filesystem;
using detail::CsvFields;
using detail::CsvTable;
using detail::Table;

// The tables of the CSV format, in writing order, with their columns.
struct TableFormat {
  std::string_view file;
  std::vector<std::string_view> columns;
  bool optional_file = false;
};

const std::vector<TableFormat>& formats() {
  static const std::vector<TableFormat> kFormats = {
      {"scenario.csv", {"sixlink", "name", "base_year"}},
      {"regions.csv", {"id", "name"}},
      {"clusters.csv", {"id", "name", "growth_rate", "replacement_rate"}},
      {"sectors.csv", {"id", "name", "cluster"}},
      {"occupations.csv", {"id", "name"}},
      {"specialties.csv", {"id", "name", "level"}},
      {"specialty_occupations.csv", {"specialty", "occupation", "fit"}},
      {"schools.csv",
       {"id", "name", "region", "level", "double_high", "capacity", "social_training",
        "opens_in_year"}},
      {"programmes.csv",
       {"id", "school", "specialty", "intake", "enrolled", "duration", "completion_rate",
        "min_intake", "max_intake", "cost_per_student", "name"}},
      {"enterprises.csv",
       {"id", "name", "region", "sector", "employees", "large", "partner", "internship_slots",
        "above_designated_size"}},
      {"enterprise_openings.csv", {"enterprise", "occupation", "count"}},
      {"employment.csv",
       {"programme", "year", "enterprise", "cluster", "outside", "count", "progressed"},
       true},
      {"targets.csv", {"indicator", "year", "value"}, true},
      {"pathways.csv", {"from", "to", "kind", "reserved_seats"}, true},
      {"indicator_values.csv", {"indicator", "year", "value"}, true},
      {"notes.csv", {"note"}, true},
  };
  return kFormats;
}

const TableFormat& format_of(std::string_view file) {
  for (const auto& f : formats()) {
    if (f.file == file) return f;
  }
  throw std::logic_error("unknown CSV table");
}

std::string source_name(std::string_view folder, std::string_view file) {
  if (folder.empty()) return std::string(file);
  return (fs::path(folder) / file).string();
}

CsvTable parse_table(const CsvFiles& files, std::string_view folder, const TableFormat& format) {
  const std::string source = source_name(folder, format.file);
  const auto it = files.find(format.file);
  if (it == files.end()) {
    if (format.optional_file) return CsvTable{source, {}, {}};
    throw ParseError(source + ": missing file (a scenario folder needs " +
                     std::string(format.file) + ")");
  }
  return detail::parse_csv_table(it->second, source, format.columns);
}

// Where each item came from, for validation messages.
struct Lines {
  std::unordered_map<Table, std::vector<std::size_t>> rows;
  std::vector<std::vector<std::size_t>> specialty_links;
  std::vector<std::vector<std::size_t>> enterprise_openings;
};

template <class Item, class Read>
std::vector<Item> read_rows(const CsvTable& table, Table kind, Lines& lines, Read read) {
  std::vector<Item> items;
  items.reserve(table.records.size());
  for (const auto& record : table.records) {
    CsvFields f(table, record);
    items.push_back(read(f));
    lines.rows[kind].push_back(record.line);
  }
  return items;
}

// Attaches the rows of a link table (specialty_occupations, enterprise_openings)
// to their owners by id.
template <class Owner, class Read>
void attach(const CsvTable& table, std::string_view owner_column, std::string_view owner_kind,
            std::vector<Owner>& owners, std::vector<std::vector<std::size_t>>& sub_lines,
            Read read) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < owners.size(); ++i) index.emplace(owners[i].id, i);
  sub_lines.assign(owners.size(), {});
  for (const auto& record : table.records) {
    CsvFields f(table, record);
    const std::string owner = f.text(owner_column, detail::kRequired);
    const auto it = index.find(owner);
    if (it == index.end())
      f.fail(owner_column, "unknown " + std::string(owner_kind) + " '" + owner + "'");
    read(owners[it->second], f);
    sub_lines[it->second].push_back(record.line);
  }
}

std::string_view csv_file_of(Table table) {
  switch (table) {
    case Table::kScenario:
      return "scenario.csv";
    case Table::kRegions:
      return "regions.csv";
    case Table::kClusters:
      return "clusters.csv";
    case Table::kSectors:
      return "sectors.csv";
    case Table::kOccupations:
      return "occupations.csv";
    case Table::kSpecialties:
      return "specialties.csv";
    case Table::kSpecialtyOccupations:
      return "specialty_occupations.csv";
    case Table::kSchools:
      return "schools.csv";
    case Table::kProgrammes:
      return "programmes.csv";
    case Table::kEnterprises:
      return "enterprises.csv";
    case Table::kEnterpriseOpenings:
      return "enterprise_openings.csv";
    case Table::kEmployment:
      return "employment.csv";
    case Table::kTargets:
      return "targets.csv";
    case Table::kPathways:
      return "pathways.csv";
    case Table::kIndicatorValues:
      return "indicator_values.csv";
  }
  return "?";
}

std::string csv_location(std::string_view folder, const Lines& lines, Table table,
                         std::size_t index, std::ptrdiff_t sub, std::string_view field) {
  const auto nth = [](const std::vector<std::size_t>& v, std::size_t k) {
    return k < v.size() ? v[k] : 0;
  };
  std::size_t line = 2;  // scenario.csv has its one row on line 2
  if (table == Table::kSpecialtyOccupations) {
    line = nth(lines.specialty_links.at(index), static_cast<std::size_t>(sub));
  } else if (table == Table::kEnterpriseOpenings) {
    line = nth(lines.enterprise_openings.at(index), static_cast<std::size_t>(sub));
  } else if (table != Table::kScenario) {
    line = nth(lines.rows.at(table), index);
  }
  return source_name(folder, csv_file_of(table)) + ":" + std::to_string(line) + ": column '" +
         std::string(field) + "'";
}

std::string row(std::initializer_list<std::string> cells) {
  std::string out;
  bool first = true;
  for (const auto& cell : cells) {
    if (!first) out += ',';
    out += detail::csv_escape(cell);
    first = false;
  }
  return out + "\n";
}

std::string header(std::string_view file) {
  std::string out;
  for (auto col : format_of(file).columns) out += (out.empty() ? "" : ",") + std::string(col);
  return out + "\n";
}

std::string flag(bool b) { return b ? "true" : "false"; }
std::string num(double x) { return detail::format_number(x); }
template <class T>
std::string integer(T x) {
  return std::to_string(x);
}

}  // namespace

Scenario scenario_from_csv(const CsvFiles& files, std::string_view folder) {
  for (const auto& entry : files) {
    const std::string& name = entry.first;
    const bool known = std::any_of(formats().begin(), formats().end(),
                                   [&](const auto& f) { return f.file == name; });
    if (!known && name.ends_with(".csv")) {
      throw ParseError(source_name(folder, name) +
                       ": unknown table (not part of the scenario format)");
    }
  }
  std::unordered_map<std::string_view, CsvTable> tables;
  for (const auto& format : formats())
    tables.emplace(format.file, parse_table(files, folder, format));

  Scenario s;
  Lines lines;
  const CsvTable& meta = tables.at("scenario.csv");
  if (meta.records.size() != 1) {
    throw ParseError(meta.source + ": expected exactly one row (name, base_year), got " +
                     std::to_string(meta.records.size()));
  }
  {
    CsvFields f(meta, meta.records.front());
    const Count version = f.count("sixlink", kScenarioFormatVersion);
    if (version != kScenarioFormatVersion) {
      f.fail("sixlink", "unknown format version " + std::to_string(version) +
                            " (this sixlink reads version 1)");
    }
    s.name = f.text("name", detail::kRequired);
    s.base_year = f.integer("base_year", std::nullopt);
  }
  s.regions = read_rows<Region>(tables.at("regions.csv"), Table::kRegions, lines,
                                [](CsvFields& f) { return detail::read_region(f); });
  s.clusters = read_rows<Cluster>(tables.at("clusters.csv"), Table::kClusters, lines,
                                  [](CsvFields& f) { return detail::read_cluster(f); });
  s.sectors = read_rows<Sector>(tables.at("sectors.csv"), Table::kSectors, lines,
                                [](CsvFields& f) { return detail::read_sector(f); });
  s.occupations = read_rows<Occupation>(tables.at("occupations.csv"), Table::kOccupations, lines,
                                        [](CsvFields& f) { return detail::read_occupation(f); });
  s.specialties = read_rows<Specialty>(tables.at("specialties.csv"), Table::kSpecialties, lines,
                                       [](CsvFields& f) { return detail::read_specialty(f); });
  attach(tables.at("specialty_occupations.csv"), "specialty", "specialty", s.specialties,
         lines.specialty_links, [](Specialty& sp, CsvFields& f) {
           sp.occupations.push_back(detail::read_occupation_fit(f));
         });
  s.schools = read_rows<School>(tables.at("schools.csv"), Table::kSchools, lines,
                                [](CsvFields& f) { return detail::read_school(f); });
  s.programmes = read_rows<Programme>(tables.at("programmes.csv"), Table::kProgrammes, lines,
                                      [](CsvFields& f) { return detail::read_programme(f); });
  s.enterprises = read_rows<Enterprise>(tables.at("enterprises.csv"), Table::kEnterprises, lines,
                                        [](CsvFields& f) { return detail::read_enterprise(f); });
  attach(tables.at("enterprise_openings.csv"), "enterprise", "enterprise", s.enterprises,
         lines.enterprise_openings,
         [](Enterprise& e, CsvFields& f) { e.openings.push_back(detail::read_opening(f)); });
  s.employment =
      read_rows<EmploymentRecord>(tables.at("employment.csv"), Table::kEmployment, lines,
                                  [](CsvFields& f) { return detail::read_employment(f); });
  s.targets = read_rows<PlanTarget>(tables.at("targets.csv"), Table::kTargets, lines,
                                    [](CsvFields& f) { return detail::read_target(f); });
  s.pathways = read_rows<Pathway>(tables.at("pathways.csv"), Table::kPathways, lines,
                                  [](CsvFields& f) { return detail::read_pathway(f); });
  s.indicator_values =
      read_rows<IndicatorRecord>(tables.at("indicator_values.csv"), Table::kIndicatorValues, lines,
                                 [](CsvFields& f) { return detail::read_indicator_record(f); });
  for (const auto& record : tables.at("notes.csv").records) {
    CsvFields f(tables.at("notes.csv"), record);
    s.notes.push_back(f.text("note", detail::kRequired));
  }

  detail::validate(s, [&](Table t, std::size_t i, std::ptrdiff_t sub, std::string_view field) {
    return detail::location_of(csv_location(folder, lines, t, i, sub, field),
                               source_name(folder, csv_file_of(t)));
  });
  return s;
}

CsvFiles scenario_to_csv(const Scenario& s) {
  CsvFiles files;
  auto& meta = files["scenario.csv"] = header("scenario.csv");
  meta += row({integer(kScenarioFormatVersion), s.name, integer(s.base_year)});
  auto& regions = files["regions.csv"] = header("regions.csv");
  for (const auto& r : s.regions) regions += row({r.id, r.name});
  auto& clusters = files["clusters.csv"] = header("clusters.csv");
  for (const auto& c : s.clusters)
    clusters += row({c.id, c.name, num(c.growth_rate), num(c.replacement_rate)});
  auto& sectors = files["sectors.csv"] = header("sectors.csv");
  for (const auto& x : s.sectors) sectors += row({x.id, x.name, x.cluster});
  auto& occupations = files["occupations.csv"] = header("occupations.csv");
  for (const auto& o : s.occupations) occupations += row({o.id, o.name});
  auto& specialties = files["specialties.csv"] = header("specialties.csv");
  auto& links = files["specialty_occupations.csv"] = header("specialty_occupations.csv");
  for (const auto& sp : s.specialties) {
    specialties += row({sp.id, sp.name, std::string(to_string(sp.level))});
    for (const auto& f : sp.occupations) links += row({sp.id, f.occupation, num(f.fit)});
  }
  auto& schools = files["schools.csv"] = header("schools.csv");
  for (const auto& sc : s.schools) {
    schools += row({sc.id, sc.name, sc.region, std::string(to_string(sc.level)),
                    flag(sc.double_high), integer(sc.capacity), integer(sc.social_training),
                    integer(sc.opens_in_year)});
  }
  auto& programmes = files["programmes.csv"] = header("programmes.csv");
  for (const auto& p : s.programmes) {
    programmes += row({p.id, p.school, p.specialty, integer(p.intake), integer(p.enrolled),
                       integer(p.duration), num(p.completion_rate), integer(p.min_intake),
                       integer(p.max_intake), num(p.cost_per_student), p.name});
  }
  auto& enterprises = files["enterprises.csv"] = header("enterprises.csv");
  auto& openings = files["enterprise_openings.csv"] = header("enterprise_openings.csv");
  for (const auto& e : s.enterprises) {
    enterprises += row({e.id, e.name, e.region, e.sector, integer(e.employees), flag(e.large),
                        flag(e.partner), integer(e.internship_slots),
                        e.above_designated_size ? flag(*e.above_designated_size) : ""});
    for (const auto& o : e.openings) openings += row({e.id, o.occupation, integer(o.count)});
  }
  auto& employment = files["employment.csv"] = header("employment.csv");
  for (const auto& r : s.employment) {
    employment += row(
        {r.programme, integer(r.year), r.enterprise, r.cluster, flag(r.outside), integer(r.count),
         flag(r.progressed)});
  }
  auto& targets = files["targets.csv"] = header("targets.csv");
  for (const auto& t : s.targets)
    targets += row({std::string(to_string(t.indicator)), integer(t.year), num(t.value)});
  auto& pathways = files["pathways.csv"] = header("pathways.csv");
  for (const auto& p : s.pathways)
    pathways += row({p.from, p.to, std::string(to_string(p.kind)), integer(p.reserved_seats)});
  // Always written, like targets.csv; folders without it (older ones) load as none.
  auto& values = files["indicator_values.csv"] = header("indicator_values.csv");
  for (const auto& r : s.indicator_values)
    values += row({std::string(to_string(r.indicator)), integer(r.year), num(r.value)});
  auto& notes = files["notes.csv"] = header("notes.csv");  // optional when read
  for (const auto& n : s.notes) notes += row({n});
  return files;
}

Scenario load_scenario_csv(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw IoError(folder.string() + ": not a folder of CSV files");
  CsvFiles files;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".csv") {
      files.emplace(entry.path().filename().string(), detail::read_file(entry.path()));
    }
  }
  if (ec) throw IoError(folder.string() + ": cannot list: " + ec.message());
  return scenario_from_csv(files, folder.string());
}

std::vector<std::string> scenario_csv_files() {
  std::vector<std::string> names;
  for (const TableFormat& f : formats()) names.emplace_back(f.file);
  return names;
}

void save_scenario_csv(const Scenario& scenario, const fs::path& folder) {
  detail::write_folder_atomic(folder, scenario_to_csv(scenario));
}

}  // namespace sixlink
