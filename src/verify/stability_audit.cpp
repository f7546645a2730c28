#include "sixlink/verify/stability_audit.hpp"

#include <utility>
#include <vector>

#include "sixlink/matching/choice_rule.hpp"

namespace sixlink {

StabilityAudit audit_stability(const MatchingMarketView& market, std::span<const Index> applicant_match,
                               const StabilityAuditOptions& options) {
  // The choice rule validates the market and the matching (the same messages
  // the audit has always thrown) and judges every list entry above a match.
  ChoiceRuleVerdict verdict =
      apply_choice_rules(market, applicant_match, {options.count_justified_envy});
  StabilityAudit out;
  out.blocking_pairs = std::move(verdict.takers);
  out.unacceptable = std::move(verdict.unacceptable);
  out.justified_envy = verdict.outranked;
  std::vector<Count> matched(market.capacities.size(), 0);
  for (const Index s : applicant_match) {
    if (s >= 0) ++matched[static_cast<std::size_t>(s)];
  }
  for (std::size_t s = 0; s < matched.size(); ++s) {
    if (matched[s] > market.capacities[s]) out.over_capacity.push_back(static_cast<Index>(s));
  }
  return out;
}

}  // namespace sixlink
