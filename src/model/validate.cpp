#include "sixlink/model/validate.hpp"

#include <cmath>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "model/locator.hpp"
#include "detail/numbers.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace detail {

std::string_view table_name(Table table) {
  switch (table) {
    case Table::kScenario:
      return "scenario";
    case Table::kRegions:
      return "regions";
    case Table::kClusters:
      return "clusters";
    case Table::kSectors:
      return "sectors";
    case Table::kOccupations:
      return "occupations";
    case Table::kSpecialties:
      return "specialties";
    case Table::kSpecialtyOccupations:
      return "specialties";
    case Table::kSchools:
      return "schools";
    case Table::kProgrammes:
      return "programmes";
    case Table::kEnterprises:
      return "enterprises";
    case Table::kEnterpriseOpenings:
      return "enterprises";
    case Table::kEmployment:
      return "employment";
    case Table::kTargets:
      return "targets";
    case Table::kPathways:
      return "pathways";
    case Table::kIndicatorValues:
      return "indicator_values";
  }
  return "?";
}

Location in_memory_location(Table table, std::size_t index, std::ptrdiff_t sub,
                            std::string_view field) {
  std::string out;
  if (table == Table::kScenario) {
    out = "scenario." + std::string(field);
  } else {
    out = std::string(table_name(table)) + "[" + std::to_string(index) + "]";
    if (table == Table::kSpecialtyOccupations) out += ".occupations[" + std::to_string(sub) + "]";
    if (table == Table::kEnterpriseOpenings) out += ".openings[" + std::to_string(sub) + "]";
    out += "." + std::string(field);
  }
  return {"", out, out};
}

Problem split_message(std::string_view text, std::string_view file) {
  if (!text.starts_with(file)) return {std::string(file), "", std::string(text)};
  std::string_view rest = text.substr(file.size());
  std::string location;
  std::size_t digits = 0;
  while (rest.size() > 1 + digits && rest[1 + digits] >= '0' && rest[1 + digits] <= '9') ++digits;
  if (rest.starts_with(':') && digits > 0 && (rest.size() == 1 + digits || rest[1 + digits] == ':')) {
    // CSV: ":LINE: column 'name': what"
    location = "line " + std::string(rest.substr(1, digits));
    rest.remove_prefix(std::min(rest.size(), digits + 2));
    if (rest.starts_with(' ')) rest.remove_prefix(1);
    if (rest.starts_with("column '")) {
      const std::size_t close = rest.find('\'', 8);
      if (close != std::string_view::npos &&
          (close + 1 == rest.size() || rest.substr(close + 1).starts_with(": "))) {
        location += ", " + std::string(rest.substr(0, close + 1));
        rest.remove_prefix(std::min(rest.size(), close + 3));
      }
    }
  } else if (rest.starts_with(": ")) {
    // JSON: ": /json/pointer: what", or ": what" for the whole file.
    rest.remove_prefix(2);
    if (rest.starts_with('/')) {
      const std::size_t end = rest.find(": ");
      location = std::string(rest.substr(0, end));
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 2);
    }
  } else if (rest.starts_with(':')) {
    rest.remove_prefix(1);
    if (rest.starts_with(' ')) rest.remove_prefix(1);
  }
  return {std::string(file), std::move(location), std::string(rest)};
}

Location location_of(std::string label, std::string_view file) {
  Problem parts = split_message(label, file);
  return {std::move(parts.file), std::move(parts.location), std::move(label)};
}

namespace {

thread_local ProblemCollector* active_collector = nullptr;

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// Thrown when the collector is full: checking stops there.
struct Full {};

// Checks one scenario. Without a sink the first problem throws InvalidInput
// "<label>: <what>"; with one, each is recorded and checking goes on. Checks
// return false when they fail, so that checks building on a field skip it.
class Checker {
 public:
  Checker(const Scenario& s, const Locator& where, ProblemCollector* sink)
      : s_(s), where_(where), sink_(sink) {}

  void run() {
    const bool base_year_ok = check_header();
    auto regions = index_ids(Table::kRegions, s_.regions, "region");
    auto clusters = index_ids(Table::kClusters, s_.clusters, "cluster");
    auto sectors = index_ids(Table::kSectors, s_.sectors, "sector");
    auto occupations = index_ids(Table::kOccupations, s_.occupations, "occupation");
    auto specialties = index_ids(Table::kSpecialties, s_.specialties, "specialty");
    auto schools = index_ids(Table::kSchools, s_.schools, "school");
    auto programmes = index_ids(Table::kProgrammes, s_.programmes, "programme");
    auto enterprises = index_ids(Table::kEnterprises, s_.enterprises, "enterprise");

    for (std::size_t i = 0; i < s_.clusters.size(); ++i) {
      const Cluster& c = s_.clusters[i];
      const std::string who = "cluster " + quoted(c.id);
      in_range(Table::kClusters, i, "growth_rate", c.growth_rate, -1.0, 1.0, who);
      in_range(Table::kClusters, i, "replacement_rate", c.replacement_rate, 0.0, 1.0, who);
    }
    for (std::size_t i = 0; i < s_.sectors.size(); ++i) {
      const Sector& sec = s_.sectors[i];
      if (!sec.cluster.empty()) {
        refers(Table::kSectors, i, "cluster", clusters, sec.cluster, "sector " + quoted(sec.id),
               "cluster");
      }
    }
    for (std::size_t i = 0; i < s_.specialties.size(); ++i) {
      const Specialty& sp = s_.specialties[i];
      const std::string who = "specialty " + quoted(sp.id);
      std::set<std::string_view> seen;
      for (std::size_t j = 0; j < sp.occupations.size(); ++j) {
        const OccupationFit& f = sp.occupations[j];
        const auto sub = static_cast<std::ptrdiff_t>(j);
        if (refers(Table::kSpecialtyOccupations, i, "occupation", occupations, f.occupation, who,
                   "occupation", sub) &&
            !seen.insert(f.occupation).second) {
          fail(Table::kSpecialtyOccupations, i, "occupation",
               who + " lists occupation " + quoted(f.occupation) + " twice", sub);
        }
        if (!std::isfinite(f.fit) || f.fit <= 0.0 || f.fit > 1.0) {
          fail(Table::kSpecialtyOccupations, i, "fit",
               who + ": fit must be in (0, 1], got " + number(f.fit), sub);
        }
      }
    }
    for (std::size_t i = 0; i < s_.schools.size(); ++i) {
      const School& sc = s_.schools[i];
      const std::string who = "school " + quoted(sc.id);
      refers(Table::kSchools, i, "region", regions, sc.region, who, "region");
      count(Table::kSchools, i, "capacity", sc.capacity, who);
      count(Table::kSchools, i, "social_training", sc.social_training, who);
      if (sc.opens_in_year != 0 && (sc.opens_in_year < 1900 || sc.opens_in_year > 2200)) {
        fail(Table::kSchools, i, "opens_in_year",
             who + ": opens_in_year must be 0 (open already) or a year in 1900..2200, got " +
                 std::to_string(sc.opens_in_year));
      }
    }
    std::set<std::pair<std::string_view, std::string_view>> offered;
    for (std::size_t i = 0; i < s_.programmes.size(); ++i) check_programme(i, schools, specialties, offered);
    for (std::size_t i = 0; i < s_.enterprises.size(); ++i) {
      const Enterprise& e = s_.enterprises[i];
      const std::string who = "enterprise " + quoted(e.id);
      refers(Table::kEnterprises, i, "region", regions, e.region, who, "region");
      if (!e.sector.empty())
        refers(Table::kEnterprises, i, "sector", sectors, e.sector, who, "sector");
      count(Table::kEnterprises, i, "employees", e.employees, who);
      count(Table::kEnterprises, i, "internship_slots", e.internship_slots, who);
      std::set<std::string_view> seen;
      for (std::size_t j = 0; j < e.openings.size(); ++j) {
        const Opening& o = e.openings[j];
        const auto sub = static_cast<std::ptrdiff_t>(j);
        if (refers(Table::kEnterpriseOpenings, i, "occupation", occupations, o.occupation, who,
                   "occupation", sub) &&
            !seen.insert(o.occupation).second) {
          fail(Table::kEnterpriseOpenings, i, "occupation",
               who + " lists openings for occupation " + quoted(o.occupation) + " twice", sub);
        }
        count(Table::kEnterpriseOpenings, i, "count", o.count, who, sub);
      }
    }
    for (std::size_t i = 0; i < s_.employment.size(); ++i) {
      const EmploymentRecord& r = s_.employment[i];
      const std::string who = "employment record of programme " + quoted(r.programme);
      refers(Table::kEmployment, i, "programme", programmes, r.programme, "employment record",
             "programme");
      if (year(Table::kEmployment, i, r.year, who) && base_year_ok &&
          (r.year < s_.base_year - kEmploymentYears || r.year > s_.base_year)) {
        fail(Table::kEmployment, i, "year",
             who + ": year " + std::to_string(r.year) + " is outside " +
                 std::to_string(s_.base_year - kEmploymentYears) + " to " +
                 std::to_string(s_.base_year) + " (the base year and the 10 years before it)");
      }
      if (!r.enterprise.empty())
        refers(Table::kEmployment, i, "enterprise", enterprises, r.enterprise, who, "enterprise");
      if (!r.cluster.empty())
        refers(Table::kEmployment, i, "cluster", clusters, r.cluster, who, "cluster");
      if (r.outside && !r.enterprise.empty()) {
        fail(Table::kEmployment, i, "outside",
             who + ": outside the city, yet names local enterprise " + quoted(r.enterprise));
      }
      if (r.progressed && (!r.enterprise.empty() || !r.cluster.empty())) {
        fail(Table::kEmployment, i, "progressed",
             who + ": continued study, yet names an employer (enterprise or cluster)");
      } else if (!r.progressed && !r.outside && r.enterprise.empty() && r.cluster.empty()) {
        fail(Table::kEmployment, i, "enterprise",
             who + ": needs an enterprise or a cluster, or outside = true");
      }
      count(Table::kEmployment, i, "count", r.count, who);
    }
    check_indicators(Table::kTargets, s_.targets, "target");
    check_indicators(Table::kIndicatorValues, s_.indicator_values, "indicator value");
    check_pathways(programmes, specialties);
  }

 private:
  using IdIndex = std::unordered_map<std::string_view, std::size_t>;

  static constexpr int kEmploymentYears = 10;        // records reach back this far
  static constexpr double kMinCompletionRate = 0.01;  // the plan divides by it

  // Records (or throws) one problem; returns false for `return fail(...)`.
  bool fail(Table table, std::size_t index, std::string_view field, const std::string& what,
            std::ptrdiff_t sub = kNoSub) const {
    Location at = where_(table, index, sub, field);
    if (sink_ == nullptr) throw InvalidInput(at.label + ": " + what);
    // The message as InvalidInput keeps it (control characters escaped).
    sink_->problems.push_back(
        {std::move(at.file), std::move(at.location), InvalidInput(what).what()});
    if (sink_->problems.size() >= sink_->limit) throw Full{};
    return false;
  }

  static std::string number(double x) { return format_number(x); }

  // Each link names two programmes, the second one level up (secondary to
  // higher-vocational, associate to bachelor), and no link is given twice.
  void check_pathways(const IdIndex& programmes, const IdIndex& specialties) const {
    std::set<std::pair<std::string_view, std::string_view>> seen;
    for (std::size_t i = 0; i < s_.pathways.size(); ++i) {
      const Pathway& p = s_.pathways[i];
      const std::string who = "pathway " + quoted(p.from) + " -> " + quoted(p.to);
      const bool known = refers(Table::kPathways, i, "from", programmes, p.from, who, "programme") &
                         refers(Table::kPathways, i, "to", programmes, p.to, who, "programme");
      count(Table::kPathways, i, "reserved_seats", p.reserved_seats, who);
      if (!seen.emplace(p.from, p.to).second)
        fail(Table::kPathways, i, "to", who + " is given twice");
      if (!known) continue;
      const auto level = [&](const std::string& programme) -> std::optional<SpecialtyLevel> {
        const Programme& prog = s_.programmes[programmes.at(programme)];
        const auto it = specialties.find(prog.specialty);
        if (it == specialties.end()) return std::nullopt;
        return s_.specialties[it->second].level;
      };
      const auto from = level(p.from), to = level(p.to);
      if (!from || !to) continue;
      const bool up = (*from == SpecialtyLevel::kSecondary && *to == SpecialtyLevel::kAssociate) ||
                      (*from == SpecialtyLevel::kAssociate && *to == SpecialtyLevel::kBachelor);
      if (!up) {
        fail(Table::kPathways, i, "to",
             who + ": leads from a " + std::string(to_string(*from)) + " to a " +
                 std::string(to_string(*to)) +
                 " specialty; a pathway goes one level up (secondary to associate, associate "
                 "to bachelor)");
      } else if ((p.kind == PathwayKind::kBachelorLink) != (*from == SpecialtyLevel::kAssociate)) {
        fail(Table::kPathways, i, "kind",
             who + ": kind " + std::string(to_string(p.kind)) + " does not fit a " +
                 std::string(to_string(*from)) + " to " + std::string(to_string(*to)) +
                 " link (bachelor_link: associate to bachelor; five_year, three_plus_two: "
                 "secondary to associate)");
      }
    }
  }

  bool check_header() const {
    if (s_.name.empty()) fail(Table::kScenario, 0, "name", "scenario name is empty");
    return year(Table::kScenario, 0, s_.base_year, "scenario");
  }

  void check_programme(std::size_t i, const IdIndex& schools, const IdIndex& specialties,
                       std::set<std::pair<std::string_view, std::string_view>>& offered) const {
    const Programme& p = s_.programmes[i];
    const std::string who = "programme " + quoted(p.id);
    const bool school_ok = refers(Table::kProgrammes, i, "school", schools, p.school, who, "school");
    const bool specialty_ok =
        refers(Table::kProgrammes, i, "specialty", specialties, p.specialty, who, "specialty");
    if (school_ok && specialty_ok && !offered.emplace(p.school, p.specialty).second) {
      fail(Table::kProgrammes, i, "specialty",
           who + ": school " + quoted(p.school) + " already offers specialty " +
               quoted(p.specialty));
    }
    const bool intake_ok = count(Table::kProgrammes, i, "intake", p.intake, who);
    count(Table::kProgrammes, i, "enrolled", p.enrolled, who);
    if (p.duration < 1 || p.duration > 10) {
      fail(Table::kProgrammes, i, "duration",
           who + ": duration must be 1 to 10 years, got " + std::to_string(p.duration));
    }
    if (in_range(Table::kProgrammes, i, "completion_rate", p.completion_rate, 0.0, 1.0, who) &&
        p.completion_rate < kMinCompletionRate) {
      fail(Table::kProgrammes, i, "completion_rate",
           who + ": completion_rate must be at least " + number(kMinCompletionRate) + ", got " +
               number(p.completion_rate));
    }
    const bool min_ok = count(Table::kProgrammes, i, "min_intake", p.min_intake, who);
    const bool max_ok = count(Table::kProgrammes, i, "max_intake", p.max_intake, who);
    bool bounds_ok = min_ok && max_ok;
    if (bounds_ok && p.min_intake > p.max_intake) {
      bounds_ok = fail(Table::kProgrammes, i, "max_intake",
                       who + ": max_intake " + std::to_string(p.max_intake) +
                           " is below min_intake " + std::to_string(p.min_intake));
    }
    // An open programme runs within its bounds; intake 0 is a closed one.
    if (bounds_ok && intake_ok && p.intake > 0) {
      if (p.intake < p.min_intake) {
        fail(Table::kProgrammes, i, "intake",
             who + ": intake " + std::to_string(p.intake) + " is below min_intake " +
                 std::to_string(p.min_intake) + " (0 marks a closed programme)");
      } else if (p.max_intake > 0 && p.intake > p.max_intake) {
        fail(Table::kProgrammes, i, "intake",
             who + ": intake " + std::to_string(p.intake) + " is above max_intake " +
                 std::to_string(p.max_intake));
      }
    }
    if (non_negative(Table::kProgrammes, i, "cost_per_student", p.cost_per_student, who) &&
        p.cost_per_student > kMaxCostPerStudent) {
      fail(Table::kProgrammes, i, "cost_per_student",
           who + ": cost_per_student " + number(p.cost_per_student) +
               " is above the largest allowed " +
               format_count(static_cast<Count>(kMaxCostPerStudent)) + " yuan a year");
    }
  }

  // Targets and recorded values alike: a known indicator, a year in range,
  // each (indicator, year) once, a finite value (a fraction for rates).
  template <class Row>
  void check_indicators(Table table, const std::vector<Row>& rows, const std::string& kind) {
    std::set<std::pair<Indicator, int>> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& t = rows[i];
      const std::string who = kind + " " + std::string(to_string(t.indicator)) + " " +
                              std::to_string(t.year);
      if (to_string(t.indicator) == "?") {
        fail(table, i, "indicator", kind + " " + std::to_string(i) + ": unknown indicator");
        continue;
      }
      if (year(table, i, t.year, who) && !seen.emplace(t.indicator, t.year).second)
        fail(table, i, "year", who + " is given twice");
      if (indicator_info(t.indicator).unit == IndicatorUnit::kFraction) {
        in_range(table, i, "value", t.value, 0.0, 1.0, who + " (a fraction)");
      } else {
        non_negative(table, i, "value", t.value, who);
      }
    }
  }

  bool year(Table table, std::size_t i, int y, const std::string& who) const {
    const std::string_view field = table == Table::kScenario ? "base_year" : "year";
    if (y < 1900 || y > 2200)
      return fail(table, i, field, who + ": year must be 1900 to 2200, got " + std::to_string(y));
    return true;
  }

  // One problem at most per id; a faulty id still enters the index (the first of
  // equal ids wins), so references to it are not reported again.
  template <class Item>
  IdIndex index_ids(Table table, const std::vector<Item>& items, std::string_view kind) const {
    IdIndex index;
    const std::string what = std::string(kind) + " id";
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string& id = items[i].id;
      const auto [it, fresh] = index.emplace(id, i);
      if (id.empty()) {
        fail(table, i, "id", what + " is empty");
      } else if (id.size() > 200) {
        fail(table, i, "id", what + " is longer than 200 bytes");
      } else if (has_control_character(id)) {
        fail(table, i, "id", what + " " + quoted(id) + " holds a control character");
      } else if (id.front() == ' ' || id.back() == ' ') {
        fail(table, i, "id", what + " " + quoted(id) + " starts or ends with a space");
      } else if (!fresh) {
        fail(table, i, "id",
             "duplicate " + what + " " + quoted(id) + " (first at " +
                 std::string(table_name(table)) + "[" + std::to_string(it->second) + "])");
      }
    }
    return index;
  }

  static bool has_control_character(std::string_view text) {
    for (unsigned char c : text)
      if (c < 0x20 || c == 0x7f) return true;
    return false;
  }

  bool refers(Table table, std::size_t i, std::string_view field, const IdIndex& ids,
              const std::string& ref, const std::string& who, std::string_view kind,
              std::ptrdiff_t sub = kNoSub) const {
    if (ref.empty()) return fail(table, i, field, who + ": " + std::string(kind) + " is empty", sub);
    if (!ids.contains(ref)) {
      return fail(table, i, field,
                  who + " refers to unknown " + std::string(kind) + " " + quoted(ref), sub);
    }
    return true;
  }

  bool count(Table table, std::size_t i, std::string_view field, Count value,
             const std::string& who, std::ptrdiff_t sub = kNoSub) const {
    if (value < 0) {
      return fail(table, i, field,
                  who + ": " + std::string(field) + " must not be negative, got " +
                      std::to_string(value),
                  sub);
    }
    if (value > kMaxCount) {
      return fail(table, i, field,
                  who + ": " + std::string(field) + " " + std::to_string(value) +
                      " is above the largest allowed count 10^12",
                  sub);
    }
    return true;
  }

  bool in_range(Table table, std::size_t i, std::string_view field, double value, double lo,
                double hi, const std::string& who) const {
    if (!std::isfinite(value)) {
      return fail(table, i, field,
                  who + ": " + std::string(field) + " must be a finite number, got " +
                      number(value));
    }
    if (value < lo || value > hi) {
      return fail(table, i, field,
                  who + ": " + std::string(field) + " must be in [" + number(lo) + ", " +
                      number(hi) + "], got " + number(value));
    }
    return true;
  }

  bool non_negative(Table table, std::size_t i, std::string_view field, double value,
                    const std::string& who) const {
    if (!std::isfinite(value)) {
      return fail(table, i, field,
                  who + ": " + std::string(field) + " must be a finite number, got " +
                      number(value));
    }
    if (value < 0) {
      return fail(table, i, field,
                  who + ": " + std::string(field) + " must not be negative, got " + number(value));
    }
    return true;
  }

  const Scenario& s_;
  const Locator& where_;
  ProblemCollector* sink_;
};

// Runs the checks into `sink`, stopping when it is full.
void collect(const Scenario& scenario, const Locator& where, ProblemCollector& sink) {
  if (sink.problems.size() >= sink.limit) return;
  try {
    Checker(scenario, where, &sink).run();
  } catch (const Full&) {
  }
}

}  // namespace

ProblemCollector::ProblemCollector(std::size_t limit_) : limit(limit_), outer_(active_collector) {
  active_collector = this;
}

ProblemCollector::~ProblemCollector() { active_collector = outer_; }

ProblemCollector* ProblemCollector::active() { return active_collector; }

void validate(const Scenario& scenario, const Locator& where) {
  if (ProblemCollector* sink = ProblemCollector::active()) {
    collect(scenario, where, *sink);
  } else {
    Checker(scenario, where, nullptr).run();
  }
}

}  // namespace detail

std::string to_string(const Problem& problem) {
  std::string out = problem.file;
  // A CSV location reads as the loaders write it: "file:5: column 'x': what".
  if (std::string_view at = problem.location; !out.empty() && at.starts_with("line ")) {
    at.remove_prefix(5);
    const std::size_t comma = at.find(", ");
    out += ":" + std::string(at.substr(0, comma));
    if (comma != std::string_view::npos) out += ": " + std::string(at.substr(comma + 2));
    return problem.message.empty() ? out : out + ": " + problem.message;
  }
  for (const std::string* part : {&problem.location, &problem.message}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ": ";
    out += *part;
  }
  return out;
}

void validate(const Scenario& scenario) {
  const detail::Locator where = detail::in_memory_location;
  detail::Checker(scenario, where, nullptr).run();
}

std::vector<Problem> find_problems(const Scenario& scenario, std::size_t limit) {
  detail::ProblemCollector sink(limit);
  detail::collect(scenario, detail::in_memory_location, sink);
  return std::move(sink.problems);
}

}  // namespace sixlink
