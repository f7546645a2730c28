// sixlink/admission/admission_data.hpp — what an admission run reads: general
// high schools, the junior-high cohorts by county and year, the institutions
// with their seats, and the applicants with their preference lists.
//
// Data. A Scenario holds the vocational side (programmes and their intake
// quotas). AdmissionData adds the rest:
//   - high_schools: general high schools (普通高中), each with a county
//     (region), a capacity (its yearly intake) and a tier (1 the strongest
//     重点高中 .. 3);
//   - cohorts: the junior-high graduating cohort of a county in a year: its
//     size and the mean and standard deviation of its 中考 scores.
// A city brings them as CSV (io/admission_io.hpp) with, optionally, the
// applicants' own preference lists. Without them default_admission_data gives
// a documented, illustrative set, labelled so in `notes`:
//   - taizhou-2020: per county, three general high schools (tiers 1, 2, 3 with
//     35 %, 40 % and 25 % of the county's seats); the city's general seats equal
//     its secondary vocational intake (the plan's 大体相当), shared over the
//     ten county-level regions by population (data/taizhou/regions.csv);
//   - any other scenario: per county, general seats equal to the county's
//     secondary vocational intake, in schools of at most 1,000 seats with tiers
//     1, 2, 3 in turn;
//   - cohorts (both): one per county for the base year, of size
//     round(1.03 x the county's general and vocational seats) — three
//     applicants in a hundred more than the seats, so that some go without a
//     place — with 中考 mean 480 and standard deviation 90.
//
// Synthetic applicants (synthetic_applicants), without preference lists from
// the city; each applicant a of county h is drawn from (seed, a) alone:
//   score     round(clamp(mean + sd x z, 0, kMaxExamScore)), z = (sum of 12
//             uniforms) - 6 (Irwin-Hall, nearly normal); p = Phi(z) is the
//             applicant's standing in the cohort;
//   interest  one specialty category (the first two digits of a catalogue
//             code) among the categories the admission programmes offer,
//             uniformly;
//   lists     the K institutions of highest utility among those the applicant
//             looks at: all of its own county's (2K of them drawn uniformly, with
//             repeats, when the county has more than 2K) and K drawn uniformly
//             from all institutions, of which those in other counties count;
//             utility
//               u = 2 s - 4 max(0, s - p) - 0.6 [other county]
//                   + 0.4 [vocational programme in the interest's category]
//                   + 0.5 lottery(seed, a, i),
//             s the institution's standing: general tier 1, 2, 3 -> 0.9, 0.7,
//             0.5; vocational programme 0.45 at a double-high (双高) school, 0.3
//             otherwise. Reaching above one's standing costs (4 max(0, s - p)),
//             distance is a county border (scenarios carry no coordinates), and
//             the lottery is uniform in [0, 1).
// Complexity: O(A K^2) for A applicants (at most 3K candidates each, kept
// in a sorted list of K); drawn in parallel.
//
// Institutions (AdmissionSeats): the scenario's secondary-level programmes of
// schools open in the base year with intake > 0, in scenario order, then the
// general high schools in data order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sixlink/core/types.hpp"
#include "sixlink/matching/market.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

inline constexpr double kMaxExamScore = 750.0;

struct HighSchool {
  std::string id;
  std::string name;
  std::string region;
  Count capacity = 0;
  int tier = 2;  ///< 1 (strongest) .. 3
};

struct JuniorCohort {
  std::string region;
  int year = 0;
  Count size = 0;
  double score_mean = 480.0;
  double score_sd = 90.0;
};

struct AdmissionData {
  std::vector<HighSchool> high_schools;
  std::vector<JuniorCohort> cohorts;
  std::vector<std::string> notes;  ///< what is illustrative
};

enum class SeatKind { kVocational, kGeneral };

std::string_view to_string(SeatKind kind);

struct AdmissionInstitution {
  std::string id;      ///< a programme's or a high school's id
  std::string label;   ///< its name in reports
  std::string school;  ///< the school (a high school: itself)
  Index region = 0;    ///< into AdmissionSeats::regions
  SeatKind kind = SeatKind::kVocational;
  Count seats = 0;
  double standing = 0.3;  ///< see the essay
  int category = -1;      ///< specialty category (first two code digits), -1 for none
};

struct AdmissionSeats {
  std::vector<std::string> regions;  ///< the scenario's region ids, in order
  std::vector<std::string> region_names;
  std::vector<AdmissionInstitution> institutions;
};

/// Applicants in index form: institution indices into AdmissionSeats.
struct ApplicantTable {
  std::vector<std::string> ids;  ///< empty: "a<index>" (synthetic applicants)
  std::vector<Index> region;     ///< into AdmissionSeats::regions
  std::vector<double> score;
  RankedLists choices;

  Index size() const { return static_cast<Index>(region.size()); }
  std::string id(Index a) const {
    return ids.empty() ? "a" + std::to_string(a) : ids[static_cast<std::size_t>(a)];
  }
};

/// The illustrative data described above (taizhou-2020 has its own set).
AdmissionData default_admission_data(const Scenario& scenario);

/// The default cohorts (one per county, base year, 1.03 x the county's
/// secondary vocational intake plus the seats of `high_schools` there).
std::vector<JuniorCohort> default_cohorts(const Scenario& scenario,
                                          const std::vector<HighSchool>& high_schools);

/// Checks data against the scenario: unique high-school ids (distinct from
/// programme ids), known regions, capacities in [0, kMaxCount], tiers 1..3,
/// cohort sizes in [0, kMaxCount], finite scores with sd >= 0, one cohort per
/// (region, year). Throws InvalidInput ("high_schools[3] ('x'): ...").
void validate_admission_data(const AdmissionData& data, const Scenario& scenario);

/// The institutions (see the essay). Validates `data` first.
AdmissionSeats admission_seats(const Scenario& scenario, const AdmissionData& data);

/// The cohorts of `year`; throws InvalidInput naming the years there are when none.
std::vector<JuniorCohort> cohorts_of_year(const AdmissionData& data, int year);

/// The synthetic applicants of `year` (see the essay), at most `choices` each,
/// drawn in parallel (OpenMP) with the same result at any thread count. Throws
/// InvalidInput when there is no cohort of that year, choices < 1, or the
/// cohorts hold more than kMaxSyntheticApplicants applicants or
/// kMaxSyntheticEntries list entries (applicants x choices).
inline constexpr Count kMaxSyntheticApplicants = 20'000'000;
inline constexpr Count kMaxSyntheticEntries = 200'000'000;
ApplicantTable synthetic_applicants(const AdmissionSeats& seats, const AdmissionData& data,
                                    int year, int choices, std::uint64_t seed);

}  // namespace sixlink
