// sixlink/io/admission_io.hpp — admission data from CSV files, and the
// admission's assignments to CSV.
//
// Files (UTF-8, a header row, columns in any order; errors are one line,
// "<file>:<line>: ..."):
//   high schools  id, name, region, capacity, tier (1..3, default 2)
//   cohorts       region, year, size, score_mean (default 480), score_sd (default 90)
//   applicants    id, region, score, choices: institution ids (programme or
//                 high-school ids) separated by ';', best first; an unknown
//                 institution, an institution listed twice, more than K
//                 choices, an unknown region or a repeated applicant id is
//                 refused with the file and line.
// The assignments file has one row per applicant: applicant, region, score,
// institution, kind (vocational | general), school, institution_region (empty
// cells for those without a place); it is written atomically.
#pragma once

#include <filesystem>
#include <optional>

#include "sixlink/admission/admission.hpp"
#include "sixlink/admission/admission_data.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// The scenario's admission data: default_admission_data with its high schools
/// and/or cohorts replaced by those files that are given (cohorts not given
/// are the default ones, sized to the seats of the high schools in use). The
/// result is validated; a problem in a file is reported at its line.
AdmissionData load_admission_data(const Scenario& scenario,
                                  const std::optional<std::filesystem::path>& high_schools,
                                  const std::optional<std::filesystem::path>& cohorts);

/// Applicants from CSV text (`source` names it in errors), lists of at most `choices`.
ApplicantTable applicants_from_csv(std::string_view text, const std::string& source,
                                   const AdmissionSeats& seats, int choices);

/// The same from a file.
ApplicantTable load_applicants_csv(const std::filesystem::path& path, const AdmissionSeats& seats,
                                   int choices);

/// The assignments as CSV text.
std::string admission_assignments_csv(const AdmissionSeats& seats, const ApplicantTable& applicants,
                                      const AdmissionOutcome& outcome);

}  // namespace sixlink
