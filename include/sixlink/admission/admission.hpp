// sixlink/admission/admission.hpp — admission of junior-high graduates into
// general high schools and secondary vocational programmes, one platform, one
// batch, with or without county limits.
//
// Problem. Taizhou's plan asks that secondary vocational admissions stop being
// limited to each county (打破中职学校招生县域限制) and that general and vocational
// high-school admissions run on one platform, in one batch
// (普高招生和中职招生同平台同批次同步开展), keeping the two roughly equal (大体相当).
// An admission run here is that batch: the junior-high graduating cohort of a
// year (applicants with a 中考 score, a home county and a ranked list of at
// most K institutions) is matched to
//   - every secondary-level programme of an open vocational school, with its
//     intake quota as seats (Programme::intake; the scenario holds one year's
//     quotas, the same whatever --year says), and
//   - every general high school (AdmissionData::high_schools), with its
//     capacity as seats.
// Every institution ranks applicants by score, higher first; equal scores are
// broken by one seeded lottery draw per applicant (single tie-breaking,
// matching/market.hpp).
//
// County limits. With `county_limits` on (the rule before the reform), each
// institution's seats are all reserved for applicants from its own county: one
// group quota {institution, its county, capacity} per institution, groups being
// the applicants' home counties. The engines treat reserved seats as follows:
//   - stable mode (deferred acceptance with the reserve choice rule of Hafalir,
//     Yenmez and Yildirim 2013): seats the own county leaves empty are released
//     to applicants of other counties, who take them by score — a county-first
//     rule; an applicant from another county is admitted only to what the
//     school's own county does not want;
//   - parallel mode (parallel_choice_admission): reserved seats left unused stay
//     empty (one round), so the limit is strict: no applicant is admitted
//     outside their county.
// Both apply to general high schools and vocational programmes alike. With
// county limits off (the reform) every seat is open to every applicant.
//
// Modes. kStable: applicant-proposing deferred acceptance
// (matching/stable_matching.hpp), the applicant-optimal stable matching;
// without county limits every institution ranks applicants alike, so it is the
// serial dictatorship by score (one sort and one pass). kParallel: 平行志愿,
// applicants by score from the highest, each to the first listed institution
// with a seat for them (matching/parallel_choice.hpp). Either way the result is
// checked by the stability audit (verify/stability_audit.hpp): no blocking
// pair in stable mode; parallel mode's are counted.
//
// Reports. Fill per institution (and per school: a vocational school's
// programmes together), unfilled seats, applicants without a place (per
// county), the cross-county flow matrix (home county -> county of the
// institution admitted to), the vocational/general split against 大体相当
// (the vocational share of those admitted within 0.5 +/- kRoughlyEqualBand),
// and each institution's admitted score band (lowest, median, highest).
//
// Complexity: O(L log q) for total list length L and largest capacity q in
// stable mode with county limits, O(A log A + L) without them and in parallel
// mode, for A applicants; the audit adds O(L log q). Deterministic: the same
// data, options and seed give the same admission at any thread count (the
// admission and the audit are serial; the synthetic cohort,
// admission/admission_data.hpp, is drawn in parallel but each applicant from
// (seed, applicant) alone).
//
// References. D. Gale, L. S. Shapley, Amer. Math. Monthly 69 (1962) 9-15; I. E.
// Hafalir, M. B. Yenmez, M. A. Yildirim, Theoretical Economics 8 (2013)
// 325-363; on 平行志愿: Y.-K. Chen, O. Kesten, "Chinese college admissions and
// school choice reforms: a theoretical analysis", J. Political Economy 125
// (2017) 99-139.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sixlink/admission/admission_data.hpp"
#include "sixlink/core/types.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

enum class AdmissionMode { kStable, kParallel };

std::string_view to_string(AdmissionMode mode);
std::optional<AdmissionMode> parse_admission_mode(std::string_view text);

/// 大体相当: the vocational share of those admitted is "roughly equal" to the
/// general share when it lies within 0.5 +/- this band.
inline constexpr double kRoughlyEqualBand = 0.05;

struct AdmissionOptions {
  int year = 0;                         ///< the cohort's year; 0: the scenario's base year
  AdmissionMode mode = AdmissionMode::kStable;
  bool county_limits = false;           ///< reserve each institution's seats for its county
  int choices = 10;                     ///< K: the longest preference list (synthetic and imported)
  std::uint64_t seed = 0;               ///< synthetic cohort and the tie-breaking lottery
  bool count_justified_envy = true;     ///< off: the audit counts blocking pairs only
};

/// Per institution of AdmissionSeats.
struct InstitutionFill {
  Count seats = 0;
  Count filled = 0;
  Count from_other_counties = 0;
  /// Scores admitted: lowest, median (the upper middle one of an even count), highest; 0 when
  /// none admitted.
  double min_score = 0.0, median_score = 0.0, max_score = 0.0;
};

struct AdmissionOutcome {
  AdmissionOptions options;
  std::vector<Index> applicant_match;   ///< per applicant: the institution, or -1
  std::vector<InstitutionFill> institutions;
  Count applicants = 0, admitted = 0, unplaced = 0;
  Count seats = 0, unfilled = 0;
  Count vocational_admitted = 0, general_admitted = 0;
  Count vocational_seats = 0, general_seats = 0;
  double vocational_share = 0.0;        ///< of those admitted (0 when none)
  bool roughly_equal = false;           ///< vocational_share within 0.5 +/- kRoughlyEqualBand
  /// flows[h * regions + r]: applicants from county h admitted in county r.
  std::vector<Count> flows;
  std::vector<Count> unplaced_by_county;  ///< per region
  std::vector<Count> cohort_by_county;    ///< per region
  Count blocking_pairs = 0;
  Count justified_envy = 0;
  bool stable = false;                  ///< the audit found no blocking pair nor violation
  Count proposals = 0;                  ///< stable mode: deferred acceptance's proposals
};

/// Admits `applicants` into `seats` (both from admission_data.hpp). Throws
/// InvalidInput for options out of range (choices < 1) or applicants whose
/// lists name unknown institutions (the market's validation).
AdmissionOutcome admit(const AdmissionSeats& seats, const ApplicantTable& applicants,
                       const AdmissionOptions& options);

}  // namespace sixlink
