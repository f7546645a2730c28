// The shared status vocabulary: stable names, round trips, and the engines'
// status types as aliases of it.
#include "sixlink/core/status.hpp"

#include <gtest/gtest.h>

#include <type_traits>

#include "sixlink/assignment/assignment.hpp"
#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink {
namespace {

constexpr Status kAll[] = {Status::kOptimal, Status::kInfeasible, Status::kUnbounded,
                           Status::kOutOfRange, Status::kIterationLimit};

TEST(Status, NamesAreTheOnesReportsPrint) {
  // These strings appear in JSON reports, CLI output and Python: never change them.
  EXPECT_EQ(to_string(Status::kOptimal), "optimal");
  EXPECT_EQ(to_string(Status::kInfeasible), "infeasible");
  EXPECT_EQ(to_string(Status::kUnbounded), "unbounded");
  EXPECT_EQ(to_string(Status::kOutOfRange), "out_of_range");
  EXPECT_EQ(to_string(Status::kIterationLimit), "iteration_limit");
}

TEST(Status, ParseReadsBackEveryName) {
  for (const Status status : kAll) {
    const auto parsed = parse_status(to_string(status));
    ASSERT_TRUE(parsed.has_value()) << to_string(status);
    EXPECT_EQ(*parsed, status);
  }
}

TEST(Status, ParseRejectsAnythingElse) {
  for (const char* text :
       {"", "Optimal", "OPTIMAL", " optimal", "optimal ", "out-of-range", "?", "iteration limit"}) {
    EXPECT_FALSE(parse_status(text).has_value()) << '"' << text << '"';
  }
}

TEST(Status, EngineStatusesAreTheSharedEnum) {
  static_assert(std::is_same_v<FlowStatus, Status>);
  static_assert(std::is_same_v<AssignmentStatus, Status>);
  EXPECT_EQ(to_string(FlowStatus::kOutOfRange), "out_of_range");
  EXPECT_EQ(to_string(AssignmentStatus::kInfeasible), "infeasible");
}

TEST(Status, FlowEngineReportsTheSharedValues) {
  MinCostFlow infeasible(2);
  infeasible.set_supply(0, 3);
  infeasible.set_supply(1, -3);
  infeasible.add_arc(0, 1, 2, 1);  // capacity 2 < supply 3
  EXPECT_EQ(infeasible.solve().status, Status::kInfeasible);

  MinCostFlow unbounded(2);
  unbounded.add_arc(0, 1, kInfiniteCapacity, -1);
  unbounded.add_arc(1, 0, kInfiniteCapacity, 0);
  EXPECT_EQ(unbounded.solve().status, Status::kUnbounded);
}

}  // namespace
}  // namespace sixlink
