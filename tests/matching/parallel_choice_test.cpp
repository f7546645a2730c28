// matching/parallel_choice.hpp: one-round admission in score order, against
// serial dictatorship and deferred acceptance, and the envy it leaves.
#include "sixlink/matching/parallel_choice.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "sixlink/matching/stable_matching.hpp"
#include "sixlink/verify/stability_audit.hpp"
#include "support/matching_markets.hpp"

namespace sixlink {
namespace {

using testing::lists;
using testing::random_scored_market;

TEST(ParallelChoice, EqualsSerialDictatorshipWhenEveryoneRanksEverything) {
  std::mt19937_64 rng(17);
  for (int trial = 0; trial < 50; ++trial) {
    MatchingMarket m = random_scored_market(rng, 400, 12, 12, trial % 2 ? 10 : 100000, false);
    m.seed = static_cast<std::uint64_t>(trial);
    const AdmissionResult admitted = parallel_choice_admission(m);
    // Serial dictatorship, in the admission's own score order (ties: its lottery).
    std::vector<Count> left = m.capacities;
    std::vector<Index> expected(static_cast<std::size_t>(m.applicant_count()), -1);
    for (std::size_t i = 0; i < admitted.order.size(); ++i) {
      const Index a = admitted.order[i];
      if (i > 0) {
        EXPECT_GE(m.scores[static_cast<std::size_t>(admitted.order[i - 1])],
                  m.scores[static_cast<std::size_t>(a)]);
      }
      for (const Index s : m.applicant_prefs.list(a)) {
        if (left[static_cast<std::size_t>(s)] > 0) {
          --left[static_cast<std::size_t>(s)];
          expected[static_cast<std::size_t>(a)] = s;
          break;
        }
      }
    }
    EXPECT_EQ(admitted.applicant_match, expected) << "trial " << trial;
    // With one common score priority, deferred acceptance gives the same.
    EXPECT_EQ(solve_stable_matching(m).applicant_match, expected) << "trial " << trial;
    EXPECT_EQ(audit_stability(m, admitted.applicant_match).justified_envy, 0);
  }
}

TEST(ParallelChoice, RulesAndOneRoundLeaveJustifiedEnvyThatTheAuditCounts) {
  // Two schools with one seat each. Applicant 0 (score 90) lists only school 1
  // but misses its minimum score; applicant 1 (80) lists 0 then 1; applicant 2
  // (70) lists 1.
  MatchingMarket m;
  m.applicant_prefs = lists({{1}, {0, 1}, {1}});
  m.capacities = {1, 1};
  m.scores = {90, 80, 70};
  AdmissionRules rules;
  rules.min_score = {0, 95};
  const AdmissionResult r = parallel_choice_admission(m, rules);
  EXPECT_EQ(r.applicant_match, (std::vector<Index>{-1, 0, -1}));
  EXPECT_EQ(r.order, (std::vector<Index>{0, 1, 2}));
  rules.min_score = {0, 60};
  m.applicant_prefs = lists({{0}, {0, 1}, {1}});
  m.capacities = {1, 0};  // school 1 has no seats
  const AdmissionResult none = parallel_choice_admission(m, rules);
  EXPECT_EQ(none.applicant_match, (std::vector<Index>{0, -1, -1}));
  // A stricter one-round outcome: give applicant 1 the seat applicant 0 wanted.
  const std::vector<Index> envied{-1, 0, -1};
  const StabilityAudit audit = audit_stability(m, envied);
  EXPECT_EQ(audit.justified_envy, 1);
  EXPECT_THAT(audit.blocking_pairs, ::testing::ElementsAre(std::pair<Index, Index>{0, 0}));
}

}  // namespace
}  // namespace sixlink
