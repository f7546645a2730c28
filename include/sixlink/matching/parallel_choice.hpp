// sixlink/matching/parallel_choice.hpp — score-priority parallel-choice
// admission (平行志愿), as in China's senior-secondary and college entrance
// admissions.
//
// Problem. Applicants, each with one score, list institutions in order.
// Taken one at a time from the highest score down (equal scores by the
// market's seeded lottery), each applicant is admitted to the first
// institution on their list that still has a seat for them and whose rules
// they meet: a minimum score, if one is set, and seats: an applicant in group g
// takes one of the seats a quota reserves for g while any is left, otherwise an
// open seat (capacity minus all reserved seats). There is one round: an
// applicant who fits nowhere on their list stays unadmitted and is not
// reconsidered, and reserved seats left unused stay empty.
//
// When every applicant ranks every institution and there are no rules, this
// is serial dictatorship by score, and it equals applicant-proposing deferred
// acceptance under that common score priority; with partial lists it differs
// from deferred acceptance (an applicant cannot displace anyone already
// admitted, so justified envy can remain: audit_stability counts it).
//
// Complexity: O(n log n + L) for n applicants and total list length L.
#pragma once

#include <vector>

#include "sixlink/matching/market.hpp"

namespace sixlink {

struct AdmissionRules {
  std::vector<double> min_score;  ///< per institution (or empty: none)
};

struct AdmissionResult {
  std::vector<Index> applicant_match;  ///< per applicant: its institution, or -1
  std::vector<Count> filled;           ///< per institution
  std::vector<Index> order;            ///< applicants in the order they were considered
};

/// Needs market.scores (one score per applicant); throws InvalidInput otherwise,
/// for a malformed market, or for a min_score list of the wrong length or with NaN.
/// Takes a MatchingMarket, or a MatchingMarketView of arrays the caller holds.
AdmissionResult parallel_choice_admission(const MatchingMarketView& market,
                                          const AdmissionRules& rules = {});

}  // namespace sixlink
