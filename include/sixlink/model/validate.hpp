// sixlink/model/validate.hpp — checks that a Scenario is well formed.
//
// validate() checks every id is non-empty and unique within its table, every
// reference names an entity that exists, every count lies in [0, kMaxCount],
// every rate in [0, 1], every number is finite, and bounds are ordered
// (min_intake <= max_intake). It throws InvalidInput naming the table, index,
// field and id at fault, e.g.
//   programmes[3].school: programme 'tz-p3' refers to unknown school 'x'
// The loaders in io/ run the same checks and name the file, JSON pointer or CSV
// line instead.
#pragma once

#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// Throws InvalidInput on the first problem found; returns normally otherwise.
void validate(const Scenario& scenario);

}  // namespace sixlink
