#include "sixlink/io/admission_io.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "detail/csv_reader.hpp"
#include "detail/files.hpp"
#include "detail/numbers.hpp"
#include "io/csv_table.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

constexpr std::string_view kHighSchoolColumns[] = {"id", "name", "region", "capacity", "tier"};
constexpr std::string_view kCohortColumns[] = {"region", "year", "size", "score_mean", "score_sd"};
constexpr std::string_view kApplicantColumns[] = {"id", "region", "score", "choices"};

// Rethrows validate_admission_data's "<prefix>[i] ('id'): ..." as "<file>:<line>: ...".
[[noreturn]] void locate(const InvalidInput& e, const std::string& prefix,
                         const std::string& source, const std::vector<std::size_t>& lines) {
  const std::string message = e.what();
  if (message.rfind(prefix + "[", 0) == 0) {
    const std::size_t close = message.find(']');
    const std::size_t index = std::stoul(message.substr(prefix.size() + 1, close - prefix.size() - 1));
    const std::size_t colon = message.find(": ", close);
    if (index < lines.size() && colon != std::string::npos)
      throw InvalidInput(source + ":" + std::to_string(lines[index]) + ": " +
                         message.substr(colon + 2));
  }
  throw e;
}

}  // namespace

AdmissionData load_admission_data(const Scenario& scenario,
                                  const std::optional<std::filesystem::path>& high_schools,
                                  const std::optional<std::filesystem::path>& cohorts) {
  AdmissionData data = default_admission_data(scenario);
  std::string hs_source, cohort_source;
  std::vector<std::size_t> hs_lines, cohort_lines;
  if (high_schools) {
    hs_source = high_schools->string();
    const detail::CsvTable table =
        detail::parse_csv_table(detail::read_file(*high_schools), hs_source, kHighSchoolColumns);
    data.high_schools.clear();
    for (const auto& record : table.records) {
      detail::CsvFields f(table, record);
      HighSchool h;
      h.id = f.id("high school");
      h.name = f.text("name", detail::kOptional);
      h.region = f.text("region", detail::kRequired);
      h.capacity = f.count("capacity", detail::kNeeded);
      h.tier = f.integer("tier", 2);
      data.high_schools.push_back(std::move(h));
      hs_lines.push_back(record.line);
    }
    data.notes.clear();
    if (!cohorts) data.cohorts = default_cohorts(scenario, data.high_schools);
  }
  if (cohorts) {
    cohort_source = cohorts->string();
    const detail::CsvTable table =
        detail::parse_csv_table(detail::read_file(*cohorts), cohort_source, kCohortColumns);
    data.cohorts.clear();
    for (const auto& record : table.records) {
      detail::CsvFields f(table, record);
      JuniorCohort c;
      c.region = f.text("region", detail::kRequired);
      c.year = f.integer("year", std::nullopt);
      c.size = f.count("size", detail::kNeeded);
      c.score_mean = f.number("score_mean", 480.0);
      c.score_sd = f.number("score_sd", 90.0);
      data.cohorts.push_back(std::move(c));
      cohort_lines.push_back(record.line);
    }
  }
  if (high_schools || cohorts) {
    data.notes.clear();
    if (!high_schools)
      data.notes.push_back("admission: the general high schools are illustrative (default)");
    if (!cohorts)
      data.notes.push_back("admission: the junior-high cohorts are illustrative (default)");
  }
  try {
    validate_admission_data(data, scenario);
  } catch (const InvalidInput& e) {
    const std::string message = e.what();
    if (high_schools && message.rfind("high_schools[", 0) == 0)
      locate(e, "high_schools", hs_source, hs_lines);
    if (cohorts && message.rfind("cohorts[", 0) == 0) locate(e, "cohorts", cohort_source, cohort_lines);
    throw;
  }
  return data;
}

ApplicantTable applicants_from_csv(std::string_view text, const std::string& source,
                                   const AdmissionSeats& seats, int choices) {
  if (choices < 1) throw InvalidInput("choices " + std::to_string(choices) + " must be >= 1");
  const detail::CsvTable table = detail::parse_csv_table(text, source, kApplicantColumns);
  std::unordered_map<std::string_view, Index> institution, region;
  for (std::size_t i = 0; i < seats.institutions.size(); ++i)
    institution.emplace(seats.institutions[i].id, static_cast<Index>(i));
  for (std::size_t r = 0; r < seats.regions.size(); ++r)
    region.emplace(seats.regions[r], static_cast<Index>(r));
  ApplicantTable out;
  out.ids.reserve(table.records.size());
  std::unordered_set<std::string> ids;
  std::vector<Index> list;
  for (const auto& record : table.records) {
    detail::CsvFields f(table, record);
    std::string id = f.id("applicant");
    if (!ids.insert(id).second) f.fail("id", "applicant id '" + id + "' repeats an earlier row's");
    const std::string home = f.text("region", detail::kRequired);
    const auto r = region.find(home);
    if (r == region.end()) f.fail("region", "region '" + home + "' is not in the scenario");
    const double score = f.number("score", std::nullopt);
    if (!std::isfinite(score)) f.fail("score", "the score must be a finite number");
    list.clear();
    const std::string cell = f.text("choices", detail::kOptional);
    std::size_t start = 0;
    while (start <= cell.size()) {
      const std::size_t end = std::min(cell.find(';', start), cell.size());
      const std::string choice(detail::trim(std::string_view(cell).substr(start, end - start)));
      start = end + 1;
      if (choice.empty()) continue;
      const auto it = institution.find(choice);
      if (it == institution.end())
        f.fail("choices", "institution '" + choice + "' is not a programme or high school");
      if (std::find(list.begin(), list.end(), it->second) != list.end())
        f.fail("choices", "institution '" + choice + "' is listed twice");
      list.push_back(it->second);
    }
    if (static_cast<int>(list.size()) > choices)
      f.fail("choices", std::to_string(list.size()) + " choices, more than the " +
                            std::to_string(choices) + " allowed (--choices)");
    out.ids.push_back(std::move(id));
    out.region.push_back(r->second);
    out.score.push_back(score);
    out.choices.add(list);
  }
  return out;
}

ApplicantTable load_applicants_csv(const std::filesystem::path& path, const AdmissionSeats& seats,
                                   int choices) {
  return applicants_from_csv(detail::read_file(path), path.string(), seats, choices);
}

std::string admission_assignments_csv(const AdmissionSeats& seats, const ApplicantTable& applicants,
                                      const AdmissionOutcome& outcome) {
  std::string out = "applicant,region,score,institution,kind,school,institution_region\n";
  for (Index a = 0; a < applicants.size(); ++a) {
    const auto ai = static_cast<std::size_t>(a);
    out += detail::csv_escape(applicants.id(a)) + ',' +
           detail::csv_escape(seats.regions[static_cast<std::size_t>(applicants.region[ai])]) + ',' +
           detail::format_number(applicants.score[ai]) + ',';
    const Index s = outcome.applicant_match[ai];
    if (s >= 0) {
      const AdmissionInstitution& i = seats.institutions[static_cast<std::size_t>(s)];
      out += detail::csv_escape(i.id) + ',' + std::string(to_string(i.kind)) + ',' +
             detail::csv_escape(i.school) + ',' +
             detail::csv_escape(seats.regions[static_cast<std::size_t>(i.region)]);
    } else {
      out += ",,,";
    }
    out += '\n';
  }
  return out;
}

}  // namespace sixlink
