// Matching markets for the matching and verify tests: lists from literals,
// ranked markets, and seeded random markets with scores.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "sixlink/matching/market.hpp"

namespace sixlink::testing {

using Lists = std::vector<std::vector<Index>>;

inline RankedLists lists(const Lists& rows) {
  RankedLists out;
  for (const auto& row : rows) out.add(row);
  return out;
}

inline MatchingMarket ranked_market(const Lists& applicant_prefs, std::vector<Count> capacities,
                                    const Lists& institution_prefs) {
  MatchingMarket m;
  m.applicant_prefs = lists(applicant_prefs);
  m.capacities = std::move(capacities);
  m.institution_prefs = lists(institution_prefs);
  return m;
}

// `applicants` lists of `list_length` distinct institutions, one score per
// applicant (or per entry) in [0, score_range), capacities in [0, 12).
inline MatchingMarket random_scored_market(std::mt19937_64& rng, Index applicants,
                                           Index institutions, Index list_length, int score_range,
                                           bool entry_scores) {
  MatchingMarket m;
  std::uniform_int_distribution<Index> pick(0, institutions - 1);
  for (Index a = 0; a < applicants; ++a) {
    std::vector<Index> l;
    while (static_cast<Index>(l.size()) < std::min(list_length, institutions)) {
      const Index s = pick(rng);
      if (std::find(l.begin(), l.end(), s) == l.end()) l.push_back(s);
    }
    m.applicant_prefs.add(l);
    for (std::size_t k = 0; k < l.size() && entry_scores; ++k)
      m.entry_scores.push_back(static_cast<double>(rng() % static_cast<unsigned>(score_range)));
    if (!entry_scores)
      m.scores.push_back(static_cast<double>(rng() % static_cast<unsigned>(score_range)));
  }
  for (Index s = 0; s < institutions; ++s) m.capacities.push_back(static_cast<Count>(rng() % 12));
  return m;
}

}  // namespace sixlink::testing
