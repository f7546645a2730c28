#include "sixlink/analysis/analysis_options.hpp"

#include <cmath>
#include <string>

#include "detail/numbers.hpp"

namespace sixlink {

namespace {

// The one check across fields: the bands must be ordered.
void check_bands(const GapOptions& o) {
  if (!(std::isfinite(o.shortage_below) && std::isfinite(o.oversupply_above) &&
        o.shortage_below >= 0.0 && o.shortage_below <= o.oversupply_above)) {
    throw InvalidInput(
        "band thresholds must satisfy 0 <= shortage_below <= oversupply_above, got " +
        detail::format_number(o.shortage_below) + " and " +
        detail::format_number(o.oversupply_above));
  }
}

// Declared in the order gap_analysis checked them.
OptionRegistry<GapOptions> make_gap_registry() {
  OptionRegistry<GapOptions> r("gap");
  r.add("year", &GapOptions::year)
      .flag("--year")
      .help("Analysis year, base year to base year + 100 (default: the base year)");
  r.add("outside_weight", &GapOptions::outside_weight)
      .flag("--outside-weight")
      .in(0, 1)
      .help(
          "Value of leaving the city, lambda in [{lo}, {hi}] (default: calibrated on the base "
          "year's employment records)");
  r.add("outside_share", &GapOptions::outside_share)
      .flag("--outside-share")
      .in(0, 1)
      .help("Largest share of graduates the outside market takes (default {default}: no limit)");
  r.add("shortage_below", &GapOptions::shortage_below)
      .help("Supply-to-demand ratio below which a cluster is short (default {default})");
  r.add("oversupply_above", &GapOptions::oversupply_above)
      .help("Supply-to-demand ratio above which a cluster is in oversupply (default {default})")
      .then_check(check_bands);
  r.add("outside_tiers", &GapOptions::outside_tiers)
      .flag("--outside-tiers")
      .in(1, 64)
      .help(
          "Tiers of each cohort's value of leaving, {lo} to {hi} (default {default}; 1: all "
          "alike)");
  r.add("outside_spread", &GapOptions::outside_spread)
      .in_half_open(0, 1)
      .help(
          "Spread h of the tiers: values of leaving over [1 - h, 1 + h] x lambda (default "
          "{default})");
  r.add("threads", &GapOptions::threads)
      .at_least(0)
      .help("Threads for the projection (default: all)");
  // Checked by the projection, after the analysis year (which needs the scenario).
  r.add("other_region_mobility", &GapOptions::other_region_mobility)
      .flag("--mobility")
      .in(0, 1)
      .unchecked()
      .help("Fit multiplier for a job in another region of the city (default {default})");
  r.add_choice("retention", &GapOptions::retention,
               {{"labour_market", RetentionDefinition::kLabourMarket},
                {"all_graduates", RetentionDefinition::kAllGraduates}})
      .flag("--retention")
      .help(
          "What retention is a share of: {choices} (local jobs / graduates entering the labour "
          "market, or local jobs and local study / all graduates)");
  r.seal();
  return r;
}

// Declared in the order optimise_quotas checked them.
OptionRegistry<QuotaOptions> make_quota_registry() {
  OptionRegistry<QuotaOptions> r("quota");
  r.add("max_change", &QuotaOptions::max_change)
      .flag("--max-change")
      .in(0, 1)
      .help("Largest yearly change of a programme's intake, as a share (default {default})");
  r.add("adjustment_cost", &QuotaOptions::adjustment_cost)
      .in(0, 1e3)
      .help("Value lost per graduate of change in an intake (default {default})");
  r.add("adjustment_step", &QuotaOptions::adjustment_step)
      .in(0, 1)
      .help("Share of the cohort beyond which a change costs twice as much (default {default})");
  r.add("unmet_penalty", &QuotaOptions::unmet_penalty)
      .in(0, 1e3)
      .help("Value lost per opening left unfilled (default {default})");
  r.add("training_cost", &QuotaOptions::training_cost)
      .in(0, 1e3)
      .help("Value a graduate costs to train (default: the value of leaving + 0.05)");
  r.add("total_enrolment", &QuotaOptions::total_enrolment)
      .flag("--total")
      .in(0, 1e12)
      .help("Students enrolled in that year, at least");
  r.add("budget", &QuotaOptions::budget)
      .flag("--budget")
      .in(0, 1e15)
      .help("Yearly cost of the students in yuan, at most");
  r.add("min_secondary_share", &QuotaOptions::min_secondary_share)
      .flag("--min-secondary-share")
      .in(0, 1)
      .help("Smallest share of students in secondary specialties");
  r.add("max_secondary_share", &QuotaOptions::max_secondary_share)
      .flag("--max-secondary-share")
      .in(0, 1)
      .help("Largest share of students in secondary specialties");
  r.add("max_iterations", &QuotaOptions::max_iterations)
      .at_least(1)
      .help("Master iterations of the decomposition (default {default})");
  // Checked by the optimiser against the scenario's base year.
  r.add("year", &QuotaOptions::year)
      .flag("--year")
      .help("Intake year, base year + 1 to base year + 50 (default: the base year + 1)");
  r.add("allow_close", &QuotaOptions::allow_close)
      .help("Whether programmes may close (default {default})");
  // The plan takes a given lambda as it is; the gap registry's range describes it.
  r.nest(gap_option_registry(), &QuotaOptions::market, "outside_weight")
      .help("Value of leaving the city, lambda in [{lo}, {hi}] (default: calibrated)");
  r.seal();
  return r;
}

// Declared in the order recommend checked them; then the plan's fields.
OptionRegistry<RecommendOptions> make_recommend_registry() {
  OptionRegistry<RecommendOptions> r("recommend");
  r.add("samples", &RecommendOptions::samples)
      .flag("--samples")
      .in(0, 1000000)
      .help("Demand samples for the agreement of each recommendation");
  r.add("demand_noise", &RecommendOptions::demand_noise)
      .flag("--noise")
      .in(0, 2)
      .help("Sigma of the log-normal demand noise (default {default})");
  r.add("mix_noise", &RecommendOptions::mix_noise)
      .flag("--mix-noise")
      .in(0, 2)
      .help("Sigma of the noise on each cell's occupation mix (default {default})");
  r.add("fit_noise", &RecommendOptions::fit_noise)
      .flag("--fit-noise")
      .in(0, 2)
      .help("Sigma of the noise on the specialty-occupation fits (default {default})");
  r.add("min_change", &RecommendOptions::min_change)
      .at_least(0)
      .help("Smallest change of an intake, in seats, that is a recommendation (default {default})");
  r.add("threads", &RecommendOptions::threads)
      .flag("--threads")
      .at_least(0)
      .help("Threads for the samples (default: all)");
  r.add("seed", &RecommendOptions::seed).flag("--seed").help("Seed of the demand samples");
  r.add("open_candidates", &RecommendOptions::open_candidates)
      .help("Whether to consider opening new programmes (default {default})");
  for (const auto& f : quota_option_registry().fields())
    r.nest(quota_option_registry(), &RecommendOptions::quotas, f.info.name);
  r.seal();
  return r;
}

}  // namespace

const OptionRegistry<GapOptions>& gap_option_registry() {
  static const OptionRegistry<GapOptions> registry = make_gap_registry();
  return registry;
}

const OptionRegistry<QuotaOptions>& quota_option_registry() {
  static const OptionRegistry<QuotaOptions> registry = make_quota_registry();
  return registry;
}

const OptionRegistry<RecommendOptions>& recommend_option_registry() {
  static const OptionRegistry<RecommendOptions> registry = make_recommend_registry();
  return registry;
}

void validate_gap_options(const GapOptions& options) { gap_option_registry().check(options); }

void validate_quota_options(const QuotaOptions& options) { quota_option_registry().check(options); }

void validate_recommend_options(const RecommendOptions& options) {
  recommend_option_registry().check(options);
}

}  // namespace sixlink
