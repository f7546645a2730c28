// The admission's data: the illustrative defaults, the institutions and the
// synthetic applicants (admission/admission_data.hpp says what is drawn and why).
#include "sixlink/admission/admission_data.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "detail/apportion.hpp"
#include "detail/csv_reader.hpp"
#include "detail/id_index.hpp"
#include "detail/numbers.hpp"
#include "detail/rng.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink {
namespace detail {
extern const std::string_view kTaizhouRegionsCsv;
}  // namespace detail

namespace {

std::size_t at(Index k) { return static_cast<std::size_t>(k); }

constexpr double kCohortOverSeats = 1.03;
constexpr double kTierShare[3] = {0.35, 0.40, 0.25};
constexpr double kTierStanding[3] = {0.9, 0.7, 0.5};
constexpr double kDoubleHighStanding = 0.45, kVocationalStanding = 0.3;
constexpr Count kMaxGeneralSchoolSeats = 1000;

// Whether the school takes junior-high graduates in the base year.
bool admits(const School& school, int base_year) {
  return school.level == SchoolLevel::kSecondary &&
         (school.opens_in_year == 0 || school.opens_in_year <= base_year);
}

int category_of(const std::string& code) {
  if (code.size() < 2 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1])))
    return -1;
  return (code[0] - '0') * 10 + (code[1] - '0');
}

// Secondary vocational seats per region, in scenario region order.
std::vector<Count> vocational_seats_by_region(const Scenario& s) {
  const auto regions = detail::index_by_id(s.regions);
  const auto schools = detail::index_by_id(s.schools);
  const auto specialties = detail::index_by_id(s.specialties);
  std::vector<Count> seats(s.regions.size(), 0);
  for (const Programme& p : s.programmes) {
    const Index school = detail::find_id(schools, p.school);
    const Index spec = detail::find_id(specialties, p.specialty);
    if (school < 0 || spec < 0 || p.intake <= 0) continue;
    const School& sc = s.schools[at(school)];
    if (!admits(sc, s.base_year) ||
        s.specialties[at(spec)].level != SpecialtyLevel::kSecondary)
      continue;
    const Index r = detail::find_id(regions, sc.region);
    if (r >= 0) seats[at(r)] += p.intake;
  }
  return seats;
}

// Taizhou's regions by population (data/taizhou/regions.csv: id, name_zh, weight).
struct TaizhouRegion {
  std::string id, name_zh;
  double weight;
};

std::vector<TaizhouRegion> taizhou_regions() {
  auto records = detail::parse_csv(detail::kTaizhouRegionsCsv, "taizhou regions");
  std::map<std::string, std::size_t> column;
  for (std::size_t c = 0; c < records.front().fields.size(); ++c)
    column[records.front().fields[c]] = c;
  std::vector<TaizhouRegion> out;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& f = records[r].fields;
    out.push_back({f.at(column.at("id")), f.at(column.at("name_zh")),
                   *detail::parse_number(f.at(column.at("weight"))).value});
  }
  return out;
}


AdmissionData taizhou_data(const Scenario& s) {
  AdmissionData data;
  const std::vector<TaizhouRegion> regions = taizhou_regions();
  Count vocational_total = 0;
  for (Count c : vocational_seats_by_region(s)) vocational_total += c;
  std::vector<double> weights;
  for (const auto& r : regions) weights.push_back(r.weight);
  const std::vector<Count> general = detail::apportion(weights, vocational_total);
  static constexpr const char* kTierName[3] = {"第一中学", "第二中学", "第三中学"};
  for (std::size_t r = 0; r < regions.size(); ++r) {
    const std::vector<Count> tiers =
        detail::apportion(std::vector<double>(std::begin(kTierShare), std::end(kTierShare)), general[r]);
    for (int t = 0; t < 3; ++t) {
      data.high_schools.push_back({regions[r].id + "-gh" + std::to_string(t + 1),
                                   regions[r].name_zh + kTierName[t] + "（示意）", regions[r].id,
                                   tiers[at(t)], t + 1});
    }
  }
  data.cohorts = default_cohorts(s, data.high_schools);
  data.notes.push_back(
      "admission: the general high schools (three per county, tiers 1-3, as many seats in all as "
      "the secondary vocational intake, shared by population) and the junior-high cohorts "
      "(1.03 x seats per county, 中考 mean 480, sd 90) are illustrative, not the city's data");
  return data;
}

}  // namespace

std::string_view to_string(SeatKind kind) {
  return kind == SeatKind::kVocational ? "vocational" : "general";
}

AdmissionData default_admission_data(const Scenario& s) {
  if (s.name == kDefaultScenarioName && s.regions.size() == taizhou_regions().size())
    return taizhou_data(s);
  AdmissionData data;
  const std::vector<Count> vocational = vocational_seats_by_region(s);
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    const Count schools = (vocational[r] + kMaxGeneralSchoolSeats - 1) / kMaxGeneralSchoolSeats;
    if (schools == 0) continue;
    const std::vector<Count> sizes = detail::apportion(
        std::vector<double>(static_cast<std::size_t>(schools), 1.0), vocational[r]);
    for (Count k = 0; k < schools; ++k) {
      data.high_schools.push_back({s.regions[r].id + "-gh" + std::to_string(k + 1),
                                   s.regions[r].name + " general high school " +
                                       std::to_string(k + 1) + " (illustrative)",
                                   s.regions[r].id, sizes[at(k)], static_cast<int>(k % 3) + 1});
    }
  }
  data.cohorts = default_cohorts(s, data.high_schools);
  data.notes.push_back(
      "admission: general high schools (as many seats per county as its secondary vocational "
      "intake) and junior-high cohorts (1.03 x seats, 中考 mean 480, sd 90) are illustrative");
  return data;
}

std::vector<JuniorCohort> default_cohorts(const Scenario& s,
                                          const std::vector<HighSchool>& high_schools) {
  const auto regions = detail::index_by_id(s.regions);
  std::vector<Count> seats = vocational_seats_by_region(s);
  for (const HighSchool& h : high_schools) {
    const Index r = detail::find_id(regions, h.region);
    if (r >= 0 && h.capacity > 0) seats[at(r)] += h.capacity;
  }
  std::vector<JuniorCohort> out;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    out.push_back({s.regions[r].id, s.base_year,
                   std::llround(kCohortOverSeats * static_cast<double>(seats[r])), 480.0, 90.0});
  }
  return out;
}

void validate_admission_data(const AdmissionData& data, const Scenario& s) {
  const auto regions = detail::index_by_id(s.regions);
  const auto programmes = detail::index_by_id(s.programmes);
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < data.high_schools.size(); ++i) {
    const HighSchool& h = data.high_schools[i];
    const std::string where = "high_schools[" + std::to_string(i) + "] ('" + h.id + "'): ";
    if (h.id.empty()) throw InvalidInput("high_schools[" + std::to_string(i) + "]: empty id");
    if (!seen.insert(h.id).second) throw InvalidInput(where + "duplicate id");
    if (detail::find_id(programmes, h.id) >= 0)
      throw InvalidInput(where + "id is also a programme's");
    if (detail::find_id(regions, h.region) < 0)
      throw InvalidInput(where + "region '" + h.region + "' is not in the scenario");
    if (h.capacity < 0 || h.capacity > kMaxCount)
      throw InvalidInput(where + "capacity " + std::to_string(h.capacity) +
                         " must be from 0 to 10^12");
    if (h.tier < 1 || h.tier > 3)
      throw InvalidInput(where + "tier " + std::to_string(h.tier) + " must be 1, 2 or 3");
  }
  std::set<std::pair<std::string_view, int>> cohort_keys;
  for (std::size_t i = 0; i < data.cohorts.size(); ++i) {
    const JuniorCohort& c = data.cohorts[i];
    const std::string where = "cohorts[" + std::to_string(i) + "] ('" + c.region + "'): ";
    if (detail::find_id(regions, c.region) < 0)
      throw InvalidInput(where + "region '" + c.region + "' is not in the scenario");
    if (!cohort_keys.insert({c.region, c.year}).second)
      throw InvalidInput(where + "a second cohort for year " + std::to_string(c.year));
    if (c.size < 0 || c.size > kMaxCount)
      throw InvalidInput(where + "size " + std::to_string(c.size) + " must be from 0 to 10^12");
    if (!std::isfinite(c.score_mean) || !std::isfinite(c.score_sd) || c.score_sd < 0)
      throw InvalidInput(where + "score_mean and score_sd must be finite, score_sd >= 0");
  }
}

AdmissionSeats admission_seats(const Scenario& s, const AdmissionData& data) {
  validate_admission_data(data, s);
  AdmissionSeats out;
  const auto regions = detail::index_by_id(s.regions);
  for (const Region& r : s.regions) {
    out.regions.push_back(r.id);
    out.region_names.push_back(r.name.empty() ? r.id : r.name);
  }
  const auto schools = detail::index_by_id(s.schools);
  const auto specialties = detail::index_by_id(s.specialties);
  for (const Programme& p : s.programmes) {
    const Index school = detail::find_id(schools, p.school);
    const Index spec = detail::find_id(specialties, p.specialty);
    if (school < 0 || spec < 0 || p.intake <= 0) continue;
    const School& sc = s.schools[at(school)];
    if (!admits(sc, s.base_year) || s.specialties[at(spec)].level != SpecialtyLevel::kSecondary)
      continue;
    AdmissionInstitution i;
    i.id = p.id;
    i.label = p.name.empty() ? p.id : p.name;
    i.school = sc.id;
    i.region = detail::find_id(regions, sc.region);
    i.kind = SeatKind::kVocational;
    i.seats = p.intake;
    i.standing = sc.double_high ? kDoubleHighStanding : kVocationalStanding;
    i.category = category_of(p.specialty);
    out.institutions.push_back(std::move(i));
  }
  for (const HighSchool& h : data.high_schools) {
    AdmissionInstitution i;
    i.id = h.id;
    i.label = h.name.empty() ? h.id : h.name;
    i.school = h.id;
    i.region = detail::find_id(regions, h.region);
    i.kind = SeatKind::kGeneral;
    i.seats = h.capacity;
    i.standing = kTierStanding[h.tier - 1];
    out.institutions.push_back(std::move(i));
  }
  return out;
}

std::vector<JuniorCohort> cohorts_of_year(const AdmissionData& data, int year) {
  std::vector<JuniorCohort> out;
  std::set<int> years;
  for (const JuniorCohort& c : data.cohorts) {
    years.insert(c.year);
    if (c.year == year) out.push_back(c);
  }
  if (out.empty()) {
    std::string list;
    for (int y : years) list += (list.empty() ? "" : ", ") + std::to_string(y);
    throw InvalidInput("no junior-high cohort for year " + std::to_string(year) +
                       (list.empty() ? std::string(" (the data has none)")
                                     : " (cohorts: " + list + ")"));
  }
  return out;
}

ApplicantTable synthetic_applicants(const AdmissionSeats& seats, const AdmissionData& data,
                                    int year, int choices, std::uint64_t seed) {
  if (choices < 1) throw InvalidInput("choices " + std::to_string(choices) + " must be >= 1");
  const std::vector<JuniorCohort> cohorts = cohorts_of_year(data, year);
  std::unordered_map<std::string_view, Index> region_index;
  for (std::size_t r = 0; r < seats.regions.size(); ++r)
    region_index.emplace(seats.regions[r], static_cast<Index>(r));
  Count total = 0;
  for (const JuniorCohort& c : cohorts) total += c.size;
  if (total > kMaxSyntheticApplicants)
    throw InvalidInput("the cohorts of " + std::to_string(year) + " hold " +
                       std::to_string(total) + " applicants, more than a synthetic cohort's " +
                       std::to_string(kMaxSyntheticApplicants) + ": bring applicants as CSV");
  // Institutions per county, and the categories the programmes offer.
  const auto n_inst = static_cast<Index>(seats.institutions.size());
  std::vector<std::vector<Index>> by_region(seats.regions.size());
  std::vector<int> categories;
  for (Index i = 0; i < n_inst; ++i) {
    const AdmissionInstitution& inst = seats.institutions[at(i)];
    by_region[at(inst.region)].push_back(i);
    if (inst.category >= 0) categories.push_back(inst.category);
  }
  std::sort(categories.begin(), categories.end());
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());

  ApplicantTable out;
  out.region.reserve(static_cast<std::size_t>(total));
  out.score.reserve(static_cast<std::size_t>(total));
  out.choices.indptr.reserve(static_cast<std::size_t>(total) + 1);
  out.choices.indices.reserve(static_cast<std::size_t>(total) * static_cast<std::size_t>(choices));
  const Index sampled = n_inst == 0 ? 0 : std::min<Index>(4 * static_cast<Index>(choices), n_inst);
  std::vector<std::pair<double, Index>> candidates;
  std::vector<Index> list;
  Index a = 0;
  for (const JuniorCohort& c : cohorts) {
    const Index home = region_index.at(c.region);
    for (Count k = 0; k < c.size; ++k, ++a) {
      detail::SplitMix64 rng(detail::mix64(seed ^ detail::mix64(static_cast<std::uint64_t>(a))));
      double z = -6.0;
      for (int u = 0; u < 12; ++u) z += rng.uniform();
      const double score = std::round(std::clamp(c.score_mean + c.score_sd * z, 0.0, kMaxExamScore));
      const double standing = 0.5 * std::erfc(-z / std::sqrt(2.0));
      const int interest =
          categories.empty()
              ? -1
              : categories[static_cast<std::size_t>(rng.next() % categories.size())];
      candidates.clear();
      auto consider = [&](Index i) {
        const AdmissionInstitution& inst = seats.institutions[at(i)];
        if (inst.seats <= 0) return;
        const std::uint64_t draw =
            detail::mix64(seed ^ detail::mix64(static_cast<std::uint64_t>(a)) ^
                          detail::mix64(static_cast<std::uint64_t>(i) + 0x5851F42D4C957F2DULL));
        const double lottery = static_cast<double>(draw >> 11) * 0x1.0p-53;
        const double u = 2.0 * inst.standing - 4.0 * std::max(0.0, inst.standing - standing) -
                         (inst.region != home ? 0.6 : 0.0) +
                         (inst.kind == SeatKind::kVocational && inst.category == interest ? 0.4
                                                                                          : 0.0) +
                         0.5 * lottery;
        candidates.emplace_back(-u, i);
      };
      const std::vector<Index>& own = by_region[at(home)];
      if (static_cast<Index>(own.size()) <= sampled) {
        for (Index i : own) consider(i);
      } else {  // a large county: 4K of its institutions drawn, repeats allowed
        for (Index d = 0; d < sampled; ++d) consider(own[rng.next() % own.size()]);
      }
      for (Index d = 0; d < sampled; ++d) {
        const auto i = static_cast<Index>(rng.next() % static_cast<std::uint64_t>(n_inst));
        if (seats.institutions[at(i)].region != home) consider(i);
      }
      std::sort(candidates.begin(), candidates.end());
      list.clear();
      for (const auto& [neg_u, i] : candidates) {
        if (static_cast<int>(list.size()) == choices) break;
        if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
      }
      out.region.push_back(home);
      out.score.push_back(score);
      out.choices.add(list);
    }
  }
  return out;
}

}  // namespace sixlink
