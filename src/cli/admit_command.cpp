// `sixlink admit [SCENARIO] [--year Y] [--mode parallel|stable] [--county-limits on|off]
// [--compare] [--choices K] [--seed S] [--high-schools CSV] [--cohorts CSV]
// [--applicants CSV] [--json] [--assignments FILE]`: one admission batch of
// junior-high graduates into general high schools and vocational programmes
// (jobs/admit_job.hpp); --compare runs county-limited and open admission on the same
// applicants. --assignments "-" puts the assignments on standard output instead of
// the report.
#include <iostream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/report.hpp"
#include "detail/files.hpp"
#include "detail/numbers.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/io/admission_io.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/jobs/admit_job.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink::cli {

namespace {

struct AdmitArguments {
  std::string scenario{kDefaultScenarioName};
  AdmitJobOptions job;
  std::string mode = "stable";
  std::string county_limits = "off";
  std::string high_schools, cohorts, applicants, assignments;
  bool json = false;
};

int run(AdmitArguments& a, const CLI::App& command) {
#if defined(__GLIBC__)
  // A province batch allocates and frees arrays of tens of megabytes one after
  // the other (lists, priority orders, the audit's pools): kept in the heap
  // rather than mapped and unmapped each time, their pages are faulted in once
  // (benchmarks/README.md, issue 20). This process only; no other command.
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
  const auto mode = parse_admission_mode(a.mode);
  if (!mode) throw InvalidInput("--mode: expected stable or parallel, got '" + a.mode + "'");
  if (a.county_limits != "on" && a.county_limits != "off")
    throw InvalidInput("--county-limits: expected on or off, got '" + a.county_limits + "'");
  if (a.job.compare && command.count("--county-limits") > 0)
    throw InvalidInput("--compare runs both county rules: leave out --county-limits");
  a.job.admission.mode = *mode;
  a.job.admission.county_limits = a.county_limits == "on";
  a.job.high_schools = a.high_schools;
  a.job.cohorts = a.cohorts;
  a.job.applicants = a.applicants;
  std::vector<InputPath> inputs = scenario_input(a.scenario);
  if (!a.high_schools.empty()) inputs.push_back({"--high-schools", a.high_schools});
  if (!a.cohorts.empty()) inputs.push_back({"--cohorts", a.cohorts});
  if (!a.applicants.empty()) inputs.push_back({"--applicants", a.applicants});
  std::vector<OutputPath> outputs;
  if (!a.assignments.empty()) outputs.push_back({"--assignments", a.assignments, false, {}});
  check_output_paths(inputs, outputs);
  const Scenario scenario = resolve_scenario(a.scenario);
  if (command.count("--year") > 0)
    check_year("--year", a.job.admission.year, 1900, 2200, "the admission year");
  const AdmitJobResult result = run_admit_job(scenario, a.job);
  if (!a.assignments.empty()) {
    detail::write_file_atomic(a.assignments,
                              admission_assignments_csv(result.seats, result.applicants, result.outcome));
    if (!to_standard_output(a.assignments))
      std::cerr << "sixlink: wrote " << detail::format_count(result.applicants.size())
                << " assignments to " << a.assignments
                << (result.open ? " (the county-limited run)" : "") << '\n';
  }
  if (!to_standard_output(a.assignments))
    std::cout << (a.json ? admit_job_to_json(result) : format_admission(result));
  return 0;
}

}  // namespace

Command add_admit_command(CLI::App& app) {
  auto a = std::make_shared<AdmitArguments>();
  auto* command = app.add_subcommand(
      "admit",
      "Admit junior-high graduates into general and vocational high schools in one batch, "
      "with or without county limits");
  command->add_option("SCENARIO", a->scenario, kScenarioHelp);
  command->add_option("--year", a->job.admission.year,
                      "The cohort's year (default: the scenario's base year)");
  command->add_option("--mode", a->mode,
                      "stable (deferred acceptance, default) or parallel (平行志愿)");
  command->add_option("--county-limits", a->county_limits,
                      "on: each school's seats reserved for its own county (before the reform); "
                      "off: open to all (default)");
  command->add_flag("--compare", a->job.compare,
                    "Run county-limited and open admission side by side and report the changes");
  command->add_option("--choices", a->job.admission.choices,
                      "K: the longest preference list (default 10)")
      ->check(CLI::Range(1, 1000));
  command->add_option("--seed", a->job.admission.seed,
                      "Seed of the synthetic applicants and of the lottery for equal scores "
                      "(default 0)");
  command->add_option("--high-schools", a->high_schools,
                      "General high schools CSV (id, name, region, capacity, tier); default: "
                      "an illustrative set");
  command->add_option("--cohorts", a->cohorts,
                      "Junior-high cohorts CSV (region, year, size, score_mean, score_sd); "
                      "default: illustrative, sized to the seats");
  command->add_option("--applicants", a->applicants,
                      "Applicants CSV (id, region, score, choices: ids separated by ';'); "
                      "default: synthetic applicants drawn from the cohorts");
  command->add_flag("--json", a->json, "Print one JSON object instead of tables");
  command->add_option("--assignments", a->assignments,
                      "Write one row per applicant (applicant, region, score, institution, kind, "
                      "school, institution_region) to this CSV ('-': standard output)");
  return {command, [a, command] { return run(*a, *command); }};
}

}  // namespace sixlink::cli
