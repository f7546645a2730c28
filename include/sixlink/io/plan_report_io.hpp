// sixlink/io/plan_report_io.hpp — the quota plan and its recommendations as JSON.
//
// `sixlink plan --json` prints one object:
//   {"scenario", "year", "demand_year", "status", "message", "binding_constraint",
//    "shortfall", "objective", "upper_bound", "outside_weight", "training_cost",
//    "iterations", "flow_solves",
//    "totals": {"graduates", "placed_local", "retention_rate", "demand", "unmet",
//               "enrolment", "cost", "secondary_share", "adjustment", "matched_value"},
//    "whole_intakes": {"status", "message", "moved", "enrolment", "cost",
//                      "secondary_share"},
//    "constraints": [{"name", "sense", "value", "limit", "binding", "shadow_price"}],
//    "programmes": [{"id", "name", "school", "specialty", "region", "candidate", "open",
//                    "current_intake", "intake", "intake_lp", "lower", "upper",
//                    "graduates", "placed_local", "leaving", "students"}],
//    "recommendations": [{"programme", "name", "school", "specialty", "region", "action",
//                         "current_intake", "intake", "intake_lp", "reason", "drivers",
//                         "marginal_value", "range", "unmet_change",
//                         "retention_change", "agreement"}],
//    "robustness": {"samples", "seed", "infeasible_samples", "objective_median"},
//    "horizon": [{"year", "status", "intake", "enrolment", "enrolment_target",
//                 "enrolment_shortfall", "graduates", "retention_rate",
//                 "retention_target", "match_rate", "objective"}]}
//
// Intakes. "intake" is whole students, rounded from the LP's value by the rule of
// intake_rounding.hpp, which keeps every bound, school capacity and side
// constraint; "intake_lp" is the LP's value, unrounded (fractional where the
// optimum combines flows or a completion rate divides). "whole_intakes" says how
// the rounding went: status "rounded" (with "moved": intakes not at their nearest
// whole number, moved to keep a constraint) or "lp_kept" (no whole point found:
// "intake" is then the LP's value and "message" names the constraints), and the
// students, yearly cost and secondary share at "intake". "lower"/"upper" are the
// whole-student bounds while open; a programme's "students" are at "intake".
// "totals", "constraints" and "horizon" are the LP's figures (the horizon's
// intakes are yearly totals of LP intakes). Without a scenario (the overloads
// taking a name) nothing is rounded: "intake" is the LP's, "whole_intakes" null.
//
// "name" is the programme's label (model/programme_names.hpp): the scenario's
// Programme::name as set; "" where it sets none, for candidates (not programmes
// yet) and in the overloads without a scenario.
//
// Numbers: whole counts are integers; every other number is rounded to 6
// decimals (io/report_numbers.hpp), never "-0". "agreement" is null when no
// demand samples were drawn. Missing values are null.
#pragma once

#include <cstddef>
#include <string>

#include "sixlink/analysis/intake_rounding.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/analysis/rolling_plan.hpp"
#include "sixlink/model/programme_names.hpp"

namespace sixlink {

/// The report with whole-student intakes, rounded against `scenario` (the one the
/// plan was solved on; its name is the "scenario" field).
std::string plan_report_to_json(const Scenario& scenario, const RecommendationReport& report,
                                const RollingPlan* horizon, int indent = 2);

/// The LP's intakes only (no scenario to round them against).
std::string plan_report_to_json(const RecommendationReport& report, const RollingPlan* horizon,
                                const std::string& scenario_name, int indent = 2);

/// The plan's headline figures and its first `top` recommendations (the "plan"
/// object of `sixlink run --json`): the keys above except "programmes",
/// "constraints" and "horizon"; whole intakes rounded against `scenario`.
std::string plan_summary_to_json(const Scenario& scenario, const RecommendationReport& report,
                                 std::size_t top, int indent = 2);

/// As above with the LP's intakes only.
std::string plan_summary_to_json(const RecommendationReport& report, std::size_t top,
                                 int indent = 2);

}  // namespace sixlink
