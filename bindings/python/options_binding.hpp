// The options registries for Python: sixlink._core.option_fields(name).
#pragma once

#include <pybind11/pybind11.h>

#include <optional>

#include "sixlink/analysis/quota_optimisation.hpp"

/// Adds option_fields(name) and option_registries to the module (see options_binding.cpp).
void bind_options(pybind11::module_& m);

/// The quota plan's keyword arguments shared by plan_report and PlanSampler,
/// copied into `q` (Python's None: no constraint, lambda calibrated).
inline void set_quota_arguments(sixlink::QuotaOptions& q, int year,
                                std::optional<double> total_enrolment, std::optional<double> budget,
                                std::optional<double> min_secondary_share,
                                std::optional<double> max_secondary_share, double max_change,
                                std::optional<double> outside_weight) {
  q.year = year;
  q.total_enrolment = total_enrolment;
  q.budget = budget;
  q.min_secondary_share = min_secondary_share;
  q.max_secondary_share = max_secondary_share;
  q.max_change = max_change;
  q.market.outside_weight = outside_weight;
}
