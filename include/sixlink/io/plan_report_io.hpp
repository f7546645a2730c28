// sixlink/io/plan_report_io.hpp — the quota plan and its recommendations as JSON.
//
// `sixlink plan --json` prints one object:
//   {"scenario", "year", "demand_year", "status", "message", "binding_constraint",
//    "shortfall", "objective", "upper_bound", "outside_weight", "training_cost",
//    "iterations", "flow_solves",
//    "totals": {"graduates", "placed_local", "retention_rate", "demand", "unmet",
//               "enrolment", "cost", "secondary_share", "adjustment", "matched_value"},
//    "constraints": [{"name", "sense", "value", "limit", "binding", "shadow_price"}],
//    "programmes": [{"id", "school", "specialty", "region", "candidate", "open",
//                    "current_intake", "intake", "lower", "upper", "graduates",
//                    "placed_local", "leaving", "students"}],
//    "recommendations": [{"programme", "school", "specialty", "region", "action",
//                         "current_intake", "intake", "reason", "drivers",
//                         "marginal_value", "range", "unmet_change",
//                         "retention_change", "agreement"}],
//    "robustness": {"samples", "seed", "infeasible_samples", "objective_median"},
//    "horizon": [{"year", "status", "intake", "enrolment", "enrolment_target",
//                 "enrolment_shortfall", "graduates", "retention_rate",
//                 "retention_target", "match_rate", "objective"}]}
// "horizon" is present when a rolling plan is given. Intakes are the LP's values
// (seats; fractional where the optimum combines flows). Missing values are null.
#pragma once

#include <cstddef>
#include <string>

#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/analysis/rolling_plan.hpp"

namespace sixlink {

std::string plan_report_to_json(const RecommendationReport& report, const RollingPlan* horizon,
                                const std::string& scenario_name, int indent = 2);

/// The plan's headline figures and its first `top` recommendations (the "plan"
/// object of `sixlink run --json`): the keys above except "programmes",
/// "constraints" and "horizon".
std::string plan_summary_to_json(const RecommendationReport& report, std::size_t top,
                                 int indent = 2);

}  // namespace sixlink
