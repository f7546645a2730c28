#include "model/taizhou_progression.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/apportion.hpp"
#include "sixlink/model/retention.hpp"

namespace sixlink::detail {
namespace {

LevelProgression progression_of(SpecialtyLevel level) {
  switch (level) {
    case SpecialtyLevel::kSecondary:
      return kSecondaryProgression;
    case SpecialtyLevel::kAssociate:
      return kAssociateProgression;
    case SpecialtyLevel::kBachelor:
      return {};
  }
  return {};
}

// The class one level up (secondary 66xx -> associate 46xx): the code 2000 lower.
std::string class_up(std::string_view specialty) {
  return std::to_string(std::stoi(std::string(specialty.substr(0, 4))) - 2000);
}

constexpr std::string_view kPriorityClasses[] = {"6601", "6603", "6607", "7002", "6403", "6404"};

void add_links(Scenario& s, const std::vector<Count>& local_study) {
  std::unordered_map<std::string_view, SpecialtyLevel> level;
  for (const auto& sp : s.specialties) level.emplace(sp.id, sp.level);
  // The largest associate programme of each class.
  std::unordered_map<std::string, std::size_t> largest;
  for (std::size_t i = 0; i < s.programmes.size(); ++i) {
    const Programme& p = s.programmes[i];
    if (level.at(p.specialty) != SpecialtyLevel::kAssociate) continue;
    const std::string cls = p.specialty.substr(0, 4);
    const auto it = largest.find(cls);
    if (it == largest.end() || s.programmes[it->second].intake < p.intake) largest[cls] = i;
  }
  struct Wanted {
    std::size_t from, to;
    double seats;
  };
  std::vector<Wanted> wanted;
  std::unordered_map<std::size_t, double> into;  // seats wanted per target
  for (std::size_t i = 0; i < s.programmes.size(); ++i) {
    const Programme& p = s.programmes[i];
    if (level.at(p.specialty) != SpecialtyLevel::kSecondary) continue;
    const std::string_view cls = std::string_view(p.specialty).substr(0, 4);
    if (std::find(std::begin(kPriorityClasses), std::end(kPriorityClasses), cls) ==
        std::end(kPriorityClasses))
      continue;
    const auto up = largest.find(class_up(p.specialty));
    if (up == largest.end()) continue;
    wanted.push_back({i, up->second, kReservedShare * static_cast<double>(local_study[i])});
    into[up->second] += wanted.back().seats;
  }
  for (const Wanted& w : wanted) {
    const double cap = kReservedCap * static_cast<double>(s.programmes[w.to].intake);
    const double scale = into[w.to] > cap ? cap / into[w.to] : 1.0;
    s.pathways.push_back({s.programmes[w.from].id, s.programmes[w.to].id,
                          PathwayKind::kThreePlusTwo, static_cast<Count>(w.seats * scale)});
  }
}

}  // namespace

void add_taizhou_progression(Scenario& s, double retention) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < s.programmes.size(); ++i) index.emplace(s.programmes[i].id, i);
  std::unordered_map<std::string_view, SpecialtyLevel> level;
  for (const auto& sp : s.specialties) level.emplace(sp.id, sp.level);
  const std::size_t n = s.programmes.size();
  // The base year's job records per programme, by cluster (local) and outside.
  std::vector<Count> cohort(n, 0), local(n, 0);
  std::vector<std::vector<EmploymentRecord>> clusters(n);
  std::vector<EmploymentRecord> kept;
  for (const EmploymentRecord& r : s.employment) {
    if (r.year != s.base_year || r.progressed) {
      kept.push_back(r);
      continue;
    }
    const std::size_t i = index.at(r.programme);
    cohort[i] += r.count;
    if (!r.outside) {
      local[i] += r.count;
      clusters[i].push_back(r);
    }
  }
  std::vector<Count> seekers(n), study(n), local_study(n);
  std::vector<double> weight(n);
  Count all_seekers = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const LevelProgression lp = progression_of(level.at(s.programmes[i].specialty));
    seekers[i] = job_seekers(cohort[i], lp.rate);
    study[i] = cohort[i] - seekers[i];
    local_study[i] = std::llround(lp.local_share * static_cast<double>(study[i]));
    all_seekers += seekers[i];
    weight[i] = cohort[i] > 0 ? static_cast<double>(local[i]) * static_cast<double>(seekers[i]) /
                                    static_cast<double>(cohort[i])
                              : 0.0;
  }
  const std::vector<Count> stay =
      apportion(weight, std::llround(retention * static_cast<double>(all_seekers)));
  s.employment = std::move(kept);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& id = s.programmes[i].id;
    const Count stays = std::min(stay[i], seekers[i]);
    std::vector<double> where;
    for (const auto& r : clusters[i]) where.push_back(static_cast<double>(r.count));
    const std::vector<Count> by_cluster = apportion(where, stays);
    for (std::size_t k = 0; k < by_cluster.size(); ++k) {
      if (by_cluster[k] > 0) {
        EmploymentRecord r = clusters[i][k];
        r.count = by_cluster[k];
        s.employment.push_back(r);
      }
    }
    if (seekers[i] > stays) s.employment.push_back({id, s.base_year, "", "", true, seekers[i] - stays});
    EmploymentRecord studied{id, s.base_year, "", "", false, local_study[i]};
    studied.progressed = true;
    if (local_study[i] > 0) s.employment.push_back(studied);
    studied.outside = true;
    studied.count = study[i] - local_study[i];
    if (studied.count > 0) s.employment.push_back(studied);
  }
  add_links(s, local_study);
}

}  // namespace sixlink::detail
