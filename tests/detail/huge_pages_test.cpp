#include "detail/huge_pages.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

namespace sixlink::detail {
namespace {

// The helpers are std::vector's assign, resize and reserve with advice on the
// way: the contents must be what the plain calls give, whether the storage
// grows (advised) or not, above and below the advice's 4 MiB floor.
TEST(HugePages, HelpersKeepVectorSemantics) {
  for (const std::size_t n : {std::size_t{0}, std::size_t{7}, std::size_t{1} << 20}) {
    std::vector<std::int64_t> assigned{1, 2, 3};
    assign_on_huge_pages(assigned, n, -1);
    EXPECT_EQ(assigned, std::vector<std::int64_t>(n, -1));

    std::vector<std::int64_t> resized{4, 5, 6};
    resize_on_huge_pages(resized, n + 3);
    ASSERT_EQ(resized.size(), n + 3);
    EXPECT_EQ(resized[0], 4);
    EXPECT_EQ(resized[2], 6);
    for (std::size_t k = 3; k < resized.size(); ++k) ASSERT_EQ(resized[k], 0) << k;

    std::vector<std::int64_t> reserved{7, 8};
    reserve_on_huge_pages(reserved, n + 2);
    EXPECT_GE(reserved.capacity(), n + 2);
    EXPECT_EQ(reserved, (std::vector<std::int64_t>{7, 8}));
  }
  std::vector<std::int64_t> big(std::size_t{1} << 20);
  std::iota(big.begin(), big.end(), 0);
  const std::int64_t* storage = big.data();
  resize_on_huge_pages(big, big.size() / 2);  // shrinks in place, as resize does
  EXPECT_EQ(big.data(), storage);
  EXPECT_EQ(big.back(), (std::int64_t{1} << 19) - 1);
}

TEST(HugePages, AdviceOnAnyRangeIsHarmless) {
  advise_huge_pages(nullptr, 1 << 30);
  std::vector<char> small(100, 'x');
  advise_huge_pages(small.data(), small.size());
  std::vector<char> large(std::size_t{9} << 20, 'y');  // already written: nothing changes
  advise_huge_pages(large.data() + 1, large.size() - 1);
  EXPECT_EQ(small[99], 'x');
  EXPECT_EQ(large.back(), 'y');
}

// Carving: 64-byte aligned arrays in order, kept (contents too) while the
// size fits; a freed block serves the next arena of about its size only.
TEST(HugePages, ArenaCarvesKeepsAndPassesOnItsBlock) {
  const std::size_t n = std::size_t{3} << 17;  // 3 MiB of int64: on huge pages
  const std::int64_t* first_block = nullptr;
  {
    ArrayArena arena;
    arena.start(ArrayArena::room_for<std::int64_t>(n) + ArrayArena::room_for<std::int8_t>(5));
    const auto numbers = arena.take<std::int64_t>(n);
    const auto flags = arena.take<std::int8_t>(5);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(numbers.data()) % 64, 0u);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(flags.data()) % 64, 0u);
    EXPECT_EQ(reinterpret_cast<const std::byte*>(flags.data()),
              reinterpret_cast<const std::byte*>(numbers.data()) + n * 8);
    std::iota(numbers.begin(), numbers.end(), 0);
    arena.start(ArrayArena::room_for<std::int64_t>(n));  // fits: the same memory, untouched
    const auto again = arena.take<std::int64_t>(n);
    EXPECT_EQ(again.data(), numbers.data());
    EXPECT_EQ(again[n - 1], static_cast<std::int64_t>(n) - 1);
    first_block = again.data();
  }
  ArrayArena tiny;  // far smaller: does not take the kept block
  tiny.start(100);
  EXPECT_NE(tiny.take<std::int64_t>(1).data(), first_block);
  ArrayArena same;  // the same size: takes it
  same.start(ArrayArena::room_for<std::int64_t>(n));
  EXPECT_EQ(same.take<std::int64_t>(n).data(), first_block);
  ArrayArena moved = std::move(same);
  moved.start(ArrayArena::room_for<std::int64_t>(n));
  EXPECT_EQ(moved.take<std::int64_t>(n).data(), first_block);
}

}  // namespace
}  // namespace sixlink::detail
