// `sixlink plan [SCENARIO] [--year Y] [--total N] [--budget X] [--samples N] [--seed S]
// [--json] [--export-mps FILE] ...`: the plan job (jobs/plan_job.hpp) with its
// recommendations and, unless --no-horizon, the rolling plan; exit status 3 when a
// plan is not solved (the report still printed). --export-mps writes the single-year
// model; "-" puts it on standard output instead of the report.
#include <cstddef>
#include <iostream>
#include <limits>
#include <memory>
#include <string>

#include "cli/command.hpp"
#include "cli/option_flags.hpp"
#include "cli/progress_display.hpp"
#include "cli/report.hpp"
#include "sixlink/analysis/analysis_options.hpp"
#include "sixlink/io/plan_report_io.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "jobs/job_json.hpp"
#include "sixlink/jobs/admit_job.hpp"
#include "sixlink/jobs/plan_job.hpp"
#include "sixlink/model/default_scenario.hpp"

namespace sixlink::cli {

namespace {

constexpr std::size_t kDefaultTop = 15;

struct PlanArguments {
  std::string scenario{kDefaultScenarioName};
  PlanJobOptions job;
  bool json = false;
  bool no_open = false;
  bool no_horizon = false;
  bool quiet = false;
  bool admission = false;
  std::string mps;
  std::size_t top = kDefaultTop;
};

int run(PlanArguments& a, const CLI::App& command) {
  if (!a.mps.empty())
    check_output_paths(scenario_input(a.scenario), {{"--export-mps", a.mps, false, {}}});
  Scenario scenario = resolve_scenario(a.scenario);
  // --admission: the default admission batch (sixlink admit: stable, open, seed 0) first;
  // programmes whose quota it leaves partly empty are flagged and their intake capped.
  std::vector<AdmissionShortfall> shortfalls;
  if (a.admission) {
    shortfalls = admission_shortfalls(run_admit_job(scenario, AdmitJobOptions{}));
    scenario = cap_intakes_at_admission(scenario, shortfalls);
  }
  RecommendOptions& options = a.job.recommend;
  if (command.count("--year") > 0)
    check_year("--year", options.quotas.year, scenario.base_year + 1, scenario.base_year + 50,
               "the intake year");
  options.open_candidates = !a.no_open;
  a.job.horizon = !a.no_horizon;
  options.progress = terminal_progress(a.quiet);
  if (options.samples > 0 && !options.progress)  // the progress line says it on a terminal
    std::cerr << "sixlink: solving " << options.samples << " demand samples\n";
  const PlanJobResult result = run_plan_job(scenario, a.job);
  if (!a.mps.empty()) {
    export_quota_mps(scenario, result.report.options, result.report.plan, a.mps);
    if (!to_standard_output(a.mps)) std::cerr << "sixlink: wrote the model to " << a.mps << '\n';
  }
  if (!to_standard_output(a.mps) && !a.admission)
    std::cout << (a.json ? plan_job_to_json(result) : format_plan(result, a.top));
  if (!to_standard_output(a.mps) && a.admission) {
    if (a.json) {
      nlohmann::ordered_json out = result;
      nlohmann::ordered_json rows = nlohmann::ordered_json::array();
      for (const AdmissionShortfall& f : shortfalls)
        rows.push_back({{"programme", f.programme}, {"quota", f.intake}, {"admitted", f.filled}});
      out["admission"] = {{"rule", "sixlink admit: stable, county limits off, seed 0; "
                                   "max_intake capped at the seats admission fills"},
                          {"shortfalls", std::move(rows)}};
      std::cout << out.dump(2) << '\n';
    } else {
      std::cout << format_plan(result, a.top);
      std::cout << "\nAdmission (sixlink admit: stable, county limits off, seed 0): "
                << shortfalls.size()
                << " programmes' quotas not filled; their max intake is capped at the fill\n";
      for (const AdmissionShortfall& f : shortfalls)
        std::cout << "  " << f.programme << "  quota " << f.intake << ", admitted " << f.filled
                  << '\n';
    }
  }
  if (result.solved()) return 0;
  // Names the single-year plan's status, as before the jobs, even when a horizon
  // year is what failed.
  std::cerr << "sixlink: the plan is " << to_string(result.report.plan.status)
            << " (exit status 3)\n";
  return kExitNotSolved;
}

}  // namespace

Command add_plan_command(CLI::App& app) {
  auto a = std::make_shared<PlanArguments>();
  auto* command = app.add_subcommand(
      "plan",
      "Optimise next intakes and recommend which programmes to expand, shrink, open or close");
  command->add_option("SCENARIO", a->scenario, kScenarioHelp);
  add_option_flags(
      *command, recommend_option_registry(), a->job.recommend,
      {"year", "total_enrolment", "budget", "min_secondary_share", "max_secondary_share",
       "max_change", "outside_weight", "samples", "seed", "demand_noise", "mix_noise", "fit_noise", "threads"});
  command
      ->add_option("--top", a->top,
                   "Recommendations to print (default " + std::to_string(kDefaultTop) + ")")
      ->check(whole_number(0, std::numeric_limits<int>::max()));
  command->add_flag("--no-open", a->no_open, "Do not consider opening new programmes");
  command->add_flag("--no-horizon", a->no_horizon, "Skip the rolling plan from the base year");
  command->add_flag("--admission", a->admission,
                    "Run the default admission batch first (sixlink admit) and cap each "
                    "programme's intake at the seats it fills; flagged programmes are listed");
  command->add_flag("--json", a->json, "Print one JSON object instead of tables");
  command->add_flag("--quiet", a->quiet, kQuietHelp);
  command->add_option("--export-mps", a->mps,
                      "Write the single-year model as an MPS file ('-': standard output)");
  return {command, [a, command] { return run(*a, *command); }};
}

}  // namespace sixlink::cli
