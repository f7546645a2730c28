#include "sixlink/jobs/plan_job.hpp"

#include "io/result_json.hpp"
#include "jobs/job_json.hpp"

namespace sixlink {

PlanJobResult run_plan_job(const Scenario& scenario, const PlanJobOptions& options) {
  PlanJobResult result;
  result.scenario_name = scenario.name;
  result.scenario_notes = scenario.notes;
  RecommendationReport& report = result.report;
  if (options.recommendations) {
    report = recommend(scenario, options.recommend);
  } else {  // the optimiser alone
    report.plan = optimise_quotas(scenario, options.recommend.quotas);
    report.options = options.recommend.quotas;
    report.options.market.outside_weight = report.plan.outside_weight;
  }
  result.programme_names = programme_names(scenario, report.options.candidates);
  if (report.plan.status != QuotaStatus::kOptimal) result.status = report.plan.status;
  if (options.horizon) {
    RollingPlanOptions rolling;
    rolling.quotas = options.recommend.quotas;
    rolling.quotas.candidates.clear();  // the horizon plans the programmes that exist
    rolling.quotas.market.outside_weight = report.plan.outside_weight;
    rolling.last_year = report.plan.year;
    rolling.progress = options.recommend.progress;
    result.horizon = plan_horizon(scenario, rolling);
    for (const PlanYear& year : result.horizon->years)
      if (result.status == QuotaStatus::kOptimal && year.status != QuotaStatus::kOptimal)
        result.status = year.status;
  }
  result.rounding = round_plan_intakes(scenario, report.options, report.plan);
  return result;
}

void to_json(nlohmann::ordered_json& out, const PlanJobResult& result) {
  out = detail::plan_report_json(result.report, result.horizon ? &*result.horizon : nullptr,
                                 result.scenario_name, &result.rounding, result.programme_names);
  detail::add_scenario_notes(out, result.scenario_notes);
}

std::string plan_job_to_json(const PlanJobResult& result, int indent) {
  const nlohmann::ordered_json out = result;
  return out.dump(indent) + (indent >= 0 ? "\n" : "");  // as plan_report_to_json
}

std::string plan_job_summary_to_json(const PlanJobResult& result, std::size_t top, int indent) {
  return detail::plan_summary_json(result.report, top, &result.rounding, result.programme_names)
      .dump(indent);
}

}  // namespace sixlink
