#include "sixlink/io/plan_report_io.hpp"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "io/report_numbers.hpp"
#include "io/result_json.hpp"

namespace sixlink {
namespace {

using detail::report_number;
using nlohmann::ordered_json;

// The plan's whole intakes by programme id (empty without a rounding).
class WholeIntakes {
 public:
  WholeIntakes(const QuotaResult& plan, const IntakeRounding* rounding) : rounding_(rounding) {
    if (!rounding_) return;
    for (std::size_t i = 0; i < plan.programmes.size(); ++i)
      index_.emplace(plan.programmes[i].id, i);
  }
  // The intake shown: whole (or the LP's when rounding kept it), else the LP's.
  ordered_json intake(const std::string& id, double lp) const {
    if (!rounding_) return report_number(lp);
    const auto it = index_.find(id);
    if (it == index_.end() || it->second >= rounding_->intake.size()) return report_number(lp);
    const double x = rounding_->intake[it->second];
    if (rounding_->status == IntakeRoundingStatus::kRounded) return static_cast<Count>(x);
    return report_number(x);
  }

 private:
  const IntakeRounding* rounding_;
  std::unordered_map<std::string_view, std::size_t> index_;
};

ordered_json headline(const RecommendationReport& report, const IntakeRounding* rounding) {
  const QuotaResult& r = report.plan;
  ordered_json out;
  out["year"] = r.year;
  out["demand_year"] = r.demand_year;
  out["status"] = std::string(to_string(r.status));
  out["message"] = r.message;
  out["binding_constraint"] =
      r.binding_constraint.empty() ? ordered_json() : ordered_json(r.binding_constraint);
  out["shortfall"] = report_number(r.shortfall);
  out["objective"] = report_number(r.objective);
  out["upper_bound"] = report_number(r.upper_bound);
  out["outside_weight"] = report_number(r.outside_weight);
  out["training_cost"] = report_number(r.training_cost);
  out["iterations"] = r.iterations;
  out["flow_solves"] = r.flow_solves;
  out["totals"] = {{"graduates", report_number(r.graduates)},
                   {"placed_local", report_number(r.placed_local)},
                   {"retention_rate", report_number(r.retention_rate)},
                   {"demand", report_number(r.demand)},
                   {"unmet", report_number(r.unmet)},
                   {"enrolment", report_number(r.enrolment)},
                   {"cost", report_number(r.cost)},
                   {"secondary_share", report_number(r.secondary_share)},
                   {"adjustment", report_number(r.adjustment)},
                   {"matched_value", report_number(r.matched_value)}};
  if (rounding) {
    out["whole_intakes"] = {{"status", std::string(to_string(rounding->status))},
                            {"message", rounding->message},
                            {"moved", rounding->moved},
                            {"enrolment", report_number(rounding->enrolment)},
                            {"cost", report_number(rounding->cost)},
                            {"secondary_share", report_number(rounding->secondary_share)}};
  } else {
    out["whole_intakes"] = nullptr;
  }
  return out;
}

ordered_json recommendation_json(const Recommendation& x, const RecommendationReport& report,
                                 const WholeIntakes& whole, const ProgrammeNames& names) {
  return {{"programme", x.programme},
          {"name", programme_name(names, x.programme)},
          {"school", x.school},
          {"specialty", x.specialty},
          {"region", x.region},
          {"action", std::string(to_string(x.action))},
          {"current_intake", report_number(x.current_intake)},
          {"intake", whole.intake(x.programme, x.intake)},
          {"intake_lp", x.intake},
          {"reason", x.reason},
          {"drivers", x.drivers},
          {"marginal_value", report_number(x.marginal_value)},
          {"range", report_number(x.range)},
          {"unmet_change", report_number(x.unmet_change)},
          {"retention_change", report_number(x.retention_change)},
          {"agreement", report.samples > 0 ? report_number(x.agreement) : ordered_json()},
          {"capacity", x.capacity},  // 0 unless an opening (recommendations.hpp)
          {"opening_year", x.opening_year},
          {"close_fit_unmet", x.close_fit_unmet},
          {"held_by", x.held_by}};
}

ordered_json robustness_json(const RecommendationReport& report) {
  return {{"samples", report.samples},
          {"seed", report.seed},
          {"infeasible_samples", report.infeasible_samples},
          {"objective_median",
           report.samples > 0 ? report_number(report.sample_objective_median) : ordered_json()}};
}

ordered_json report_json(const RecommendationReport& report, const RollingPlan* horizon,
                         const std::string& scenario_name, const IntakeRounding* rounding,
                         const ProgrammeNames& names) {
  const QuotaResult& r = report.plan;
  const WholeIntakes whole(r, rounding);
  ordered_json out;
  out["scenario"] = scenario_name;
  out.update(headline(report, rounding));
  ordered_json constraints = ordered_json::array();
  for (const auto& c : r.constraints) {
    constraints.push_back({{"name", c.name},
                           {"sense", c.sense == ConstraintSense::kAtMost ? "at_most" : "at_least"},
                           {"value", report_number(c.value)},
                           {"limit", report_number(c.limit)},
                           {"binding", c.binding},
                           {"shadow_price", report_number(c.shadow_price)}});
  }
  out["constraints"] = std::move(constraints);
  ordered_json programmes = ordered_json::array();
  for (std::size_t i = 0; i < r.programmes.size(); ++i) {
    const QuotaProgramme& p = r.programmes[i];
    const detail::ShownIntake shown = detail::shown_intake(r, i, rounding);
    const auto whole_or_number = [](double x, bool is_whole) {
      return is_whole ? ordered_json(static_cast<Count>(x)) : report_number(x);
    };
    programmes.push_back({{"id", p.id},
                          {"name", programme_name(names, p.id)},
                          {"school", p.school},
                          {"specialty", p.specialty},
                          {"region", p.region},
                          {"candidate", p.candidate},
                          {"open", p.open},
                          {"current_intake", report_number(p.current_intake)},
                          {"intake", whole_or_number(shown.intake, shown.whole_intake)},
                          {"intake_lp", p.intake},
                          {"lower", whole_or_number(shown.lower, shown.whole_bounds)},
                          {"upper", whole_or_number(shown.upper, shown.whole_bounds)},
                          {"graduates", report_number(p.graduates)},
                          {"placed_local", report_number(p.placed_local)},
                          {"leaving", report_number(p.leaving)},
                          {"students", report_number(shown.students)}});
  }
  out["programmes"] = std::move(programmes);
  // The demand year's openings as the plan fills them (recommendations.hpp's
  // consistency rule reads "unmet" here).
  ordered_json occupations = ordered_json::array();
  for (const QuotaOpening& o : r.occupations) {
    occupations.push_back({{"occupation", o.occupation},
                           {"cluster", o.cluster},
                           {"region", o.region},
                           {"openings", o.openings},
                           {"matched", report_number(o.matched)},
                           {"unmet", report_number(o.unmet)}});
  }
  out["occupations"] = std::move(occupations);
  ordered_json recommendations = ordered_json::array();
  for (const auto& x : report.recommendations)
    recommendations.push_back(recommendation_json(x, report, whole, names));
  out["recommendations"] = std::move(recommendations);
  out["robustness"] = robustness_json(report);
  if (horizon) {
    ordered_json years = ordered_json::array();
    for (const auto& y : horizon->years) {
      years.push_back({{"year", y.year},
                       {"status", std::string(to_string(y.status))},
                       {"intake", report_number(y.intake)},
                       {"enrolment", report_number(y.enrolment)},
                       {"enrolment_target", report_number(y.enrolment_target)},
                       {"enrolment_shortfall", report_number(y.enrolment_shortfall)},
                       {"graduates", report_number(y.graduates)},
                       {"retention_rate", report_number(y.retention_rate)},
                       {"retention_target", report_number(y.retention_target)},
                       {"match_rate", report_number(y.match_rate)},
                       {"objective", report_number(y.objective)}});
    }
    out["horizon"] = std::move(years);
  }
  return out;
}

ordered_json headline_json(const RecommendationReport& report, std::size_t top,
                           const IntakeRounding* rounding, const ProgrammeNames& names) {
  const WholeIntakes whole(report.plan, rounding);
  ordered_json out = headline(report, rounding);
  ordered_json recommendations = ordered_json::array();
  for (std::size_t i = 0; i < report.recommendations.size() && i < top; ++i)
    recommendations.push_back(recommendation_json(report.recommendations[i], report, whole, names));
  out["recommendations"] = std::move(recommendations);
  out["robustness"] = robustness_json(report);
  return out;
}

std::string report_text(const ordered_json& out, int indent) {
  return out.dump(indent) + (indent >= 0 ? "\n" : "");
}

}  // namespace

detail::ShownIntake detail::shown_intake(const QuotaResult& plan, std::size_t i,
                                         const IntakeRounding* rounding) {
  const QuotaProgramme& p = plan.programmes[i];
  ShownIntake shown;
  const bool has_whole = rounding && i < rounding->intake.size();
  shown.intake = has_whole ? rounding->intake[i] : p.intake;
  shown.whole_intake = has_whole && rounding->status == IntakeRoundingStatus::kRounded;
  // Whole-student bounds where the intakes are whole; else the LP's bounds in seats
  // (those of whole graduates, inside the whole-student ones).
  shown.whole_bounds = shown.whole_intake && i < rounding->lower.size();
  shown.lower = shown.whole_bounds ? static_cast<double>(rounding->lower[i]) : p.lower;
  shown.upper = shown.whole_bounds ? static_cast<double>(rounding->upper[i]) : p.upper;
  shown.students =
      p.students + (shown.whole_bounds ? shown.intake - (p.open ? p.intake : 0.0) : 0.0);
  return shown;
}

ordered_json detail::plan_report_json(const RecommendationReport& report,
                                      const RollingPlan* horizon, const std::string& scenario_name,
                                      const IntakeRounding* rounding, const ProgrammeNames& names) {
  return report_json(report, horizon, scenario_name, rounding, names);
}

ordered_json detail::plan_summary_json(const RecommendationReport& report, std::size_t top,
                                       const IntakeRounding* rounding,
                                       const ProgrammeNames& names) {
  return headline_json(report, top, rounding, names);
}

std::string plan_report_to_json(const Scenario& scenario, const RecommendationReport& report,
                                const RollingPlan* horizon, int indent) {
  const IntakeRounding rounding = round_plan_intakes(scenario, report.options, report.plan);
  ordered_json out = report_json(report, horizon, scenario.name, &rounding,
                                 programme_names(scenario, report.options.candidates));
  if (!scenario.notes.empty()) {  // as the plan job: "notes" right after "scenario"
    ordered_json with;
    for (auto it = out.begin(); it != out.end(); ++it) {
      with[it.key()] = std::move(it.value());
      if (it.key() == "scenario") with["notes"] = scenario.notes;
    }
    out = std::move(with);
  }
  return report_text(out, indent);
}

std::string plan_report_to_json(const RecommendationReport& report, const RollingPlan* horizon,
                                const std::string& scenario_name, int indent) {
  return report_text(report_json(report, horizon, scenario_name, nullptr, {}), indent);
}

std::string plan_summary_to_json(const Scenario& scenario, const RecommendationReport& report,
                                 std::size_t top, int indent) {
  const IntakeRounding rounding = round_plan_intakes(scenario, report.options, report.plan);
  return headline_json(report, top, &rounding, programme_names(scenario, report.options.candidates))
      .dump(indent);
}

std::string plan_summary_to_json(const RecommendationReport& report, std::size_t top, int indent) {
  return headline_json(report, top, nullptr, {}).dump(indent);
}

}  // namespace sixlink
