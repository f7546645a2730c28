#include "sixlink/analysis/candidates.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "sixlink/core/error.hpp"

namespace sixlink {

std::vector<OpenCandidate> open_candidates(const Scenario& s, const GapReport& market,
                                           const CandidateOptions& options) {
  if (options.min_intake < 0 || options.max_intake < options.min_intake ||
      options.max_intake > kMaxCount)
    throw InvalidInput("candidate intakes must satisfy 0 <= min_intake <= max_intake, got " +
                       std::to_string(options.min_intake) + " and " +
                       std::to_string(options.max_intake));
  if (options.max_candidates < 0)
    throw InvalidInput("max_candidates must be >= 0, got " +
                       std::to_string(options.max_candidates));
  std::unordered_map<std::string_view, std::string_view> sector_cluster, school_region;
  for (const auto& sector : s.sectors) sector_cluster.emplace(sector.id, sector.cluster);
  for (const auto& school : s.schools) school_region.emplace(school.id, school.region);
  // Openings per (cluster, region) node and occupation; "" is kUnclustered.
  std::map<std::pair<std::string, std::string>, std::map<std::string, double>> mix;
  std::set<std::string_view> clusters;
  for (const auto& c : s.clusters) clusters.insert(c.id);
  for (const auto& e : s.enterprises) {
    std::string cluster(sector_cluster.count(e.sector) ? sector_cluster.at(e.sector) : "");
    if (!clusters.count(cluster)) cluster = kUnclustered;
    for (const auto& o : e.openings)
      if (o.count > 0) mix[{cluster, e.region}][o.occupation] += static_cast<double>(o.count);
  }
  std::set<std::pair<std::string_view, std::string_view>> offered;  // (specialty, region)
  for (const auto& p : s.programmes) offered.emplace(p.specialty, school_region.at(p.school));

  std::vector<OpenCandidate> out;
  for (const auto& region : s.regions) {
    for (const auto& sp : s.specialties) {
      if (offered.count({sp.id, region.id}) || sp.occupations.empty()) continue;
      OpenCandidate c;
      std::vector<std::pair<double, std::string>> nodes;
      for (const auto& cell : market.cells) {
        if (cell.region != region.id || cell.unmet <= 0) continue;
        const auto it = mix.find({cell.cluster, cell.region});
        if (it == mix.end()) continue;
        double total = 0.0, fit = 0.0;
        for (const auto& [occupation, count] : it->second) total += count;
        for (const auto& f : sp.occupations) {
          const auto o = it->second.find(f.occupation);
          if (o != it->second.end()) fit += f.fit * o->second;
        }
        if (fit <= 0.0 || total <= 0.0) continue;
        const double score = static_cast<double>(cell.unmet) * fit / total;
        c.score += score;
        nodes.emplace_back(-score, cell.cluster + "@" + cell.region);
      }
      if (c.score <= 0.0) continue;
      // The region's school of the specialty's level with the most free places.
      const SchoolLevel level =
          sp.level == SpecialtyLevel::kSecondary ? SchoolLevel::kSecondary : SchoolLevel::kHigher;
      const School* best = nullptr;
      double best_room = -1.0;
      for (const auto& school : s.schools) {
        if (school.region != region.id || school.level != level) continue;
        double enrolled = 0.0;
        for (const auto& p : s.programmes)
          if (p.school == school.id) enrolled += static_cast<double>(p.enrolled);
        const double room =
            school.capacity > 0 ? static_cast<double>(school.capacity) - enrolled : 1e18;
        if (room > best_room) {
          best_room = room;
          best = &school;
        }
      }
      if (best == nullptr) continue;
      Programme p;
      p.id = best->id + "-" + sp.id;
      p.school = best->id;
      p.specialty = sp.id;
      // The school's own duration and completion rate (of its first programme, so a
      // school with one rate keeps one), and its mean cost per student.
      double cost = 0.0;
      int count = 0;
      for (const auto& q : s.programmes) {
        if (q.school != best->id) continue;
        if (count == 0) {
          p.duration = q.duration;
          p.completion_rate = q.completion_rate;
        }
        cost += q.cost_per_student;
        ++count;
      }
      p.cost_per_student = count > 0 ? cost / count : 0.0;
      p.min_intake = options.min_intake;
      p.max_intake = options.max_intake;
      c.programme = std::move(p);
      c.region = region.id;
      std::sort(nodes.begin(), nodes.end());
      for (auto& n : nodes) c.short_nodes.push_back(std::move(n.second));
      out.push_back(std::move(c));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const OpenCandidate& a, const OpenCandidate& b) {
    return a.score > b.score;
  });
  if (out.size() > static_cast<std::size_t>(options.max_candidates))
    out.resize(static_cast<std::size_t>(options.max_candidates));
  return out;
}

}  // namespace sixlink
