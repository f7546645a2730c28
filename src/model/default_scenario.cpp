// The built-in taizhou-2020 scenario: curated tables from data/taizhou/ (embedded
// at build time) plus a deterministic generator for the synthetic parts.
// data/README.md documents every step below; keep the two in step.
#include "sixlink/model/default_scenario.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

#include "detail/apportion.hpp"
#include "detail/csv_reader.hpp"
#include "detail/numbers.hpp"
#include "detail/rng.hpp"
#include "model/taizhou_progression.hpp"
#include "model/plan_indicator_table.hpp"
#include "sixlink/model/catalogue.hpp"
#include "sixlink/model/validate.hpp"

namespace sixlink {
namespace detail {
extern const std::string_view kTaizhouRegionsCsv;
extern const std::string_view kTaizhouClustersCsv;
extern const std::string_view kTaizhouSectorsCsv;
extern const std::string_view kTaizhouOccupationsCsv;
extern const std::string_view kTaizhouClusterOccupationsCsv;
extern const std::string_view kTaizhouSpecialtyOccupationsCsv;
extern const std::string_view kTaizhouRegionClustersCsv;
extern const std::string_view kTaizhouOtherFirmsCsv;
extern const std::string_view kTaizhouSchoolsCsv;
}  // namespace detail

namespace {

// Calibration to the plan's 2020 figures (data/README.md).
constexpr Count kSecondaryEnrolled = 55'000;
constexpr Count kHigherEnrolled = 33'700;  // 55,000 + 33,700 = 88,700 enrolled
constexpr double kRetention2020 = 0.3787;
constexpr double kLargeFirmParticipation2020 = 0.60;
constexpr double kDoubleHighShare2020 = 0.70;
// Firms outside the clusters (other_firms.csv): yearly hiring rate and how many firms of
// the same size each listed firm stands for (data/README.md, "Openings").
constexpr double kOtherFirmHiringRate = 0.08;
constexpr double kOtherFirmsRepresented = 10.0;
constexpr Count kLargeFirmEmployees = 1000;
constexpr std::uint64_t kSeed = 20201231;

// A curated CSV table, read by column name. Embedded data is trusted: a bad
// row is a build defect, reported as a logic error.
class Curated {
 public:
  explicit Curated(std::string_view text) {
    auto records = detail::parse_csv(text, "taizhou data");
    for (std::size_t c = 0; c < records.front().fields.size(); ++c)
      column_[records.front().fields[c]] = c;
    records.erase(records.begin());
    rows_ = std::move(records);
  }
  std::size_t size() const { return rows_.size(); }
  const std::string& text(std::size_t r, const std::string& col) const {
    return rows_[r].fields.at(column_.at(col));
  }
  double number(std::size_t r, const std::string& col) const {
    const auto parsed = detail::parse_number(text(r, col));
    if (!parsed.value) throw std::logic_error("taizhou data: " + parsed.error);
    return *parsed.value;
  }

 private:
  std::map<std::string, std::size_t> column_;
  std::vector<detail::CsvRecord> rows_;
};

template <class T>
std::size_t index_of(const std::vector<T>& items, std::string_view id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return i;
  }
  throw std::logic_error("taizhou data: unknown id " + std::string(id));
}

std::string two_digits(std::size_t k) { return (k < 10 ? "0" : "") + std::to_string(k); }


// Which parts of the scenario are illustrative; reports print these lines.
std::vector<std::string> provenance_notes() {
  return {
      "openings: modelled from employment (cluster employment x vocational-level share x "
      "(growth + replacement)); illustrative scale",
      "school names: the plan's institutions; other schools illustrative",
      "enterprises: sampled firms standing for the clusters' employment; illustrative",
      "progression: illustrative",
  };
}

// Kept whole (about 320 lines, a data table): the tables in order with every draw
// from one rng, so a split that reordered draws would change the default scenario.
Scenario build_taizhou() {
  Scenario s;
  s.name = std::string(kDefaultScenarioName);
  s.base_year = 2020;
  detail::SplitMix64 rng(kSeed);

  const Curated regions(detail::kTaizhouRegionsCsv);
  std::vector<double> region_weight;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    s.regions.push_back(
        {regions.text(r, "id"), regions.text(r, "name") + " " + regions.text(r, "name_zh")});
    region_weight.push_back(regions.number(r, "weight"));
  }
  const Curated clusters(detail::kTaizhouClustersCsv);
  // City employment of each cluster and the share of it in vocational-level occupations:
  // the scale of the openings (data/README.md, "Openings").
  std::vector<double> cluster_employment, vocational_share;
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    cluster_employment.push_back(clusters.number(c, "employment"));
    vocational_share.push_back(clusters.number(c, "vocational_share"));
    s.clusters.push_back(
        {clusters.text(c, "id"), clusters.text(c, "name") + " " + clusters.text(c, "name_zh"),
         clusters.number(c, "growth_rate"), clusters.number(c, "replacement_rate")});
  }
  const Curated sectors(detail::kTaizhouSectorsCsv);
  for (std::size_t k = 0; k < sectors.size(); ++k) {
    s.sectors.push_back(
        {sectors.text(k, "id"), sectors.text(k, "name"), sectors.text(k, "cluster")});
  }
  const Curated occupations(detail::kTaizhouOccupationsCsv);
  for (std::size_t o = 0; o < occupations.size(); ++o) {
    s.occupations.push_back({occupations.text(o, "id"),
                             occupations.text(o, "name") + " " + occupations.text(o, "name_zh")});
  }
  const std::size_t n_regions = s.regions.size();
  const std::size_t n_clusters = s.clusters.size();
  const std::size_t n_occupations = s.occupations.size();

  // mix[c][o]: share of occupation o in cluster c's openings.
  std::vector<std::vector<double>> mix(n_clusters, std::vector<double>(n_occupations, 0.0));
  const Curated cluster_occupations(detail::kTaizhouClusterOccupationsCsv);
  for (std::size_t r = 0; r < cluster_occupations.size(); ++r) {
    mix[index_of(s.clusters, cluster_occupations.text(r, "cluster"))]
       [index_of(s.occupations, cluster_occupations.text(r, "occupation"))] =
           cluster_occupations.number(r, "share");
  }

  // Specialties: codes and fits curated, names from the real catalogue.
  const Curated links(detail::kTaizhouSpecialtyOccupationsCsv);
  for (std::size_t r = 0; r < links.size(); ++r) {
    const std::string& code = links.text(r, "specialty");
    const SpecialtyLevel level = *parse_specialty_level(links.text(r, "level"));
    if (s.specialties.empty() || s.specialties.back().id != code) {
      const CatalogueEntry* entry = find_catalogue_entry(level, code);
      if (entry == nullptr)
        throw std::logic_error("taizhou data: " + code + " is not in the catalogue");
      s.specialties.push_back({code, entry->name, level, {}});
    }
    s.specialties.back().occupations.push_back(
        {links.text(r, "occupation"), links.number(r, "fit")});
  }
  // a[s][c]: how well specialty s fits cluster c's occupation mix.
  std::vector<std::vector<double>> fit(s.specialties.size(), std::vector<double>(n_clusters, 0.0));
  for (std::size_t sp = 0; sp < s.specialties.size(); ++sp) {
    for (const auto& f : s.specialties[sp].occupations) {
      const std::size_t o = index_of(s.occupations, f.occupation);
      for (std::size_t c = 0; c < n_clusters; ++c) fit[sp][c] += f.fit * mix[c][o];
    }
  }

  // strength[r][c]: number of sampled firms of cluster c in region r.
  std::vector<std::vector<double>> strength(n_regions, std::vector<double>(n_clusters, 0.0));
  std::vector<double> city_strength(n_clusters, 0.0);
  const Curated region_clusters(detail::kTaizhouRegionClustersCsv);
  for (std::size_t r = 0; r < region_clusters.size(); ++r) {
    const std::size_t reg = index_of(s.regions, region_clusters.text(r, "region"));
    const std::size_t c = index_of(s.clusters, region_clusters.text(r, "cluster"));
    strength[reg][c] = region_clusters.number(r, "firms");
    city_strength[c] += strength[reg][c];
  }

  // --- Schools and programmes -------------------------------------------------
  const Curated schools(detail::kTaizhouSchoolsCsv);
  std::vector<double> programme_weight;  // enrolment share before rounding
  std::vector<std::size_t> programme_school;
  double secondary_region_weight = 0.0;
  for (std::size_t r = 0; r < n_regions; ++r) {
    bool has_school = false;
    for (std::size_t k = 0; k < schools.size(); ++k) {
      has_school = has_school || (schools.text(k, "region") == s.regions[r].id &&
                                  schools.text(k, "level") == "secondary" &&
                                  schools.number(k, "opens_in_year") == 0);
    }
    if (has_school) secondary_region_weight += region_weight[r];
  }
  for (std::size_t k = 0; k < schools.size(); ++k) {
    School school;
    school.id = schools.text(k, "id");
    school.name = schools.text(k, "name");
    school.region = schools.text(k, "region");
    school.level = *parse_school_level(schools.text(k, "level"));
    school.opens_in_year = static_cast<int>(schools.number(k, "opens_in_year"));
    s.schools.push_back(school);
    const std::string& focus = schools.text(k, "focus");  // code prefix: a specialised school
    const std::size_t reg = index_of(s.regions, school.region);
    const bool higher = school.level == SchoolLevel::kHigher;
    const SpecialtyLevel level = higher ? SpecialtyLevel::kAssociate : SpecialtyLevel::kSecondary;
    // Rank the specialties of the school's level by fit to the clusters around it.
    std::vector<std::pair<double, std::size_t>> ranked;
    for (std::size_t sp = 0; sp < s.specialties.size(); ++sp) {
      if (s.specialties[sp].level != level || !s.specialties[sp].id.starts_with(focus)) continue;
      double score = 0.0;
      for (std::size_t c = 0; c < n_clusters; ++c) {
        const double local = higher ? 3.0 * strength[reg][c] + city_strength[c]
                                    : strength[reg][c] + 0.15 * city_strength[c];
        score += fit[sp][c] * local;
      }
      ranked.emplace_back(score, sp);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    const auto offered = std::min<std::size_t>(
        static_cast<std::size_t>(schools.number(k, "programmes")), ranked.size());
    const double school_budget = (higher ? static_cast<double>(kHigherEnrolled)
                                         : static_cast<double>(kSecondaryEnrolled) *
                                               region_weight[reg] / secondary_region_weight) *
                                 schools.number(k, "share");
    double score_sum = 0.0;
    for (std::size_t j = 0; j < offered; ++j) score_sum += std::sqrt(ranked[j].first);
    if (offered == 0) continue;  // a campus not open yet: capacity only (set below)
    for (std::size_t j = 0; j < offered; ++j) {
      const Specialty& sp = s.specialties[ranked[j].second];
      Programme p;
      p.id = school.id + "-" + sp.id;
      p.name = schools.text(k, "label") + " · " + sp.name;
      p.school = school.id;
      p.specialty = sp.id;
      p.duration = 3;
      p.completion_rate = higher ? 0.92 : 0.95;
      const bool engineering = sp.id.starts_with("66") || sp.id.starts_with("46") ||
                               sp.id.starts_with("71") || sp.id.starts_with("51") ||
                               sp.id.starts_with("43") || sp.id.starts_with("48");
      p.cost_per_student = (higher ? 21'000.0 : 16'000.0) * (engineering ? 1.15 : 1.0);
      s.programmes.push_back(p);
      programme_weight.push_back(school_budget * std::sqrt(ranked[j].first) / score_sum);
      programme_school.push_back(k);
    }
  }
  // Enrolment: exact totals per level, by largest remainder.
  for (const SchoolLevel level : {SchoolLevel::kSecondary, SchoolLevel::kHigher}) {
    std::vector<double> weights;
    std::vector<std::size_t> members;
    for (std::size_t p = 0; p < s.programmes.size(); ++p) {
      if (s.schools[programme_school[p]].level != level) continue;
      weights.push_back(programme_weight[p]);
      members.push_back(p);
    }
    const auto enrolled = detail::apportion(
        weights, level == SchoolLevel::kHigher ? kHigherEnrolled : kSecondaryEnrolled);
    for (std::size_t m = 0; m < members.size(); ++m) {
      Programme& p = s.programmes[members[m]];
      p.enrolled = enrolled[m];
      // Enrolment spans `duration` cohorts, about 3 % of each leaving before the end.
      p.intake = std::llround(static_cast<double>(p.enrolled) / (p.duration * 0.97));
      p.min_intake = std::min<Count>(30, p.intake);  // one class: the smallest viable cohort
      p.max_intake = static_cast<Count>(std::ceil(1.5 * static_cast<double>(p.intake)));
    }
  }
  std::vector<Count> school_enrolled(s.schools.size(), 0);
  for (std::size_t p = 0; p < s.programmes.size(); ++p)
    school_enrolled[programme_school[p]] += s.programmes[p].enrolled;
  for (std::size_t k = 0; k < s.schools.size(); ++k) {
    School& school = s.schools[k];
    school.capacity =
        static_cast<Count>(std::ceil(1.1 * static_cast<double>(school_enrolled[k]) / 100.0)) * 100;
    if (school.opens_in_year != 0)
      school.capacity = static_cast<Count>(schools.number(k, "capacity"));
    school.social_training = std::llround(0.8 * static_cast<double>(school_enrolled[k]));
  }
  // Double-high schools: the colleges, then the largest secondary schools until
  // the share of students in them reaches the 2020 baseline.
  {
    const Count total = kSecondaryEnrolled + kHigherEnrolled;
    Count in_double_high = 0;
    std::vector<std::size_t> order(s.schools.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const bool ha = s.schools[a].level == SchoolLevel::kHigher;
      const bool hb = s.schools[b].level == SchoolLevel::kHigher;
      return ha != hb ? ha : school_enrolled[a] > school_enrolled[b];
    });
    for (std::size_t k : order) {
      if (static_cast<double>(in_double_high) >= kDoubleHighShare2020 * static_cast<double>(total))
        break;
      // Stay below the 2023 target (75 %): a school that would cross it is passed over.
      if (static_cast<double>(in_double_high + school_enrolled[k]) >=
          0.75 * static_cast<double>(total))
        continue;
      s.schools[k].double_high = true;
      in_double_high += school_enrolled[k];
    }
  }

  // --- Enterprises and their openings ----------------------------------------------
  std::vector<std::vector<std::size_t>> cluster_sectors(n_clusters);
  for (std::size_t k = 0; k < s.sectors.size(); ++k) {
    if (!s.sectors[k].cluster.empty())
      cluster_sectors[index_of(s.clusters, s.sectors[k].cluster)].push_back(k);
  }
  struct Cell {
    std::size_t enterprise, occupation, cluster;  // cluster: n_clusters for other firms
    double raw;
  };
  std::vector<double> sampled_employees(n_clusters, 0.0);
  std::vector<Cell> cells;
  auto log_uniform = [&rng](double lo, double hi) {
    return std::round(std::exp(std::log(lo) + rng.uniform() * (std::log(hi) - std::log(lo))));
  };
  for (std::size_t r = 0; r < region_clusters.size(); ++r) {
    const std::size_t reg = index_of(s.regions, region_clusters.text(r, "region"));
    const std::size_t c = index_of(s.clusters, region_clusters.text(r, "cluster"));
    const auto firms = static_cast<std::size_t>(region_clusters.number(r, "firms"));
    for (std::size_t f = 0; f < firms; ++f) {
      Enterprise e;
      e.id = "e-" + s.regions[reg].id + "-" + s.clusters[c].id + "-" + two_digits(f + 1);
      e.name = s.regions[reg].name.substr(0, s.regions[reg].name.find(' ')) + " " +
               s.clusters[c].id + " firm " + two_digits(f + 1);
      e.region = s.regions[reg].id;
      e.sector = s.sectors[cluster_sectors[c][f % cluster_sectors[c].size()]].id;
      e.employees = static_cast<Count>(log_uniform(60.0, 6000.0));
      const double yearly = static_cast<double>(e.employees) *
                            (s.clusters[c].growth_rate + s.clusters[c].replacement_rate);
      for (std::size_t o = 0; o < n_occupations; ++o) {
        if (mix[c][o] > 0.0) cells.push_back({s.enterprises.size(), o, c, yearly * mix[c][o]});
      }
      sampled_employees[c] += static_cast<double>(e.employees);
      s.enterprises.push_back(std::move(e));
    }
  }
  const Curated other(detail::kTaizhouOtherFirmsCsv);
  for (std::size_t r = 0; r < other.size(); ++r) {
    const std::size_t reg = index_of(s.regions, other.text(r, "region"));
    const std::size_t o = index_of(s.occupations, other.text(r, "occupation"));
    const std::string& sector = other.text(r, "sector");
    const auto firms = static_cast<std::size_t>(other.number(r, "firms"));
    for (std::size_t f = 0; f < firms; ++f) {
      Enterprise e;
      const std::string kind = sector.empty() ? "unclassified" : "sector" + sector;
      e.id = "e-" + s.regions[reg].id + "-" + kind + "-" + two_digits(f + 1);
      e.name = s.regions[reg].name.substr(0, s.regions[reg].name.find(' ')) + " " + kind +
               " firm " + two_digits(f + 1);
      e.region = s.regions[reg].id;
      e.sector = sector;
      e.employees = static_cast<Count>(log_uniform(30.0, 800.0));
      cells.push_back({s.enterprises.size(), o, n_clusters,
                       static_cast<double>(e.employees) * kOtherFirmHiringRate *
                           kOtherFirmsRepresented});
      s.enterprises.push_back(std::move(e));
    }
  }
  // Each sampled firm stands for employment_c / sampled_c times its headcount; only the
  // vocational-level share of that employment hires vocational graduates.
  std::vector<double> raw;
  double raw_total = 0.0;
  for (const auto& cell : cells) {
    const double scale = cell.cluster == n_clusters
                             ? 1.0
                             : cluster_employment[cell.cluster] /
                                   sampled_employees[cell.cluster] *
                                   vocational_share[cell.cluster];
    raw.push_back(cell.raw * scale);
    raw_total += raw.back();
  }
  const auto openings = detail::apportion(raw, std::llround(raw_total));
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (openings[k] > 0) {
      s.enterprises[cells[k].enterprise].openings.push_back(
          {s.occupations[cells[k].occupation].id, openings[k]});
    }
  }
  // Large firms; the 2020 share of them taking part in vocational education.
  std::vector<std::pair<std::uint64_t, std::size_t>> large;
  for (std::size_t k = 0; k < s.enterprises.size(); ++k) {
    Enterprise& e = s.enterprises[k];
    e.large = e.employees >= kLargeFirmEmployees;
    const std::uint64_t draw = rng.next();
    if (e.large) {
      large.emplace_back(draw, k);
    } else {
      e.partner = (draw >> 11) * 0x1.0p-53 < 0.2;
    }
  }
  std::sort(large.begin(), large.end());
  const auto partners = static_cast<std::size_t>(
      std::llround(kLargeFirmParticipation2020 * static_cast<double>(large.size())));
  for (std::size_t j = 0; j < partners; ++j) s.enterprises[large[j].second].partner = true;
  detail::set_above_size_partners(s, kLargeFirmParticipation2020);  // the plan's 规上 definition
  for (auto& e : s.enterprises) {
    if (e.partner)
      e.internship_slots =
          std::max<Count>(2, std::llround(0.02 * static_cast<double>(e.employees)));
  }

  // --- 2020 employment records: 37.87 % of graduates stay in the city ---------------
  const double max_strength = *std::max_element(city_strength.begin(), city_strength.end());
  std::vector<double> local_weight;
  std::vector<Count> cohort;
  for (std::size_t p = 0; p < s.programmes.size(); ++p) {
    const Programme& prog = s.programmes[p];
    const std::size_t sp = index_of(s.specialties, prog.specialty);
    const std::size_t reg = index_of(s.regions, s.schools[programme_school[p]].region);
    const double fit_sum = std::accumulate(fit[sp].begin(), fit[sp].end(), 0.0);
    double pull = 0.0;  // how strongly the home region's clusters demand this specialty
    for (std::size_t c = 0; c < n_clusters; ++c)
      pull += fit[sp][c] / fit_sum * (strength[reg][c] + 0.2 * city_strength[c]) / max_strength;
    cohort.push_back(std::llround(static_cast<double>(prog.intake) * prog.completion_rate));
    local_weight.push_back(static_cast<double>(cohort.back()) * (0.15 + std::min(pull, 0.8)));
  }
  const Count cohort_total = std::accumulate(cohort.begin(), cohort.end(), Count{0});
  const auto local = detail::apportion(
      local_weight, std::llround(kRetention2020 * static_cast<double>(cohort_total)));
  for (std::size_t p = 0; p < s.programmes.size(); ++p) {
    const std::size_t sp = index_of(s.specialties, s.programmes[p].specialty);
    const std::size_t reg = index_of(s.regions, s.schools[programme_school[p]].region);
    const Count stay = std::min(local[p], cohort[p]);
    std::vector<double> where(n_clusters);
    for (std::size_t c = 0; c < n_clusters; ++c)
      where[c] = fit[sp][c] * (strength[reg][c] + 0.2 * city_strength[c]);
    const auto by_cluster = detail::apportion(where, stay);
    for (std::size_t c = 0; c < n_clusters; ++c) {
      if (by_cluster[c] > 0)
        s.employment.push_back(
            {s.programmes[p].id, 2020, "", s.clusters[c].id, false, by_cluster[c]});
    }
    if (cohort[p] > stay)
      s.employment.push_back({s.programmes[p].id, 2020, "", "", true, cohort[p] - stay});
  }

  // --- Progression (升学) and 3+2 links: illustrative (data/README.md) ------------
  detail::add_taizhou_progression(s, kRetention2020);

  // --- The plan's indicator table: 2020 values and 2023 / 2025 targets -----------
  detail::add_plan_indicator_table(s);
  s.notes = provenance_notes();
  validate(s);
  return s;
}

}  // namespace

const Scenario& default_scenario() {
  static const Scenario kScenario = build_taizhou();
  return kScenario;
}

std::vector<std::string_view> builtin_scenario_names() { return {kDefaultScenarioName}; }

const Scenario* find_builtin_scenario(std::string_view name) {
  return name == kDefaultScenarioName ? &default_scenario() : nullptr;
}

}  // namespace sixlink
