// One programme's intake bounds in the quota model, in students (before any
// rounding), shared by the model (quota_model.cpp) and the rounding to
// whole students (intake_rounding.cpp) so that the two cannot drift apart.
#pragma once

#include <algorithm>
#include <cstddef>

#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink::detail {

struct IntakeBounds {
  double q0 = 0.0;          ///< the intake the change is measured from
  double continuing = 0.0;  ///< students of earlier cohorts still enrolled
  double lower = 0.0;       ///< intake bounds while open
  double upper = 0.0;
  bool may_close = false;  ///< the allowed shrink reaches the smallest viable cohort
};

/// Row `i` of the plan: a scenario programme, or an open candidate (no change
/// bound, no earlier cohorts). `committed`: seats the programme keeps for the
/// graduates its pathways bring (progression.hpp committed_seats), a floor on its
/// intake (within the upper bound) that also keeps it open.
inline IntakeBounds intake_bounds(const Programme& prog, bool candidate, const QuotaOptions& o,
                                  std::size_t i, double committed = 0.0) {
  IntakeBounds b;
  b.q0 = candidate || o.previous_intake.empty() ? static_cast<double>(prog.intake)
                                                : o.previous_intake[i];
  b.continuing = candidate                       ? 0.0
                 : o.continuing_students.empty() ? static_cast<double>(prog.duration - 1) * b.q0
                                                 : o.continuing_students[i];
  if (candidate) {
    b.lower = static_cast<double>(prog.min_intake);
    b.upper = static_cast<double>(prog.max_intake);
  } else {
    b.lower = std::max(static_cast<double>(prog.min_intake), (1.0 - o.max_change) * b.q0);
    b.may_close = (1.0 - o.max_change) * b.q0 <= static_cast<double>(prog.min_intake);
    b.upper = (1.0 + o.max_change) * b.q0;
    if (prog.max_intake > 0) b.upper = std::min(b.upper, static_cast<double>(prog.max_intake));
    b.lower = std::min(std::max(b.lower, committed), b.upper);
    if (committed > 0.0) b.may_close = false;
  }
  return b;
}

}  // namespace sixlink::detail
