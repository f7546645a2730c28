// The reform's effect on taizhou-2020: the same junior-high cohort admitted with
// county limits (the rule before the plan) and without them (打破县域限制), in one
// batch for general and vocational places, by deferred acceptance. The general
// high schools, the cohort and its preference lists are illustrative (the notes
// say so); the vocational seats are the scenario's intake quotas.
#include <cstdio>

#include "sixlink/jobs/admit_job.hpp"
#include "sixlink/model/default_scenario.hpp"

int main() {
  sixlink::AdmitJobOptions options;
  options.compare = true;  // county-limited, then open, on the same applicants
  const sixlink::AdmitJobResult r = sixlink::run_admit_job(sixlink::default_scenario(), options);
  const sixlink::AdmissionOutcome& before = r.outcome;
  const sixlink::AdmissionOutcome& after = *r.open;
  const std::size_t regions = r.seats.regions.size();
  auto crossing = [&](const sixlink::AdmissionOutcome& o) {
    long long n = 0;
    for (std::size_t h = 0; h < regions; ++h)
      for (std::size_t d = 0; d < regions; ++d)
        if (h != d) n += o.flows[h * regions + d];
    return n;
  };
  std::printf("taizhou-2020, %lld applicants (illustrative), %lld seats\n",
              static_cast<long long>(before.applicants), static_cast<long long>(before.seats));
  std::printf("%-28s %14s %8s\n", "", "county-limited", "open");
  std::printf("%-28s %14lld %8lld\n", "admitted", static_cast<long long>(before.admitted),
              static_cast<long long>(after.admitted));
  std::printf("%-28s %14lld %8lld\n", "without a place", static_cast<long long>(before.unplaced),
              static_cast<long long>(after.unplaced));
  std::printf("%-28s %14lld %8lld\n", "admitted across a border", crossing(before), crossing(after));
  std::printf("%-28s %13.1f%% %7.1f%%\n", "vocational share", 100 * before.vocational_share,
              100 * after.vocational_share);
  std::printf("%-28s %14lld %8lld\n", "blocking pairs", static_cast<long long>(before.blocking_pairs),
              static_cast<long long>(after.blocking_pairs));
  for (std::size_t h = 0; h < regions; ++h) {
    if (before.unplaced_by_county[h] != after.unplaced_by_county[h])
      std::printf("  %-10s without a place: %lld -> %lld\n", r.seats.regions[h].c_str(),
                  static_cast<long long>(before.unplaced_by_county[h]),
                  static_cast<long long>(after.unplaced_by_county[h]));
  }
  const bool ok = before.stable && after.stable && crossing(after) >= crossing(before);
  std::printf("%s\n", ok ? "both stable, the open batch crosses more borders" : "BAD");
  return ok ? 0 : 1;
}
