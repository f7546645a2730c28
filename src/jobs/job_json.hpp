// jobs/job_json.hpp — private: the jobs' results as nlohmann values, found by
// argument-dependent lookup (`ordered_json j = result;`), each built from the one
// io function of its parts (io/result_json.hpp). Never installed.
#pragma once

#include <nlohmann/json.hpp>

#include "sixlink/jobs/gap_job.hpp"
#include "sixlink/jobs/place_job.hpp"
#include "sixlink/jobs/plan_job.hpp"
#include "sixlink/jobs/run_job.hpp"

namespace sixlink {

void to_json(nlohmann::ordered_json& out, const GapJobResult& result);
void to_json(nlohmann::ordered_json& out, const PlanJobResult& result);
void to_json(nlohmann::ordered_json& out, const PlaceJobResult& result);
/// The summaries of the parts, nested as `sixlink run --json` prints them.
void to_json(nlohmann::ordered_json& out, const RunJobResult& result);

}  // namespace sixlink
