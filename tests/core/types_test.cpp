// core/types.hpp: the fixed public numeric types and their limits.
#include "sixlink/core/types.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <type_traits>

namespace sixlink {
namespace {

TEST(Types, IndicesAndCountsAreSignedSixtyFourBit) {
  static_assert(std::is_same_v<Index, std::int64_t>);
  static_assert(std::is_same_v<Count, std::int64_t>);
  EXPECT_EQ(kMaxCount, 1'000'000'000'000);
  EXPECT_EQ(kMaxIdLength, 200u);
}

TEST(Types, SumsOfMillionsOfMaximalCountsCannotOverflow) {
  // The promise kMaxCount makes: a million records at the largest count, and
  // their products with a rate's numerator, stay far inside an int64.
  constexpr Count kRecords = 1'000'000;
  EXPECT_LT(kMaxCount, std::numeric_limits<Count>::max() / kRecords);
  EXPECT_GT(std::numeric_limits<Count>::max() / kRecords / kMaxCount, 1);
}

}  // namespace
}  // namespace sixlink
