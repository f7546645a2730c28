// sixlink/placement/placement_options.hpp — the option registries of student
// placement and of the synthetic cohort (core/options.hpp explains registries).
//
// Each registry declares the fields of one options struct once: name, command-line
// flag, help, range; the defaults are read from the struct's member initialisers.
// The command line's flags (`sixlink place`), the generated checks below and Python's
// keyword arguments (sixlink._core.option_fields("placement"|"cohort")) read them.
//
// validate_placement_options is the check place() and placement_network() run first
// ("candidates must not be negative, got -1", "home_bonus must be in [0, 1000], got
// 2000"); the command line also caps --candidates at 1000000. validate_cohort_options
// is the check synthetic_cohort runs first ("preferences must be in [0, 1000], got
// -1"); the checks that need the scenario stay there.
#pragma once

#include "sixlink/core/options.hpp"
#include "sixlink/placement/cohort.hpp"
#include "sixlink/placement/placement.hpp"

namespace sixlink {

/// PlacementOptions: candidates, the four value weights, mode, proposing, seed.
const OptionRegistry<PlacementOptions>& placement_option_registry();
/// CohortOptions: home_share, preference_share, preferences, seed.
const OptionRegistry<CohortOptions>& cohort_option_registry();

/// Throw InvalidInput naming the first field out of range (see the header).
void validate_placement_options(const PlacementOptions& options);
void validate_cohort_options(const CohortOptions& options);

}  // namespace sixlink
