// An institution's choice rule over the applicants it holds (internal), shared
// by deferred acceptance and the stability audit. Seats form pools: one per
// group quota (the quota's reserved seats, for that group only) and one open
// pool whose size is the capacity minus the reserved seats in use, so reserved
// seats a group leaves empty are open to everyone (Hafalir, Yenmez and
// Yildirim 2013). Each pool is a max-heap by priority key, worst on top, in one
// shared arena.
#pragma once

#include <algorithm>
#include <vector>

#include "detail/huge_pages.hpp"
#include "matching/priority.hpp"

namespace sixlink::detail {

class SeatPools {
 public:
  /// `applicants_listing[s]`: the most applicants s will ever be offered (the
  /// arena gives each pool that much room, or its seats if fewer).
  SeatPools(const MatchingMarketView& market, const std::vector<Count>& applicants_listing) {
    const Index institutions = market.institution_count();
    seats_.resize(static_cast<std::size_t>(institutions));
    open_.resize(static_cast<std::size_t>(institutions));
    first_quota_.assign(static_cast<std::size_t>(institutions) + 1, 0);
    for (const GroupQuota& q : market.quotas)
      ++first_quota_[static_cast<std::size_t>(q.institution) + 1];
    for (std::size_t s = 1; s < first_quota_.size(); ++s) first_quota_[s] += first_quota_[s - 1];
    quotas_.resize(market.quotas.size());
    std::vector<Index> fill(first_quota_.begin(), first_quota_.end() - 1);
    std::size_t arena = 0;
    for (const GroupQuota& q : market.quotas) {
      const auto s = static_cast<std::size_t>(q.institution);
      Quota& slot = quotas_[static_cast<std::size_t>(fill[s]++)];
      slot.group = q.group;
      slot.pool = {arena, 0, q.seats};
      arena += static_cast<std::size_t>(std::min<Count>(q.seats, applicants_listing[s]));
    }
    for (std::size_t s = 0; s < seats_.size(); ++s) {
      seats_[s] = market.capacities[s];
      open_[s] = {arena, 0, seats_[s]};
      arena += static_cast<std::size_t>(std::min<Count>(seats_[s], applicants_listing[s]));
    }
    resize_on_huge_pages(keys_, arena);  // a key per seat: tens of MB in a province
    reserved_in_use_.assign(seats_.size(), 0);
  }

  /// Offers an applicant (its key, its group or -1) to institution s. Returns
  /// the applicant s turns away as a result: the one offered, one displaced,
  /// or -1 for nobody.
  Index offer(Index s, const PriorityKey& key, Index group) {
    const auto si = static_cast<std::size_t>(s);
    PriorityKey candidate = key;
    if (Quota* quota = find_quota(si, group)) {
      Pool& reserved = quota->pool;
      if (reserved.size < reserved.seats) {  // a reserved seat is free: take it
        push(reserved, key);
        ++reserved_in_use_[si];
        if (open_[si].size > open_seats(si)) return pop(open_[si]).applicant;  // one seat fewer
        return -1;
      }
      if (reserved.seats > 0 && key < top(reserved))  // displace the worst reserved holder
        candidate = replace_top(reserved, key);
    }
    Pool& open = open_[si];
    if (open.size < open_seats(si)) {
      push(open, candidate);
      return -1;
    }
    if (open.size == 0 || !(candidate < top(open))) return static_cast<Index>(candidate.applicant);
    return static_cast<Index>(replace_top(open, candidate).applicant);
  }

  /// Fetches s's open pool and its worst holder into the cache (a hint).
  void prefetch(Index s) const {
    const Pool& open = open_[static_cast<std::size_t>(s)];
    __builtin_prefetch(keys_.data() + open.offset);
  }

  /// Whether s would take the applicant (key, group) over those it holds.
  bool would_take(Index s, const PriorityKey& key, Index group) const {
    const auto si = static_cast<std::size_t>(s);
    if (const Quota* quota = find_quota(si, group)) {
      if (quota->pool.size < quota->pool.seats) return true;
      if (quota->pool.seats > 0 && key < top(quota->pool)) return true;
    }
    const Pool& open = open_[si];
    return open.size < open_seats(si) || (open.size > 0 && key < top(open));
  }

  /// How many holders the applicant (key, group) outranks in pools it may
  /// enter (its group's reserved seats and the open seats). Call sort() first.
  Count outranked(Index s, const PriorityKey& key, Index group) const {
    const auto si = static_cast<std::size_t>(s);
    Count count = worse_than(open_[si], key);
    if (const Quota* quota = find_quota(si, group)) count += worse_than(quota->pool, key);
    return count;
  }

  /// Sorts every pool worst first, which keeps it a max-heap for offer() and
  /// would_take() and lets outranked() count by binary search.
  void sort() {
    auto sort_pool = [this](const Pool& p) {
      std::sort(keys_.begin() + static_cast<std::ptrdiff_t>(p.offset),
                keys_.begin() + static_cast<std::ptrdiff_t>(p.offset + p.size),
                [](const PriorityKey& x, const PriorityKey& y) { return y < x; });
    };
    for (const Quota& q : quotas_) sort_pool(q.pool);
    for (const Pool& p : open_) sort_pool(p);
  }

 private:
  struct Pool {
    std::size_t offset = 0;
    Count size = 0;
    Count seats = 0;  ///< a quota's reserved seats (the open pool's size is open_seats())
  };
  struct Quota {
    Index group = 0;
    Pool pool;
  };

  Count open_seats(std::size_t s) const { return seats_[s] - reserved_in_use_[s]; }

  Quota* find_quota(std::size_t s, Index group) {
    if (group < 0) return nullptr;
    for (Index k = first_quota_[s]; k < first_quota_[s + 1]; ++k) {
      if (quotas_[static_cast<std::size_t>(k)].group == group)
        return &quotas_[static_cast<std::size_t>(k)];
    }
    return nullptr;
  }
  const Quota* find_quota(std::size_t s, Index group) const {
    return const_cast<SeatPools*>(this)->find_quota(s, group);
  }

  PriorityKey* begin(const Pool& p) { return keys_.data() + p.offset; }
  const PriorityKey& top(const Pool& p) const { return keys_[p.offset]; }
  void push(Pool& p, const PriorityKey& key) {
    keys_[p.offset + static_cast<std::size_t>(p.size++)] = key;
    std::push_heap(begin(p), begin(p) + p.size);
  }
  PriorityKey pop(Pool& p) {
    std::pop_heap(begin(p), begin(p) + p.size);
    return keys_[p.offset + static_cast<std::size_t>(--p.size)];
  }
  // The worst holder out, `key` in: one sift down from the top instead of a
  // pop and a push (the proposal every displacement makes).
  PriorityKey replace_top(Pool& p, const PriorityKey& key) {
    PriorityKey* heap = begin(p);
    const PriorityKey worst = heap[0];
    Count i = 0;
    for (Count child = 1; child < p.size; child = 2 * i + 1) {
      if (child + 1 < p.size && heap[child] < heap[child + 1]) ++child;
      if (!(key < heap[child])) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = key;
    return worst;
  }
  Count worse_than(const Pool& p, const PriorityKey& key) const {  // pool sorted worst first
    const auto first = keys_.begin() + static_cast<std::ptrdiff_t>(p.offset);
    return static_cast<Count>(
        std::partition_point(first, first + p.size, [&key](const PriorityKey& held) {
          return key < held;
        }) -
        first);
  }

  std::vector<Count> seats_, reserved_in_use_;
  std::vector<Pool> open_;
  std::vector<Index> first_quota_;
  std::vector<Quota> quotas_;
  std::vector<PriorityKey> keys_;
};

}  // namespace sixlink::detail
