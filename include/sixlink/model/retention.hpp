// sixlink/model/retention.hpp — 留台率, the local retention of graduates, defined once.
//
// The plan's 留台率 (37.87 % in 2020, 45 % by 2023, 55 % by 2025) counts graduates
// of the city's secondary and higher vocational schools who stay in Taizhou. Most
// secondary graduates continue study (升学) rather than seek a job, so the rate
// depends on what it is a share of. sixlink reads it, by default, as a labour-market
// rate, and offers the other common reading as an option:
//
//   kLabourMarket (default)   graduates who take a job in the city
//                             / graduates who enter the labour market
//   kAllGraduates             (graduates who take a job in the city
//                              + graduates who continue study in the city)
//                             / all graduates
//
// Graduates who continue study are reported separately under either reading, with
// the local share of their progression (local study / all study). The base year's
// records (EmploymentRecord; `progressed` marks study) give the recorded rates; the
// gap analysis calibrates the value of leaving the city on the labour-market rate and
// reports its retention under the definition asked for.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "sixlink/core/types.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

enum class RetentionDefinition {
  kLabourMarket,  ///< local jobs / graduates entering the labour market
  kAllGraduates,  ///< (local jobs + local study) / all graduates
};

std::string_view to_string(RetentionDefinition definition);  ///< "labour_market", "all_graduates"
std::optional<RetentionDefinition> parse_retention_definition(std::string_view text);

/// Where a year's graduates went, in counts.
struct Destinations {
  Count local_jobs = 0;
  Count outside_jobs = 0;  ///< left the city for a job (or were recorded as leaving)
  Count local_study = 0;
  Count outside_study = 0;

  Count job_seekers() const { return local_jobs + outside_jobs; }
  Count progressed() const { return local_study + outside_study; }
  Count graduates() const { return job_seekers() + progressed(); }
  friend bool operator==(const Destinations&, const Destinations&) = default;
};

/// The rate under `definition`; empty when its denominator is zero.
std::optional<double> retention_rate(const Destinations& d, RetentionDefinition definition);

/// Local study / all study; empty when nobody continued study.
std::optional<double> local_progression_share(const Destinations& d);

/// The destinations recorded for `year` over all programmes (EmploymentRecord).
Destinations recorded_destinations(const Scenario& scenario, int year);

/// Per programme, in scenario order, from the base year's records: the share of its
/// graduates who continued study, pi = study / (jobs + study), and the local share
/// of those, study in the city / study (both 0 without records of study).
struct ProgressionRates {
  std::vector<double> rate;
  std::vector<double> local_share;
};
ProgressionRates recorded_progression(const Scenario& scenario);

/// The job-seekers of a cohort of `graduates` who continue study at `rate`:
/// graduates - round(rate x graduates). The gap analysis, the quota plan and the
/// synthetic placement cohort all count them so.
Count job_seekers(Count graduates, double rate);

}  // namespace sixlink
