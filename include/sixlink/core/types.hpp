// sixlink/core/types.hpp — fixed public numeric types.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sixlink {

/// Indices into arrays and counts of people, seats and openings.
using Index = std::int64_t;
using Count = std::int64_t;

/// The largest count any scenario field may hold. Far above any real city's
/// numbers, and small enough that sums over millions of records cannot overflow
/// an int64.
inline constexpr Count kMaxCount = 1'000'000'000'000;  // 10^12

/// The longest id, in bytes, of any entity in a scenario or cohort.
inline constexpr std::size_t kMaxIdLength = 200;

}  // namespace sixlink
