// io/result_json.hpp — private: every result type as an nlohmann value, built once.
//
// One function per result turns it into JSON; the public string writers
// (gap_report_to_json, plan_report_to_json, placement_to_json, summary_to_json and
// their summaries) dump these values, and the jobs' to_json (src/jobs/job_json.hpp)
// nest them, so no JSON text is ever parsed back. nlohmann is a private dependency
// of the library: this header is never installed.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/analysis/intake_rounding.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/analysis/rolling_plan.hpp"
#include "sixlink/model/programme_names.hpp"
#include "sixlink/model/summary.hpp"
#include "sixlink/placement/cohort.hpp"
#include "sixlink/placement/placement.hpp"

namespace sixlink::detail {

/// `sixlink gap --json`; `names`: the programmes' labels ("name" is "" without them).
nlohmann::ordered_json gap_report_json(const GapReport& report, const std::string& scenario_name,
                                       const ProgrammeNames& names = {});
/// The plan's indicator table (the "indicators" of gap, run and `sixlink indicators`).
nlohmann::ordered_json indicators_table_json(const std::vector<IndicatorValue>& rows);
/// The "gap" object of `sixlink run --json`.
nlohmann::ordered_json gap_summary_json(const GapReport& report);

/// `sixlink plan --json`; `rounding` null: the LP's intakes only.
nlohmann::ordered_json plan_report_json(const RecommendationReport& report,
                                        const RollingPlan* horizon,
                                        const std::string& scenario_name,
                                        const IntakeRounding* rounding,
                                        const ProgrammeNames& names = {});
/// What the plan's programme table shows for programme i, for the JSON report and
/// Python alike: whole students where the intakes are rounded, else the LP's values.
struct ShownIntake {
  double intake = 0.0;        ///< the rounding's intake when there is one, else the LP's
  bool whole_intake = false;  ///< intake is a whole number of students (a JSON integer)
  double lower = 0.0;         ///< whole-student bounds when rounded, else the LP's in seats
  double upper = 0.0;
  bool whole_bounds = false;
  double students = 0.0;  ///< students in the intake year at the shown intake
};
ShownIntake shown_intake(const QuotaResult& plan, std::size_t i, const IntakeRounding* rounding);

/// The "plan" object of `sixlink run --json`.
nlohmann::ordered_json plan_summary_json(const RecommendationReport& report, std::size_t top,
                                         const IntakeRounding* rounding,
                                         const ProgrammeNames& names = {});

/// `sixlink place --json`.
nlohmann::ordered_json placement_json(const PlacementResult& result, const Cohort& cohort,
                                      const std::string& scenario_name,
                                      const ProgrammeNames& names = {});
/// The "placement" object of `sixlink run --json`.
nlohmann::ordered_json placement_summary_json(const PlacementResult& result);

/// The scenario's summary (the top of `sixlink run --json`).
nlohmann::ordered_json summary_json(const ScenarioSummary& summary);

}  // namespace sixlink::detail
