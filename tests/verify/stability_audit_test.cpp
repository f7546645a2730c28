// verify/stability_audit.hpp: capacity and acceptability violations, bad
// input, and a welfare-optimal matching from the assignment engine judged.
#include "sixlink/verify/stability_audit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "sixlink/assignment/assignment.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/matching/stable_matching.hpp"
#include "support/matching_markets.hpp"

namespace sixlink {
namespace {

using testing::random_scored_market;
using testing::ranked_market;

TEST(StabilityAudit, ReportsCapacityAndAcceptabilityViolations) {
  const MatchingMarket m = ranked_market({{0}, {0, 1}, {1}}, {1, 1}, {{0, 1}, {1}});
  const StabilityAudit audit = audit_stability(m, std::vector<Index>{0, 0, 1});
  EXPECT_EQ(audit.over_capacity, (std::vector<Index>{0}));
  EXPECT_EQ(audit.unacceptable, (std::vector<Index>{2}));  // school 1 does not rank applicant 2
  EXPECT_FALSE(audit.stable());
  EXPECT_THROW(audit_stability(m, std::vector<Index>{0, 0}), InvalidInput);
  EXPECT_THROW(audit_stability(m, std::vector<Index>{0, 5, 1}), InvalidInput);
}

// A welfare-optimal matching (most total preference, from the assignment
// engine over one column per seat) is a valid matching the audit can judge;
// it typically has blocking pairs, and never less welfare than the stable one.
TEST(StabilityAudit, JudgesAWelfareOptimalMatchingFromTheAssignmentEngine) {
  std::mt19937_64 rng(21);
  Count blocked = 0;
  for (int trial = 0; trial < 30; ++trial) {
    const MatchingMarket m = random_scored_market(rng, 60, 6, 4, 100, false);
    std::vector<Index> seat_owner;
    for (Index s = 0; s < m.institution_count(); ++s) {
      for (Count k = 0; k < m.capacities[static_cast<std::size_t>(s)]; ++k) seat_owner.push_back(s);
    }
    if (seat_owner.empty()) continue;
    const double forbid = -std::numeric_limits<double>::infinity();
    DenseWeights w =
        DenseWeights::Constant(m.applicant_count(), static_cast<Index>(seat_owner.size()), forbid);
    auto utility = [&m](Index a, Index s) {  // 4 for a first choice down to 1 for a fourth
      const auto l = m.applicant_prefs.list(a);
      const auto at = std::find(l.begin(), l.end(), s);
      return at == l.end()
                 ? -1.0
                 : static_cast<double>(l.size() - static_cast<std::size_t>(at - l.begin()));
    };
    for (Index a = 0; a < m.applicant_count(); ++a) {
      for (std::size_t c = 0; c < seat_owner.size(); ++c) {
        const double u = utility(a, seat_owner[c]);
        if (u > 0) w(a, static_cast<Index>(c)) = u;
      }
    }
    AssignmentOptions options;
    options.maximize = true;
    options.mode = AssignmentMode::kPartial;
    const AssignmentResult best = solve_assignment(w, options);
    std::vector<Index> welfare(static_cast<std::size_t>(m.applicant_count()), -1);
    for (Index a = 0; a < m.applicant_count(); ++a) {
      const Index c = best.row_to_col[static_cast<std::size_t>(a)];
      if (c >= 0) welfare[static_cast<std::size_t>(a)] = seat_owner[static_cast<std::size_t>(c)];
    }
    const StabilityAudit audit = audit_stability(m, welfare);
    EXPECT_TRUE(audit.over_capacity.empty() && audit.unacceptable.empty()) << "trial " << trial;
    blocked += static_cast<Count>(audit.blocking_pairs.size());
    const auto stable = solve_stable_matching(m).applicant_match;
    double stable_welfare = 0.0;
    for (Index a = 0; a < m.applicant_count(); ++a) {
      if (stable[static_cast<std::size_t>(a)] >= 0)
        stable_welfare += utility(a, stable[static_cast<std::size_t>(a)]);
    }
    EXPECT_GE(best.objective, stable_welfare) << "trial " << trial;
  }
  EXPECT_GT(blocked, 0);  // welfare and stability do part ways
}

}  // namespace
}  // namespace sixlink
