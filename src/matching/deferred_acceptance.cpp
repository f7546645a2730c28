// Deferred acceptance, applicant- and institution-proposing. D. Gale and L. S.
// Shapley, "College admissions and the stability of marriage", American
// Mathematical Monthly 69 (1962) 9-15; the many-to-one form with responsive
// and reserve choice rules as in A. E. Roth and M. A. O. Sotomayor, Two-Sided
// Matching (1990), chapter 5, and I. E. Hafalir, M. B. Yenmez and M. A.
// Yildirim, Theoretical Economics 8 (2013) 325-363.
#include <algorithm>
#include <cstdint>
#include <numeric>

#include "matching/priority.hpp"
#include "matching/seat_pools.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/core/interrupt.hpp"
#include "sixlink/matching/stable_matching.hpp"

namespace sixlink {
namespace {

std::size_t at(Index k) { return static_cast<std::size_t>(k); }

std::vector<Count> applicants_listing(const MatchingMarketView& market) {
  std::vector<Count> count(at(market.institution_count()), 0);
  for (Index s : market.applicant_prefs.indices) ++count[at(s)];
  return count;
}

Index group_of(const MatchingMarketView& market, Index a) {
  return market.applicant_group.empty() ? -1 : market.applicant_group[at(a)];
}

// Whether every institution ranks applicants alike: one score per applicant,
// one lottery draw per applicant, no quotas (a group quota ranks a group's
// members above the others at one institution only).
bool common_priority(const MatchingMarketView& market) {
  return !market.scores.empty() && market.tie_break == TieBreak::kSingle &&
         market.quotas.empty();
}

// The applicants in the institutions' common priority order, best first.
std::vector<std::uint32_t> priority_order(const MatchingMarketView& market,
                                          const detail::Priorities& priorities) {
  // Sorted as one 128-bit integer, primary : lottery : applicant: a branch-free
  // compare and no indirection (sorting indices through a key array costs a
  // cache miss a compare).
  __extension__ using Wide = unsigned __int128;
  const Index applicants = market.applicant_count();
  std::vector<Wide> keys(at(applicants));
  for (Index a = 0; a < applicants; ++a) {
    const detail::PriorityKey k = priorities.key(a, 0, 0);
    keys[at(a)] = Wide{k.primary} << 64 | Wide{k.lottery} << 32 | Wide{k.applicant};
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::uint32_t> order(at(applicants));
  for (std::size_t i = 0; i < keys.size(); ++i) order[i] = static_cast<std::uint32_t>(keys[i]);
  return order;
}

// With a common priority the market has exactly one stable matching: the
// applicant ranked first everywhere gets its first choice in every stable
// matching, then the next one the first choice with a seat left, and so on
// (serial dictatorship; the priority is acyclic in the sense of H. Ergin,
// Econometrica 70 (2002) 2489-2497). Deferred acceptance from either side
// returns it, so it is found here directly: no proposal is ever rejected
// after being held, and an institution needs a seat count, not a heap. The
// proposals counted are those of applicant-proposing deferred acceptance (the
// institutions each applicant tries down to its match), whatever the side.
StableMatchingResult serial_dictatorship(const MatchingMarketView& market) {
  const RankedListsView& prefs = market.applicant_prefs;
  const std::vector<std::uint32_t> order =
      priority_order(market, detail::Priorities(market));
  std::vector<Count> left(market.capacities.begin(), market.capacities.end());
  StableMatchingResult out;
  out.applicant_match.assign(at(market.applicant_count()), -1);
  const std::size_t n = order.size();
  const Index* indptr = prefs.indptr.data();
  const Index* indices = prefs.indices.data();
  // Applicants come in priority order, scattered over the lists: fetch a list's
  // bounds 16 applicants ahead and its entries 8 ahead, so the misses overlap.
  constexpr std::size_t kBounds = 16, kEntries = 8;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 4096 == 0) throw_if_interrupted();
    if (i + kBounds < n) __builtin_prefetch(indptr + order[i + kBounds]);
    if (i + kEntries < n) __builtin_prefetch(indices + indptr[order[i + kEntries]]);
    const std::uint32_t a = order[i];
    for (Index k = indptr[a]; k < indptr[a + 1]; ++k) {
      const Index s = indices[k];
      ++out.proposals;
      if (left[at(s)] > 0) {
        --left[at(s)];
        out.applicant_match[a] = s;
        break;
      }
    }
  }
  return out;
}

// Free applicants propose down their lists; each institution keeps what its
// choice rule allows. The rejected go back on the stack of free applicants.
StableMatchingResult applicants_propose(const MatchingMarketView& market) {
  const RankedListsView& prefs = market.applicant_prefs;
  const Index applicants = market.applicant_count();
  const detail::Priorities priorities(market);
  detail::SeatPools pools(market, applicants_listing(market));
  StableMatchingResult out;
  out.applicant_match.assign(at(applicants), -1);
  std::vector<Index> next(prefs.indptr.begin(), prefs.indptr.end() - 1);  // next entry to try
  std::vector<Index> free(at(applicants));
  std::iota(free.rbegin(), free.rend(), Index{0});  // applicant 0 proposes first
  while (!free.empty()) {
    throw_if_interrupted();  // one applicant's proposals until held or out of list
    const Index a = free.back();
    free.pop_back();
    const Index end = prefs.indptr[at(a) + 1];
    while (next[at(a)] < end) {
      const Index k = next[at(a)]++;
      const Index s = prefs.indices[at(k)];
      const detail::PriorityKey key = priorities.key(a, k, s);
      if (key.primary == detail::Priorities::kUnranked) continue;  // s does not accept a
      ++out.proposals;
      const Index rejected = pools.offer(s, key, group_of(market, a));
      if (rejected == a) continue;
      out.applicant_match[at(a)] = s;
      if (rejected >= 0) {
        out.applicant_match[at(rejected)] = -1;
        free.push_back(rejected);
      }
      break;
    }
  }
  return out;
}

// Institutions offer seats down their priority order; each applicant holds its
// best offer so far and turns the others down, which frees a seat to offer on.
StableMatchingResult institutions_propose(const MatchingMarketView& market) {
  const RankedListsView& prefs = market.applicant_prefs;
  const Index applicants = market.applicant_count(), institutions = market.institution_count();
  const detail::Priorities priorities(market);
  // Each institution's acceptable applicants, best first: entries bucketed by
  // institution, sorted by priority key, then cut to what the offers read (the
  // applicant and its place in its own list, 8 bytes instead of 24).
  struct Candidate {
    detail::PriorityKey key;
    std::uint32_t position;  // in the applicant's own list: lower is better for the applicant
  };
  struct Offer {
    std::uint32_t applicant, position;
  };
  std::vector<Index> start(at(institutions) + 1, 0);
  for (Index s : prefs.indices) ++start[at(s) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<Offer> offers(prefs.indices.size());
  std::vector<Index> stop(at(institutions));  // per institution: the end of its ranked offers
  {
    std::vector<Index> fill(start.begin(), start.end() - 1);
    std::vector<Candidate> candidates(prefs.indices.size());
    for (Index a = 0; a < applicants; ++a) {
      if (a % 4096 == 0) throw_if_interrupted();  // the setup takes seconds on large markets
      for (Index k = prefs.indptr[at(a)]; k < prefs.indptr[at(a) + 1]; ++k) {
        const Index s = prefs.indices[at(k)];
        candidates[at(fill[at(s)]++)] = {priorities.key(a, k, s),
                                         static_cast<std::uint32_t>(k - prefs.indptr[at(a)])};
      }
    }
    for (Index s = 0; s < institutions; ++s) {
      if (s % 256 == 0) throw_if_interrupted();
      const auto first = candidates.begin() + start[at(s)];
      const auto last = candidates.begin() + start[at(s) + 1];
      std::sort(first, last, [](const Candidate& x, const Candidate& y) { return x.key < y.key; });
      stop[at(s)] = start[at(s)];
      for (auto c = first; c != last && c->key.primary != detail::Priorities::kUnranked; ++c)
        offers[at(stop[at(s)]++)] = {c->key.applicant, c->position};
    }
  }
  StableMatchingResult out;
  out.filled.assign(at(institutions), 0);
  // Each applicant's held offer: the institution and its place in the
  // applicant's list (lower is better). One array, so one cache miss a proposal.
  struct Held {
    Index institution = -1;
    std::uint32_t position = 0;
  };
  std::vector<Held> held(at(applicants));
  std::vector<Index> next(start.begin(), start.end() - 1);
  std::vector<Index> pending(at(institutions));
  std::iota(pending.rbegin(), pending.rend(), Index{0});
  std::vector<char> queued(at(institutions), 1);
  // An institution's offers go down its list in order: the applicants a few
  // offers ahead are known, so their held offers are fetched before they are read.
  constexpr Index kAhead = 8;
  while (!pending.empty()) {
    throw_if_interrupted();  // one institution's round of offers
    const Index s = pending.back();
    pending.pop_back();
    queued[at(s)] = 0;
    const Index end = stop[at(s)];
    for (Index k = next[at(s)]; k < std::min(next[at(s)] + kAhead, end); ++k)
      __builtin_prefetch(&held[offers[at(k)].applicant]);
    while (out.filled[at(s)] < market.capacities[at(s)] && next[at(s)] < end) {
      const Index k = next[at(s)]++;
      if (k + kAhead < end) __builtin_prefetch(&held[offers[at(k + kAhead)].applicant]);
      const Offer& c = offers[at(k)];
      ++out.proposals;
      Held& h = held[c.applicant];
      if (h.institution >= 0 && h.position < c.position) continue;  // a keeps its better offer
      if (h.institution >= 0) {
        --out.filled[at(h.institution)];
        if (!queued[at(h.institution)]) {
          queued[at(h.institution)] = 1;
          pending.push_back(h.institution);
        }
      }
      h = {s, c.position};
      ++out.filled[at(s)];
    }
  }
  out.applicant_match.resize(at(applicants));
  for (std::size_t a = 0; a < held.size(); ++a) out.applicant_match[a] = held[a].institution;
  return out;
}

// Institution-proposing with group quotas. Each institution offers seats to
// its choice, under the reserve rule, among the applicants that have not
// turned it down; an applicant holds its best offer and turns down the rest.
// The rule is substitutable, so whoever an institution chose stays chosen
// while they do not turn it down, and offers are never withdrawn. After a
// rejection the institution's choice is recomputed from its candidates in
// priority order: O(candidates) each time, so O(L * longest candidate list)
// in the worst case.
// Kept whole: one loop of the algorithm, read against the reference's pseudo-code.
StableMatchingResult institutions_propose_with_quotas(const MatchingMarketView& market) {
  const RankedListsView& prefs = market.applicant_prefs;
  const Index applicants = market.applicant_count(), institutions = market.institution_count();
  const detail::Priorities priorities(market);
  struct Candidate {
    detail::PriorityKey key;
    Index position;  // in the applicant's list
    Index group;
    bool alive = true;  // has not turned the institution down
    bool offered = false;
  };
  std::vector<Index> start(at(institutions) + 1, 0);
  for (Index s : prefs.indices) ++start[at(s) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<Index> fill(start.begin(), start.end() - 1);
  std::vector<Candidate> candidates(prefs.indices.size());
  for (Index a = 0; a < applicants; ++a) {
    for (Index k = prefs.indptr[at(a)]; k < prefs.indptr[at(a) + 1]; ++k) {
      const Index s = prefs.indices[at(k)];
      const detail::PriorityKey key = priorities.key(a, k, s);
      candidates[at(fill[at(s)]++)] = {key, k - prefs.indptr[at(a)], group_of(market, a)};
    }
  }
  for (Index s = 0; s < institutions; ++s) {
    std::sort(candidates.begin() + start[at(s)], candidates.begin() + start[at(s) + 1],
              [](const Candidate& x, const Candidate& y) { return x.key < y.key; });
  }
  std::vector<std::vector<GroupQuota>> quotas_of(at(institutions));
  for (const GroupQuota& q : market.quotas) quotas_of[at(q.institution)].push_back(q);

  struct Held {
    Index institution = -1;
    Index position = -1;
    Index candidate = -1;  // the entry in the institution's candidates
  };
  std::vector<Held> held(at(applicants));
  StableMatchingResult out;
  std::vector<Index> pending(at(institutions));
  std::iota(pending.rbegin(), pending.rend(), Index{0});
  std::vector<char> queued(at(institutions), 1), chosen;
  auto reject = [&](Index s, Index c) {  // the applicant of candidate c turns s down
    candidates[at(c)].alive = false;
    candidates[at(c)].offered = false;
    if (!queued[at(s)]) {
      queued[at(s)] = 1;
      pending.push_back(s);
    }
  };
  while (!pending.empty()) {
    throw_if_interrupted();  // one institution's round of offers
    const Index s = pending.back();
    pending.pop_back();
    queued[at(s)] = 0;
    const Index first = start[at(s)], last = start[at(s) + 1];
    chosen.assign(at(last - first), 0);
    // The reserve rule: each quota's best alive group members, then the best
    // alive others for the seats left.
    Count reserved = 0;
    for (const GroupQuota& q : quotas_of[at(s)]) {
      Count left = q.seats;
      for (Index c = first; c < last && left > 0; ++c) {
        const Candidate& x = candidates[at(c)];
        if (x.alive && x.key.primary != detail::Priorities::kUnranked && x.group == q.group &&
            !chosen[at(c - first)]) {
          chosen[at(c - first)] = 1;
          --left;
          ++reserved;
        }
      }
    }
    Count open = market.capacities[at(s)] - reserved;
    for (Index c = first; c < last && open > 0; ++c) {
      const Candidate& x = candidates[at(c)];
      if (x.alive && x.key.primary != detail::Priorities::kUnranked && !chosen[at(c - first)]) {
        chosen[at(c - first)] = 1;
        --open;
      }
    }
    for (Index c = first; c < last; ++c) {
      Candidate& x = candidates[at(c)];
      if (!chosen[at(c - first)] || x.offered) continue;
      x.offered = true;
      ++out.proposals;
      const auto a = static_cast<Index>(x.key.applicant);
      Held& h = held[at(a)];
      if (h.institution >= 0 && h.position < x.position) {  // a keeps its better offer
        reject(s, c);
        continue;
      }
      if (h.institution >= 0) reject(h.institution, h.candidate);
      h = {s, x.position, c};
    }
  }
  out.applicant_match.resize(at(applicants));
  for (std::size_t a = 0; a < held.size(); ++a) out.applicant_match[a] = held[a].institution;
  return out;
}

}  // namespace

std::string_view to_string(ProposingSide side) {
  return side == ProposingSide::kApplicants ? "applicants" : "institutions";
}

std::optional<ProposingSide> parse_proposing_side(std::string_view text) {
  if (text == "applicants") return ProposingSide::kApplicants;
  if (text == "institutions") return ProposingSide::kInstitutions;
  return std::nullopt;
}

StableMatchingResult solve_stable_matching(const MatchingMarketView& market,
                                           const StableMatchingOptions& options) {
  validate(market);
  StableMatchingResult out = common_priority(market) ? serial_dictatorship(market)
                             : options.proposing == ProposingSide::kApplicants
                                 ? applicants_propose(market)
                             : market.quotas.empty() ? institutions_propose(market)
                                                     : institutions_propose_with_quotas(market);
  out.filled.assign(at(market.institution_count()), 0);
  for (Index s : out.applicant_match) {
    if (s >= 0) ++out.filled[at(s)];
  }
  return out;
}

}  // namespace sixlink
