// core/interrupt.hpp: the process-wide flag, and engines that stop on it and
// stay usable afterwards.
#include "sixlink/core/interrupt.hpp"

#include <gtest/gtest.h>

#include <random>
#include <type_traits>

#include "sixlink/core/error.hpp"
#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/matching/stable_matching.hpp"
#include "support/matching_markets.hpp"

namespace sixlink {
namespace {

// Every test leaves the flag cleared, whatever happens inside it.
class Interrupt : public ::testing::Test {
 protected:
  void TearDown() override { clear_interrupt(); }
};

TEST_F(Interrupt, FlagSetsAndClears) {
  static_assert(!std::is_base_of_v<Error, Interrupted>);  // the input was fine
  EXPECT_FALSE(interrupt_requested());
  EXPECT_NO_THROW(throw_if_interrupted());
  request_interrupt();
  EXPECT_TRUE(interrupt_requested());
  EXPECT_THROW(throw_if_interrupted(), Interrupted);
  EXPECT_TRUE(interrupt_requested());  // polling does not clear it
  clear_interrupt();
  EXPECT_FALSE(interrupt_requested());
  EXPECT_STREQ(Interrupted().what(), "interrupted");
}

TEST_F(Interrupt, FlowSolveStopsAndTheProblemSolvesAgain) {
  MinCostFlow p(3);
  p.set_supply(0, 5);
  p.set_supply(2, -5);
  p.add_arc(0, 1, 4, 1);
  p.add_arc(1, 2, kInfiniteCapacity, 1);
  p.add_arc(0, 2, 10, 3);
  request_interrupt();
  EXPECT_THROW(p.solve(), Interrupted);
  clear_interrupt();
  const MinCostFlowResult r = p.solve();
  ASSERT_EQ(r.status, Status::kOptimal);
  EXPECT_EQ(r.cost, 11);
  EXPECT_EQ(r.flow, (std::vector<Flow>{4, 4, 1}));
}

TEST_F(Interrupt, StableMatchingStopsAndGivesTheSameMatchingAfterwards) {
  std::mt19937_64 rng(3);
  const MatchingMarket m = testing::random_scored_market(rng, 200, 10, 3, 50, false);
  const auto expected = solve_stable_matching(m).applicant_match;
  request_interrupt();
  EXPECT_THROW(solve_stable_matching(m), Interrupted);
  clear_interrupt();
  EXPECT_EQ(solve_stable_matching(m).applicant_match, expected);
}

}  // namespace
}  // namespace sixlink
