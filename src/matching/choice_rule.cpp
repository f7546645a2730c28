// The institutions' choice rule applied to a given matching (see
// sixlink/matching/choice_rule.hpp): the same priorities and seat pools that
// deferred acceptance runs, asked about every list entry above each match.
#include "sixlink/matching/choice_rule.hpp"

#include <string>

#include "matching/priority.hpp"
#include "matching/seat_pools.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {
std::size_t at(Index k) { return static_cast<std::size_t>(k); }
}  // namespace

ChoiceRuleVerdict apply_choice_rules(const MatchingMarketView& market,
                                     std::span<const Index> applicant_match,
                                     const ChoiceRuleOptions& options) {
  validate(market);
  const Index applicants = market.applicant_count(), institutions = market.institution_count();
  if (static_cast<Index>(applicant_match.size()) != applicants) {
    throw InvalidInput("the matching has " + std::to_string(applicant_match.size()) +
                       " entries for " + std::to_string(applicants) + " applicants");
  }
  std::vector<Count> matched(at(institutions), 0);
  for (Index a = 0; a < applicants; ++a) {
    const Index s = applicant_match[at(a)];
    if (s < -1 || s >= institutions) {
      throw InvalidInput("applicant " + std::to_string(a) + " is matched to institution " +
                         std::to_string(s) + ", outside -1.." + std::to_string(institutions - 1));
    }
    if (s >= 0) ++matched[at(s)];
  }
  const RankedListsView& prefs = market.applicant_prefs;
  const detail::Priorities priorities(market);
  auto group_of = [&market](Index a) {
    return market.applicant_group.empty() ? Index{-1} : market.applicant_group[at(a)];
  };

  ChoiceRuleVerdict out;
  // Each applicant's place in its own list of its match (-1: not listed), and
  // its priority key there.
  std::vector<Index> place(at(applicants), -1);
  detail::SeatPools pools(market, matched);
  for (Index a = 0; a < applicants; ++a) {
    const Index s = applicant_match[at(a)];
    if (s < 0) continue;
    detail::PriorityKey key;
    for (Index k = prefs.indptr[at(a)]; k < prefs.indptr[at(a) + 1]; ++k) {
      if (prefs.indices[at(k)] != s) continue;
      place[at(a)] = k;
      key = priorities.key(a, k, s);
    }
    if (place[at(a)] < 0 || key.primary == detail::Priorities::kUnranked) {
      out.unacceptable.push_back(a);
      if (place[at(a)] < 0) {  // not on its own list: rank it last at s
        key = {detail::Priorities::kUnranked, 0, static_cast<std::uint32_t>(a)};
      }
    }
    pools.offer(s, key, group_of(a));
  }
  if (options.count_outranked) pools.sort();
  // Every institution a lists above its match: would it take a, and whom a outranks there.
  for (Index a = 0; a < applicants; ++a) {
    const Index end = place[at(a)] >= 0 ? place[at(a)] : prefs.indptr[at(a) + 1];
    for (Index k = prefs.indptr[at(a)]; k < end; ++k) {
      const Index s = prefs.indices[at(k)];
      const detail::PriorityKey key = priorities.key(a, k, s);
      if (key.primary == detail::Priorities::kUnranked) continue;
      if (pools.would_take(s, key, group_of(a))) out.takers.emplace_back(a, s);
      if (options.count_outranked) out.outranked += pools.outranked(s, key, group_of(a));
    }
  }
  return out;
}

}  // namespace sixlink
