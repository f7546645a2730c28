// sixlink/verify/stability_audit.hpp — checks any matching of a matching
// market (matching/market.hpp) for stability, without trusting whoever made
// it: deferred acceptance, parallel-choice admission, a welfare-optimal
// matching from the flow engine, or a hand-made one.
//
// It reports
//   - blocking pairs (a, s): a prefers s to its match (or is unmatched and
//     lists s), s accepts a (a is on its list, when priorities are lists), and
//     s's choice rule would take a out of its matched applicants plus a: a free
//     seat a may use, or someone a outranks in a pool a may enter (the open
//     seats, or the seats reserved for a's group);
//   - institutions over capacity, and applicants matched where they are not
//     acceptable (not on their own list, or not on the institution's);
//   - justified envy: the number of pairs (a, b) with b matched to an
//     institution s that a prefers to its own match and a outranking b at s in
//     a pool a may enter. Zero for a stable matching without quotas; admission
//     results are judged by it.
//
// The institutions' side is judged by the market's own choice rule, which
// matching/ defines once and exposes as apply_choice_rules
// (matching/choice_rule.hpp); the audit adds the capacity check.
//
// Complexity: O(L log q) for total list length L and largest capacity q.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "sixlink/matching/market.hpp"

namespace sixlink {

struct StabilityAudit {
  std::vector<std::pair<Index, Index>> blocking_pairs;  ///< (applicant, institution), sorted
  std::vector<Index> over_capacity;                     ///< institutions
  std::vector<Index> unacceptable;                      ///< applicants
  Count justified_envy = 0;

  bool stable() const {
    return blocking_pairs.empty() && over_capacity.empty() && unacceptable.empty();
  }
};

struct StabilityAuditOptions {
  /// Count justified envy. Off, justified_envy stays 0 and the audit costs one
  /// comparison per list entry above a match instead of a binary search (what
  /// a caller that needs only the blocking pairs saves).
  bool count_justified_envy = true;
};

/// Throws InvalidInput for a malformed market or a match array of the wrong
/// length or with an institution index out of range.
/// Takes a MatchingMarket, or a MatchingMarketView of arrays the caller holds.
StabilityAudit audit_stability(const MatchingMarketView& market, std::span<const Index> applicant_match,
                               const StabilityAuditOptions& options = {});

}  // namespace sixlink
