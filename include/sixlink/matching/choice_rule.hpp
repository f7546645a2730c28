// sixlink/matching/choice_rule.hpp — the institutions' choice rule, applied to
// a given matching.
//
// Whom an institution takes is defined once, in matching/: its priority over
// applicants (ranked lists, or scores with the market's seeded lottery breaking
// ties; market.hpp) and its seat pools (the seats a group quota reserves, then
// the open seats, which include the reserved seats a group leaves empty;
// Hafalir, Yenmez and Yildirim 2013). Deferred acceptance and parallel-choice
// admission run that rule; this header asks it questions about any matching,
// however it was made, so that a checker (verify/stability_audit.hpp) can
// judge a matching by the same rule without the engines' internals.
//
// For each applicant a, every institution s that a lists above its match (all
// of a's list when a is unmatched or matched where it did not list) is asked:
//   - does s accept a at all (a on s's list, when priorities are lists)?
//   - would s's choice rule take a over the applicants it holds: a free seat in
//     a pool a may enter, or someone a outranks there? Then (a, s) blocks.
//   - how many holders of s does a outrank in pools a may enter (justified
//     envy, summed over all such s)?
// and a's own match is checked for acceptability (a listed it, and s accepts a).
//
// Complexity: O(L log q) for total list length L and largest capacity q.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "sixlink/matching/market.hpp"

namespace sixlink {

/// The choice rule's verdict on one matching.
struct ChoiceRuleVerdict {
  /// (applicant, institution): the institution, listed by the applicant above
  /// its match, would take it; in applicant order, then list order.
  std::vector<std::pair<Index, Index>> takers;
  /// Applicants matched where they are not acceptable: not on their own list,
  /// or not on the institution's; ascending.
  std::vector<Index> unacceptable;
  /// Pairs (a, b): b holds a seat at an institution a lists above its match,
  /// in a pool a may enter, and a outranks b there.
  Count outranked = 0;
};

struct ChoiceRuleOptions {
  /// Count `outranked`. Off, it stays 0 and the seat pools are not sorted: the
  /// takers alone need one comparison with each pool's worst holder per list
  /// entry, where counting needs a binary search of the pool.
  bool count_outranked = true;
};

/// Applies every institution's choice rule to `applicant_match` (per applicant:
/// its institution, or -1). Throws InvalidInput for a malformed market (see
/// validate) or a match array of the wrong length or with an institution index
/// out of range. Capacities are not checked: an institution over capacity
/// holds every applicant matched to it.
/// Takes a MatchingMarket, or a MatchingMarketView of arrays the caller holds.
ChoiceRuleVerdict apply_choice_rules(const MatchingMarketView& market,
                                     std::span<const Index> applicant_match,
                                     const ChoiceRuleOptions& options = {});

}  // namespace sixlink
