// Text tables for people reading a terminal.
//
// Presentation. Counts of people, openings, seats and yuan are whole numbers with
// thousands separators ("28,613"), rounded half away from zero when the model
// holds them as doubles; shares are percentages to 2 decimals; values to 2-4
// decimals. Nothing prints as "-0". A count is followed by its noun in the
// singular or the plural ("1 graduate", "2 graduates"). A plan's intakes are
// whole students (intake_rounding.hpp; the LP's own values are in the JSON),
// and its students and cost are those of the whole intakes; the constraint table
// and the rolling plan are the LP's. The "agree" column appears only when demand
// samples were drawn. A cluster's band describes its attributed supply against
// its openings: "no demand" (no openings), "shortage (no graduates)" (openings
// but no graduate attributed), and "(none matched)" is added when it has
// openings, graduates attributed, and none of them placed there; the ratio is
// "-" without openings. A scenario that labels its programmes (Programme::name) gets a
// "name" column beside the programme id in every programme table: the label, or the
// id where a programme has none; a scenario without labels gets none. The gap report
// lists the ten demand nodes (occupation, cluster, region) with the most unmet openings.
#pragma once

#include <string>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/analysis/intake_rounding.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/analysis/rolling_plan.hpp"
#include "sixlink/jobs/admit_job.hpp"
#include "sixlink/jobs/gap_job.hpp"
#include "sixlink/jobs/place_job.hpp"
#include "sixlink/jobs/plan_job.hpp"
#include "sixlink/jobs/run_job.hpp"
#include "sixlink/model/programme_names.hpp"
#include "sixlink/model/summary.hpp"
#include "sixlink/placement/placement.hpp"

namespace sixlink::cli {

/// The scenario summary as aligned text (the `sixlink run` report).
std::string format_summary(const ScenarioSummary& summary);

/// The city-wide gap figures and the plan indicators (part of `sixlink run`).
std::string format_gap_summary(const GapReport& report);

/// The plan's indicator table in the plan's layout, in Chinese or English
/// (`sixlink indicators`, and the end of the gap reports).
std::string format_indicators(const std::vector<IndicatorValue>& rows, bool chinese);

/// The full gap analysis as tables (the `sixlink gap` report); `names`: the programmes'
/// labels, shown beside their ids (none: the tables have no "name" column). With
/// `top` > 0 the cluster, region and programme tables show only their `top` rows
/// with the largest gaps, and the short occupations `top` rows (else 10).
std::string format_gap(const GapReport& report, const std::string& scenario_name,
                       const ProgrammeNames& names = {}, std::size_t top = 0);

/// The plan's headline, binding constraints and first `top` recommendations
/// (part of `sixlink run`), with whole intakes rounded against `scenario`.
std::string format_plan_summary(const Scenario& scenario, const RecommendationReport& report,
                                std::size_t top);

/// The `sixlink plan` report: the summary, then the rolling horizon if given.
std::string format_plan(const Scenario& scenario, const RecommendationReport& report,
                        const RollingPlan* horizon, std::size_t top);

/// The placement's headline figures (part of `sixlink run`).
std::string format_placement_summary(const PlacementResult& result);

/// The `sixlink place` report: the summary, fill per cluster, unplaced by programme
/// (with their labels from `names`, as format_gap).
std::string format_placement(const PlacementResult& result, const std::string& scenario_name,
                             const ProgrammeNames& names = {});

// The same reports read from the jobs' results (jobs/*.hpp): a plan's whole intakes
// are the job's rounding, not rounded again.

/// `sixlink gap`.
std::string format_gap(const GapJobResult& result, std::size_t top = 0);

/// `sixlink plan`: the summary with the first `top` recommendations, then the horizon.
std::string format_plan(const PlanJobResult& result, std::size_t top);

/// The plan's part of `sixlink run`.
std::string format_plan_summary(const PlanJobResult& result, std::size_t top);

/// `sixlink place`.
std::string format_placement(const PlaceJobResult& result);

/// `sixlink run`: the summary, the gap, the plan (top `result.top`) and the placement.
std::string format_run(const RunJobResult& result);

/// `sixlink admit`: the run (fill, counties, flows, schools, programmes with their score
/// bands), or with --compare the county-limited and open runs side by side.
std::string format_admission(const AdmitJobResult& result);

}  // namespace sixlink::cli
