#include "sixlink/analysis/indicators.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "sixlink/model/summary.hpp"

namespace sixlink {
namespace {

// The computed indicators' values from the scenario (its base year).
std::map<Indicator, double> computed_values(const Scenario& s,
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
  if (!retention_rate) retention_rate = summarise(s).retention_rate;
  const AboveSizeCounts firms = above_size_counts(s);

  std::map<Indicator, double> out;
  out[Indicator::kEnrolment] = static_cast<double>(enrolled);
  if (retention_rate) out[Indicator::kRetentionRate] = *retention_rate;
  if (firms.above_size > 0) {
    out[Indicator::kAboveSizeParticipation] =
        static_cast<double>(firms.partners) / static_cast<double>(firms.above_size);
  }
  if (enrolled > 0) {
    out[Indicator::kDoubleHighShare] =
        static_cast<double>(in_double_high) / static_cast<double>(enrolled);
  }
  if (any_training) out[Indicator::kSocialTraining] = static_cast<double>(training);
  return out;
}

// The plan's path at `year` through `points` (sorted by year), as the header says.
std::optional<double> path_at(const std::vector<std::pair<int, double>>& points, int year) {
  if (points.empty()) return std::nullopt;
  if (year <= points.front().first) return points.front().second;
  for (std::size_t k = 1; k < points.size(); ++k) {
    const auto [y1, v1] = points[k];
    if (year > y1) continue;
    const auto [y0, v0] = points[k - 1];
    return v0 + (v1 - v0) * static_cast<double>(year - y0) / static_cast<double>(y1 - y0);
  }
  return points.back().second;
}

}  // namespace

AboveSizeCounts above_size_counts(const Scenario& s) {
  AboveSizeCounts c;
  for (const auto& e : s.enterprises) {
    if (!e.above_designated_size.value_or(e.large)) continue;
    ++c.above_size;
    if (e.partner) ++c.partners;
  }
  return c;
}

std::vector<IndicatorValue> plan_indicators(const Scenario& s, std::optional<double> retention_rate,
                                            std::optional<int> year) {
  const int y = year.value_or(s.base_year);
  const std::map<Indicator, double> computed = computed_values(s, retention_rate);
  std::vector<IndicatorValue> out;
  for (const Indicator indicator : kAllIndicators) {
    IndicatorValue v;
    v.indicator = indicator;
    v.year = y;
    v.base_year = s.base_year;
    // The latest record of a year <= y, and the base year's record.
    const IndicatorRecord* latest = nullptr;
    for (const auto& r : s.indicator_values) {
      if (r.indicator != indicator) continue;
      if (r.year == s.base_year) v.base_value = r.value;
      if (r.year <= y && (!latest || r.year > latest->year)) latest = &r;
    }
    const auto c = computed.find(indicator);
    if (latest && (c == computed.end() || latest->year > s.base_year)) {
      v.value = latest->value;
      v.value_year = latest->year;
    } else if (c != computed.end()) {
      v.value = c->second;
      v.value_year = y;
      v.computed = true;
    }
    if (!v.base_value && c != computed.end()) v.base_value = c->second;

    std::vector<std::pair<int, double>> path;
    if (v.base_value) path.emplace_back(s.base_year, *v.base_value);
    for (const auto& t : s.targets) {
      if (t.indicator != indicator) continue;
      if (t.year == 2023) v.target_2023 = t.value;
      if (t.year == 2025) v.target_2025 = t.value;
      if (t.year > s.base_year || !v.base_value) path.emplace_back(t.year, t.value);
      if (t.year >= y && (!v.next_target_year || t.year < *v.next_target_year)) {
        v.next_target_year = t.year;
        v.next_target = t.value;
      }
    }
    std::sort(path.begin(), path.end());
    if (!v.next_target_year) {  // past every target: the last one
      for (const auto& t : s.targets) {
        if (t.indicator == indicator && (!v.next_target_year || t.year > *v.next_target_year)) {
          v.next_target_year = t.year;
          v.next_target = t.value;
        }
      }
    }
    if (v.value) {
      if (v.target_2023) v.gap_2023 = *v.target_2023 - *v.value;
      if (v.target_2025) v.gap_2025 = *v.target_2025 - *v.value;
      if (v.next_target) v.gap = *v.next_target - *v.value;
      if (const auto expected = path_at(path, y)) v.on_track = *v.value >= *expected;
    }
    out.push_back(v);
  }
  return out;
}

}  // namespace sixlink
