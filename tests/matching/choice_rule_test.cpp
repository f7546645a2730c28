// matching/choice_rule.hpp: the institutions' choice rule asked about a given
// matching, by hand on small markets and against the stable matching engine.
#include "sixlink/matching/choice_rule.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <utility>
#include <vector>

#include "sixlink/core/error.hpp"
#include "sixlink/matching/stable_matching.hpp"
#include "support/matching_markets.hpp"

namespace sixlink {
namespace {

using Pair = std::pair<Index, Index>;
using testing::lists;
using testing::ranked_market;

TEST(ChoiceRule, TakersAreTheBlockingPairsOfATextbookMarket) {
  // Applicants 0 and 1 both rank school 0 first; school 0 ranks 1 above 0.
  const MatchingMarket m = ranked_market({{0, 1}, {0, 1}}, {1, 1}, {{1, 0}, {0, 1}});
  // Stable: 1 at school 0, 0 at school 1.
  ChoiceRuleVerdict v = apply_choice_rules(m, std::vector<Index>{1, 0});
  EXPECT_TRUE(v.takers.empty());
  EXPECT_TRUE(v.unacceptable.empty());
  EXPECT_EQ(v.outranked, 0);
  // Swapped: school 0 holds 0 but would take 1, who outranks 0 there.
  v = apply_choice_rules(m, std::vector<Index>{0, 1});
  EXPECT_THAT(v.takers, ::testing::ElementsAre(Pair{1, 0}));
  EXPECT_EQ(v.outranked, 1);
  // Nobody matched: each applicant is taken by its first choice's free seat.
  v = apply_choice_rules(m, std::vector<Index>{-1, -1});
  EXPECT_THAT(v.takers, ::testing::ElementsAre(Pair{0, 0}, Pair{0, 1}, Pair{1, 0}, Pair{1, 1}));
  EXPECT_EQ(v.outranked, 0);
}

TEST(ChoiceRule, UnacceptableMatchesAndUnrankedApplicants) {
  // School 1 does not rank applicant 2; applicant 0 does not list school 1.
  const MatchingMarket m = ranked_market({{0}, {0, 1}, {1}}, {1, 2}, {{0, 1}, {1}});
  const ChoiceRuleVerdict v = apply_choice_rules(m, std::vector<Index>{1, 0, 1});
  EXPECT_EQ(v.unacceptable, (std::vector<Index>{0, 2}));
  // Applicant 0 prefers school 0, which ranks it first: it would be taken.
  EXPECT_THAT(v.takers, ::testing::ElementsAre(Pair{0, 0}));
}

TEST(ChoiceRule, ReservedSeatsTakeOnlyTheirGroup) {
  // One school, 2 seats, 1 reserved for group 0. Applicants 0, 1 (no group)
  // outscore applicant 2 (group 0).
  MatchingMarket m;
  m.applicant_prefs = lists({{0}, {0}, {0}});
  m.capacities = {2};
  m.scores = {90, 80, 70};
  m.applicant_group = {-1, -1, 0};
  m.quotas = {{0, 0, 1}};
  // The reserve's matching: 0 and 2 hold the seats; 1 cannot take either.
  ChoiceRuleVerdict v = apply_choice_rules(m, std::vector<Index>{0, -1, 0});
  EXPECT_TRUE(v.takers.empty());
  // Without the reserve's holder: 2 would take its reserved seat.
  v = apply_choice_rules(m, std::vector<Index>{0, 0, -1});
  EXPECT_THAT(v.takers, ::testing::ElementsAre(Pair{2, 0}));
}

TEST(ChoiceRule, StableMatchingsHaveNoTakersAndNoEnvy) {
  std::mt19937_64 rng(31);
  for (int trial = 0; trial < 20; ++trial) {
    MatchingMarket m =
        testing::random_scored_market(rng, 300, 20, 4, trial % 2 ? 5 : 1000, trial % 3 == 0);
    m.seed = static_cast<std::uint64_t>(trial);
    const auto match = solve_stable_matching(m).applicant_match;
    const ChoiceRuleVerdict v = apply_choice_rules(m, match);
    EXPECT_TRUE(v.takers.empty()) << "trial " << trial;
    EXPECT_TRUE(v.unacceptable.empty()) << "trial " << trial;
    EXPECT_EQ(v.outranked, 0) << "trial " << trial;
    // Unmatching someone who holds a seat they listed frees it: they would be taken back.
    for (Index a = 0; a < m.applicant_count(); ++a) {
      if (match[static_cast<std::size_t>(a)] < 0) continue;
      auto broken = match;
      broken[static_cast<std::size_t>(a)] = -1;
      const ChoiceRuleVerdict w = apply_choice_rules(m, broken);
      EXPECT_THAT(w.takers, ::testing::Contains(Pair{a, match[static_cast<std::size_t>(a)]}));
      break;
    }
  }
}

TEST(ChoiceRule, RejectsMalformedMatchings) {
  const MatchingMarket m = ranked_market({{0}, {0}}, {1}, {{0, 1}});
  EXPECT_THROW(apply_choice_rules(m, std::vector<Index>{0}), InvalidInput);
  try {
    apply_choice_rules(m, std::vector<Index>{0, 3});
    ADD_FAILURE() << "no error";
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "applicant 1 is matched to institution 3, outside -1..0");
  }
  MatchingMarket bad = m;
  bad.capacities = {-1};
  EXPECT_THROW(apply_choice_rules(bad, std::vector<Index>{-1, -1}), InvalidInput);
}

}  // namespace
}  // namespace sixlink
