// The `sixlink` program: a thin command line over the library.
//
//   sixlink run [SCENARIO] [--json]          the main job (default: taizhou-2020)
//   sixlink gap [SCENARIO] [--year Y] [--json] [--csv DIR]
//                                            the supply-demand gap analysis
//   sixlink plan [SCENARIO] [--year Y] [--total N] [--budget X] [--samples N]
//                [--seed S] [--json] [--export-mps FILE]
//                                            quota plan and recommendations
//   sixlink place [SCENARIO] [--mode optimal|stable|parallel] [--cohort CSV]
//                 [--openings CSV] [--seed S] [--json] [--assignments FILE]
//                 [--export-cohort DIR]      place individual graduates
//   sixlink validate PATH [--json]           check a JSON file or CSV folder
//   sixlink export-default PATH [--format]   write the built-in scenario to edit
//
// Exit status: 0 success; 2 bad input or options (one line on stderr); 3 a plan
// that is infeasible or stopped at its iteration limit (the report is still
// printed); 1 an internal error. Every output path is checked before any work
// (cli/output_paths.hpp), and "-" names standard output, which then carries that
// output instead of the report.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/output_paths.hpp"
#include "cli/report.hpp"
#include "cli/validate_command.hpp"
#include "detail/files.hpp"
#include "detail/numbers.hpp"
#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/analysis/rolling_plan.hpp"
#include "sixlink/config.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/io/csv.hpp"
#include "sixlink/io/gap_report_io.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/io/placement_io.hpp"
#include "sixlink/io/plan_report_io.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "sixlink/model/summary.hpp"
#include "sixlink/placement/placement.hpp"

namespace {

namespace fs = std::filesystem;
using sixlink::cli::InputPath;
using sixlink::cli::OutputPath;

constexpr int kExitInternalError = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitNotSolved = 3;

constexpr const char* kScenarioHelp =
    "A built-in scenario name, a JSON file or a folder of CSV files (default: taizhou-2020)";

int fail(const std::string& message, int status) {
  std::cerr << "sixlink: " << sixlink::escape_control_characters(message) << '\n';
  return status;
}

// CLI11 checks on the text as typed, so a message names the option and that text
// ("--seed: expected a whole number from 0 to ..., got '-1'").
CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi) {
  const std::string range = "from " + std::to_string(lo) + " to " + std::to_string(hi);
  return CLI::Validator(
      [lo, hi, range](std::string& text) -> std::string {
        const std::string_view t = sixlink::detail::trim(text);
        bool digits = !t.empty() && t.size() <= 20;
        for (const char c : t) digits = digits && c >= '0' && c <= '9';
        if (digits) {
          errno = 0;
          const unsigned long long v = std::strtoull(std::string(t).c_str(), nullptr, 10);
          if (errno != ERANGE && v >= lo && v <= hi) return {};
        }
        return "expected a whole number " + range + ", got '" + text + "'";
      },
      "whole number " + range);
}

CLI::Validator number_in(double lo, double hi) {
  const std::string range =
      "in [" + sixlink::detail::format_number(lo) + ", " + sixlink::detail::format_number(hi) + "]";
  return CLI::Validator(
      [lo, hi, range](std::string& text) -> std::string {
        const auto parsed = sixlink::detail::parse_number(text).value;
        if (parsed && std::isfinite(*parsed) && *parsed >= lo && *parsed <= hi) return {};
        return "expected a number " + range + ", got '" + text + "'";
      },
      "number " + range);
}

constexpr std::uint64_t kMaxSeed = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kMaxInt = std::numeric_limits<int>::max();

// A year option is checked against the scenario once it is loaded.
void check_year(const char* option, int year, int lo, int hi, const char* what) {
  if (year < lo || year > hi)
    throw sixlink::InvalidInput(std::string(option) + " " + std::to_string(year) + ": " + what +
                                " must be from " + std::to_string(lo) + " to " +
                                std::to_string(hi));
}

// The scenario argument is an input when it names something on disk (a file of
// a built-in's name wins over the built-in, as in resolve_scenario).
std::vector<InputPath> scenario_input(const std::string& scenario) {
  std::error_code ec;
  if (fs::exists(fs::path(scenario), ec)) return {{"SCENARIO", scenario}};
  return {};
}

bool to_standard_output(const std::string& path) {
  return sixlink::detail::is_standard_output(path);
}

const std::vector<std::string> kSubcommands = {"run",   "gap",      "plan",
                                               "place", "validate", "export-default"};

}  // namespace

int main(int argc, char** argv) {
  sixlink::detail::remove_temporaries_on_signal();

  CLI::App app{"sixlink: match vocational-school graduates with industry demand", "sixlink"};
  app.set_version_flag("--version", std::string("sixlink ") + sixlink::kVersion);
  app.require_subcommand(1);

  std::string run_scenario(sixlink::kDefaultScenarioName);
  bool run_json = false;
  auto* run = app.add_subcommand("run", "Run the main job on a scenario and print the report");
  run->add_option("SCENARIO", run_scenario, kScenarioHelp);
  run->add_flag("--json", run_json, "Print one JSON object instead of tables");

  std::string gap_scenario(sixlink::kDefaultScenarioName);
  bool gap_json = false;
  std::string gap_csv;
  sixlink::GapOptions gap_options;
  double gap_outside_weight = 0.0;
  auto* gap = app.add_subcommand(
      "gap", "Analyse where graduates are short or in surplus, and the plan's indicators");
  gap->add_option("SCENARIO", gap_scenario, kScenarioHelp);
  auto* gap_year_option =
      gap->add_option("--year", gap_options.year,
                      "Analysis year, base year to base year + 100 (default: the base year)");
  auto* gap_outside_option = gap->add_option(
      "--outside-weight", gap_outside_weight,
      "Value of leaving the city, lambda in [0, 1] (default: calibrated on the base "
      "year's employment records)");
  gap_outside_option->check(number_in(0, 1));
  gap->add_option("--mobility", gap_options.other_region_mobility,
                  "Fit multiplier for a job in another region of the city (default 0.75)")
      ->check(number_in(0, 1));
  gap->add_option("--outside-share", gap_options.outside_share,
                  "Largest share of graduates the outside market takes (default 1: no limit)")
      ->check(number_in(0, 1));
  gap->add_option("--outside-tiers", gap_options.outside_tiers,
                  "Tiers of each cohort's value of leaving, 1 to 64 (default 8; 1: all alike)")
      ->check(whole_number(1, 64));
  gap->add_flag("--json", gap_json, "Print one JSON object instead of tables");
  gap->add_option("--csv", gap_csv,
                  "Also write one CSV file per table into this folder (created if missing; "
                  "replaced as a whole)");

  std::string plan_scenario(sixlink::kDefaultScenarioName);
  sixlink::RecommendOptions plan_options;
  double plan_total = 0.0, plan_budget = 0.0, plan_min_secondary = 0.0, plan_max_secondary = 0.0;
  double plan_outside_weight = 0.0;
  bool plan_json = false, plan_no_horizon = false, plan_no_open = false;
  std::string plan_mps;
  std::size_t plan_top = 15;
  auto* plan = app.add_subcommand(
      "plan",
      "Optimise next intakes and recommend which programmes to expand, shrink, open or close");
  plan->add_option("SCENARIO", plan_scenario, kScenarioHelp);
  auto* plan_year_option =
      plan->add_option("--year", plan_options.quotas.year,
                       "Intake year, base year + 1 to base year + 50 (default: the base year + 1)");
  auto* plan_total_option =
      plan->add_option("--total", plan_total, "Students enrolled in that year, at least");
  plan_total_option->check(number_in(0, 1e12));
  auto* plan_budget_option =
      plan->add_option("--budget", plan_budget, "Yearly cost of the students in yuan, at most");
  plan_budget_option->check(number_in(0, 1e15));
  auto* plan_min_secondary_option =
      plan->add_option("--min-secondary-share", plan_min_secondary,
                       "Smallest share of students in secondary specialties");
  plan_min_secondary_option->check(number_in(0, 1));
  auto* plan_max_secondary_option =
      plan->add_option("--max-secondary-share", plan_max_secondary,
                       "Largest share of students in secondary specialties");
  plan_max_secondary_option->check(number_in(0, 1));
  plan->add_option("--max-change", plan_options.quotas.max_change,
                   "Largest yearly change of a programme's intake, as a share (default 0.2)")
      ->check(number_in(0, 1));
  auto* plan_outside_option =
      plan->add_option("--outside-weight", plan_outside_weight,
                       "Value of leaving the city, lambda in [0, 1] (default: calibrated)");
  plan_outside_option->check(number_in(0, 1));
  plan->add_option("--samples", plan_options.samples,
                   "Demand samples for the agreement of each recommendation")
      ->check(whole_number(0, 1000000));
  plan->add_option("--seed", plan_options.seed, "Seed of the demand samples")
      ->check(whole_number(0, kMaxSeed));
  plan->add_option("--noise", plan_options.demand_noise,
                   "Sigma of the log-normal demand noise (default 0.2)")
      ->check(number_in(0, 2));
  plan->add_option("--threads", plan_options.threads, "Threads for the samples (default: all)")
      ->check(whole_number(0, kMaxInt));
  plan->add_option("--top", plan_top, "Recommendations to print (default 15)")
      ->check(whole_number(0, kMaxInt));
  plan->add_flag("--no-open", plan_no_open, "Do not consider opening new programmes");
  plan->add_flag("--no-horizon", plan_no_horizon, "Skip the rolling plan from the base year");
  plan->add_flag("--json", plan_json, "Print one JSON object instead of tables");
  plan->add_option("--export-mps", plan_mps,
                   "Write the single-year model as an MPS file ('-': standard output)");

  std::string place_scenario(sixlink::kDefaultScenarioName);
  std::string place_mode = "optimal", place_cohort, place_openings, place_assignments;
  std::string place_export_cohort;
  std::string place_proposing = "applicants";
  sixlink::PlacementOptions place_options;
  bool place_json = false;
  auto* place = app.add_subcommand(
      "place", "Place individual graduates in jobs and internships: optimal, stable or parallel");
  place->add_option("SCENARIO", place_scenario, kScenarioHelp);
  place->add_option("--mode", place_mode, "optimal (default), stable or parallel")
      ->check(CLI::IsMember({"optimal", "stable", "parallel"}));
  place->add_option("--cohort", place_cohort,
                    "Graduates CSV (id, programme, home_region, score, preferences); default: a "
                    "synthetic cohort drawn from the scenario");
  place->add_option("--openings", place_openings,
                    "Openings CSV (id, enterprise, occupation, region, capacity, kind, ranking); "
                    "default: the scenario's openings");
  place
      ->add_option("--seed", place_options.seed,
                   "Seed of the synthetic cohort and of the lottery for equal scores")
      ->check(whole_number(0, kMaxSeed));
  place
      ->add_option("--candidates", place_options.candidates,
                   "Openings per graduate besides their preferences (default 50)")
      ->check(whole_number(0, 1000000));
  place
      ->add_option("--proposing", place_proposing,
                   "Stable mode: applicants (graduates, default) or institutions (openings)")
      ->check(CLI::IsMember({"applicants", "institutions"}));
  place->add_flag("--json", place_json, "Print one JSON object instead of tables");
  place->add_option("--assignments", place_assignments,
                    "Write one row per graduate (graduate, enterprise, opening, kind) to this CSV "
                    "('-': standard output)");
  place->add_option("--export-cohort", place_export_cohort,
                    "Write the cohort as graduates.csv and openings.csv (what --cohort and "
                    "--openings read) into this folder, to start a cohort of your own");

  std::string validate_path;
  bool validate_json = false;
  auto* validate = app.add_subcommand(
      "validate", "Check a scenario file (JSON) or folder (CSV) and report every problem found");
  validate->add_option("PATH", validate_path, "A scenario JSON file or a folder of CSV files")
      ->required();
  validate->add_flag("--json", validate_json,
                     "Print {\"valid\", \"errors\": [{\"file\", \"location\", \"message\"}]}");

  std::string export_path;
  std::string export_format = "auto";
  auto* export_default = app.add_subcommand(
      "export-default",
      "Write the built-in taizhou-2020 scenario as JSON or as a folder of CSV files");
  export_default
      ->add_option("PATH", export_path,
                   "Where to write: a .json file, a folder for CSV, or '-' (JSON on standard "
                   "output)")
      ->required();
  export_default
      ->add_option("--format", export_format, "json, csv, or auto (by the path's extension)")
      ->check(CLI::IsMember({"auto", "json", "csv"}));

  if (argc > 1 && argv[1][0] != '-') {
    const std::string word = argv[1];
    bool known = false;
    for (const auto& name : kSubcommands) known = known || name == word;
    if (!known) {
      std::string names;
      for (const auto& name : kSubcommands) names += (names.empty() ? "" : ", ") + name;
      return fail("unknown command '" + word + "' (commands: " + names + "; see sixlink --help)",
                  kExitBadInput);
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return fail(std::string(e.what()) + " (see sixlink --help)", kExitBadInput);
  }

  int status = 0;
  try {
    if (run->parsed()) {
      const sixlink::Scenario scenario = sixlink::resolve_scenario(run_scenario);
      const sixlink::ScenarioSummary summary = sixlink::summarise(scenario);
      const sixlink::GapReport report = sixlink::gap_analysis(scenario);
      const sixlink::RecommendationReport plan_report = sixlink::recommend(scenario);
      if (plan_report.plan.status != sixlink::QuotaStatus::kOptimal) status = kExitNotSolved;
      constexpr std::size_t kTopRecommendations = 5;
      const sixlink::Cohort cohort = sixlink::synthetic_cohort(scenario);
      const sixlink::PlacementResult placement = sixlink::place(scenario, cohort);
      if (run_json) {
        auto out = nlohmann::ordered_json::parse(sixlink::summary_to_json(summary));
        out["gap"] = nlohmann::ordered_json::parse(sixlink::gap_summary_to_json(report));
        out["plan"] = nlohmann::ordered_json::parse(
            sixlink::plan_summary_to_json(scenario, plan_report, kTopRecommendations));
        out["placement"] =
            nlohmann::ordered_json::parse(sixlink::placement_summary_to_json(placement));
        std::cout << out.dump(2) << '\n';
      } else {
        std::cout << sixlink::cli::format_summary(summary) << '\n'
                  << sixlink::cli::format_gap_summary(report) << '\n'
                  << sixlink::cli::format_plan_summary(scenario, plan_report, kTopRecommendations) << '\n'
                  << sixlink::cli::format_placement_summary(placement);
      }
    } else if (gap->parsed()) {
      if (!gap_csv.empty())
        sixlink::cli::check_output_paths(
            scenario_input(gap_scenario),
            {{"--csv", gap_csv, true, sixlink::gap_report_csv_files()}});
      const sixlink::Scenario scenario = sixlink::resolve_scenario(gap_scenario);
      if (gap_year_option->count() > 0)
        check_year("--year", gap_options.year, scenario.base_year, scenario.base_year + 100,
                   "the analysis year");
      if (gap_outside_option->count() > 0) gap_options.outside_weight = gap_outside_weight;
      const sixlink::GapReport report = sixlink::gap_analysis(scenario, gap_options);
      if (!gap_csv.empty()) sixlink::write_gap_report_csv(report, gap_csv);
      std::cout << (gap_json ? sixlink::gap_report_to_json(report, scenario.name)
                             : sixlink::cli::format_gap(report, scenario.name));
      if (!gap_csv.empty()) std::cerr << "sixlink: wrote the gap tables to " << gap_csv << '\n';
    } else if (plan->parsed()) {
      if (!plan_mps.empty())
        sixlink::cli::check_output_paths(scenario_input(plan_scenario),
                                         {{"--export-mps", plan_mps, false, {}}});
      const sixlink::Scenario scenario = sixlink::resolve_scenario(plan_scenario);
      sixlink::QuotaOptions& q = plan_options.quotas;
      if (plan_year_option->count() > 0)
        check_year("--year", q.year, scenario.base_year + 1, scenario.base_year + 50,
                   "the intake year");
      if (plan_total_option->count() > 0) q.total_enrolment = plan_total;
      if (plan_budget_option->count() > 0) q.budget = plan_budget;
      if (plan_min_secondary_option->count() > 0) q.min_secondary_share = plan_min_secondary;
      if (plan_max_secondary_option->count() > 0) q.max_secondary_share = plan_max_secondary;
      if (plan_outside_option->count() > 0) q.market.outside_weight = plan_outside_weight;
      plan_options.open_candidates = !plan_no_open;
      if (plan_options.samples > 0)
        std::cerr << "sixlink: solving " << plan_options.samples << " demand samples\n";
      const sixlink::RecommendationReport report = sixlink::recommend(scenario, plan_options);
      if (report.plan.status != sixlink::QuotaStatus::kOptimal) status = kExitNotSolved;
      std::optional<sixlink::RollingPlan> horizon;
      if (!plan_no_horizon) {
        sixlink::RollingPlanOptions rolling;
        rolling.quotas = q;
        rolling.quotas.market.outside_weight = report.plan.outside_weight;
        rolling.last_year = report.plan.year;
        horizon = sixlink::plan_horizon(scenario, rolling);
        for (const auto& year : horizon->years)
          if (year.status != sixlink::QuotaStatus::kOptimal) status = kExitNotSolved;
      }
      if (!plan_mps.empty()) {
        sixlink::export_quota_mps(scenario, report.options, report.plan, plan_mps);
        if (!to_standard_output(plan_mps))
          std::cerr << "sixlink: wrote the model to " << plan_mps << '\n';
      }
      const sixlink::RollingPlan* shown = horizon ? &*horizon : nullptr;
      if (!to_standard_output(plan_mps))
        std::cout << (plan_json
                          ? sixlink::plan_report_to_json(scenario, report, shown)
                          : sixlink::cli::format_plan(scenario, report, shown, plan_top));
      if (status == kExitNotSolved)
        std::cerr << "sixlink: the plan is " << sixlink::to_string(report.plan.status)
                  << " (exit status 3)\n";
    } else if (place->parsed()) {
      if (place_cohort.empty() && !place_openings.empty())
        throw sixlink::InvalidInput("--openings needs --cohort (the graduates it is for)");
      std::vector<InputPath> inputs = scenario_input(place_scenario);
      if (!place_cohort.empty()) inputs.push_back({"--cohort", place_cohort});
      if (!place_openings.empty()) inputs.push_back({"--openings", place_openings});
      std::vector<OutputPath> outputs;
      if (!place_assignments.empty())
        outputs.push_back({"--assignments", place_assignments, false, {}});
      if (!place_export_cohort.empty())
        outputs.push_back(
            {"--export-cohort", place_export_cohort, true, sixlink::cohort_csv_files()});
      sixlink::cli::check_output_paths(inputs, outputs);
      const sixlink::Scenario scenario = sixlink::resolve_scenario(place_scenario);
      sixlink::CohortOptions cohort_options;
      cohort_options.seed = place_options.seed;
      const sixlink::Cohort cohort =
          place_cohort.empty()
              ? sixlink::synthetic_cohort(scenario, cohort_options)
              : sixlink::load_cohort_csv(
                    scenario, place_cohort,
                    place_openings.empty() ? std::nullopt
                                           : std::optional<std::filesystem::path>(place_openings));
      if (!place_export_cohort.empty()) {
        sixlink::write_cohort_csv(cohort, place_export_cohort);
        std::cerr
            << "sixlink: wrote "
            << sixlink::detail::format_count(static_cast<sixlink::Count>(cohort.graduates.size()))
            << " graduates and "
            << sixlink::detail::format_count(static_cast<sixlink::Count>(cohort.openings.size()))
            << " openings to " << place_export_cohort << '\n';
      }
      place_options.mode = *sixlink::parse_placement_mode(place_mode);
      place_options.proposing = *sixlink::parse_proposing_side(place_proposing);
      const sixlink::PlacementResult result = sixlink::place(scenario, cohort, place_options);
      if (!place_assignments.empty()) {
        sixlink::write_assignments_csv(result, cohort, place_assignments);
        if (!to_standard_output(place_assignments))
          std::cerr << "sixlink: wrote "
                    << sixlink::detail::format_count(
                           static_cast<sixlink::Count>(cohort.graduates.size()))
                    << " assignments to " << place_assignments << '\n';
      }
      if (!to_standard_output(place_assignments))
        std::cout << (place_json ? sixlink::placement_to_json(result, cohort, scenario.name)
                                 : sixlink::cli::format_placement(result, scenario.name));
    } else if (validate->parsed()) {
      return sixlink::cli::run_validate(validate_path, validate_json);
    } else if (export_default->parsed()) {
      const auto& scenario = sixlink::default_scenario();
      const bool as_json =
          export_format == "json" ||
          (export_format == "auto" &&
           (fs::path(export_path).extension() == ".json" || to_standard_output(export_path)));
      sixlink::cli::check_output_paths(
          {}, {{"PATH", export_path, !as_json, sixlink::scenario_csv_files()}});
      if (as_json) {
        sixlink::save_scenario_json(scenario, export_path);
      } else {
        sixlink::save_scenario_csv(scenario, export_path);
      }
      if (!to_standard_output(export_path))
        std::cerr << "sixlink: wrote " << scenario.name << " to " << export_path
                  << (as_json ? " (JSON)" : " (CSV folder)") << '\n';
    }
  } catch (const sixlink::Error& e) {
    return fail(e.what(), kExitBadInput);
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what(), kExitInternalError);
  }
  return status;
}
