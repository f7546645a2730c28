// sixlink/analysis/rolling_plan.hpp — intakes year by year towards the plan's
// targets, and the indicators they produce.
//
// Rolling horizon. For each intake year t = first .. last, the single-year quota
// model (quota_optimisation.hpp) is solved with
//   - the change bounds measured from year t - 1's intake (the scenario's intakes
//     before the first year),
//   - students of earlier cohorts s_p = sum_{k=1}^{d_p - 1} q_p(t - k), intakes
//     before the first year taken as the scenario's,
//   - the seats pathway links commit each programme to in year t
//     (progression.hpp): the flows of the links scaled by the intake of the
//     lower programme's cohort that graduates in t, q_p(t - d_p), so a change to
//     a secondary intake reaches its 3+2 partner d_p years later,
//   - the enrolment target of year t: `total_enrolment` if given, else the plan's
//     targets interpolated linearly from the base year's enrolment (the last
//     target holds after it; none without enrolment targets).
// Its intakes are fixed and the horizon rolls on. When the year's target cannot
// be met (status infeasible on total_enrolment), the year is solved again with
// the most the bounds allow, and the year records the shortfall. When a school's
// capacity leaves no intake within the change bounds (earlier years' cohorts fill
// it), the year is solved again with any change allowed (max_change 1), and its
// message says so.
//
// Indicators per year t, from the intakes (graduation lag: the cohort of t - d):
//   enrolment       sum_p sum_{k=0}^{d_p - 1} q_p(t - k)
//   graduates       those entering the labour market: sum_p of round(q_p(t - d_p) c_p)
//                   less those who continue study (progression.hpp)
//   retention_rate  the gap analysis of year t (lambda fixed at the plan's) on
//                   the scenario with each programme's intake round(q_p(t - d_p))
//   match_rate      its matched / openings
// next to the scenario's targets for those indicators in year t, if any.
//
// Cost: (last - first + 1) quota solves and as many gap analyses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/core/progress.hpp"

namespace sixlink {

struct RollingPlanOptions {
  QuotaOptions
      quotas;          ///< per-year model; its year, previous intakes and students are set per year
  int first_year = 0;  ///< 0: the base year + 1
  int last_year = 0;   ///< 0: the latest target year, else first_year
  Progress progress;   ///< stage "years", one step per year planned (core/progress.hpp)
};

struct PlanYear {
  int year = 0;
  QuotaStatus status = QuotaStatus::kOptimal;
  std::string message;
  double intake = 0.0;
  double enrolment = 0.0;
  std::optional<double> enrolment_target;
  double enrolment_shortfall = 0.0;  ///< what the bounds could not reach
  double graduates = 0.0;
  double retention_rate = 0.0;
  std::optional<double> retention_target;
  double match_rate = 0.0;
  double objective = 0.0;  ///< the year's quota model
};

struct RollingPlan {
  std::vector<PlanYear> years;
  std::vector<std::string> programmes;       ///< ids, scenario order
  std::vector<std::vector<double>> intakes;  ///< per year, per programme
  double outside_weight = 0.0;
};

RollingPlan plan_horizon(const Scenario& scenario, const RollingPlanOptions& options = {});

}  // namespace sixlink
