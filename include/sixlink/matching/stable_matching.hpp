// sixlink/matching/stable_matching.hpp — many-to-one stable matching by
// deferred acceptance.
//
// Problem. A matching market (matching/market.hpp): applicants with ranked
// lists of institutions, institutions with capacities, priorities and group
// quotas. A matching is stable when it respects every capacity and list and no
// applicant a and institution s block it: a prefers s to its match (or is
// unmatched and lists s), and s would choose a out of its current applicants
// plus a (it has a free seat a may take, or a outranks someone a could
// displace).
//
// Algorithms. Applicant-proposing deferred acceptance (Gale and Shapley 1962):
// free applicants propose down their lists; each institution holds the best
// applicants its choice rule allows and rejects the rest. The result is the
// applicant-optimal stable matching, the same in whatever order proposals
// happen. Institution-proposing deferred acceptance gives the
// institution-optimal one, which is the worst stable matching for every
// applicant. With group quotas, an
// institution chooses by the reserve rule of Hafalir, Yenmez and Yildirim
// (2013): first up to r_g of its best group-g applicants for each quota, then
// the best of all the others for the remaining seats, so that seats a group
// leaves unused go to everyone; this choice rule is substitutable, so deferred
// acceptance stays stable and applicant-optimal (institution-optimal when
// institutions propose: each offers to its choice among the applicants that
// have not turned it down).
//
// A common priority (one score per applicant, single tie-breaking, no quotas:
// every institution ranks applicants alike) leaves exactly one stable matching,
// serial dictatorship (H. Ergin, Econometrica 70 (2002) 2489-2497): applicants
// in priority order each take the first listed institution with a seat left.
// Deferred acceptance from either side returns it, and it is computed so:
// O(A log A + L) for A applicants, one sort and one pass, no proposal bounced.
//
// Complexity: O(L log q) for total list length L and largest capacity q (each
// proposal is one heap operation at one institution); institution-proposing
// adds O(L log L) at most to put each institution's applicants in priority
// order (lazily: most of a popular institution's list is never reached, and
// is partitioned, not sorted), and with group quotas recomputes an
// institution's choice over its candidate list after each rejection it
// receives, O(L * longest candidate list) at worst. Free applicants (and
// institutions with seats to offer) wait in first-in-first-out queues, which
// changes neither the result nor the proposals made but lets the next ones'
// lists and heaps be prefetched: at 10 million list entries the time is cache
// misses, not comparisons (benchmarks/README.md, issue 19).
//
// Certificate: audit_stability (verify/stability_audit.hpp) lists blocking
// pairs and capacity violations of any matching; the tests check that it finds
// none here.
//
// References. D. Gale, L. S. Shapley, "College admissions and the stability of
// marriage", American Mathematical Monthly 69 (1962) 9-15; A. E. Roth, M. A. O.
// Sotomayor, Two-Sided Matching (1990), chapter 5; I. E. Hafalir, M. B.
// Yenmez, M. A. Yildirim, "Effective affirmative action in school choice",
// Theoretical Economics 8 (2013) 325-363; A. Abdulkadiroglu, P. A. Pathak, A.
// E. Roth, "Strategy-proofness versus efficiency in matching with
// indifferences", American Economic Review 99 (2009) 1954-1978 (single and
// multiple tie-breaking).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "sixlink/matching/market.hpp"

namespace sixlink {

enum class ProposingSide { kApplicants, kInstitutions };

std::string_view to_string(ProposingSide side);
std::optional<ProposingSide> parse_proposing_side(std::string_view text);

struct StableMatchingOptions {
  ProposingSide proposing = ProposingSide::kApplicants;
};

struct StableMatchingResult {
  std::vector<Index> applicant_match;  ///< per applicant: its institution, or -1
  std::vector<Count> filled;           ///< per institution: applicants matched
  Count proposals = 0;                 ///< proposals made (a measure of the work)
};

/// Throws InvalidInput for a malformed market (see validate). Takes a
/// MatchingMarket, or a MatchingMarketView of arrays the caller holds.
StableMatchingResult solve_stable_matching(const MatchingMarketView& market,
                                           const StableMatchingOptions& options = {});

}  // namespace sixlink
