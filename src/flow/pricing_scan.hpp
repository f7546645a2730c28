// The network simplex's pricing scan: the loop that reads every arc of a block
// and keeps the most violating one, in a portable version and an AVX2 version
// chosen at run time. Internal: not installed.
//
// An arc's violation is state * (cost + pi[tail] - pi[head]) with state +1 at
// the lower bound, -1 at the upper bound and 0 in the tree; a negative value
// means the arc would lower the cost if it entered. Both versions return the
// same arc: the first, in scan order, of those with the least violation below
// the incoming best. The AVX2 version prices four arcs at a time (the two
// potentials by gathers) and keeps, per lane, the first of its least; the lanes
// are then merged by value and, among equals, by the lower arc.
#pragma once

#include <cstdint>

namespace sixlink::detail {

struct PricedArcs {
  const std::int8_t* state;
  const std::int32_t* tail;
  const std::int32_t* head;
  const std::int64_t* cost;
  const std::int64_t* potential;
};

/// Scans arcs [first, last) in order; an arc whose violation is strictly below
/// `best` becomes `best` and `best_arc`.
void least_violation(const PricedArcs& arcs, std::int32_t first, std::int32_t last,
                     std::int64_t& best, std::int32_t& best_arc);

enum class PricingKernel { kScalar, kAvx2 };

/// Forces a kernel (tests, benchmarks); kAvx2 falls back to kScalar on a CPU
/// without AVX2. Returns the kernel now in use. SIXLINK_SCAN_KERNEL=scalar in
/// the environment starts the process on the scalar kernel.
PricingKernel set_pricing_kernel(PricingKernel kernel);

}  // namespace sixlink::detail
