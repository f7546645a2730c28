#include "sixlink/placement/placement_options.hpp"

namespace sixlink {

namespace {

// Declared in the order place() checked them. The weights stay within [0, 1000] so
// that the flow's integer costs (values x 1e6) and their sums stay in range.
OptionRegistry<PlacementOptions> make_placement_registry() {
  OptionRegistry<PlacementOptions> r("placement");
  r.add("candidates", &PlacementOptions::candidates)
      .flag("--candidates")
      .at_least(0)
      .requirement("must not be negative")
      .cli_max(1000000)
      .help("Openings per graduate besides their preferences (default {default})");
  r.add("preference_weight", &PlacementOptions::preference_weight)
      .in(0, 1e3)
      .help("Value of a graduate's first preference (default {default})");
  r.add("retention_bonus", &PlacementOptions::retention_bonus)
      .in(0, 1e3)
      .help("Value of a job, which keeps the graduate in the city (default {default})");
  r.add("home_bonus", &PlacementOptions::home_bonus)
      .in(0, 1e3)
      .help("Value of an opening in the graduate's home region (default {default})");
  r.add("internship_weight", &PlacementOptions::internship_weight)
      .in(0, 1e3)
      .help("Share of the fit an internship is worth (default {default})");
  r.add_choice("mode", &PlacementOptions::mode,
               {{"optimal", PlacementMode::kOptimal},
                {"stable", PlacementMode::kStable},
                {"parallel", PlacementMode::kParallel}})
      .flag("--mode")
      .help("{choices}");
  r.add_choice(
       "proposing", &PlacementOptions::proposing,
       {{"applicants", ProposingSide::kApplicants}, {"institutions", ProposingSide::kInstitutions}})
      .flag("--proposing")
      .help("Stable mode: applicants (graduates, default) or institutions (openings)");
  // The place job draws the synthetic cohort with this seed too.
  r.add("seed", &PlacementOptions::seed)
      .flag("--seed")
      .help("Seed of the synthetic cohort and of the lottery for equal scores");
  r.seal();
  return r;
}

// Declared in the order synthetic_cohort checked them.
OptionRegistry<CohortOptions> make_cohort_registry() {
  OptionRegistry<CohortOptions> r("cohort");
  r.add("home_share", &CohortOptions::home_share)
      .in(0, 1)
      .help("Share of graduates whose home is their school's region (default {default})");
  r.add("preference_share", &CohortOptions::preference_share)
      .in(0, 1)
      .help("Share of graduates who state preferences (default {default})");
  r.add("preferences", &CohortOptions::preferences)
      .in(0, 1000)
      .help("Enterprises each graduate prefers, at most (default {default})");
  r.add("seed", &CohortOptions::seed).help("Seed of the synthetic cohort");
  r.seal();
  return r;
}

}  // namespace

const OptionRegistry<PlacementOptions>& placement_option_registry() {
  static const OptionRegistry<PlacementOptions> registry = make_placement_registry();
  return registry;
}

const OptionRegistry<CohortOptions>& cohort_option_registry() {
  static const OptionRegistry<CohortOptions> registry = make_cohort_registry();
  return registry;
}

void validate_placement_options(const PlacementOptions& options) {
  placement_option_registry().check(options);
}

void validate_cohort_options(const CohortOptions& options) {
  cohort_option_registry().check(options);
}

}  // namespace sixlink
