#include "sixlink/placement/cohort.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>

#include "detail/id_index.hpp"
#include "detail/numbers.hpp"
#include "detail/rng.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/core/interrupt.hpp"
#include "sixlink/model/retention.hpp"
#include "sixlink/placement/placement_options.hpp"

namespace sixlink {
namespace {

constexpr Count kMaxCapacity = 1'000'000'000;  // seats per opening: sums stay exact

using detail::find_id;
using detail::index_by_id;

// Whether `ids` names one twice; then `scratch` starts with that id.
// The same limits on ids as in a scenario (model/validate.hpp).
template <class Where>
void check_id_text(const std::string& id, const Where& where) {
  if (id.size() > kMaxIdLength)
    throw InvalidInput(where() + "id is longer than " + std::to_string(kMaxIdLength) + " bytes");
  for (const char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) throw InvalidInput(where() + "id holds a control character");
  }
}

bool has_duplicate(const std::vector<std::string>& ids, std::vector<std::string_view>& scratch) {
  if (ids.size() < 2) return false;
  scratch.assign(ids.begin(), ids.end());
  std::sort(scratch.begin(), scratch.end());
  const auto twice = std::adjacent_find(scratch.begin(), scratch.end());
  if (twice == scratch.end()) return false;
  scratch.front() = *twice;
  return true;
}

// The first item whose id an earlier item has, or items.size() if none: ids
// hashed and sorted, then compared only where hashes meet. Cheaper than a hash
// map of 1.5 million string nodes (the province's cohort), and no map is kept.
template <class T>
std::size_t first_repeated_id(const std::vector<T>& items) {
  std::vector<std::pair<std::size_t, std::size_t>> hashed(items.size());  // (hash, index)
  const std::hash<std::string_view> hash;
  for (std::size_t i = 0; i < items.size(); ++i) hashed[i] = {hash(items[i].id), i};
  std::sort(hashed.begin(), hashed.end());
  std::size_t first = items.size();
  for (std::size_t a = 0; a < hashed.size();) {
    std::size_t b = a + 1;
    while (b < hashed.size() && hashed[b].first == hashed[a].first) ++b;
    for (std::size_t x = a + 1; x < b; ++x)  // a run of equal hashes, by index
      for (std::size_t y = a; y < x; ++y)
        if (items[hashed[x].second].id == items[hashed[y].second].id) {
          first = std::min(first, hashed[x].second);
          break;
        }
    a = b;
  }
  return first;
}

// Per specialty: enterprises weighted by the seats in occupations it fits
// (cumulative weights for drawing).
std::vector<std::vector<std::pair<std::size_t, double>>> preference_pools(const Scenario& s) {
  std::vector<std::vector<std::pair<std::size_t, double>>> pool(s.specialties.size());
  for (std::size_t sp = 0; sp < s.specialties.size(); ++sp) {
    std::unordered_map<std::string_view, double> fits;
    for (const OccupationFit& f : s.specialties[sp].occupations) fits[f.occupation] = f.fit;
    double total = 0.0;
    for (std::size_t e = 0; e < s.enterprises.size(); ++e) {
      double weight = 0.0;
      for (const Opening& op : s.enterprises[e].openings) {
        const auto it = fits.find(op.occupation);
        if (it != fits.end() && op.count > 0) weight += it->second * static_cast<double>(op.count);
      }
      if (weight > 0.0) pool[sp].emplace_back(e, total += weight);
    }
  }
  return pool;
}

}  // namespace

std::string_view to_string(OpeningKind kind) {
  return kind == OpeningKind::kJob ? "job" : "internship";
}

std::optional<OpeningKind> parse_opening_kind(std::string_view text) {
  if (text == "job") return OpeningKind::kJob;
  if (text == "internship") return OpeningKind::kInternship;
  return std::nullopt;
}

std::vector<PlacementOpening> scenario_openings(const Scenario& s) {
  std::vector<PlacementOpening> out;
  for (const Enterprise& e : s.enterprises) {
    const Opening* largest = nullptr;
    for (const Opening& o : e.openings) {
      if (o.count <= 0) continue;
      out.push_back({e.id + "/" + o.occupation,
                     e.id,
                     o.occupation,
                     e.region,
                     std::min(o.count, kMaxCapacity),
                     OpeningKind::kJob,
                     {}});
      if (largest == nullptr || o.count > largest->count) largest = &o;
    }
    if (e.internship_slots > 0) {
      out.push_back({e.id + "/internship",
                     e.id,
                     largest ? largest->occupation : std::string(),
                     e.region,
                     std::min(e.internship_slots, kMaxCapacity),
                     OpeningKind::kInternship,
                     {}});
    }
  }
  return out;
}

Cohort synthetic_cohort(const Scenario& s, const CohortOptions& o) {
  validate_cohort_options(o);
  if (s.regions.empty() && !s.programmes.empty())
    throw InvalidInput("the scenario has programmes but no regions");
  // Graduates who continue study (model/retention.hpp) are not in the job market.
  const ProgressionRates progression = recorded_progression(s);
  const auto job_seekers_of = [&](std::size_t p) {
    const Programme& prog = s.programmes[p];
    return job_seekers(std::llround(static_cast<double>(prog.intake) * prog.completion_rate),
                       progression.rate[p]);
  };
  double drawn = 0.0;
  for (std::size_t p = 0; p < s.programmes.size(); ++p)
    drawn += static_cast<double>(job_seekers_of(p));
  if (drawn > static_cast<double>(kMaxSyntheticGraduates))
    throw InvalidInput("the synthetic cohort would hold " + detail::format_number(drawn) +
                       " graduates, more than the " + std::to_string(kMaxSyntheticGraduates) +
                       " sixlink draws one by one; give a cohort file instead");

  Cohort cohort;
  cohort.openings = scenario_openings(s);
  cohort.graduates.reserve(static_cast<std::size_t>(drawn));
  const auto schools = index_by_id(s.schools);
  const auto specialties = index_by_id(s.specialties);
  const auto regions = index_by_id(s.regions);

  const auto pool = preference_pools(s);
  std::vector<std::size_t> taken;

  for (std::size_t p = 0; p < s.programmes.size(); ++p) {
    throw_if_interrupted();  // Ctrl-C from Python while a large cohort is drawn
    const Programme& prog = s.programmes[p];
    const Count graduates = job_seekers_of(p);
    const Index school = find_id(schools, prog.school);
    const Index specialty = find_id(specialties, prog.specialty);
    const std::string school_region =
        school >= 0 ? s.schools[static_cast<std::size_t>(school)].region : s.regions[0].id;
    const bool school_region_known = find_id(regions, school_region) >= 0;
    for (Count k = 0; k < graduates; ++k) {
      Graduate g;
      g.id = prog.id + "-" + std::to_string(k + 1);
      g.programme = prog.id;
      detail::SplitMix64 rng(
          detail::mix64(o.seed ^ detail::mix64((static_cast<std::uint64_t>(p) << 32) ^
                                               static_cast<std::uint64_t>(k))));
      g.home_region = school_region;
      if (rng.uniform() >= o.home_share || !school_region_known) {
        g.home_region = s.regions[static_cast<std::size_t>(rng.next() % s.regions.size())].id;
      }
      g.score = std::round(50.0 * (rng.uniform() + rng.uniform()) * 10.0) / 10.0;
      if (specialty >= 0 && rng.uniform() < o.preference_share) {
        const auto& choices = pool[static_cast<std::size_t>(specialty)];
        taken.clear();  // a few enterprises: a linear scan beats a hash set per graduate
        for (int attempt = 0; attempt < 4 * o.preferences && !choices.empty() &&
                              static_cast<int>(g.preferences.size()) < o.preferences;
             ++attempt) {
          const double x = rng.uniform() * choices.back().second;
          const auto it = std::upper_bound(
              choices.begin(), choices.end(), x,
              [](double v, const std::pair<std::size_t, double>& c) { return v < c.second; });
          const std::size_t e = it == choices.end() ? choices.back().first : it->first;
          if (std::find(taken.begin(), taken.end(), e) != taken.end()) continue;
          taken.push_back(e);
          g.preferences.push_back(s.enterprises[e].id);
        }
      }
      cohort.graduates.push_back(std::move(g));
    }
  }
  return cohort;
}

void validate_cohort(const Cohort& c, const Scenario& s) {
  const auto programmes = index_by_id(s.programmes);
  const auto regions = index_by_id(s.regions);
  const auto enterprises = index_by_id(s.enterprises);
  const auto occupations = index_by_id(s.occupations);
  detail::IdIndex openings;
  openings.reserve(c.openings.size());
  const std::size_t repeated = first_repeated_id(c.graduates);
  std::vector<std::string_view> sorted;
  for (std::size_t i = 0; i < c.graduates.size(); ++i) {
    const Graduate& g = c.graduates[i];
    auto where = [&] { return "graduates[" + std::to_string(i) + "] ('" + g.id + "'): "; };
    if (g.id.empty()) throw InvalidInput("graduates[" + std::to_string(i) + "]: empty id");
    check_id_text(g.id, where);
    if (i == repeated) throw InvalidInput(where() + "duplicate id");
    // Cohorts list a programme's graduates together: one look-up per run of them.
    if (i == 0 || g.programme != c.graduates[i - 1].programme) {
      if (find_id(programmes, g.programme) < 0)
        throw InvalidInput(where() + "programme '" + g.programme + "' is not in the scenario");
    }
    if ((i == 0 || g.home_region != c.graduates[i - 1].home_region) &&
        find_id(regions, g.home_region) < 0)
      throw InvalidInput(where() + "home_region '" + g.home_region + "' is not in the scenario");
    if (!std::isfinite(g.score))
      throw InvalidInput(where() + "score must be a finite number, got " +
                         detail::format_number(g.score));
    for (std::size_t r = 0; r < g.preferences.size(); ++r) {
      const std::string& e = g.preferences[r];
      if (find_id(enterprises, e) < 0)
        throw InvalidInput(where() + "preference '" + e + "' is not an enterprise of the scenario");
    }
    if (has_duplicate(g.preferences, sorted))
      throw InvalidInput(where() + "preference '" + std::string(sorted.front()) + "' twice");
  }
  // Graduates by id, for the openings' rankings only (most cohorts have none).
  detail::IdIndex graduates;
  for (const PlacementOpening& op : c.openings)
    if (!op.ranking.empty()) {
      graduates = index_by_id(c.graduates);
      break;
    }
  for (std::size_t j = 0; j < c.openings.size(); ++j) {
    const PlacementOpening& op = c.openings[j];
    auto where = [&] { return "openings[" + std::to_string(j) + "] ('" + op.id + "'): "; };
    if (op.id.empty()) throw InvalidInput("openings[" + std::to_string(j) + "]: empty id");
    check_id_text(op.id, where);
    if (!openings.emplace(op.id, static_cast<Index>(j)).second)
      throw InvalidInput(where() + "duplicate id");
    if (find_id(enterprises, op.enterprise) < 0)
      throw InvalidInput(where() + "enterprise '" + op.enterprise + "' is not in the scenario");
    if (!op.occupation.empty() && find_id(occupations, op.occupation) < 0)
      throw InvalidInput(where() + "occupation '" + op.occupation + "' is not in the scenario");
    if (find_id(regions, op.region) < 0)
      throw InvalidInput(where() + "region '" + op.region + "' is not in the scenario");
    if (op.capacity < 0 || op.capacity > kMaxCapacity)
      throw InvalidInput(where() + "capacity must be in [0, " + std::to_string(kMaxCapacity) +
                         "], got " + std::to_string(op.capacity));
    for (const std::string& g : op.ranking) {
      if (find_id(graduates, g) < 0)
        throw InvalidInput(where() + "ranking names '" + g + "', not a graduate of the cohort");
    }
    if (has_duplicate(op.ranking, sorted))
      throw InvalidInput(where() + "ranking names '" + std::string(sorted.front()) + "' twice");
  }
}

}  // namespace sixlink
