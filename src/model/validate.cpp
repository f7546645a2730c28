#include "sixlink/model/validate.hpp"

#include <cmath>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "detail/locator.hpp"
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
  }
  return "?";
}

std::string in_memory_location(Table table, std::size_t index, std::ptrdiff_t sub,
                               std::string_view field) {
  if (table == Table::kScenario) return "scenario." + std::string(field);
  std::string out = std::string(table_name(table)) + "[" + std::to_string(index) + "]";
  if (table == Table::kSpecialtyOccupations) out += ".occupations[" + std::to_string(sub) + "]";
  if (table == Table::kEnterpriseOpenings) out += ".openings[" + std::to_string(sub) + "]";
  return out + "." + std::string(field);
}

namespace {

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// Checks one scenario; every failure throws InvalidInput "<where>: <what>".
class Checker {
 public:
  Checker(const Scenario& s, const Locator& where) : s_(s), where_(where) {}

  void run() {
    check_header();
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
        refers(Table::kSpecialtyOccupations, i, "occupation", occupations, f.occupation, who,
               "occupation", sub);
        if (!seen.insert(f.occupation).second) {
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
    }
    std::set<std::pair<std::string_view, std::string_view>> offered;
    for (std::size_t i = 0; i < s_.programmes.size(); ++i) {
      const Programme& p = s_.programmes[i];
      const std::string who = "programme " + quoted(p.id);
      refers(Table::kProgrammes, i, "school", schools, p.school, who, "school");
      refers(Table::kProgrammes, i, "specialty", specialties, p.specialty, who, "specialty");
      if (!offered.emplace(p.school, p.specialty).second) {
        fail(Table::kProgrammes, i, "specialty",
             who + ": school " + quoted(p.school) + " already offers specialty " +
                 quoted(p.specialty));
      }
      count(Table::kProgrammes, i, "intake", p.intake, who);
      count(Table::kProgrammes, i, "enrolled", p.enrolled, who);
      if (p.duration < 1 || p.duration > 10) {
        fail(Table::kProgrammes, i, "duration",
             who + ": duration must be 1 to 10 years, got " + std::to_string(p.duration));
      }
      in_range(Table::kProgrammes, i, "completion_rate", p.completion_rate, 0.0, 1.0, who);
      count(Table::kProgrammes, i, "min_intake", p.min_intake, who);
      count(Table::kProgrammes, i, "max_intake", p.max_intake, who);
      if (p.min_intake > p.max_intake) {
        fail(Table::kProgrammes, i, "max_intake",
             who + ": max_intake " + std::to_string(p.max_intake) + " is below min_intake " +
                 std::to_string(p.min_intake));
      }
      non_negative(Table::kProgrammes, i, "cost_per_student", p.cost_per_student, who);
    }
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
        refers(Table::kEnterpriseOpenings, i, "occupation", occupations, o.occupation, who,
               "occupation", sub);
        if (!seen.insert(o.occupation).second) {
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
      year(Table::kEmployment, i, r.year, who);
      if (!r.enterprise.empty())
        refers(Table::kEmployment, i, "enterprise", enterprises, r.enterprise, who, "enterprise");
      if (!r.cluster.empty())
        refers(Table::kEmployment, i, "cluster", clusters, r.cluster, who, "cluster");
      if (r.outside && !r.enterprise.empty()) {
        fail(Table::kEmployment, i, "outside",
             who + ": outside the city, yet names local enterprise " + quoted(r.enterprise));
      }
      if (!r.outside && r.enterprise.empty() && r.cluster.empty()) {
        fail(Table::kEmployment, i, "enterprise",
             who + ": needs an enterprise or a cluster, or outside = true");
      }
      count(Table::kEmployment, i, "count", r.count, who);
    }
    std::set<std::pair<Indicator, int>> targeted;
    for (std::size_t i = 0; i < s_.targets.size(); ++i) {
      const PlanTarget& t = s_.targets[i];
      const std::string who =
          "target " + std::string(to_string(t.indicator)) + " " + std::to_string(t.year);
      year(Table::kTargets, i, t.year, who);
      if (!targeted.emplace(t.indicator, t.year).second)
        fail(Table::kTargets, i, "year", who + " is given twice");
      const bool is_rate = t.indicator == Indicator::kRetentionRate ||
                           t.indicator == Indicator::kLargeFirmParticipation ||
                           t.indicator == Indicator::kDoubleHighShare;
      if (is_rate) {
        in_range(Table::kTargets, i, "value", t.value, 0.0, 1.0, who + " (a fraction)");
      } else {
        non_negative(Table::kTargets, i, "value", t.value, who);
      }
    }
  }

 private:
  using IdIndex = std::unordered_map<std::string_view, std::size_t>;

  [[noreturn]] void fail(Table table, std::size_t index, std::string_view field,
                         const std::string& what, std::ptrdiff_t sub = kNoSub) const {
    throw InvalidInput(where_(table, index, sub, field) + ": " + what);
  }

  static std::string number(double x) { return format_number(x); }

  void check_header() const {
    if (s_.name.empty()) fail(Table::kScenario, 0, "name", "scenario name is empty");
    year(Table::kScenario, 0, s_.base_year, "scenario");
  }

  void year(Table table, std::size_t i, int y, const std::string& who) const {
    const std::string_view field = table == Table::kScenario ? "base_year" : "year";
    if (y < 1900 || y > 2200)
      fail(table, i, field, who + ": year must be 1900 to 2200, got " + std::to_string(y));
  }

  template <class Item>
  IdIndex index_ids(Table table, const std::vector<Item>& items, std::string_view kind) const {
    IdIndex index;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string& id = items[i].id;
      if (id.empty()) fail(table, i, "id", std::string(kind) + " id is empty");
      if (id.size() > 200) fail(table, i, "id", std::string(kind) + " id is longer than 200 bytes");
      for (unsigned char c : id) {
        if (c < 0x20 || c == 0x7f)
          fail(table, i, "id",
               std::string(kind) + " id " + quoted(id) + " holds a control character");
      }
      if (id.front() == ' ' || id.back() == ' ') {
        fail(table, i, "id",
             std::string(kind) + " id " + quoted(id) + " starts or ends with a space");
      }
      const auto [it, fresh] = index.emplace(id, i);
      if (!fresh) {
        fail(table, i, "id",
             "duplicate " + std::string(kind) + " id " + quoted(id) + " (first at " +
                 std::string(table_name(table)) + "[" + std::to_string(it->second) + "])");
      }
    }
    return index;
  }

  void refers(Table table, std::size_t i, std::string_view field, const IdIndex& ids,
              const std::string& ref, const std::string& who, std::string_view kind,
              std::ptrdiff_t sub = kNoSub) const {
    if (ref.empty()) fail(table, i, field, who + ": " + std::string(kind) + " is empty", sub);
    if (!ids.contains(ref)) {
      fail(table, i, field, who + " refers to unknown " + std::string(kind) + " " + quoted(ref),
           sub);
    }
  }

  void count(Table table, std::size_t i, std::string_view field, Count value,
             const std::string& who, std::ptrdiff_t sub = kNoSub) const {
    if (value < 0) {
      fail(table, i, field,
           who + ": " + std::string(field) + " must not be negative, got " + std::to_string(value),
           sub);
    }
    if (value > kMaxCount) {
      fail(table, i, field,
           who + ": " + std::string(field) + " " + std::to_string(value) +
               " is above the largest allowed count 10^12",
           sub);
    }
  }

  void in_range(Table table, std::size_t i, std::string_view field, double value, double lo,
                double hi, const std::string& who) const {
    if (!std::isfinite(value))
      fail(table, i, field,
           who + ": " + std::string(field) + " must be a finite number, got " + number(value));
    if (value < lo || value > hi) {
      fail(table, i, field,
           who + ": " + std::string(field) + " must be in [" + number(lo) + ", " + number(hi) +
               "], got " + number(value));
    }
  }

  void non_negative(Table table, std::size_t i, std::string_view field, double value,
                    const std::string& who) const {
    if (!std::isfinite(value))
      fail(table, i, field,
           who + ": " + std::string(field) + " must be a finite number, got " + number(value));
    if (value < 0)
      fail(table, i, field,
           who + ": " + std::string(field) + " must not be negative, got " + number(value));
  }

  const Scenario& s_;
  const Locator& where_;
};

}  // namespace

void validate(const Scenario& scenario, const Locator& where) { Checker(scenario, where).run(); }

}  // namespace detail

void validate(const Scenario& scenario) { detail::validate(scenario, detail::in_memory_location); }

}  // namespace sixlink
