// sixlink/analysis/analysis_options.hpp — the option registries of the gap analysis,
// the quota plan and the recommendations (core/options.hpp explains registries).
//
// Each registry declares the fields of one options struct once: name, command-line
// flag, help, range; the defaults are read from the struct's member initialisers.
// The command line's flags, the generated checks below and Python's keyword
// arguments (sixlink._core.option_fields("gap"|"quota"|"recommend")) all read them.
//
// What the checks cover. These are the library's checks: gap_analysis, optimise_quotas
// and recommend call them first. validate_gap_options checks the gap fields in order
// ("outside_share must be in [0, 1], got 1.5", the band thresholds' rule); the
// mobility is described but left to the projection, which checks it against this
// registry's range after the analysis year. validate_quota_options checks
// QuotaOptions' scalar fields ("max_iterations must be >= 1, got 0"); the
// per-programme vectors and the intake year, which need the scenario, stay with the
// optimiser. validate_recommend_options checks RecommendOptions' own fields
// ("samples must be in [0, 1000000], got -1"); its nested plan options are described
// with it (Python's recommend() takes them flat) and checked by the plan.
#pragma once

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/core/options.hpp"

namespace sixlink {

/// GapOptions: year, outside_weight, outside_share, shortage_below, oversupply_above,
/// outside_tiers, outside_spread, threads, other_region_mobility.
const OptionRegistry<GapOptions>& gap_option_registry();
/// QuotaOptions: the scalar fields, and the market's outside_weight.
const OptionRegistry<QuotaOptions>& quota_option_registry();
/// RecommendOptions: its own fields, then the plan's (quota_option_registry) flat.
const OptionRegistry<RecommendOptions>& recommend_option_registry();

/// Throw InvalidInput naming the first field out of range (see the header).
void validate_gap_options(const GapOptions& options);
void validate_quota_options(const QuotaOptions& options);
void validate_recommend_options(const RecommendOptions& options);

}  // namespace sixlink
