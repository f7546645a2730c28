#include "sixlink/jobs/admit_job.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "io/report_numbers.hpp"
#include "jobs/job_json.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/io/admission_io.hpp"

namespace sixlink {
namespace {

using nlohmann::ordered_json;

std::size_t at(Index k) { return static_cast<std::size_t>(k); }

ordered_json outcome_json(const AdmitJobResult& r, const AdmissionOutcome& o) {
  const AdmissionSeats& seats = r.seats;
  ordered_json out;
  out["mode"] = std::string(to_string(o.options.mode));
  out["county_limits"] = o.options.county_limits;
  out["applicants"] = o.applicants;
  out["admitted"] = o.admitted;
  out["unplaced"] = o.unplaced;
  out["seats"] = o.seats;
  out["unfilled"] = o.unfilled;
  out["vocational"] = {{"seats", o.vocational_seats}, {"admitted", o.vocational_admitted}};
  out["general"] = {{"seats", o.general_seats}, {"admitted", o.general_admitted}};
  out["vocational_share"] = detail::report_number(o.vocational_share);
  out["roughly_equal"] = o.roughly_equal;
  out["stability"] = {{"stable", o.stable},
                      {"blocking_pairs", o.blocking_pairs},
                      {"justified_envy", o.justified_envy}};
  const std::size_t regions = seats.regions.size();
  ordered_json counties = ordered_json::array();
  for (std::size_t h = 0; h < regions; ++h) {
    Count out_flow = 0, in_flow = 0;
    for (std::size_t d = 0; d < regions; ++d) {
      if (d == h) continue;
      out_flow += o.flows[h * regions + d];
      in_flow += o.flows[d * regions + h];
    }
    counties.push_back({{"region", seats.regions[h]},
                        {"cohort", o.cohort_by_county[h]},
                        {"admitted", o.cohort_by_county[h] - o.unplaced_by_county[h]},
                        {"unplaced", o.unplaced_by_county[h]},
                        {"admitted_elsewhere", out_flow},
                        {"admitted_from_elsewhere", in_flow}});
  }
  out["counties"] = std::move(counties);
  ordered_json flows = ordered_json::array();
  for (std::size_t h = 0; h < regions; ++h) {
    ordered_json row = ordered_json::array();
    for (std::size_t d = 0; d < regions; ++d) row.push_back(o.flows[h * regions + d]);
    flows.push_back(std::move(row));
  }
  out["flows"] = {{"regions", seats.regions}, {"from_to", std::move(flows)}};
  ordered_json institutions = ordered_json::array();
  for (std::size_t s = 0; s < seats.institutions.size(); ++s) {
    const AdmissionInstitution& i = seats.institutions[s];
    const InstitutionFill& f = o.institutions[s];
    ordered_json row{{"id", i.id},
                     {"name", i.label},
                     {"school", i.school},
                     {"region", seats.regions[at(i.region)]},
                     {"kind", std::string(to_string(i.kind))},
                     {"seats", f.seats},
                     {"filled", f.filled},
                     {"from_other_counties", f.from_other_counties}};
    if (f.filled > 0) {
      row["scores"] = {{"min", detail::report_number(f.min_score)},
                       {"median", detail::report_number(f.median_score)},
                       {"max", detail::report_number(f.max_score)}};
    } else {
      row["scores"] = nullptr;
    }
    institutions.push_back(std::move(row));
  }
  out["institutions"] = std::move(institutions);
  return out;
}

}  // namespace

AdmitJobResult run_admit_job(const Scenario& scenario, const AdmitJobOptions& options) {
  auto given = [](const std::filesystem::path& p) {
    return p.empty() ? std::nullopt : std::optional<std::filesystem::path>(p);
  };
  const AdmissionData data =
      load_admission_data(scenario, given(options.high_schools), given(options.cohorts));
  AdmitJobResult r;
  r.scenario_name = scenario.name;
  r.notes = scenario.notes;
  r.notes.insert(r.notes.end(), data.notes.begin(), data.notes.end());
  r.year = options.admission.year == 0 ? scenario.base_year : options.admission.year;
  r.seats = admission_seats(scenario, data);
  if (options.admission.choices < 1)
    throw InvalidInput("choices " + std::to_string(options.admission.choices) + " must be >= 1");
  if (options.applicants.empty()) {
    r.applicants = synthetic_applicants(r.seats, data, r.year, options.admission.choices,
                                        options.admission.seed);
    r.notes.push_back("admission: the applicants are synthetic (scores and preference lists "
                      "drawn with seed " + std::to_string(options.admission.seed) + ")");
  } else {
    r.synthetic = false;
    r.applicants = load_applicants_csv(options.applicants, r.seats, options.admission.choices);
  }
  AdmissionOptions run = options.admission;
  run.year = r.year;
  if (options.compare) {
    run.county_limits = true;
    r.outcome = admit(r.seats, r.applicants, run);
    run.county_limits = false;
    r.open = admit(r.seats, r.applicants, run);
  } else {
    r.outcome = admit(r.seats, r.applicants, run);
  }
  return r;
}

void to_json(ordered_json& out, const AdmitJobResult& r) {
  out = ordered_json::object();
  out["scenario"] = r.scenario_name;
  out["year"] = r.year;
  out["applicants_source"] = r.synthetic ? "synthetic" : "file";
  out["choices"] = r.outcome.options.choices;
  out["seed"] = r.outcome.options.seed;
  if (r.open) {
    out["county_limited"] = outcome_json(r, r.outcome);
    out["open"] = outcome_json(r, *r.open);
  } else {
    out["admission"] = outcome_json(r, r.outcome);
  }
  detail::add_scenario_notes(out, r.notes);
}

std::string admit_job_to_json(const AdmitJobResult& result, int indent) {
  const ordered_json out = result;
  return out.dump(indent) + "\n";
}

std::vector<AdmissionShortfall> admission_shortfalls(const AdmitJobResult& r) {
  std::vector<AdmissionShortfall> out;
  for (std::size_t s = 0; s < r.seats.institutions.size(); ++s) {
    const AdmissionInstitution& i = r.seats.institutions[s];
    const InstitutionFill& f = r.outcome.institutions[s];
    if (i.kind == SeatKind::kVocational && f.filled < f.seats)
      out.push_back({i.id, f.seats, f.filled});
  }
  return out;
}

Scenario cap_intakes_at_admission(const Scenario& scenario,
                                  const std::vector<AdmissionShortfall>& shortfalls) {
  Scenario out = scenario;
  std::unordered_map<std::string_view, Count> cap;
  for (const AdmissionShortfall& s : shortfalls) cap.emplace(s.programme, std::max<Count>(1, s.filled));
  for (Programme& p : out.programmes) {
    const auto it = cap.find(p.id);
    if (it == cap.end()) continue;
    p.max_intake = p.max_intake > 0 ? std::min(p.max_intake, it->second) : it->second;
    p.min_intake = std::min(p.min_intake, p.max_intake);
  }
  return out;
}

}  // namespace sixlink
