#include "model/plan_indicator_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "detail/csv_reader.hpp"
#include "detail/numbers.hpp"

namespace sixlink::detail {

extern const std::string_view kTaizhouPlanIndicatorsCsv;

namespace {

constexpr Count kAboveSizeMinEmployees = 50;  // stands in for 20 million yuan of revenue

bool industrial(std::string_view sector) {
  if (sector.size() < 2) return false;
  const int division = (sector[0] - '0') * 10 + (sector[1] - '0');
  return division >= 6 && division <= 46;  // mining, manufacturing, utilities
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

// A cell of the plan's table in the library's units ("8.87" 万人 -> 88,700;
// "60" % -> 0.6; "1.5:1" -> 1.5).
double library_value(const IndicatorInfo& info, const std::string& cell) {
  const std::string number = cell.substr(0, cell.find(':'));
  const auto parsed = parse_number(number);
  if (!parsed.value) throw std::logic_error("plan_indicators.csv: " + parsed.error);
  switch (info.unit) {
    case IndicatorUnit::kFraction:
      return *parsed.value / 100.0;
    case IndicatorUnit::kRatio:
      return *parsed.value;
    case IndicatorUnit::kCount:
    case IndicatorUnit::kPersonTimes:
    case IndicatorUnit::kYuan:
      return std::round(*parsed.value * info.display_scale);
  }
  return *parsed.value;
}

}  // namespace

void set_above_size_partners(Scenario& s, double share) {
  std::vector<std::pair<std::uint64_t, std::size_t>> above;
  for (std::size_t k = 0; k < s.enterprises.size(); ++k) {
    Enterprise& e = s.enterprises[k];
    e.above_designated_size = industrial(e.sector) && e.employees >= kAboveSizeMinEmployees;
    if (*e.above_designated_size) above.emplace_back(fnv1a(e.id), k);
  }
  std::sort(above.begin(), above.end());
  const auto partners =
      static_cast<std::size_t>(std::llround(share * static_cast<double>(above.size())));
  for (std::size_t j = 0; j < above.size(); ++j)
    s.enterprises[above[j].second].partner = j < partners;
}

void add_plan_indicator_table(Scenario& s) {
  auto records = parse_csv(kTaizhouPlanIndicatorsCsv, "plan_indicators.csv");
  const std::vector<std::string>& head = records.front().fields;
  auto column = [&](std::string_view name) {
    const auto it = std::find(head.begin(), head.end(), name);
    if (it == head.end()) throw std::logic_error("plan_indicators.csv: no column");
    return static_cast<std::size_t>(it - head.begin());
  };
  const std::size_t name = column("indicator_zh");
  const std::pair<std::size_t, int> years[] = {
      {column("value_2020"), 2020}, {column("target_2023"), 2023}, {column("target_2025"), 2025}};
  s.targets.clear();
  s.indicator_values.clear();
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& row = records[r].fields;
    const IndicatorInfo* info = nullptr;
    for (const Indicator i : kAllIndicators) {
      if (indicator_info(i).name_zh == row[name]) info = &indicator_info(i);
    }
    if (info == nullptr) throw std::logic_error("plan_indicators.csv: unknown " + row[name]);
    for (const auto& [col, year] : years) {
      if (row[col].empty()) continue;  // the plan's "/"
      const double value = library_value(*info, row[col]);
      if (year == 2020) {
        s.indicator_values.push_back({info->indicator, year, value});
      } else {
        s.targets.push_back({info->indicator, year, value});
      }
    }
  }
  // The text's own figures beside the table.
  s.targets.push_back({Indicator::kDoubleQualifiedTeacherShare, 2025, 0.90});
  s.targets.push_back({Indicator::kPracticalTeachingShare, 2025, 0.50});
}

}  // namespace sixlink::detail
