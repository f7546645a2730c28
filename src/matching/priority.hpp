// Institution priorities as comparable keys (internal). Every entry k of the
// applicants' lists (applicant a ranking institution s) gets a key; a smaller
// key is a higher priority at s. Keys are built on the fly from scores, or
// looked up for ranked lists, so nothing per entry is stored for scores.
#pragma once

#include <bit>
#include <cstdint>
#include <limits>
#include <vector>

#include "detail/rng.hpp"
#include "sixlink/matching/market.hpp"

namespace sixlink::detail {

struct PriorityKey {
  std::uint64_t primary = 0;  ///< list position, or a score mapped to descending order
  std::uint32_t lottery = 0;  ///< tie-breaking draw
  std::uint32_t applicant = 0;

  friend bool operator<(const PriorityKey& x, const PriorityKey& y) {
    if (x.primary != y.primary) return x.primary < y.primary;
    if (x.lottery != y.lottery) return x.lottery < y.lottery;
    return x.applicant < y.applicant;
  }
};

/// Maps a finite score to a key that sorts higher scores first.
inline std::uint64_t descending(double score) {
  const auto bits = std::bit_cast<std::uint64_t>(score + 0.0);  // -0.0 -> 0.0
  const std::uint64_t ascending = bits >> 63 ? ~bits : bits | (std::uint64_t{1} << 63);
  return ~ascending;
}

class Priorities {
 public:
  static constexpr std::uint64_t kUnranked = std::numeric_limits<std::uint64_t>::max();

  /// The market must be valid (see validate).
  explicit Priorities(const MatchingMarketView& market);

  /// The priority of applicant a at institution s, where entry k of a's list
  /// names s; primary == kUnranked when s does not accept a.
  PriorityKey key(Index a, Index k, Index s) const {
    PriorityKey out;
    out.applicant = static_cast<std::uint32_t>(a);
    switch (kind_) {
      case Kind::kRanked:
        out.primary = rank_[static_cast<std::size_t>(k)];
        return out;
      case Kind::kScores:
        out.primary = descending(market_.scores[static_cast<std::size_t>(a)]);
        break;
      case Kind::kEntryScores:
        out.primary = descending(market_.entry_scores[static_cast<std::size_t>(k)]);
        break;
    }
    out.lottery = lottery(a, s);
    return out;
  }

  /// Fetches what key(a, k, ·) will read into the cache (a hint; k may be one
  /// past a's list).
  void prefetch(Index a, Index k) const {
    switch (kind_) {
      case Kind::kRanked:
        __builtin_prefetch(rank_.data() + k);
        return;
      case Kind::kScores:
        __builtin_prefetch(market_.scores.data() + a);
        return;
      case Kind::kEntryScores:
        __builtin_prefetch(market_.entry_scores.data() + k);
        return;
    }
  }

  /// The tie-breaking draw of applicant a at institution s.
  std::uint32_t lottery(Index a, Index s) const {
    if (market_.tie_break == TieBreak::kSingle) return single_lottery(market_.seed, a);
    const std::uint64_t pair = mix64(static_cast<std::uint64_t>(a)) ^
                               mix64(static_cast<std::uint64_t>(s) + 0x5851F42D4C957F2DULL);
    return static_cast<std::uint32_t>(mix64(market_.seed ^ pair) >> 32);
  }

  /// One draw per applicant, the same at every institution.
  static std::uint32_t single_lottery(std::uint64_t seed, Index a) {
    return static_cast<std::uint32_t>(mix64(seed ^ mix64(static_cast<std::uint64_t>(a))) >> 32);
  }

 private:
  enum class Kind { kRanked, kScores, kEntryScores };
  MatchingMarketView market_;  // spans: cheap to hold, and safe with a temporary view
  Kind kind_;
  std::vector<std::uint64_t> rank_;  // per entry, for ranked lists
};

}  // namespace sixlink::detail
