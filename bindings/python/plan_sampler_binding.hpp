// sixlink._core.PlanSampler: one demand sample of the recommendations at a time
// (sixlink/analysis/plan_samples.hpp), for sixlink.distributed.
#pragma once

#include <pybind11/pybind11.h>

namespace sixlink_python {

void bind_plan_sampler(pybind11::module_& m);

}  // namespace sixlink_python
