// Text tables for people reading a terminal.
#pragma once

#include <string>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/analysis/rolling_plan.hpp"
#include "sixlink/model/summary.hpp"
#include "sixlink/placement/placement.hpp"

namespace sixlink::cli {

/// The scenario summary as aligned text (the `sixlink run` report).
std::string format_summary(const ScenarioSummary& summary);

/// The city-wide gap figures and the plan indicators (part of `sixlink run`).
std::string format_gap_summary(const GapReport& report);

/// The full gap analysis as tables (the `sixlink gap` report).
std::string format_gap(const GapReport& report, const std::string& scenario_name);

/// The plan's headline, binding constraints and first `top` recommendations
/// (part of `sixlink run`).
std::string format_plan_summary(const RecommendationReport& report, std::size_t top);

/// The `sixlink plan` report: the summary, then the rolling horizon if given.
std::string format_plan(const RecommendationReport& report, const RollingPlan* horizon,
                        const std::string& scenario_name, std::size_t top);

/// The placement's headline figures (part of `sixlink run`).
std::string format_placement_summary(const PlacementResult& result);

/// The `sixlink place` report: the summary, fill per cluster, unplaced by programme.
std::string format_placement(const PlacementResult& result, const std::string& scenario_name);

}  // namespace sixlink::cli
