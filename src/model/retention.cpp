#include "sixlink/model/retention.hpp"

#include <cmath>
#include <string_view>
#include <unordered_map>

namespace sixlink {

std::string_view to_string(RetentionDefinition definition) {
  switch (definition) {
    case RetentionDefinition::kLabourMarket:
      return "labour_market";
    case RetentionDefinition::kAllGraduates:
      return "all_graduates";
  }
  return "?";
}

std::optional<RetentionDefinition> parse_retention_definition(std::string_view text) {
  for (auto d : {RetentionDefinition::kLabourMarket, RetentionDefinition::kAllGraduates}) {
    if (text == to_string(d)) return d;
  }
  return std::nullopt;
}

std::optional<double> retention_rate(const Destinations& d, RetentionDefinition definition) {
  const bool labour = definition == RetentionDefinition::kLabourMarket;
  const Count stayed = labour ? d.local_jobs : d.local_jobs + d.local_study;
  const Count of = labour ? d.job_seekers() : d.graduates();
  if (of <= 0) return std::nullopt;
  return static_cast<double>(stayed) / static_cast<double>(of);
}

std::optional<double> local_progression_share(const Destinations& d) {
  if (d.progressed() <= 0) return std::nullopt;
  return static_cast<double>(d.local_study) / static_cast<double>(d.progressed());
}

Destinations recorded_destinations(const Scenario& scenario, int year) {
  Destinations d;
  for (const EmploymentRecord& r : scenario.employment) {
    if (r.year != year) continue;
    Count& slot = r.progressed ? (r.outside ? d.outside_study : d.local_study)
                               : (r.outside ? d.outside_jobs : d.local_jobs);
    slot += r.count;
  }
  return d;
}

ProgressionRates recorded_progression(const Scenario& s) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < s.programmes.size(); ++i) index.emplace(s.programmes[i].id, i);
  std::vector<Count> jobs(s.programmes.size(), 0), local(s.programmes.size(), 0),
      outside(s.programmes.size(), 0);
  for (const EmploymentRecord& r : s.employment) {
    if (r.year != s.base_year) continue;
    const auto it = index.find(r.programme);
    if (it == index.end()) continue;
    (r.progressed ? (r.outside ? outside : local) : jobs)[it->second] += r.count;
  }
  ProgressionRates out;
  out.rate.assign(s.programmes.size(), 0.0);
  out.local_share.assign(s.programmes.size(), 0.0);
  for (std::size_t i = 0; i < s.programmes.size(); ++i) {
    const Count study = local[i] + outside[i];
    if (study <= 0) continue;
    out.rate[i] = static_cast<double>(study) / static_cast<double>(study + jobs[i]);
    out.local_share[i] = static_cast<double>(local[i]) / static_cast<double>(study);
  }
  return out;
}

Count job_seekers(Count graduates, double rate) {
  return graduates - static_cast<Count>(std::llround(rate * static_cast<double>(graduates)));
}

}  // namespace sixlink
