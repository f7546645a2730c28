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

}  // namespace
}  // namespace sixlink::detail
