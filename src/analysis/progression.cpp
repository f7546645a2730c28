#include "sixlink/analysis/progression.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "sixlink/model/retention.hpp"

namespace sixlink {
namespace {

// Specialty ids are catalogue codes: the class is the first four digits.
std::string_view class_of(std::string_view specialty) { return specialty.substr(0, 4); }

// Programmes per (level-up) class, with their intakes, for the catalogue route.
using ByClass = std::unordered_map<std::string, std::vector<std::size_t>>;

ByClass programmes_by_class(const Scenario& s) {
  std::unordered_map<std::string_view, const Specialty*> specialty;
  for (const auto& sp : s.specialties) specialty.emplace(sp.id, &sp);
  ByClass out;
  for (std::size_t i = 0; i < s.programmes.size(); ++i) {
    const auto it = specialty.find(s.programmes[i].specialty);
    if (it == specialty.end()) continue;
    // Keyed by level and class: a class code is unique across levels already.
    out[std::string(class_of(it->second->id))].push_back(i);
  }
  return out;
}

// Splits `students` over `targets` by `weights` (equally when they sum to zero).
void share_out(const Scenario& s, std::size_t from, double students,
               const std::vector<std::size_t>& targets, const std::vector<double>& weights,
               ProgressionRoute route, const std::vector<std::string>& kinds,
               std::vector<ProgressionFlow>& flows) {
  double total = 0.0;
  for (double w : weights) total += w;
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const double share =
        total > 0.0 ? weights[k] / total : 1.0 / static_cast<double>(targets.size());
    flows.push_back({s.programmes[from].id, s.programmes[targets[k]].id, route,
                     route == ProgressionRoute::kLink ? kinds[k] : std::string(),
                     students * share});
  }
}

}  // namespace

std::string_view to_string(ProgressionRoute route) {
  switch (route) {
    case ProgressionRoute::kLink:
      return "link";
    case ProgressionRoute::kCatalogue:
      return "catalogue";
    case ProgressionRoute::kNoLocal:
      return "no_local_pathway";
    case ProgressionRoute::kOutside:
      return "outside";
  }
  return "?";
}

std::string next_level_class(std::string_view class_code) {
  if (class_code.size() != 4) return {};
  for (char c : class_code)
    if (c < '0' || c > '9') return {};
  const int code = std::stoi(std::string(class_code));
  // Secondary classes are 61xx-79xx, associate 41xx-59xx, bachelor 21xx-39xx.
  if (code < 4100) return {};
  return std::to_string(code - 2000);
}

std::vector<double> job_seeker_rates(const Scenario& s) {
  std::vector<double> rate = recorded_progression(s).rate;
  for (std::size_t i = 0; i < rate.size(); ++i)
    rate[i] = job_seeker_rate(s.programmes[i].completion_rate, rate[i]);
  return rate;
}

std::vector<double> committed_seats(const Scenario& s) {
  std::vector<double> intake(s.programmes.size());
  for (std::size_t i = 0; i < intake.size(); ++i)
    intake[i] = static_cast<double>(s.programmes[i].intake);
  return committed_seats(s, intake);
}

std::vector<double> committed_seats(const Scenario& s, const std::vector<double>& graduating) {
  std::vector<double> committed(s.programmes.size(), 0.0);
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < s.programmes.size(); ++i) index.emplace(s.programmes[i].id, i);
  for (const Pathway& p : s.pathways) {
    const auto from = index.find(p.from), to = index.find(p.to);
    if (from == index.end() || to == index.end()) continue;  // validate() names such links
    // The promise scales with the cohort the lower programme admitted.
    const auto base = static_cast<double>(s.programmes[from->second].intake);
    const double scale = base > 0.0 ? graduating.at(from->second) / base : 0.0;
    committed[to->second] += static_cast<double>(p.reserved_seats) * scale;
  }
  return committed;
}

Progression project_progression(const Scenario& s) {
  Progression out;
  const ProgressionRates recorded = recorded_progression(s);
  const std::vector<double>& rate = recorded.rate;
  const std::vector<double>& local_share = recorded.local_share;
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < s.programmes.size(); ++i) index.emplace(s.programmes[i].id, i);
  std::unordered_map<std::string_view, std::vector<const Pathway*>> links;
  for (const Pathway& p : s.pathways) links[p.from].push_back(&p);
  std::unordered_map<std::string_view, const Specialty*> specialty;
  for (const auto& sp : s.specialties) specialty.emplace(sp.id, &sp);
  const ByClass by_class = programmes_by_class(s);

  for (std::size_t i = 0; i < s.programmes.size(); ++i) {
    const Programme& prog = s.programmes[i];
    ProgrammeProgression row;
    row.programme = prog.id;
    row.graduates = std::llround(static_cast<double>(prog.intake) * prog.completion_rate);
    row.rate = rate[i];
    row.local_share = local_share[i];
    row.job_seekers = job_seekers(row.graduates, rate[i]);
    row.progressed = row.graduates - row.job_seekers;
    const Count wants_local = std::llround(local_share[i] * static_cast<double>(row.progressed));
    const Count studies_outside = row.progressed - wants_local;
    if (studies_outside > 0)
      out.flows.push_back(
          {prog.id, "", ProgressionRoute::kOutside, "", static_cast<double>(studies_outside)});
    if (wants_local > 0) {
      std::vector<std::size_t> targets;
      std::vector<double> weights;
      std::vector<std::string> kinds;
      ProgressionRoute route = ProgressionRoute::kLink;
      if (const auto it = links.find(prog.id); it != links.end()) {
        for (const Pathway* link : it->second) {
          const auto to = index.find(link->to);
          if (to == index.end()) continue;  // validate() names such links
          targets.push_back(to->second);
          weights.push_back(static_cast<double>(link->reserved_seats));
          kinds.emplace_back(to_string(link->kind));
        }
      } else if (const auto sp = specialty.find(prog.specialty); sp != specialty.end()) {
        route = ProgressionRoute::kCatalogue;
        const auto up = by_class.find(next_level_class(class_of(sp->second->id)));
        if (up != by_class.end()) {
          for (std::size_t t : up->second) {
            targets.push_back(t);
            weights.push_back(static_cast<double>(s.programmes[t].intake));
          }
        }
      }
      if (targets.empty()) {
        out.flows.push_back(
            {prog.id, "", ProgressionRoute::kNoLocal, "", static_cast<double>(wants_local)});
      } else {
        row.progressed_local = wants_local;
        share_out(s, i, static_cast<double>(wants_local), targets, weights, route, kinds,
                  out.flows);
      }
    }
    out.graduates += row.graduates;
    out.progressed += row.progressed;
    out.progressed_local += row.progressed_local;
    out.job_seekers += row.job_seekers;
    out.programmes.push_back(std::move(row));
  }
  return out;
}

}  // namespace sixlink
