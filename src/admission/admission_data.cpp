// The admission's data: the illustrative defaults, the institutions and the
// synthetic applicants (admission/admission_data.hpp says what is drawn and why).
#include "sixlink/admission/admission_data.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "detail/apportion.hpp"
#include "detail/csv_reader.hpp"
#include "detail/huge_pages.hpp"
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

// A draw in [0, n) from 64 random bits by multiplication (Lemire), not a division.
std::size_t below(std::uint64_t bits, std::uint64_t n) {
  __extension__ using Wide = unsigned __int128;
  return static_cast<std::size_t>((Wide{bits} * n) >> 64);
}

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
  // Where each cohort's applicants start, and the total.
  std::vector<Index> first{0}, home_of;
  for (const JuniorCohort& c : cohorts) {
    first.push_back(first.back() + c.size);
    home_of.push_back(region_index.at(c.region));
  }
  const Index total = first.back();
  const auto k = static_cast<Index>(choices);
  if (total > kMaxSyntheticApplicants || total * k > kMaxSyntheticEntries)
    throw InvalidInput("the cohorts of " + std::to_string(year) + " hold " + std::to_string(total) +
                       " applicants with up to " + std::to_string(choices) +
                       " choices each, more than a synthetic cohort's " +
                       std::to_string(kMaxSyntheticApplicants) + " applicants or " +
                       std::to_string(kMaxSyntheticEntries) + " choices: bring applicants as CSV");
  // Institutions per county, the categories the programmes offer, and each
  // institution's half of the lottery's key.
  const auto n_inst = static_cast<Index>(seats.institutions.size());
  if (n_inst > std::numeric_limits<std::int32_t>::max())
    throw InvalidInput("more than 2^31 - 1 institutions: bring applicants as CSV");
  std::vector<std::vector<Index>> by_region(seats.regions.size());
  std::vector<int> categories;
  // What the utility reads of an institution, packed in 12 bytes (the
  // institutions are read at random, 3K times an applicant): standing, county,
  // the category it adds interest for (-2: none) and whether it has seats.
  struct Packed {
    float standing;
    std::int32_t region;
    std::int16_t category;
    bool open;
  };
  std::vector<Packed> packed(at(n_inst));
  for (Index i = 0; i < n_inst; ++i) {
    const AdmissionInstitution& inst = seats.institutions[at(i)];
    by_region[at(inst.region)].push_back(i);
    if (inst.category >= 0) categories.push_back(inst.category);
    packed[at(i)] = {static_cast<float>(inst.standing), static_cast<std::int32_t>(inst.region),
                     static_cast<std::int16_t>(
                         inst.kind == SeatKind::kVocational && inst.category >= 0 ? inst.category
                                                                                  : -2),
                     inst.seats > 0};
  }
  std::sort(categories.begin(), categories.end());
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
  const Index own_sampled = 2 * k, other_sampled = n_inst == 0 ? 0 : std::min<Index>(k, n_inst);

  ApplicantTable out;
  // The lists of a province cohort are tens of megabytes (detail/huge_pages.hpp).
  detail::resize_on_huge_pages(out.region, at(total));
  detail::resize_on_huge_pages(out.score, at(total));
  // Each applicant's list in its own K slots (-1 past its end), filled in
  // parallel: every draw is keyed by (seed, applicant), so the thread that
  // draws it changes nothing.
  std::vector<Index>& slots = out.choices.indices;  // compacted in place below
  detail::assign_on_huge_pages(slots, at(total) * at(k), -1);
#pragma omp parallel
  {
    std::vector<double> best_u(at(k));
    std::vector<Index> best_i(at(k));
#pragma omp for schedule(static)
    for (Index a = 0; a < total; ++a) {
      const auto c = static_cast<std::size_t>(
          std::upper_bound(first.begin(), first.end(), a) - first.begin() - 1);
      const JuniorCohort& cohort = cohorts[c];
      const Index home = home_of[c];
      const std::uint64_t applicant_key = seed ^ detail::mix64(static_cast<std::uint64_t>(a));
      detail::SplitMix64 rng(detail::mix64(applicant_key));
      double z = -6.0;
      for (int u = 0; u < 12; ++u) z += rng.uniform();
      const double score =
          std::round(std::clamp(cohort.score_mean + cohort.score_sd * z, 0.0, kMaxExamScore));
      const double standing = 0.5 * std::erfc(-z / std::sqrt(2.0));
      const int interest =
          categories.empty()
              ? -1
              : categories[below(rng.next(), categories.size())];
      // The K best so far, best first (higher utility, then lower index); an
      // institution drawn twice has the same utility and is kept once.
      Index held = 0;
      auto consider = [&](Index i) {
        const Packed& inst = packed[at(i)];
        if (!inst.open) return;
        const std::uint64_t draw = detail::mix64(
            applicant_key ^ detail::mix64(static_cast<std::uint64_t>(i) + 0x5851F42D4C957F2DULL));
        const double lottery = static_cast<double>(draw >> 11) * 0x1.0p-53;
        const double s_i = inst.standing;
        const double u = 2.0 * s_i - 4.0 * std::max(0.0, s_i - standing) -
                         (inst.region != home ? 0.6 : 0.0) +
                         (inst.category == interest ? 0.4 : 0.0) + 0.5 * lottery;
        auto better = [&](Index slot) {  // (u, i) ahead of the held entry in `slot`
          return u > best_u[at(slot)] || (u == best_u[at(slot)] && i < best_i[at(slot)]);
        };
        if (held == k && !better(k - 1)) return;
        for (Index t = 0; t < held; ++t)
          if (best_i[at(t)] == i) return;
        Index pos = std::min(held, k - 1);
        while (pos > 0 && better(pos - 1)) {
          best_u[at(pos)] = best_u[at(pos - 1)];
          best_i[at(pos)] = best_i[at(pos - 1)];
          --pos;
        }
        best_u[at(pos)] = u;
        best_i[at(pos)] = i;
        if (held < k) ++held;
      };
      const std::vector<Index>& own = by_region[at(home)];
      if (static_cast<Index>(own.size()) <= own_sampled) {
        for (Index i : own) consider(i);
      } else {  // a large county: 2K of its institutions drawn, repeats allowed
        for (Index d = 0; d < own_sampled; ++d) consider(own[below(rng.next(), own.size())]);
      }
      for (Index d = 0; d < other_sampled; ++d) {
        const auto i = static_cast<Index>(below(rng.next(), static_cast<std::uint64_t>(n_inst)));
        if (packed[at(i)].region != home) consider(i);
      }
      out.region[at(a)] = home;
      out.score[at(a)] = score;
      for (Index t = 0; t < held; ++t)
        slots[at(a) * at(k) + at(t)] = best_i[at(t)];
    }
  }
  detail::resize_on_huge_pages(out.choices.indptr, at(total) + 1);
  std::size_t filled = 0;  // never ahead of e: the compaction reads before it writes
  for (std::size_t a = 0, e = 0; a < at(total); ++a) {
    for (std::size_t t = 0; t < at(k); ++t, ++e)
      if (slots[e] >= 0) slots[filled++] = slots[e];
    out.choices.indptr[a + 1] = static_cast<Index>(filled);
  }
  slots.resize(filled);
  return out;
}

}  // namespace sixlink
