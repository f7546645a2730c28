#include "sixlink/io/plan_report_io.hpp"

#include <nlohmann/json.hpp>

namespace sixlink {
namespace {

using nlohmann::ordered_json;

ordered_json optional_json(const std::optional<double>& x) {
  return x ? ordered_json(*x) : ordered_json();
}

ordered_json headline(const RecommendationReport& report) {
  const QuotaResult& r = report.plan;
  ordered_json out;
  out["year"] = r.year;
  out["demand_year"] = r.demand_year;
  out["status"] = std::string(to_string(r.status));
  out["message"] = r.message;
  out["binding_constraint"] =
      r.binding_constraint.empty() ? ordered_json() : ordered_json(r.binding_constraint);
  out["shortfall"] = r.shortfall;
  out["objective"] = r.objective;
  out["upper_bound"] = r.upper_bound;
  out["outside_weight"] = r.outside_weight;
  out["training_cost"] = r.training_cost;
  out["iterations"] = r.iterations;
  out["flow_solves"] = r.flow_solves;
  out["totals"] = {{"graduates", r.graduates},
                   {"placed_local", r.placed_local},
                   {"retention_rate", r.retention_rate},
                   {"demand", r.demand},
                   {"unmet", r.unmet},
                   {"enrolment", r.enrolment},
                   {"cost", r.cost},
                   {"secondary_share", r.secondary_share},
                   {"adjustment", r.adjustment},
                   {"matched_value", r.matched_value}};
  return out;
}

ordered_json recommendation_json(const Recommendation& x) {
  return {{"programme", x.programme},
          {"school", x.school},
          {"specialty", x.specialty},
          {"region", x.region},
          {"action", std::string(to_string(x.action))},
          {"current_intake", x.current_intake},
          {"intake", x.intake},
          {"reason", x.reason},
          {"drivers", x.drivers},
          {"marginal_value", x.marginal_value},
          {"range", x.range},
          {"unmet_change", x.unmet_change},
          {"retention_change", x.retention_change},
          {"agreement", x.agreement}};
}

ordered_json robustness_json(const RecommendationReport& report) {
  return {{"samples", report.samples},
          {"seed", report.seed},
          {"infeasible_samples", report.infeasible_samples},
          {"objective_median",
           report.samples > 0 ? ordered_json(report.sample_objective_median) : ordered_json()}};
}

}  // namespace

std::string plan_report_to_json(const RecommendationReport& report, const RollingPlan* horizon,
                                const std::string& scenario_name, int indent) {
  const QuotaResult& r = report.plan;
  ordered_json out;
  out["scenario"] = scenario_name;
  out.update(headline(report));
  ordered_json constraints = ordered_json::array();
  for (const auto& c : r.constraints) {
    constraints.push_back({{"name", c.name},
                           {"sense", c.sense == ConstraintSense::kAtMost ? "at_most" : "at_least"},
                           {"value", c.value},
                           {"limit", c.limit},
                           {"binding", c.binding},
                           {"shadow_price", optional_json(c.shadow_price)}});
  }
  out["constraints"] = std::move(constraints);
  ordered_json programmes = ordered_json::array();
  for (const auto& p : r.programmes) {
    programmes.push_back({{"id", p.id},
                          {"school", p.school},
                          {"specialty", p.specialty},
                          {"region", p.region},
                          {"candidate", p.candidate},
                          {"open", p.open},
                          {"current_intake", p.current_intake},
                          {"intake", p.intake},
                          {"lower", p.lower},
                          {"upper", p.upper},
                          {"graduates", p.graduates},
                          {"placed_local", p.placed_local},
                          {"leaving", p.leaving},
                          {"students", p.students}});
  }
  out["programmes"] = std::move(programmes);
  ordered_json recommendations = ordered_json::array();
  for (const auto& x : report.recommendations) recommendations.push_back(recommendation_json(x));
  out["recommendations"] = std::move(recommendations);
  out["robustness"] = robustness_json(report);
  if (horizon) {
    ordered_json years = ordered_json::array();
    for (const auto& y : horizon->years) {
      years.push_back({{"year", y.year},
                       {"status", std::string(to_string(y.status))},
                       {"intake", y.intake},
                       {"enrolment", y.enrolment},
                       {"enrolment_target", optional_json(y.enrolment_target)},
                       {"enrolment_shortfall", y.enrolment_shortfall},
                       {"graduates", y.graduates},
                       {"retention_rate", y.retention_rate},
                       {"retention_target", optional_json(y.retention_target)},
                       {"match_rate", y.match_rate},
                       {"objective", y.objective}});
    }
    out["horizon"] = std::move(years);
  }
  return out.dump(indent) + (indent >= 0 ? "\n" : "");
}

std::string plan_summary_to_json(const RecommendationReport& report, std::size_t top, int indent) {
  ordered_json out = headline(report);
  ordered_json recommendations = ordered_json::array();
  for (std::size_t i = 0; i < report.recommendations.size() && i < top; ++i)
    recommendations.push_back(recommendation_json(report.recommendations[i]));
  out["recommendations"] = std::move(recommendations);
  out["robustness"] = robustness_json(report);
  return out.dump(indent);
}

}  // namespace sixlink
