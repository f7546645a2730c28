// sixlink/jobs/place_job.hpp — placing a cohort as one call that the CLI and Python share.
//
// The job has two steps, split so that a caller can act between them (the CLI writes
// the cohort out with --export-cohort before placing):
//   1. the cohort (job_cohort): a synthetic one drawn from the scenario with the
//      placement's seed (placement/cohort.hpp), or one loaded from CSV files and
//      validated against the scenario (io/placement_io.hpp); openings given without
//      graduates are refused, checked once here (check_cohort_sources);
//   2. the placement (run_place_job): place() (placement/placement.hpp) in the mode
//      of the options.
// A cohort built elsewhere (Python passes columns: cohort_from_columns in
// placement/cohort.hpp) goes straight to step 2.
#pragma once

#include <filesystem>
#include <string>

#include "sixlink/model/programme_names.hpp"
#include "sixlink/model/scenario.hpp"
#include "sixlink/placement/cohort.hpp"
#include "sixlink/placement/placement.hpp"

namespace sixlink {

struct PlaceJobOptions {
  PlacementOptions placement;  ///< its seed also draws the synthetic cohort
  std::filesystem::path graduates;  ///< graduates CSV; empty: a synthetic cohort
  std::filesystem::path openings;   ///< openings CSV; empty: the scenario's openings
};

/// How the caller names the two inputs in the message of check_cohort_sources:
/// "<openings> needs <cohort> (the graduates it is for)". The CLI passes
/// {"--openings", "--cohort"}.
struct CohortSourceNames {
  std::string openings = "openings";
  std::string cohort = "a cohort";
};

/// Throws InvalidInput when openings are given without graduates.
void check_cohort_sources(const PlaceJobOptions& options, const CohortSourceNames& names = {});

/// Step 1: the synthetic or the loaded cohort (checks the sources first). Throws
/// IoError, ParseError or InvalidInput as load_cohort_csv does.
Cohort job_cohort(const Scenario& scenario, const PlaceJobOptions& options,
                  const CohortSourceNames& names = {});

struct PlaceJobResult {
  std::string scenario_name;
  Cohort cohort;
  PlacementResult placement;
  std::vector<std::string> scenario_notes = {};  ///< the scenario's notes: what is illustrative
  ProgrammeNames programme_names = {};  ///< the programmes' labels (model/programme_names.hpp)
};

/// Step 2: places `cohort` (moved into the result).
PlaceJobResult run_place_job(const Scenario& scenario, Cohort cohort,
                             const PlacementOptions& options = {});

/// Both steps.
PlaceJobResult run_place_job(const Scenario& scenario, const PlaceJobOptions& options);

/// The result as `sixlink place --json` prints it (placement_io.hpp); indent -1: one line.
std::string place_job_to_json(const PlaceJobResult& result, int indent = 2);

}  // namespace sixlink
