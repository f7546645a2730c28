// Deferred acceptance, applicant- and institution-proposing. D. Gale and L. S.
// Shapley, "College admissions and the stability of marriage", American
// Mathematical Monthly 69 (1962) 9-15; the many-to-one form with responsive
// and reserve choice rules as in A. E. Roth and M. A. O. Sotomayor, Two-Sided
// Matching (1990), chapter 5, and I. E. Hafalir, M. B. Yenmez and M. A.
// Yildirim, Theoretical Economics 8 (2013) 325-363.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <numeric>

#include "detail/huge_pages.hpp"
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
  return !market.scores.empty() && market.tie_break == TieBreak::kSingle && market.quotas.empty();
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
  const std::vector<std::uint32_t> order = priority_order(market, detail::Priorities(market));
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
  std::vector<Index> next;  // next entry to try
  detail::reserve_on_huge_pages(next, at(applicants));
  next.assign(prefs.indptr.begin(), prefs.indptr.end() - 1);
  // Free applicants, first in first out (a ring of one slot per applicant: each
  // is queued at most once at a time). The order changes neither the matching
  // nor the proposals (each applicant proposes down to its match whatever the
  // order), and a queue shows who comes next: the lists of the applicants 8
  // ahead (16 ahead: where they are in them) and the pools that the one 4
  // ahead proposes to are fetched before they are read, instead of one cache
  // miss after another once rejections scatter the queue.
  const auto ring = static_cast<std::size_t>(applicants);
  std::vector<Index> queue;
  detail::resize_on_huge_pages(queue, ring);
  std::iota(queue.begin(), queue.end(), Index{0});  // applicant 0 proposes first
  std::size_t head = 0, free_count = ring;
  const auto ahead = [&](std::size_t d) { return queue[(head + d) % ring]; };
  while (free_count > 0) {
    throw_if_interrupted();  // one applicant's proposals until held or out of list
    if (free_count > 16) __builtin_prefetch(&next[at(ahead(16))]);
    if (free_count > 8) {
      const Index later = ahead(8);
      __builtin_prefetch(prefs.indices.data() + next[at(later)]);  // a hint: may be one past
      priorities.prefetch(later, next[at(later)]);
    }
    if (free_count > 4) {
      const Index soon = ahead(4);
      if (next[at(soon)] < prefs.indptr[at(soon) + 1])
        pools.prefetch(prefs.indices[at(next[at(soon)])]);
    }
    const Index a = queue[head];
    head = (head + 1) % ring;
    --free_count;
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
        queue[(head + free_count++) % ring] = rejected;
      }
      break;
    }
  }
  return out;
}

// Each institution's acceptable applicants in priority order, sorted lazily:
// the list entries are bucketed by institution, and a bucket is put in order
// when the institution's offers reach its unsorted part: first its best twice
// its seats (at least 32; nth_element, then a sort of those), then, if the
// offers go past them, the rest. Institutions
// usually offer to a few times their seats out of all who list them (a popular
// one in the repeated-lists family: 500 for 50 seats), so most of a bucket is
// never sorted. Unranked entries sort last.
class OfferLists {
 public:
  struct Candidate {  // the key as (primary, lottery << 32 | applicant): two compares
    std::uint64_t primary, rest;
    std::uint32_t position;  // in the applicant's own list: lower is better for the applicant
    std::uint32_t applicant() const { return static_cast<std::uint32_t>(rest); }
    bool ranked() const { return primary != detail::Priorities::kUnranked; }
    friend bool operator<(const Candidate& x, const Candidate& y) {
      return x.primary != y.primary ? x.primary < y.primary : x.rest < y.rest;
    }
  };

  OfferLists(const MatchingMarketView& market, const detail::Priorities& priorities)
      : capacities_(market.capacities) {
    const RankedListsView& prefs = market.applicant_prefs;
    start_.assign(at(market.institution_count()) + 1, 0);
    for (Index s : prefs.indices) ++start_[at(s) + 1];
    std::partial_sum(start_.begin(), start_.end(), start_.begin());
    sorted_.assign(start_.begin(), start_.end() - 1);
    std::vector<Index> fill(start_.begin(), start_.end() - 1);
    // Every entry is written below: no zeroing of what is the largest array here.
    candidates_ = std::make_unique_for_overwrite<Candidate[]>(prefs.indices.size());
    detail::advise_huge_pages(candidates_.get(), prefs.indices.size() * sizeof(Candidate));
    for (Index a = 0; a < market.applicant_count(); ++a) {
      if (a % 4096 == 0) throw_if_interrupted();  // the setup takes seconds on large markets
      for (Index k = prefs.indptr[at(a)]; k < prefs.indptr[at(a) + 1]; ++k) {
        const Index s = prefs.indices[at(k)];
        const detail::PriorityKey key = priorities.key(a, k, s);
        candidates_[at(fill[at(s)]++)] = {key.primary,
                                          std::uint64_t{key.lottery} << 32 | key.applicant,
                                          static_cast<std::uint32_t>(k - prefs.indptr[at(a)])};
      }
    }
  }

  Index begin(Index s) const { return start_[at(s)]; }
  Index end(Index s) const { return start_[at(s) + 1]; }
  /// Entry k of institution s's bucket, in priority order (begin(s) <= k < end(s)).
  const Candidate& get(Index s, Index k) {
    if (k >= sorted_[at(s)]) sort_from(s, k);
    return candidates_[at(k)];
  }
  /// Entry k as it lies now, sorted or not: what to prefetch.
  const Candidate& peek(Index k) const { return candidates_[at(k)]; }

 private:
  void sort_from(Index s, Index k) {
    // A first batch, then the rest at once: an institution that goes past twice
    // its seats tends to go far (the independent family: two thirds of a bucket).
    const Index batch = k == begin(s) ? std::max<Index>(2 * capacities_[at(s)], 32) : end(s) - k;
    const Index upto = std::min(end(s), k + batch);
    Candidate* const first = candidates_.get() + k;
    Candidate* const middle = candidates_.get() + upto;
    std::nth_element(first, middle, candidates_.get() + end(s));
    std::sort(first, middle);
    sorted_[at(s)] = upto;
  }

  std::span<const Count> capacities_;
  std::vector<Index> start_, sorted_;  // per institution: its bucket, and how far it is sorted
  std::unique_ptr<Candidate[]> candidates_;
};

// Institutions offer seats down their priority order; each applicant holds its
// best offer so far and turns the others down, which frees a seat to offer on.
StableMatchingResult institutions_propose(const MatchingMarketView& market) {
  const Index applicants = market.applicant_count(), institutions = market.institution_count();
  OfferLists lists(market, detail::Priorities(market));
  std::vector<Index> next(at(institutions)), stop(at(institutions));
  for (Index s = 0; s < institutions; ++s) {
    next[at(s)] = lists.begin(s);
    stop[at(s)] = lists.end(s);
  }
  StableMatchingResult out;
  out.filled.assign(at(institutions), 0);
  // Each applicant's held offer: the institution and its place in the
  // applicant's list (lower is better). One array, so one cache miss a proposal.
  struct Held {
    Index institution = -1;
    std::uint32_t position = 0;
  };
  std::vector<Held> held;
  detail::assign_on_huge_pages(held, at(applicants), Held{});
  // Institutions with seats to offer, first in first out (each at most once,
  // so a ring of one slot per institution holds them). The order changes
  // neither the matching nor the offers made, but after the first round a visit
  // is mostly one offer for one freed seat: two cache misses (the
  // institution's next offer, the applicant's held offer) that a queue lets us
  // fetch ahead, the offer 8 visits ahead and the held offer 4 ahead.
  const auto ring = static_cast<std::size_t>(institutions);
  std::vector<Index> queue(ring);
  std::iota(queue.begin(), queue.end(), Index{0});
  std::size_t head = 0, queued_count = ring;
  std::vector<char> queued(ring, 1);
  constexpr std::size_t kOfferAhead = 8, kHeldAhead = 4;
  constexpr Index kAhead = 8;  // within one institution's round
  while (queued_count > 0) {
    throw_if_interrupted();  // one institution's round of offers
    if (queued_count > kOfferAhead) {
      const Index later = queue[(head + kOfferAhead) % ring];
      __builtin_prefetch(&lists.peek(next[at(later)]));
    }
    if (queued_count > kHeldAhead) {
      const Index soon = queue[(head + kHeldAhead) % ring];
      if (next[at(soon)] < stop[at(soon)])
        __builtin_prefetch(&held[lists.peek(next[at(soon)]).applicant()]);
    }
    const Index s = queue[head];
    head = (head + 1) % ring;
    --queued_count;
    queued[at(s)] = 0;
    const Index end = stop[at(s)];
    while (out.filled[at(s)] < market.capacities[at(s)] && next[at(s)] < end) {
      const Index k = next[at(s)]++;
      if (k + kAhead < end) __builtin_prefetch(&held[lists.peek(k + kAhead).applicant()]);
      const OfferLists::Candidate& c = lists.get(s, k);
      if (!c.ranked()) {  // the rest are unranked too
        next[at(s)] = stop[at(s)] = end;
        break;
      }
      ++out.proposals;
      Held& h = held[c.applicant()];
      if (h.institution >= 0 && h.position < c.position) continue;  // a keeps its better offer
      if (h.institution >= 0) {
        --out.filled[at(h.institution)];
        if (!queued[at(h.institution)]) {
          queued[at(h.institution)] = 1;
          queue[(head + queued_count++) % ring] = h.institution;
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
  std::vector<Candidate> candidates;
  detail::resize_on_huge_pages(candidates, prefs.indices.size());
  for (Index a = 0; a < applicants; ++a) {
    if (a % 4096 == 0) throw_if_interrupted();
    for (Index k = prefs.indptr[at(a)]; k < prefs.indptr[at(a) + 1]; ++k) {
      const Index s = prefs.indices[at(k)];
      const detail::PriorityKey key = priorities.key(a, k, s);
      candidates[at(fill[at(s)]++)] = {key, k - prefs.indptr[at(a)], group_of(market, a)};
    }
  }
  for (Index s = 0; s < institutions; ++s) {
    throw_if_interrupted();
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
  std::vector<Held> held;
  detail::assign_on_huge_pages(held, at(applicants), Held{});
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
