#include "sixlink/matching/stable_matching.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <numeric>
#include <random>

#include "sixlink/core/error.hpp"
#include "sixlink/matching/parallel_choice.hpp"
#include "sixlink/verify/stability_audit.hpp"
#include "support/matching_markets.hpp"

namespace sixlink {
namespace {

using testing::lists;
using testing::random_scored_market;
using testing::ranked_market;

TEST(StableMatching, TextbookInstanceHasDistinctApplicantAndInstitutionOptima) {
  const MatchingMarket m = ranked_market({{0, 1, 2}, {1, 0, 2}, {0, 1, 2}}, {1, 1, 1},
                                         {{1, 0, 2}, {0, 1, 2}, {0, 1, 2}});
  const auto applicants = solve_stable_matching(m);
  EXPECT_EQ(applicants.applicant_match, (std::vector<Index>{0, 1, 2}));
  const auto institutions = solve_stable_matching(m, {ProposingSide::kInstitutions});
  EXPECT_EQ(institutions.applicant_match, (std::vector<Index>{1, 0, 2}));
  EXPECT_TRUE(audit_stability(m, applicants.applicant_match).stable());
  EXPECT_TRUE(audit_stability(m, institutions.applicant_match).stable());
  EXPECT_EQ(applicants.filled, (std::vector<Count>{1, 1, 1}));
}

// ---- An independent oracle: choice rule, stability and enumeration by brute force.

struct Oracle {
  const MatchingMarket& m;
  std::vector<std::vector<Index>> rank;  // rank[s][a]: position in s's list (large: unlisted)

  explicit Oracle(const MatchingMarket& market) : m(market) {
    const Index n = m.applicant_count();
    rank.assign(static_cast<std::size_t>(m.institution_count()),
                std::vector<Index>(static_cast<std::size_t>(n), 1'000'000));
    for (Index s = 0; s < m.institution_count(); ++s) {
      const auto list = m.institution_prefs.list(s);
      for (std::size_t p = 0; p < list.size(); ++p)
        rank[static_cast<std::size_t>(s)][static_cast<std::size_t>(list[p])] =
            static_cast<Index>(p);
    }
  }
  Index group(Index a) const {
    return m.applicant_group.empty() ? -1 : m.applicant_group[static_cast<std::size_t>(a)];
  }
  bool lists(Index a, Index s) const {
    const auto l = m.applicant_prefs.list(a);
    return std::find(l.begin(), l.end(), s) != l.end();
  }
  bool acceptable(Index a, Index s) const {
    return lists(a, s) &&
           rank[static_cast<std::size_t>(s)][static_cast<std::size_t>(a)] < 1'000'000;
  }
  Index place(Index a, Index s) const {  // position of s in a's list
    const auto l = m.applicant_prefs.list(a);
    return static_cast<Index>(std::find(l.begin(), l.end(), s) - l.begin());
  }
  // The reserve choice rule straight from its definition.
  std::vector<Index> choose(Index s, std::vector<Index> set) const {
    std::sort(set.begin(), set.end(), [&](Index x, Index y) {
      return rank[static_cast<std::size_t>(s)][static_cast<std::size_t>(x)] <
             rank[static_cast<std::size_t>(s)][static_cast<std::size_t>(y)];
    });
    std::vector<Index> chosen;
    std::vector<char> taken(set.size(), 0);
    Count reserved = 0;
    for (const GroupQuota& q : m.quotas) {
      if (q.institution != s) continue;
      Count left = q.seats;
      for (std::size_t i = 0; i < set.size() && left > 0; ++i) {
        if (!taken[i] && group(set[i]) == q.group) {
          taken[i] = 1;
          chosen.push_back(set[i]);
          --left;
          ++reserved;
        }
      }
    }
    Count open = m.capacities[static_cast<std::size_t>(s)] - reserved;
    for (std::size_t i = 0; i < set.size() && open > 0; ++i) {
      if (!taken[i]) {
        chosen.push_back(set[i]);
        --open;
      }
    }
    return chosen;
  }
  bool stable(const std::vector<Index>& match) const {
    const Index n = m.applicant_count();
    std::vector<std::vector<Index>> held(static_cast<std::size_t>(m.institution_count()));
    for (Index a = 0; a < n; ++a) {
      const Index s = match[static_cast<std::size_t>(a)];
      if (s < 0) continue;
      if (!acceptable(a, s)) return false;
      held[static_cast<std::size_t>(s)].push_back(a);
    }
    for (Index s = 0; s < m.institution_count(); ++s) {
      if (static_cast<Count>(held[static_cast<std::size_t>(s)].size()) >
          m.capacities[static_cast<std::size_t>(s)])
        return false;
    }
    for (Index a = 0; a < n; ++a) {
      for (const Index s : m.applicant_prefs.list(a)) {
        if (s == match[static_cast<std::size_t>(a)]) break;
        if (!acceptable(a, s)) continue;
        auto with = held[static_cast<std::size_t>(s)];
        with.push_back(a);
        const auto chosen = choose(s, with);
        if (std::find(chosen.begin(), chosen.end(), a) != chosen.end()) return false;
      }
    }
    return true;
  }
  std::vector<std::vector<Index>> all_stable() const {
    std::vector<std::vector<Index>> found;
    std::vector<Index> match(static_cast<std::size_t>(m.applicant_count()), -1);
    auto search = [&](auto&& self, Index a) -> void {
      if (a == m.applicant_count()) {
        if (stable(match)) found.push_back(match);
        return;
      }
      match[static_cast<std::size_t>(a)] = -1;
      self(self, a + 1);
      for (const Index s : m.applicant_prefs.list(a)) {
        match[static_cast<std::size_t>(a)] = s;
        self(self, a + 1);
      }
      match[static_cast<std::size_t>(a)] = -1;
    };
    search(search, 0);
    return found;
  }
  // The stable matching every applicant likes best (or least), if one does.
  std::vector<Index> extreme(const std::vector<std::vector<Index>>& stable_set, bool best) const {
    std::vector<Index> out(static_cast<std::size_t>(m.applicant_count()), -1);
    for (Index a = 0; a < m.applicant_count(); ++a) {
      Index pick = -2;
      for (const auto& match : stable_set) {
        const Index s = match[static_cast<std::size_t>(a)];
        const Index p = s < 0 ? 1'000'000 : place(a, s);
        const Index q =
            pick == -2 ? (best ? 2'000'000 : -1) : (pick < 0 ? 1'000'000 : place(a, pick));
        if (best ? p < q : p > q) pick = s;
      }
      out[static_cast<std::size_t>(a)] = pick;
    }
    return out;
  }
};

MatchingMarket random_ranked_market(std::mt19937_64& rng, Index applicants, Index institutions,
                                    Count max_capacity, bool quotas) {
  MatchingMarket m;
  for (Index a = 0; a < applicants; ++a) {
    std::vector<Index> all(static_cast<std::size_t>(institutions));
    std::iota(all.begin(), all.end(), Index{0});
    std::shuffle(all.begin(), all.end(), rng);
    // Mostly full lists: conflicting full lists give a market several stable matchings.
    if (rng() % 3 == 0) all.resize(rng() % (static_cast<std::size_t>(institutions) + 1));
    m.applicant_prefs.add(all);
  }
  for (Index s = 0; s < institutions; ++s) {
    m.capacities.push_back(
        rng() % 4 == 0 ? 0
                       : static_cast<Count>(1 + rng() % static_cast<std::uint64_t>(max_capacity)));
    std::vector<Index> all(static_cast<std::size_t>(applicants));
    std::iota(all.begin(), all.end(), Index{0});
    std::shuffle(all.begin(), all.end(), rng);
    if (rng() % 3 == 0) all.pop_back();  // sometimes one applicant is unacceptable
    m.institution_prefs.add(all);
  }
  if (quotas) {
    for (Index a = 0; a < applicants; ++a)
      m.applicant_group.push_back(static_cast<Index>(rng() % 3) - 1);
    for (Index s = 0; s < institutions; ++s) {
      const Count seats = m.capacities[static_cast<std::size_t>(s)];
      if (seats > 0 && rng() % 2 == 0) {
        m.quotas.push_back({s, static_cast<Index>(rng() % 2),
                            static_cast<Count>(1 + rng() % static_cast<std::uint64_t>(seats))});
      }
    }
  }
  return m;
}

TEST(StableMatching, EqualsTheOptimaFoundByEnumeratingEveryStableMatching) {
  std::mt19937_64 rng(5);
  int with_choice = 0;
  for (int trial = 0; trial < 6000; ++trial) {
    const bool quotas = trial % 2 == 1;
    const MatchingMarket m = random_ranked_market(rng, 1 + static_cast<Index>(rng() % 6),
                                                  1 + static_cast<Index>(rng() % 3), 2, quotas);
    const Oracle oracle(m);
    const auto stable_set = oracle.all_stable();
    ASSERT_FALSE(stable_set.empty()) << "trial " << trial;  // deferred acceptance guarantees one
    with_choice += stable_set.size() > 1;
    const auto mine = solve_stable_matching(m);
    EXPECT_EQ(mine.applicant_match, oracle.extreme(stable_set, true)) << "trial " << trial;
    EXPECT_TRUE(audit_stability(m, mine.applicant_match).stable()) << "trial " << trial;
    const auto theirs = solve_stable_matching(m, {ProposingSide::kInstitutions});
    EXPECT_EQ(theirs.applicant_match, oracle.extreme(stable_set, false)) << "trial " << trial;
    // The audit agrees with the oracle on an arbitrary matching too.
    std::vector<Index> any(static_cast<std::size_t>(m.applicant_count()), -1);
    for (Index a = 0; a < m.applicant_count(); ++a) {
      const auto l = m.applicant_prefs.list(a);
      if (!l.empty() && rng() % 3 != 0) any[static_cast<std::size_t>(a)] = l[rng() % l.size()];
    }
    EXPECT_EQ(audit_stability(m, any).stable(), oracle.stable(any)) << "trial " << trial;
  }
  EXPECT_GT(with_choice, 80);  // markets with more than one stable matching were tested
}

TEST(StableMatching, LargeRandomMarketsHaveNoBlockingPairs) {
  std::mt19937_64 rng(9);
  for (int trial = 0; trial < 24; ++trial) {
    MatchingMarket m = random_scored_market(rng, 3000, 200, 1 + trial % 8,
                                            trial % 3 == 0 ? 5 : 1000, trial % 2 == 1);
    m.tie_break = trial % 4 < 2 ? TieBreak::kSingle : TieBreak::kMultiple;
    m.seed = static_cast<std::uint64_t>(trial);
    if (trial % 3 == 1) {  // county quotas
      for (Index a = 0; a < m.applicant_count(); ++a) m.applicant_group.push_back(a % 4 - 1);
      for (Index s = 0; s < m.institution_count(); s += 2)
        m.quotas.push_back({s, s % 3, m.capacities[static_cast<std::size_t>(s)] / 2});
    }
    const auto result = solve_stable_matching(m);
    const StabilityAudit audit = audit_stability(m, result.applicant_match);
    EXPECT_TRUE(audit.stable()) << "trial " << trial << ": " << audit.blocking_pairs.size()
                                << " blocking pairs";
    EXPECT_EQ(audit.justified_envy, 0) << "trial " << trial;
    const auto other = solve_stable_matching(m, {ProposingSide::kInstitutions});
    EXPECT_TRUE(audit_stability(m, other.applicant_match).stable()) << "trial " << trial;
    for (Index s = 0; s < m.institution_count(); ++s)
      EXPECT_LE(result.filled[static_cast<std::size_t>(s)],
                m.capacities[static_cast<std::size_t>(s)]);
  }
}

TEST(StableMatching, SameSeedSameResultAndTiesFollowTheSeed) {
  std::mt19937_64 rng(13);
  MatchingMarket m = random_scored_market(rng, 2000, 50, 5, 3, false);  // scores 0..2: ties
  m.seed = 7;
  const auto first = solve_stable_matching(m);
  EXPECT_EQ(solve_stable_matching(m).applicant_match, first.applicant_match);
  m.seed = 8;
  EXPECT_NE(solve_stable_matching(m).applicant_match, first.applicant_match);
  m.tie_break = TieBreak::kMultiple;
  const auto multiple = solve_stable_matching(m);
  EXPECT_EQ(solve_stable_matching(m).applicant_match, multiple.applicant_match);
  EXPECT_TRUE(audit_stability(m, multiple.applicant_match).stable());
}

TEST(StableMatching, QuotasReserveSeatsAndReleaseTheUnusedOnes) {
  // One school, 2 seats, 1 reserved for group 0 (its own county). Scores:
  // applicants 0 and 1 (group -1) outscore applicant 2 (group 0).
  MatchingMarket m;
  m.applicant_prefs = lists({{0}, {0}, {0}});
  m.capacities = {2};
  m.scores = {90, 80, 70};
  m.applicant_group = {-1, -1, 0};
  m.quotas = {{0, 0, 1}};
  EXPECT_EQ(solve_stable_matching(m).applicant_match, (std::vector<Index>{0, -1, 0}));
  m.applicant_group = {-1, -1, -1};  // nobody from the county: the seat is released
  EXPECT_EQ(solve_stable_matching(m).applicant_match, (std::vector<Index>{0, 0, -1}));
  EXPECT_EQ(solve_stable_matching(m, {ProposingSide::kInstitutions}).applicant_match,
            (std::vector<Index>{0, 0, -1}));
}

TEST(StableMatching, RejectsBadInputNamingTheCulprit) {
  auto expect_error = [](const MatchingMarket& m, const std::string& text) {
    try {
      solve_stable_matching(m);
      ADD_FAILURE() << "no error for: " << text;
    } catch (const InvalidInput& e) {
      EXPECT_THAT(e.what(), ::testing::HasSubstr(text));
    }
  };
  MatchingMarket m;
  m.applicant_prefs = lists({{0, 1}, {1}});
  m.capacities = {1, 1};
  m.scores = {1.0, 2.0};
  EXPECT_NO_THROW(solve_stable_matching(m));
  MatchingMarket bad = m;
  bad.applicant_prefs = lists({{0, 2}, {1}});
  expect_error(bad, "applicant 0 lists institution 2, outside 0..1");
  bad.applicant_prefs = lists({{0, 0}, {1}});
  expect_error(bad, "applicant 0 lists institution 0 twice");
  bad = m;
  bad.capacities = {1, -1};
  expect_error(bad, "institution 1 has capacity -1");
  bad = m;
  bad.scores = {1.0, std::nan("")};
  expect_error(bad, "the score of applicant 1 is NaN");
  bad.scores = {1.0};
  expect_error(bad, "scores has 1 entries for 2 applicants");
  bad = m;
  bad.scores.clear();
  bad.entry_scores = {1.0, 2.0, std::numeric_limits<double>::infinity()};
  expect_error(bad, "applicant 1 at institution 1 is infinite");
  bad = m;
  bad.institution_prefs = lists({{0}, {1}});
  expect_error(bad, "give one institution priority");
  bad.scores.clear();
  bad.institution_prefs = lists({{0, 0}, {1}});
  expect_error(bad, "institution 0 lists applicant 0 twice");
  bad.institution_prefs = lists({{0}});
  expect_error(bad, "institution_prefs has 1 lists for 2 institutions");
  bad = m;
  bad.quotas = {{0, 0, 2}};
  expect_error(bad, "institution 0 reserves 2 seats but has capacity 1");
  bad.quotas = {{3, 0, 1}};
  expect_error(bad, "quota 0: institution 3");
  bad = m;
  bad.applicant_prefs.indptr = {0, 2};
  expect_error(bad, "indptr ends at 2 but there are 3 entries");
  bad = m;
  bad.quotas = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {0, 0, 0}};
  expect_error(bad, "quota 3 repeats quota 1 (institution 1, group 0)");
  // Zero capacity and empty lists are fine.
  MatchingMarket empty;
  empty.applicant_prefs = lists({{}, {0}});
  empty.capacities = {0};
  empty.scores = {1.0, 2.0};
  EXPECT_EQ(solve_stable_matching(empty).applicant_match, (std::vector<Index>{-1, -1}));
  EXPECT_EQ(parallel_choice_admission(empty).applicant_match, (std::vector<Index>{-1, -1}));
  MatchingMarket nobody;
  EXPECT_TRUE(solve_stable_matching(nobody).applicant_match.empty());
}

// Long lists are scanned on all threads first; the error named is still the
// first list's in order, wherever the threads' chunks begin.
TEST(StableMatching, LongListsNameTheFirstCulprit) {
  const Index n = 100'000, institutions = 50;
  MatchingMarket m;
  m.applicant_prefs.indptr = {0};
  for (Index a = 0; a < n; ++a) {
    for (Index k = 0; k < 10; ++k) m.applicant_prefs.indices.push_back((a + 7 * k) % institutions);
    m.applicant_prefs.indptr.push_back(static_cast<Index>(m.applicant_prefs.indices.size()));
  }
  m.capacities.assign(static_cast<std::size_t>(institutions), n / institutions);
  m.scores.assign(static_cast<std::size_t>(n), 1.0);
  auto error_of = [](const MatchingMarket& market) {
    try {
      validate(market);
    } catch (const InvalidInput& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of(m), "no error");
  MatchingMarket bad = m;
  auto entry = [](MatchingMarket& market, Index a, Index k) -> Index& {
    return market.applicant_prefs.indices[static_cast<std::size_t>(10 * a + k)];
  };
  entry(bad, 90'000, 3) = 99;                     // late
  entry(bad, 30'000, 5) = entry(bad, 30'000, 1);  // early
  EXPECT_EQ(error_of(bad), "applicant 30000 lists institution " +
                               std::to_string(entry(bad, 30'000, 1)) + " twice");
  entry(bad, 30'000, 5) = entry(m, 30'000, 5);
  EXPECT_EQ(error_of(bad), "applicant 90000 lists institution 99, outside 0..49");
  bad = m;
  bad.applicant_prefs.indptr[70'001] = bad.applicant_prefs.indptr[70'000] - 1;
  EXPECT_THAT(error_of(bad), ::testing::HasSubstr("indptr decreases at applicant 70000"));
  bad = m;
  bad.scores[80'000] = std::numeric_limits<double>::infinity();
  bad.scores[60'000] = std::nan("");
  EXPECT_EQ(error_of(bad), "scores: the score of applicant 60000 is NaN");
  bad = m;
  bad.scores.clear();
  bad.entry_scores.assign(m.applicant_prefs.indices.size(), 1.0);
  bad.entry_scores[10 * 70'000 + 2] = std::nan("");
  EXPECT_EQ(error_of(bad), "entry_scores: the score of applicant 70000 at institution " +
                               std::to_string(entry(m, 70'000, 2)) + " is NaN");
}

}  // namespace
}  // namespace sixlink
