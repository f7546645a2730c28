// A cohort to place: individual graduates and the openings they can fill.
//
// Graduates carry their programme (hence specialty and school), home region,
// an exam or course score (higher is better; openings without their own ranking
// order graduates by it) and, optionally, ranked preferences over enterprises.
// Openings are seats at an enterprise for one occupation, in the enterprise's
// region, either a job or an internship, with an optional ranking of graduates.
//
// Where a city has no individual records, `synthetic_cohort` draws one from the
// scenario, deterministically from the seed:
//   graduates   round(intake_p x completion_rate_p) per programme p, as in the
//               gap analysis (28,600 for taizhou-2020)
//   home region the school's region with probability `home_share`, else one of
//               the scenario's regions uniformly
//   score       a triangular draw on [0, 100] around 50 (50 x the sum of two uniforms)
//   preferences with probability `preference_share`, up to `preferences`
//               distinct enterprises, drawn with probability proportional to
//               the seats in occupations the graduate's specialty fits, best first
//               in the order drawn
// Openings come from `scenario_openings`: one job opening per (enterprise,
// occupation) with its count, and one internship opening per enterprise with
// internship slots, for the occupation with the most openings there (an
// enterprise with internships but no openings offers them without an occupation,
// which fits no specialty). All of them lie in the city.
//
// A synthetic cohort holds at most kMaxSyntheticGraduates graduates (a larger
// scenario is refused: bring a cohort file). An opening has at most 10^9 seats:
// a scenario's count beyond that is more than any cohort fills and is cut to it.
//
// Numbers are drawn with SplitMix64 keyed by (seed, graduate), so the cohort is
// the same on every platform and does not depend on the order of evaluation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/core/types.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

enum class OpeningKind { kJob, kInternship };

std::string_view to_string(OpeningKind kind);
std::optional<OpeningKind> parse_opening_kind(std::string_view text);

struct Graduate {
  std::string id;
  std::string programme;
  std::string home_region;
  double score = 0.0;
  std::vector<std::string> preferences;  ///< enterprise ids, best first (may be empty)
};

struct PlacementOpening {
  std::string id;
  std::string enterprise;
  std::string occupation;  ///< may be empty (fits no specialty)
  std::string region;
  Count capacity = 0;
  OpeningKind kind = OpeningKind::kJob;
  std::vector<std::string> ranking;  ///< graduate ids, best first (empty: by score)
};

struct Cohort {
  std::vector<Graduate> graduates;
  std::vector<PlacementOpening> openings;
};

/// The most graduates synthetic_cohort draws.
inline constexpr Count kMaxSyntheticGraduates = 2'000'000;

struct CohortOptions {
  std::uint64_t seed = 0;
  double home_share = 0.8;        ///< graduates whose home is their school's region
  double preference_share = 0.6;  ///< graduates who state preferences
  int preferences = 5;            ///< at most this many enterprises each
};

/// The scenario's openings: jobs per (enterprise, occupation), internships per enterprise.
std::vector<PlacementOpening> scenario_openings(const Scenario& scenario);

/// A deterministic synthetic cohort for the scenario's base year, with its openings.
/// Throws InvalidInput for options out of range.
Cohort synthetic_cohort(const Scenario& scenario, const CohortOptions& options = {});

/// Checks a cohort against its scenario: unique graduate and opening ids, known
/// programmes, regions, enterprises and occupations, finite scores, capacities
/// in [0, 1e9], rankings and preferences that name known ids once each. Throws
/// InvalidInput naming the first problem ("graduates[12] ('g-0012'): programme
/// 'x' is not in the scenario").
void validate_cohort(const Cohort& cohort, const Scenario& scenario);

}  // namespace sixlink
