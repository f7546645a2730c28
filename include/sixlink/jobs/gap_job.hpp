// sixlink/jobs/gap_job.hpp — the gap analysis as one call that the CLI and Python share.
//
// A job is a workflow the `sixlink` program and the Python package both run: it takes a
// Scenario and an options struct and returns a result struct, and it neither prints nor
// writes JSON (the io writers and the CLI's tables read the result). The gap job is the
// thinnest: gap_analysis (analysis/gap_analysis.hpp) with the scenario's name kept beside
// the report, so that the report can be written out without the scenario.
//
// Option checks that name a command-line flag (`--year` against the scenario's base
// year) stay with the caller: the job checks what the analysis checks, and throws
// InvalidInput the same way.
#pragma once

#include <string>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/model/programme_names.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

struct GapJobResult {
  std::string scenario_name;
  GapReport report;
  std::vector<std::string> scenario_notes = {};  ///< the scenario's notes: what is illustrative
  ProgrammeNames programme_names = {};  ///< the programmes' labels (model/programme_names.hpp)
};

/// gap_analysis(scenario, options), with the scenario's name.
GapJobResult run_gap_job(const Scenario& scenario, const GapOptions& options = {});

/// The result as `sixlink gap --json` prints it (gap_report_io.hpp); indent -1: one line.
std::string gap_job_to_json(const GapJobResult& result, int indent = 2);

}  // namespace sixlink
