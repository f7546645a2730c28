// Values as integer costs: the conversions are the expressions their callers
// used before (bit for bit), the range checks agree with the engine's own, and
// finest_scale is the quota model's loop.
#include "sixlink/flow/integer_costs.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

TEST(IntegerCosts, ConversionsAreTheCallersExpressions) {
  const CostScale scale(1e6);
  std::mt19937_64 rng(15);
  std::uniform_real_distribution<double> any(-3000.0, 3000.0);
  for (int i = 0; i < 100000; ++i) {
    const double v = i < 50000 ? any(rng) : std::ldexp(any(rng), -(i % 40));
    EXPECT_EQ(scale.cost(v), static_cast<Cost>(std::llround(v * 1e6))) << v;
    EXPECT_EQ(scale.gain(v), -static_cast<Cost>(std::llround(v * 1e6))) << v;
    const auto c = static_cast<Cost>(std::llround(v * 1e6));
    // Bit-identical doubles, not merely near ones.
    EXPECT_EQ(scale.value(c), static_cast<double>(c) / 1e6);
    EXPECT_EQ(scale.gain_value(c), -static_cast<double>(c) / 1e6);
  }
}

TEST(IntegerCosts, RoundsHalvesAwayFromZero) {
  const CostScale scale(10.0);
  EXPECT_EQ(scale.cost(0.25), 3);  // 2.5
  EXPECT_EQ(scale.cost(-0.25), -3);
  EXPECT_EQ(scale.cost(0.0), 0);
  EXPECT_EQ(scale.gain(0.0), 0);
  EXPECT_EQ(scale.gain(0.25), -3);
  EXPECT_EQ(CostScale(1.0).cost(0.4999999999999999), 0);
}

TEST(IntegerCosts, UsableAsAConstant) {
  static constexpr CostScale kScale{1e6};
  static_assert(kScale.scale() == 1e6);
  EXPECT_EQ(kScale.cost(1.0), 1000000);
}

TEST(IntegerCosts, BadScalesThrow) {
  for (double bad : {0.0, -1.0, std::numeric_limits<double>::infinity(), std::nan("")})
    EXPECT_THROW(CostScale{bad}, InvalidInput) << bad;
  EXPECT_THROW(finest_scale(1.0, 10, 10.0, 0.0, 1000.0), InvalidInput);
  EXPECT_THROW(finest_scale(1.0, 10, 10.0, 1e6, 0.5), InvalidInput);
  EXPECT_THROW(finest_scale(1.0, 10, 10.0, 1e6, std::nan("")), InvalidInput);
  EXPECT_THROW((void)CostScale(1e6).check(1.0, -1), InvalidInput);
}

TEST(IntegerCosts, OutOfRangeIsAStatusWithAMessage) {
  const CostScale scale(1e6);
  EXPECT_TRUE(scale.check(1000.0, 1000000).ok());
  EXPECT_TRUE(scale.check_value(-1e12).ok());
  for (double bad : {std::numeric_limits<double>::infinity(), std::nan(""), 0x1.0p62 / 1e6}) {
    const CostRangeCheck value = scale.check_value(bad);
    EXPECT_EQ(value.status, FlowStatus::kOutOfRange) << bad;
    EXPECT_FALSE(value);
    EXPECT_NE(value.message.find("2^62"), std::string::npos) << value.message;
    EXPECT_EQ(scale.check(bad, 1).status, FlowStatus::kOutOfRange) << bad;
  }
  // (n + 2) max|c| < 2^60: on 2^20 - 2 nodes, costs must stay below 2^40.
  const Index nodes = (Index{1} << 20) - 2;
  const CostScale unit(1.0);
  EXPECT_TRUE(unit.check(0x1.0p40 - 1.0, nodes).ok());
  const CostRangeCheck over = unit.check(0x1.0p40, nodes);
  EXPECT_EQ(over.status, FlowStatus::kOutOfRange);
  EXPECT_NE(over.message.find("2^60"), std::string::npos) << over.message;
  // A negative largest value is measured by its size.
  EXPECT_EQ(unit.check(-0x1.0p40, nodes).status, FlowStatus::kOutOfRange);
}

// Agrees with the engine: a network at the edge of check() solves, one past it
// is out of range there too.
TEST(IntegerCosts, CheckAgreesWithTheEngine) {
  const CostScale unit(1.0);
  auto solve_at = [](Cost c) {
    MinCostFlow f(2);
    f.set_supply(0, 1);
    f.set_supply(1, -1);
    f.add_arc(0, 1, 1, c);
    return f.solve().status;
  };
  const double largest = 0x1.0p58 - 64.0;  // (2 + 2) x largest < 2^60, exact in a double
  ASSERT_TRUE(unit.check(largest, 2).ok());
  EXPECT_EQ(solve_at(unit.cost(largest)), FlowStatus::kOptimal);
  ASSERT_FALSE(unit.check(0x1.0p58, 2).ok());
  EXPECT_EQ(solve_at(unit.cost(0x1.0p58)), FlowStatus::kOutOfRange);
}

// The loop quota_optimisation.cpp's solve_priced ran, as it was written there.
double quota_factor(double largest, Index node_count, double flow) {
  constexpr double kWeightScale = 1e6;
  double factor = 1000.0;
  const double nodes = static_cast<double>(node_count + 2);
  while (factor > 1.0 && (largest * kWeightScale * factor * nodes >= 0x1.0p59 ||
                          largest * kWeightScale * factor * 4.0 * flow >= 0x1.0p61))
    factor /= 10.0;
  return factor;
}

TEST(IntegerCosts, FinestScaleIsTheQuotaModelsLoop) {
  std::mt19937_64 rng(7);
  int coarser = 0, base = 0;
  for (int i = 0; i < 20000; ++i) {
    const double largest = std::ldexp(std::uniform_real_distribution<double>(0.5, 1.0)(rng),
                                      static_cast<int>(rng() % 30) - 5);
    const auto nodes = static_cast<Index>(rng() % 2000000);
    const double flow = std::ldexp(1.0, static_cast<int>(rng() % 40));
    const ScaleChoice choice = finest_scale(largest, nodes, flow, 1e6, 1000.0);
    const double expected = quota_factor(largest, nodes, flow);
    ASSERT_EQ(choice.factor, expected) << largest << " " << nodes << " " << flow;
    ASSERT_EQ(choice.scale, 1e6 * expected);
    coarser += expected < 1000.0;
    base += expected <= 1.0;
  }
  EXPECT_GT(coarser, 1000);  // the loop ran, sometimes all the way down
  EXPECT_GT(base, 100);
  // Small models get the finest scale; a chosen scale keeps check() happy.
  EXPECT_EQ(finest_scale(2.0, 1000, 1e5, 1e6, 1000.0).factor, 1000.0);
  const ScaleChoice big = finest_scale(1000.0, 300000, 1e6, 1e6, 1000.0);
  EXPECT_LT(big.factor, 1000.0);
  EXPECT_TRUE(CostScale(big.scale).check(1000.0, 300000).ok());
}

}  // namespace
}  // namespace sixlink
