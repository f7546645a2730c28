// sixlink/jobs/admit_job.hpp — one admission batch (admission/admission.hpp) as
// one call that the CLI and Python share.
//
// The job: the admission data (the files given, else the scenario's
// illustrative defaults: io/admission_io.hpp), the institutions, the applicants
// of the year (from a CSV file, else synthetic: admission_data.hpp), and the
// admission in the options' mode — or, with `compare`, twice: county-limited
// (`outcome`) and open (`open`), on the same applicants and lottery.
//
// The quota plan reads it through admission_shortfalls (the vocational
// programmes whose intake quota the admission leaves partly empty) and
// cap_intakes_at_admission (`sixlink plan --admission`: each such programme's
// max_intake lowered to what admission fills, at least 1 because a max_intake
// of 0 means "no bound" in a Scenario).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sixlink/admission/admission.hpp"
#include "sixlink/admission/admission_data.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

struct AdmitJobOptions {
  AdmissionOptions admission;
  bool compare = false;  ///< both county rules; admission.county_limits is then ignored
  std::filesystem::path high_schools, cohorts, applicants;  ///< CSV files; empty: defaults
};

struct AdmitJobResult {
  std::string scenario_name;
  std::vector<std::string> notes;  ///< the scenario's and the admission data's: what is illustrative
  int year = 0;
  bool synthetic = true;  ///< the applicants were drawn, not read
  AdmissionSeats seats;
  ApplicantTable applicants;
  AdmissionOutcome outcome;             ///< the run (with compare: county-limited)
  std::optional<AdmissionOutcome> open;  ///< with compare: the open run
};

/// Throws IoError, ParseError or InvalidInput (located in the file at fault).
AdmitJobResult run_admit_job(const Scenario& scenario, const AdmitJobOptions& options = {});

/// The result as `sixlink admit --json` prints it; indent -1: one line.
std::string admit_job_to_json(const AdmitJobResult& result, int indent = 2);

/// A vocational programme whose quota the admission does not fill.
struct AdmissionShortfall {
  std::string programme;
  Count intake = 0;
  Count filled = 0;
};

/// The shortfalls of `outcome` (the job's main run), in institution order.
std::vector<AdmissionShortfall> admission_shortfalls(const AdmitJobResult& result);

/// `scenario` with each shortfall programme's max_intake capped at its fill (at least 1).
Scenario cap_intakes_at_admission(const Scenario& scenario,
                                  const std::vector<AdmissionShortfall>& shortfalls);

}  // namespace sixlink
