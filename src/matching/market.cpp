#include "sixlink/matching/market.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <tuple>

#include "detail/huge_pages.hpp"
#include "matching/priority.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/core/interrupt.hpp"

namespace sixlink {
namespace {

std::size_t at(Index k) { return static_cast<std::size_t>(k); }

// Checks a RankedLists' shape and entries in order, throwing at the first
// fault: `owner` names one list ("applicant"), `item` what it ranks
// ("institution"), `items` how many of those exist.
void check_lists_in_order(const RankedListsView& lists, const char* field, const char* owner,
                          const char* item, Index items) {
  const std::string where = std::string(field) + ": ";
  if (lists.indptr.empty() || lists.indptr.front() != 0)
    throw InvalidInput(where + "indptr must start with 0");
  const auto entries = static_cast<Index>(lists.indices.size());
  if (lists.indptr.back() != entries) {
    throw InvalidInput(where + "indptr ends at " + std::to_string(lists.indptr.back()) +
                       " but there are " + std::to_string(entries) + " entries");
  }
  std::vector<Index> seen(at(items), -1);
  for (Index r = 0; r < lists.size(); ++r) {
    // Checked before the list is read: the arrays may be a caller's (a view).
    if (lists.indptr[at(r) + 1] < lists.indptr[at(r)])
      throw InvalidInput(where + "indptr decreases at " + owner + " " + std::to_string(r));
    if (lists.indptr[at(r) + 1] > entries)
      throw InvalidInput(where + "indptr runs past the entries at " + owner + " " +
                         std::to_string(r));
    for (Index k = lists.indptr[at(r)]; k < lists.indptr[at(r) + 1]; ++k) {
      const Index x = lists.indices[at(k)];
      if (x < 0 || x >= items) {
        throw InvalidInput(std::string(owner) + " " + std::to_string(r) + " lists " + item + " " +
                           std::to_string(x) + ", outside 0.." + std::to_string(items - 1));
      }
      if (seen[at(x)] == r) {
        throw InvalidInput(std::string(owner) + " " + std::to_string(r) + " lists " + item + " " +
                           std::to_string(x) + " twice");
      }
      seen[at(x)] = r;
    }
  }
}

// Lists of this many entries or more are scanned on all threads first.
constexpr std::size_t kParallelEntries = std::size_t{1} << 16;

// Whether every list lies inside the entries and names each item in range and
// once; read on all threads (the lists are streamed from memory: a million
// lists of ten are 80 MB, a tenth of a stable-matching call read serially).
bool lists_are_sound(const RankedListsView& lists, Index items) {
  const Index n = lists.size(), entries = static_cast<Index>(lists.indices.size());
  const Index* indptr = lists.indptr.data();
  const Index* indices = lists.indices.data();
  bool sound = true;
#pragma omp parallel if (lists.indices.size() >= kParallelEntries) reduction(&& : sound)
  {
    std::vector<Index> seen(at(items), -1);
#pragma omp for schedule(static)
    for (Index r = 0; r < n; ++r) {
      if (!sound) continue;
      if (r % 4096 == 0 && interrupt_requested()) {  // tens of millions of entries take a second
        sound = false;
        continue;
      }
      const Index begin = indptr[r], end = indptr[r + 1];
      if (begin < 0 || end < begin || end > entries) {
        sound = false;
        continue;
      }
      for (Index k = begin; k < end; ++k) {
        const Index x = indices[k];
        if (x < 0 || x >= items || seen[at(x)] == r) {
          sound = false;
          break;
        }
        seen[at(x)] = r;
      }
    }
  }
  return sound;
}

// Checks a RankedLists' shape and entries: `owner` names one list ("applicant"),
// `item` what it ranks ("institution"), `items` how many of those exist. A fault
// is then named by the check in order, so the message names the first one
// whatever the thread count.
void check_lists(const RankedListsView& lists, const char* field, const char* owner,
                 const char* item, Index items) {
  if (lists.indptr.empty() || lists.indptr.front() != 0 ||
      lists.indptr.back() != static_cast<Index>(lists.indices.size()) ||
      !lists_are_sound(lists, items)) {
    throw_if_interrupted();  // not a fault: the scan stopped early
    check_lists_in_order(lists, field, owner, item, items);
  }
}

void check_scores(std::span<const double> scores, const char* field, const RankedListsView& prefs) {
  const auto n = static_cast<std::int64_t>(scores.size());
  bool finite = true;  // on all threads first; a fault is then named in order
#pragma omp parallel for schedule(static) if (scores.size() >= kParallelEntries) \
    reduction(&& : finite)
  for (std::int64_t k = 0; k < n; ++k) finite = finite && std::isfinite(scores[at(k)]);
  if (finite) return;
  for (std::size_t k = 0; k < scores.size(); ++k) {
    if (std::isfinite(scores[k])) continue;
    std::string whose = "applicant " + std::to_string(k);
    if (field == std::string("entry_scores")) {  // name the applicant and institution
      Index a = 0;
      while (prefs.indptr[at(a) + 1] <= static_cast<Index>(k)) ++a;
      whose =
          "applicant " + std::to_string(a) + " at institution " + std::to_string(prefs.indices[k]);
    }
    throw InvalidInput(std::string(field) + ": the score of " + whose + " is " +
                       (std::isnan(scores[k]) ? "NaN" : "infinite"));
  }
}

}  // namespace

std::string_view to_string(TieBreak rule) {
  return rule == TieBreak::kSingle ? "single" : "multiple";
}

void validate(const MatchingMarketView& m) {
  const Index applicants = m.applicant_count(), institutions = m.institution_count();
  if (applicants >= (Index{1} << 32) - 1) throw InvalidInput("too many applicants (2^32 or more)");
  for (Index s = 0; s < institutions; ++s) {
    const Count q = m.capacities[at(s)];
    if (q < 0 || q > kMaxCount) {
      throw InvalidInput(
          "institution " + std::to_string(s) + " has capacity " + std::to_string(q) +
          (q < 0 ? ": capacities cannot be negative" : ": beyond the supported range"));
    }
  }
  check_lists(m.applicant_prefs, "applicant_prefs", "applicant", "institution", institutions);
  const bool ranked = m.institution_prefs.size() > 0 || !m.institution_prefs.indices.empty();
  const int given = int{ranked} + int{!m.scores.empty()} + int{!m.entry_scores.empty()};
  if (given > 1)
    throw InvalidInput("give one institution priority: institution_prefs, scores or entry_scores");
  // With no applicants there is nobody to rank: an empty market needs no priority.
  if (given == 0 && institutions > 0 && applicants > 0)
    throw InvalidInput("no institution priority: give institution_prefs, scores or entry_scores");
  if (ranked) {
    if (m.institution_prefs.size() != institutions) {
      throw InvalidInput("institution_prefs has " + std::to_string(m.institution_prefs.size()) +
                         " lists for " + std::to_string(institutions) + " institutions");
    }
    check_lists(m.institution_prefs, "institution_prefs", "institution", "applicant", applicants);
  }
  if (!m.scores.empty() && static_cast<Index>(m.scores.size()) != applicants) {
    throw InvalidInput("scores has " + std::to_string(m.scores.size()) + " entries for " +
                       std::to_string(applicants) + " applicants");
  }
  if (!m.entry_scores.empty() && m.entry_scores.size() != m.applicant_prefs.indices.size()) {
    throw InvalidInput("entry_scores has " + std::to_string(m.entry_scores.size()) +
                       " entries for " + std::to_string(m.applicant_prefs.indices.size()) +
                       " list entries");
  }
  check_scores(m.scores, "scores", m.applicant_prefs);
  check_scores(m.entry_scores, "entry_scores", m.applicant_prefs);
  if (!m.applicant_group.empty() && static_cast<Index>(m.applicant_group.size()) != applicants) {
    throw InvalidInput("applicant_group has " + std::to_string(m.applicant_group.size()) +
                       " entries for " + std::to_string(applicants) + " applicants");
  }
  for (std::size_t a = 0; a < m.applicant_group.size(); ++a) {
    if (m.applicant_group[a] < -1) {
      throw InvalidInput("applicant " + std::to_string(a) + " has group " +
                         std::to_string(m.applicant_group[a]) + " (-1 means none)");
    }
  }
  // The earlier quota each one repeats (same institution and group), or -1: by a
  // sort, not by comparing every pair (a quota per school and county runs to
  // tens of thousands).
  std::vector<std::size_t> by_key(m.quotas.size());
  for (std::size_t k = 0; k < by_key.size(); ++k) by_key[k] = k;
  auto key = [&m](std::size_t k) {
    return std::tuple(m.quotas[k].institution, m.quotas[k].group, k);
  };
  std::sort(by_key.begin(), by_key.end(),
            [&key](std::size_t x, std::size_t y) { return key(x) < key(y); });
  std::vector<std::int64_t> repeats(m.quotas.size(), -1);
  for (std::size_t i = 1, first = 0; i < by_key.size(); ++i) {
    const GroupQuota &x = m.quotas[by_key[first]], &y = m.quotas[by_key[i]];
    if (x.institution == y.institution && x.group == y.group) {
      repeats[by_key[i]] = static_cast<std::int64_t>(by_key[first]);  // the run's earliest
    } else {
      first = i;
    }
  }
  std::vector<Count> reserved(at(institutions), 0);
  for (std::size_t k = 0; k < m.quotas.size(); ++k) {
    const GroupQuota& quota = m.quotas[k];
    const std::string name = "quota " + std::to_string(k);
    if (quota.institution < 0 || quota.institution >= institutions) {
      throw InvalidInput(name + ": institution " + std::to_string(quota.institution) +
                         " is outside 0.." + std::to_string(institutions - 1));
    }
    if (quota.group < 0) throw InvalidInput(name + ": group must be 0 or more");
    if (quota.seats < 0) throw InvalidInput(name + ": seats cannot be negative");
    if (repeats[k] >= 0) {
      throw InvalidInput(name + " repeats quota " + std::to_string(repeats[k]) + " (institution " +
                         std::to_string(quota.institution) + ", group " +
                         std::to_string(quota.group) + ")");
    }
    reserved[at(quota.institution)] += quota.seats;
    if (reserved[at(quota.institution)] > m.capacities[at(quota.institution)]) {
      throw InvalidInput("institution " + std::to_string(quota.institution) + " reserves " +
                         std::to_string(reserved[at(quota.institution)]) +
                         " seats but has capacity " +
                         std::to_string(m.capacities[at(quota.institution)]));
    }
  }
}

namespace detail {

Priorities::Priorities(const MatchingMarketView& market) : market_(market) {
  const bool ranked =
      market.institution_prefs.size() > 0 || !market.institution_prefs.indices.empty();
  kind_ = ranked ? Kind::kRanked : (!market.scores.empty() ? Kind::kScores : Kind::kEntryScores);
  if (kind_ != Kind::kRanked) return;
  // Each applicant's positions in the institutions' lists (the transpose of
  // institution_prefs), then one pass over the applicants' own entries.
  const RankedListsView& by_institution = market.institution_prefs;
  const Index applicants = market.applicant_count();
  std::vector<Index> start(at(applicants) + 1, 0);
  for (std::size_t k = 0; k < by_institution.indices.size(); ++k) {
    if (k % 65536 == 0) throw_if_interrupted();  // cache misses: a second for tens of millions
    ++start[at(by_institution.indices[k]) + 1];
  }
  for (std::size_t a = 1; a < start.size(); ++a) start[a] += start[a - 1];
  std::vector<Index> fill(start.begin(), start.end() - 1);
  // Not zeroed: every entry is written below, and zeroing hundreds of MB is
  // page faults outside the polled loops.
  struct RankedAt {
    Index institution;
    std::uint64_t position;
  };
  auto ranked_at = std::make_unique_for_overwrite<RankedAt[]>(by_institution.indices.size());
  advise_huge_pages(ranked_at.get(), by_institution.indices.size() * sizeof(RankedAt));
  for (Index s = 0; s < by_institution.size(); ++s) {
    throw_if_interrupted();  // the first lists touch every page of ranked_at: slow
    const Index first = by_institution.indptr[at(s)];
    for (Index k = first; k < by_institution.indptr[at(s) + 1]; ++k) {
      const Index a = by_institution.indices[at(k)];
      ranked_at[at(fill[at(a)]++)] = {s, static_cast<std::uint64_t>(k - first)};
    }
  }
  rank_.clear();  // appended in entry order below, so that its pages are touched while polled
  reserve_on_huge_pages(rank_, market.applicant_prefs.indices.size());
  std::vector<std::uint64_t> position(at(market.institution_count()), kUnranked);
  for (Index a = 0; a < applicants; ++a) {
    if (a % 4096 == 0) throw_if_interrupted();  // seconds for millions of lists
    for (Index r = start[at(a)]; r < start[at(a) + 1]; ++r)
      position[at(ranked_at[at(r)].institution)] = ranked_at[at(r)].position;
    for (Index k = market.applicant_prefs.indptr[at(a)];
         k < market.applicant_prefs.indptr[at(a) + 1]; ++k)
      rank_.push_back(position[at(market.applicant_prefs.indices[at(k)])]);
    for (Index r = start[at(a)]; r < start[at(a) + 1]; ++r)
      position[at(ranked_at[at(r)].institution)] = kUnranked;
  }
}

}  // namespace detail
}  // namespace sixlink
