// Next year's intakes for the built-in scenario: the plan under the plan's 2023
// enrolment target, its certificate, and the first recommendations with reasons.
#include <cmath>
#include <cstdio>
#include <exception>
#include <sixlink/sixlink.hpp>

int main() {
  try {
    sixlink::RecommendOptions options;
    options.quotas.total_enrolment = 94000;  // students in 2021, at least
    options.samples = 50;                    // log-normal demand scenarios for the agreement
    options.seed = 1;
    const sixlink::RecommendationReport report =
        sixlink::recommend(sixlink::default_scenario(), options);
    const sixlink::QuotaResult& plan = report.plan;
    std::printf("%s: objective %.3f, bound %.3f, %.0f students\n",
                std::string(sixlink::to_string(plan.status)).c_str(), plan.objective,
                plan.upper_bound, plan.enrolment);
    for (const auto& c : plan.constraints)
      if (c.shadow_price)
        std::printf("  %s binding %s, shadow price %.4f per student\n", c.name.c_str(),
                    c.binding ? "yes" : "no", *c.shadow_price);
    for (std::size_t i = 0; i < 3 && i < report.recommendations.size(); ++i) {
      const auto& r = report.recommendations[i];
      std::printf("  %s %s %.0f -> %.0f (agreement %.0f %%): %s\n",
                  std::string(sixlink::to_string(r.action)).c_str(), r.programme.c_str(),
                  r.current_intake, r.intake, 100 * r.agreement, r.reason.c_str());
    }
    const bool certified = plan.upper_bound - plan.objective <= 1e-6 * std::abs(plan.objective);
    std::printf("certificate %s\n", certified ? "ok" : "BAD");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "BAD: %s\n", e.what());
    return 1;
  }
  return 0;
}
