#include "sixlink/analysis/candidates.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

// What a candidate takes from its school's existing programmes, gathered in one
// pass: places taken, the first programme's duration and completion rate (so a
// school with one rate keeps one), the mean cost per student, and the label
// prefix of its first labelled programme ("天台" of "天台 · 电子商务").
struct SchoolProfile {
  double enrolled = 0.0;
  int programmes = 0;
  int duration = 0;
  double completion_rate = 0.0;
  double cost = 0.0;  // sum over its programmes
  std::string label_prefix;
  bool has_prefix = false;
};

// A candidate's label when the scenario labels its programmes ("天台 · 电子商务"):
// the school's own prefix, or the school's name for a school without labelled
// programmes (a new campus), then the specialty's name. Empty otherwise.
std::string candidate_label(bool labelled, const SchoolProfile& profile, const School& school,
                            const Specialty& sp) {
  constexpr std::string_view kSeparator = " · ";
  if (profile.has_prefix) return profile.label_prefix + std::string(kSeparator) + sp.name;
  if (!labelled) return {};
  return (school.name.empty() ? school.id : school.name) + std::string(kSeparator) + sp.name;
}

}  // namespace

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
  std::unordered_map<std::string_view, std::string_view> school_region;
  for (const auto& school : s.schools) school_region.emplace(school.id, school.region);
  std::unordered_map<std::string_view, std::string_view> occupation_name;
  for (const auto& o : s.occupations) occupation_name.emplace(o.id, o.name);
  std::set<std::pair<std::string_view, std::string_view>> offered;  // (specialty, region)
  for (const auto& p : s.programmes) offered.emplace(p.specialty, school_region.at(p.school));
  // Unmet openings per demand node; a chosen candidate claims the nodes it names,
  // so two candidates never give the same unmet openings as their reason.
  std::vector<double> unmet(market.occupations.size());
  for (std::size_t n = 0; n < unmet.size(); ++n)
    unmet[n] = static_cast<double>(market.occupations[n].unmet);

  // Each (specialty, region) pair's short nodes with the specialty's fit.
  struct Pair {
    const Region* region;
    const Specialty* specialty;
    std::vector<std::pair<std::size_t, double>> nodes;  // node, fit
  };
  // Short nodes by (region, occupation), ascending, so each pair reads only its own.
  std::map<std::pair<std::string_view, std::string_view>, std::vector<std::size_t>> short_nodes;
  for (std::size_t n = 0; n < unmet.size(); ++n)
    if (unmet[n] > 0.0)
      short_nodes[{market.occupations[n].region, market.occupations[n].occupation}].push_back(n);
  std::vector<Pair> pairs;
  for (const auto& region : s.regions) {
    for (const auto& sp : s.specialties) {
      if (offered.count({sp.id, region.id}) || sp.occupations.empty()) continue;
      Pair pair{&region, &sp, {}};
      for (const auto& f : sp.occupations) {
        const auto it = short_nodes.find({region.id, f.occupation});
        if (it == short_nodes.end() || f.fit <= 0.0) continue;
        for (std::size_t n : it->second) pair.nodes.emplace_back(n, f.fit);
      }
      // Node order, and the specialty's order of fits within a node.
      std::stable_sort(pair.nodes.begin(), pair.nodes.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      if (!pair.nodes.empty()) pairs.push_back(std::move(pair));
    }
  }
  std::unordered_map<std::string_view, SchoolProfile> profile;
  bool labelled = false;
  for (const auto& q : s.programmes) {
    SchoolProfile& k = profile[q.school];
    if (k.programmes++ == 0) {
      k.duration = q.duration;
      k.completion_rate = q.completion_rate;
    }
    k.enrolled += static_cast<double>(q.enrolled);
    k.cost += q.cost_per_student;
    labelled = labelled || !q.name.empty();
    const auto cut = q.name.find(" · ");
    if (!k.has_prefix && cut != std::string::npos) {
      k.label_prefix = q.name.substr(0, cut);
      k.has_prefix = true;
    }
  }
  const auto score_of = [&](const Pair& pair) {
    double score = 0.0;
    for (const auto& [n, fit] : pair.nodes) score += unmet[n] * fit;
    return score;
  };

  std::vector<OpenCandidate> out;
  std::vector<char> taken(pairs.size(), 0);
  // Greedy, best remaining score first (ties: the earlier pair, in region then
  // specialty order); a pair whose nodes earlier candidates claimed drops out.
  while (out.size() < static_cast<std::size_t>(options.max_candidates)) {
    std::size_t best_pair = pairs.size();
    double best_score = 0.0;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      if (taken[k]) continue;
      const double score = score_of(pairs[k]);
      if (score > best_score) {
        best_score = score;
        best_pair = k;
      }
    }
    if (best_pair == pairs.size()) break;
    taken[best_pair] = 1;
    const Pair& pair = pairs[best_pair];
    const Region& region = *pair.region;
    const Specialty& sp = *pair.specialty;
    OpenCandidate c;
    c.score = best_score;
    std::vector<std::pair<double, std::string>> nodes;
    for (const auto& [n, fit] : pair.nodes) {
      if (unmet[n] <= 0.0) continue;
      const OccupationGap& node = market.occupations[n];
      nodes.emplace_back(-unmet[n] * fit, std::string(occupation_name.at(node.occupation)) + " · " +
                                              node.cluster + "@" + node.region);
    }
    if (c.score <= 0.0) continue;
    // The region's school of the specialty's level with the most free places.
    const SchoolLevel level =
        sp.level == SpecialtyLevel::kSecondary ? SchoolLevel::kSecondary : SchoolLevel::kHigher;
    const School* best = nullptr;
    double best_room = -1.0;
    for (const auto& school : s.schools) {
      if (school.region != region.id || school.level != level) continue;
      if (options.intake_year != 0 && school.opens_in_year > options.intake_year) continue;
      const auto k = profile.find(school.id);
      const double enrolled = k == profile.end() ? 0.0 : k->second.enrolled;
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
    const SchoolProfile& k = profile[best->id];
    if (k.programmes > 0) {
      p.duration = k.duration;
      p.completion_rate = k.completion_rate;
    }
    p.cost_per_student = k.programmes > 0 ? k.cost / k.programmes : 0.0;
    p.name = candidate_label(labelled, k, *best, sp);
    p.min_intake = options.min_intake;
    p.max_intake = options.max_intake;
    c.programme = std::move(p);
    c.region = region.id;
    std::sort(nodes.begin(), nodes.end());
    for (auto& n : nodes) c.short_nodes.push_back(std::move(n.second));
    for (const auto& [n, fit] : pair.nodes) unmet[n] = 0.0;  // claimed
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace sixlink
