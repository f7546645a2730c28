#include "sixlink/model/retention.hpp"

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

}  // namespace sixlink
