// sixlink/io/quota_mps.hpp — the quota plan's LP as a free-MPS file.
//
// The LP of `optimise_quotas(scenario, options)` (analysis/quota_optimisation.hpp)
// with the open/closed decisions of a result fixed: one column x<a> per arc of
// the model's network, one equality row n<v> per node, one row s<r> per side
// constraint, in free MPS that every reader takes the same way (GLPK's
// `glpsol --freemps` and HiGHS are tested). The file MINIMISES the row
// `minus_value`, the objective negated, so its optimum is -result.objective; it
// has no OBJSENSE section (glpsol rejects one) and no right-hand side on the
// objective row (readers disagree on its sign): the objective's constant is the
// cost of a column `constant` fixed at 1. Comment lines (`*`) at the top say so.
// Arc costs are written as the exact decimals of the model's integers
// (cost / 1e6), other coefficients to 17 significant digits.
#pragma once

#include <string>

#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// Writes the LP of `optimise_quotas(scenario, options)` with the decisions of
/// `result` fixed (see the header). Atomic. Throws InvalidInput for options out
/// of range or a result with another number of programmes, IoError when the
/// file cannot be written.
void export_quota_mps(const Scenario& scenario, const QuotaOptions& options,
                      const QuotaResult& result, const std::string& path);

}  // namespace sixlink
