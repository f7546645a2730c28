// jobs/job_json.hpp — private: the jobs' results as nlohmann values, found by
// argument-dependent lookup (`ordered_json j = result;`), each built from the one
// io function of its parts (io/result_json.hpp). Never installed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sixlink/jobs/admit_job.hpp"
#include "sixlink/jobs/gap_job.hpp"
#include "sixlink/jobs/place_job.hpp"
#include "sixlink/jobs/plan_job.hpp"
#include "sixlink/jobs/run_job.hpp"

namespace sixlink {

void to_json(nlohmann::ordered_json& out, const GapJobResult& result);
void to_json(nlohmann::ordered_json& out, const PlanJobResult& result);
void to_json(nlohmann::ordered_json& out, const PlaceJobResult& result);
void to_json(nlohmann::ordered_json& out, const AdmitJobResult& result);
/// The summaries of the parts, nested as `sixlink run --json` prints them.
void to_json(nlohmann::ordered_json& out, const RunJobResult& result);

namespace detail {
/// `out` with the scenario's notes (what is illustrative) as "notes" right after "scenario";
/// unchanged when there are none, so scenarios without notes print as before.
inline void add_scenario_notes(nlohmann::ordered_json& out,
                               const std::vector<std::string>& notes) {
  if (notes.empty() || !out.is_object()) return;
  nlohmann::ordered_json with = nlohmann::ordered_json::object();
  for (auto it = out.begin(); it != out.end(); ++it) {
    with[it.key()] = std::move(it.value());
    if (it.key() == "scenario") with["notes"] = notes;
  }
  if (!with.contains("notes")) with["notes"] = notes;
  out = std::move(with);
}
}  // namespace detail

}  // namespace sixlink
