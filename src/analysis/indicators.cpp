#include "sixlink/analysis/indicators.hpp"

#include <unordered_map>

#include "sixlink/model/summary.hpp"

namespace sixlink {

std::vector<IndicatorValue> plan_indicators(const Scenario& s,
                                            std::optional<double> retention_rate) {
  std::unordered_map<std::string_view, bool> double_high;
  bool any_training = false;
  Count training = 0;
  for (const auto& school : s.schools) {
    double_high.emplace(school.id, school.double_high);
    training += school.social_training;
    any_training = any_training || school.social_training > 0;
  }
  Count enrolled = 0;
  Count in_double_high = 0;
  for (const auto& p : s.programmes) {
    enrolled += p.enrolled;
    if (double_high[p.school]) in_double_high += p.enrolled;
  }
  Count large = 0;
  Count large_partners = 0;
  for (const auto& e : s.enterprises) {
    if (!e.large) continue;
    ++large;
    if (e.partner) ++large_partners;
  }
  if (!retention_rate) retention_rate = summarise(s).retention_rate;

  std::vector<IndicatorValue> out;
  auto add = [&](Indicator indicator, double value) {
    IndicatorValue v{indicator, value, {}, {}, {}, {}};
    for (const auto& t : s.targets) {
      if (t.indicator != indicator) continue;
      if (t.year == 2023) v.target_2023 = t.value;
      if (t.year == 2025) v.target_2025 = t.value;
    }
    if (v.target_2023) v.gap_2023 = *v.target_2023 - value;
    if (v.target_2025) v.gap_2025 = *v.target_2025 - value;
    out.push_back(v);
  };
  add(Indicator::kEnrolment, static_cast<double>(enrolled));
  if (retention_rate) add(Indicator::kRetentionRate, *retention_rate);
  if (large > 0)
    add(Indicator::kLargeFirmParticipation,
        static_cast<double>(large_partners) / static_cast<double>(large));
  if (enrolled > 0)
    add(Indicator::kDoubleHighShare,
        static_cast<double>(in_double_high) / static_cast<double>(enrolled));
  if (any_training) add(Indicator::kSocialTraining, static_cast<double>(training));
  return out;
}

}  // namespace sixlink
