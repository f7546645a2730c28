#include "sixlink/io/json.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "detail/files.hpp"
#include "model/locator.hpp"
#include "io/entity_reader.hpp"
#include "io/report_numbers.hpp"
#include "io/result_json.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

using detail::Table;
using nlohmann::json;
using nlohmann::ordered_json;

std::string type_name(const json& j) {
  if (j.is_number_integer()) return "an integer";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_boolean()) return "a boolean";
  if (j.is_null()) return "null";
  if (j.is_array()) return "an array";
  return "an object";
}

// The fields of one JSON object, read with errors that name the source, the JSON
// pointer and (once known) the item's id.
class JsonFields {
 public:
  JsonFields(const json& object, std::string pointer, std::string_view source,
             std::initializer_list<std::string_view> allowed)
      : object_(object), pointer_(std::move(pointer)), source_(source) {
    if (!object_.is_object()) fail_at(pointer_, "expected an object, got " + type_name(object_));
    for (const auto& [key, value] : object_.items()) {
      bool known = false;
      for (std::string_view a : allowed) known = known || key == a;
      if (!known) fail_at(pointer_ + "/" + key, "unknown field '" + key + "'");
    }
  }

  std::string id(std::string_view kind) {
    std::string value = text("id", detail::kRequired);
    who_ = " (" + std::string(kind) + " '" + value + "')";
    return value;
  }

  std::string text(std::string_view key, bool required) {
    const json* v = find(key, required);
    if (v == nullptr) return {};
    if (!v->is_string()) fail(key, "expected a string, got " + type_name(*v));
    return v->get<std::string>();
  }

  Count count(std::string_view key, std::optional<Count> fallback) {
    const json* v = find(key, !fallback.has_value());
    if (v == nullptr) return *fallback;
    if (v->is_number_unsigned() &&
        v->get<std::uint64_t>() > std::uint64_t{std::numeric_limits<Count>::max()}) {
      fail(key, "integer " + v->dump() + " is out of range");
    }
    if (v->is_number_integer()) return v->get<Count>();
    if (v->is_number_float()) {
      const double x = v->get<double>();
      // Writers such as pandas may print whole numbers as 3.0: accept those.
      if (std::abs(x) <= 9007199254740992.0 && x == std::floor(x)) return static_cast<Count>(x);
      fail(key, "expected an integer, got " + v->dump());
    }
    fail(key, "expected an integer, got " + type_name(*v));
  }

  int integer(std::string_view key, std::optional<int> fallback) {
    const Count value = count(key, fallback ? std::optional<Count>(*fallback) : std::nullopt);
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
      fail(key, "integer " + std::to_string(value) + " is out of range");
    }
    return static_cast<int>(value);
  }

  double number(std::string_view key, std::optional<double> fallback) {
    const json* v = find(key, !fallback.has_value());
    if (v == nullptr) return *fallback;
    if (!v->is_number()) fail(key, "expected a number, got " + type_name(*v));
    return v->get<double>();
  }

  bool flag(std::string_view key, bool fallback) {
    const json* v = find(key, false);
    if (v == nullptr) return fallback;
    if (!v->is_boolean()) fail(key, "expected true or false, got " + type_name(*v));
    return v->get<bool>();
  }

  template <class E>
  E choice(std::string_view key, std::optional<E> (*parse)(std::string_view),
           std::string_view allowed) {
    const std::string name = text(key, detail::kRequired);
    const std::optional<E> value = parse(name);
    if (!value) fail(key, "expected " + std::string(allowed) + ", got '" + name + "'");
    return *value;
  }

  const json* array(std::string_view key) {
    const json* v = find(key, false);
    if (v != nullptr && !v->is_array()) fail(key, "expected an array, got " + type_name(*v));
    return v;
  }

  [[noreturn]] void fail(std::string_view key, const std::string& what) const {
    fail_at(pointer_ + "/" + std::string(key), what + who_);
  }

 private:
  const json* find(std::string_view key, bool required) const {
    const auto it = object_.find(key);
    if (it == object_.end() || (it->is_null() && !required)) {
      if (required) fail_at(pointer_, "missing required field '" + std::string(key) + "'" + who_);
      return nullptr;
    }
    return &*it;
  }

  [[noreturn]] void fail_at(const std::string& pointer, const std::string& what) const {
    throw ParseError(std::string(source_) + ": " + (pointer.empty() ? "/" : pointer) + ": " + what);
  }

  const json& object_;
  std::string pointer_;
  std::string_view source_;
  std::string who_;
};

template <class Item, class Read>
std::vector<Item> read_table(JsonFields& top, const json& root, std::string_view key,
                             std::string_view source,
                             std::initializer_list<std::string_view> allowed, Read read) {
  std::vector<Item> items;
  const json* array = top.array(key);
  if (array == nullptr) return items;
  items.reserve(array->size());
  for (std::size_t i = 0; i < array->size(); ++i) {
    JsonFields f((*array)[i], "/" + std::string(key) + "/" + std::to_string(i), source, allowed);
    items.push_back(read(f, (*array)[i], i));
  }
  (void)root;
  return items;
}

Scenario read_scenario(const json& root, std::string_view source) {
  JsonFields top(root, "", source,
                 {"sixlink", "name", "base_year", "regions", "clusters", "sectors", "occupations",
                  "specialties", "schools", "programmes", "enterprises", "employment", "targets",
                  "pathways", "indicator_values", "notes"});
  const Count version = top.count("sixlink", detail::kNeeded);
  if (version != kScenarioFormatVersion) {
    top.fail("sixlink", "unknown format version " + std::to_string(version) +
                            " (this sixlink reads version " +
                            std::to_string(kScenarioFormatVersion) + ")");
  }
  Scenario s;
  s.name = top.text("name", detail::kRequired);
  s.base_year = top.integer("base_year", std::nullopt);

  auto plain = [](auto reader) {
    return [reader](JsonFields& f, const json&, std::size_t) { return reader(f); };
  };
  s.regions = read_table<Region>(top, root, "regions", source, {"id", "name"},
                                 plain([](JsonFields& f) { return detail::read_region(f); }));
  s.clusters = read_table<Cluster>(top, root, "clusters", source,
                                   {"id", "name", "growth_rate", "replacement_rate"},
                                   plain([](JsonFields& f) { return detail::read_cluster(f); }));
  s.sectors = read_table<Sector>(top, root, "sectors", source, {"id", "name", "cluster"},
                                 plain([](JsonFields& f) { return detail::read_sector(f); }));
  s.occupations =
      read_table<Occupation>(top, root, "occupations", source, {"id", "name"},
                             plain([](JsonFields& f) { return detail::read_occupation(f); }));
  s.specialties = read_table<Specialty>(
      top, root, "specialties", source, {"id", "name", "level", "occupations"},
      [source](JsonFields& f, const json& item, std::size_t i) {
        Specialty sp = detail::read_specialty(f);
        if (const json* links = f.array("occupations")) {
          for (std::size_t j = 0; j < links->size(); ++j) {
            JsonFields lf((*links)[j],
                          "/specialties/" + std::to_string(i) + "/occupations/" + std::to_string(j),
                          source, {"occupation", "fit"});
            sp.occupations.push_back(detail::read_occupation_fit(lf));
          }
        }
        (void)item;
        return sp;
      });
  s.schools = read_table<School>(
      top, root, "schools", source,
      {"id", "name", "region", "level", "double_high", "capacity", "social_training",
       "opens_in_year"},
      plain([](JsonFields& f) { return detail::read_school(f); }));
  s.programmes =
      read_table<Programme>(top, root, "programmes", source,
                            {"id", "school", "specialty", "intake", "enrolled", "duration",
                             "completion_rate", "min_intake", "max_intake", "cost_per_student",
                             "name"},
                            plain([](JsonFields& f) { return detail::read_programme(f); }));
  s.enterprises = read_table<Enterprise>(
      top, root, "enterprises", source,
      {"id", "name", "region", "sector", "employees", "large", "partner", "above_designated_size",
       "internship_slots", "openings"},
      [source](JsonFields& f, const json&, std::size_t i) {
        Enterprise e = detail::read_enterprise(f);
        if (const json* openings = f.array("openings")) {
          for (std::size_t j = 0; j < openings->size(); ++j) {
            JsonFields of((*openings)[j],
                          "/enterprises/" + std::to_string(i) + "/openings/" + std::to_string(j),
                          source, {"occupation", "count"});
            e.openings.push_back(detail::read_opening(of));
          }
        }
        return e;
      });
  s.employment = read_table<EmploymentRecord>(
      top, root, "employment", source,
      {"programme", "year", "enterprise", "cluster", "outside", "count", "progressed"},
      plain([](JsonFields& f) { return detail::read_employment(f); }));
  s.targets = read_table<PlanTarget>(top, root, "targets", source, {"indicator", "year", "value"},
                                     plain([](JsonFields& f) { return detail::read_target(f); }));
  s.pathways = read_table<Pathway>(top, root, "pathways", source,
                                   {"from", "to", "kind", "reserved_seats"},
                                   plain([](JsonFields& f) { return detail::read_pathway(f); }));
  s.indicator_values = read_table<IndicatorRecord>(
      top, root, "indicator_values", source, {"indicator", "year", "value"},
      plain([](JsonFields& f) { return detail::read_indicator_record(f); }));
  if (const json* notes = top.array("notes")) {
    for (std::size_t i = 0; i < notes->size(); ++i) {
      if (!(*notes)[i].is_string()) top.fail("notes", "note " + std::to_string(i) + " is not a string");
      s.notes.push_back((*notes)[i].get<std::string>());
    }
  }
  return s;
}

std::string json_location(std::string_view source, Table table, std::size_t index,
                          std::ptrdiff_t sub, std::string_view field) {
  std::string pointer;
  if (table != Table::kScenario)
    pointer = "/" + std::string(detail::table_name(table)) + "/" + std::to_string(index);
  if (table == Table::kSpecialtyOccupations) pointer += "/occupations/" + std::to_string(sub);
  if (table == Table::kEnterpriseOpenings) pointer += "/openings/" + std::to_string(sub);
  return std::string(source) + ": " + pointer + "/" + std::string(field);
}

// The catalogue: regions, clusters, sectors, occupations and specialties.
void add_catalogue(const Scenario& s, ordered_json& j) {
  auto& regions = j["regions"] = ordered_json::array();
  for (const auto& r : s.regions) regions.push_back({{"id", r.id}, {"name", r.name}});
  auto& clusters = j["clusters"] = ordered_json::array();
  for (const auto& c : s.clusters) {
    clusters.push_back({{"id", c.id},
                        {"name", c.name},
                        {"growth_rate", c.growth_rate},
                        {"replacement_rate", c.replacement_rate}});
  }
  auto& sectors = j["sectors"] = ordered_json::array();
  for (const auto& x : s.sectors)
    sectors.push_back({{"id", x.id}, {"name", x.name}, {"cluster", x.cluster}});
  auto& occupations = j["occupations"] = ordered_json::array();
  for (const auto& o : s.occupations) occupations.push_back({{"id", o.id}, {"name", o.name}});
  auto& specialties = j["specialties"] = ordered_json::array();
  for (const auto& sp : s.specialties) {
    ordered_json links = ordered_json::array();
    for (const auto& f : sp.occupations)
      links.push_back({{"occupation", f.occupation}, {"fit", f.fit}});
    specialties.push_back(
        {{"id", sp.id}, {"name", sp.name}, {"level", to_string(sp.level)}, {"occupations", links}});
  }
}

// Supply and demand: schools, programmes, enterprises, employment and targets.
void add_supply_and_demand(const Scenario& s, ordered_json& j) {
  auto& schools = j["schools"] = ordered_json::array();
  for (const auto& sc : s.schools) {
    schools.push_back({{"id", sc.id},
                       {"name", sc.name},
                       {"region", sc.region},
                       {"level", to_string(sc.level)},
                       {"double_high", sc.double_high},
                       {"capacity", sc.capacity},
                       {"social_training", sc.social_training}});
    if (sc.opens_in_year != 0) schools.back()["opens_in_year"] = sc.opens_in_year;
  }
  auto& programmes = j["programmes"] = ordered_json::array();
  for (const auto& p : s.programmes) {
    programmes.push_back({{"id", p.id},
                          {"school", p.school},
                          {"specialty", p.specialty},
                          {"intake", p.intake},
                          {"enrolled", p.enrolled},
                          {"duration", p.duration},
                          {"completion_rate", p.completion_rate},
                          {"min_intake", p.min_intake},
                          {"max_intake", p.max_intake},
                          {"cost_per_student", p.cost_per_student}});
    if (!p.name.empty()) programmes.back()["name"] = p.name;
  }
  auto& enterprises = j["enterprises"] = ordered_json::array();
  for (const auto& e : s.enterprises) {
    ordered_json openings = ordered_json::array();
    for (const auto& o : e.openings)
      openings.push_back({{"occupation", o.occupation}, {"count", o.count}});
    ordered_json item = {{"id", e.id},
                         {"name", e.name},
                         {"region", e.region},
                         {"sector", e.sector},
                         {"employees", e.employees},
                         {"large", e.large},
                         {"partner", e.partner}};
    // Written only when set, so that scenarios without it write as before.
    if (e.above_designated_size) item["above_designated_size"] = *e.above_designated_size;
    item["internship_slots"] = e.internship_slots;
    item["openings"] = std::move(openings);
    enterprises.push_back(std::move(item));
  }
  auto& employment = j["employment"] = ordered_json::array();
  for (const auto& r : s.employment) {
    employment.push_back({{"programme", r.programme},
                          {"year", r.year},
                          {"enterprise", r.enterprise},
                          {"cluster", r.cluster},
                          {"outside", r.outside},
                          {"count", r.count},
                          {"progressed", r.progressed}});
  }
  auto& targets = j["targets"] = ordered_json::array();
  for (const auto& t : s.targets) {
    targets.push_back(
        {{"indicator", to_string(t.indicator)}, {"year", t.year}, {"value", t.value}});
  }
  auto& pathways = j["pathways"] = ordered_json::array();
  for (const auto& p : s.pathways) {
    pathways.push_back({{"from", p.from},
                        {"to", p.to},
                        {"kind", to_string(p.kind)},
                        {"reserved_seats", p.reserved_seats}});
  }
  if (!s.indicator_values.empty()) {  // absent = none, as files before it
    auto& values = j["indicator_values"] = ordered_json::array();
    for (const auto& r : s.indicator_values) {
      values.push_back(
          {{"indicator", to_string(r.indicator)}, {"year", r.year}, {"value", r.value}});
    }
  }
}

ordered_json to_json_value(const Scenario& s) {
  ordered_json j;
  j["sixlink"] = kScenarioFormatVersion;
  j["name"] = s.name;
  j["base_year"] = s.base_year;
  add_catalogue(s, j);
  add_supply_and_demand(s, j);
  if (!s.notes.empty()) j["notes"] = s.notes;  // optional: absent in older files
  return j;
}

std::string dump(const ordered_json& j, int indent) {
  // Replace invalid UTF-8 rather than throw: names come from users' files.
  return j.dump(indent < 0 ? -1 : indent, ' ', false, ordered_json::error_handler_t::replace) +
         (indent < 0 ? "" : "\n");
}

// Where the parser is, as a JSON pointer, so that a duplicated key or a number
// beyond double range is located like every other error.
class PointerTracker {
 public:
  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    using Event = json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        frames_.push_back({event == Event::array_start, 0, {}, {}});
        break;
      case Event::key: {
        Frame& f = frames_.back();
        f.key = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second)
          throw ParseError(std::string(source_) + ": " + pointer() + ": the key '" + f.key +
                           "' is given twice in one object");
        break;
      }
      case Event::object_end:
      case Event::array_end:
        frames_.pop_back();
        finished_value();
        break;
      case Event::value:
        finished_value();
        break;
    }
    return true;
  }

  explicit PointerTracker(std::string_view source) : source_(source) {}

  /// The pointer of the value being read.
  std::string pointer() const {
    std::string out;
    for (const Frame& f : frames_) {
      out += '/';
      if (f.array) {
        out += std::to_string(f.index);
        continue;
      }
      for (char c : f.key)
        out += c == '~' ? std::string("~0") : c == '/' ? "~1" : std::string(1, c);
    }
    return out.empty() ? "/" : out;
  }

 private:
  struct Frame {
    bool array;
    std::size_t index;
    std::string key;
    std::set<std::string> keys;
  };
  void finished_value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }
  std::string_view source_;
  std::vector<Frame> frames_;
};

json parse_document(std::string_view text, std::string_view source) {
  // The callback is copied into the parser: share one tracker through a pointer.
  PointerTracker tracker(source);
  try {
    return json::parse(text.begin(), text.end(),
                       [&tracker](int depth, json::parse_event_t event, json& parsed) {
                         return tracker(depth, event, parsed);
                       });
  } catch (const json::out_of_range& e) {  // a number too large for a double
    std::string what = e.what();
    if (const auto close = what.find("] "); close != std::string::npos)
      what = what.substr(close + 2);
    throw ParseError(std::string(source) + ": " + tracker.pointer() + ": " + what +
                     " (beyond the range of a double)");
  } catch (const json::exception& e) {
    // nlohmann prefixes "[json.exception.parse_error.101] "; keep only the words.
    std::string what = e.what();
    if (const auto close = what.find("] "); close != std::string::npos)
      what = what.substr(close + 2);
    throw ParseError(std::string(source) + ": " + what);
  }
}

}  // namespace

Scenario scenario_from_json(std::string_view text, std::string_view source) {
  const json root = parse_document(text, source);
  Scenario scenario = read_scenario(root, source);
  detail::validate(scenario,
                   [source](Table t, std::size_t i, std::ptrdiff_t sub, std::string_view field) {
                     return detail::location_of(json_location(source, t, i, sub, field), source);
                   });
  return scenario;
}

std::string scenario_to_json(const Scenario& scenario, int indent) {
  return dump(to_json_value(scenario), indent);
}

Scenario load_scenario_json(const std::filesystem::path& path) {
  return scenario_from_json(detail::read_file(path), path.string());
}

void save_scenario_json(const Scenario& scenario, const std::filesystem::path& path) {
  detail::write_file_atomic(path, scenario_to_json(scenario));
}

std::string summary_to_json(const ScenarioSummary& s, int indent) {
  return dump(detail::summary_json(s), indent);
}

ordered_json detail::summary_json(const ScenarioSummary& s) {
  ordered_json j;
  j["scenario"] = s.name;
  j["base_year"] = s.base_year;
  j["counts"] = {{"regions", s.counts.regions},
                 {"clusters", s.counts.clusters},
                 {"sectors", s.counts.sectors},
                 {"occupations", s.counts.occupations},
                 {"specialties", s.counts.specialties},
                 {"schools", s.counts.schools},
                 {"programmes", s.counts.programmes},
                 {"enterprises", s.counts.enterprises},
                 {"employment_records", s.counts.employment_records},
                 {"targets", s.counts.targets}};
  j["enrolled"] = s.enrolled;
  j["intake"] = s.intake;
  j["graduates"] = detail::report_number(s.graduates);
  j["openings"] = s.openings;
  j["internship_slots"] = s.internship_slots;
  j["unattributed_graduates"] = detail::report_number(s.unattributed_graduates);
  j["retention_rate"] = detail::report_number(s.retention_rate);
  auto& clusters = j["clusters"] = ordered_json::array();
  for (const auto& c : s.clusters) {
    clusters.push_back(
        {{"id", c.id}, {"name", c.name}, {"graduates", detail::report_number(c.graduates)},
         {"openings", c.openings}});
  }
  return j;
}

}  // namespace sixlink
