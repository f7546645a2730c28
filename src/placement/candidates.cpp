#include "placement/candidates.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "sixlink/core/interrupt.hpp"
#include "sixlink/core/progress.hpp"

namespace sixlink::placement_detail {
namespace {

using detail::index_by_id;
constexpr auto lookup = detail::find_id;

// The fit table and each programme's specialty.
CandidateTables index_scenario(const Scenario& s) {
  CandidateTables t;
  const auto specialties = index_by_id(s.specialties);
  t.occupations = index_by_id(s.occupations);
  t.regions = index_by_id(s.regions);
  t.enterprises = index_by_id(s.enterprises);
  t.occupation_count = s.occupations.size();
  t.fit.assign(s.specialties.size() * t.occupation_count, 0.0);
  for (std::size_t sp = 0; sp < s.specialties.size(); ++sp)
    for (const OccupationFit& f : s.specialties[sp].occupations) {
      const Index occ = lookup(t.occupations, f.occupation);
      if (occ >= 0) t.fit[sp * t.occupation_count + static_cast<std::size_t>(occ)] = f.fit;
    }
  t.specialty_of.assign(s.programmes.size(), -1);
  for (std::size_t p = 0; p < s.programmes.size(); ++p)
    t.specialty_of[p] = lookup(specialties, s.programmes[p].specialty);
  return t;
}

// Openings: occupation, region, enterprise (into `t`), job and cluster (into `out`).
void index_openings(const Scenario& s, const Cohort& c, CandidateTables& t, Candidates& out) {
  const auto sectors = index_by_id(s.sectors);
  const auto clusters = index_by_id(s.clusters);
  const auto O = static_cast<Index>(c.openings.size());
  t.occupation.assign(static_cast<std::size_t>(O), 0);
  t.region.assign(static_cast<std::size_t>(O), 0);
  t.of_enterprise.resize(s.enterprises.size());
  out.cluster_ids.reserve(s.clusters.size() + 1);
  for (const Cluster& cl : s.clusters) out.cluster_ids.push_back(cl.id);
  const auto unclustered = static_cast<Index>(s.clusters.size());
  out.opening_cluster.resize(static_cast<std::size_t>(O));
  out.job.resize(static_cast<std::size_t>(O));
  bool any_unclustered = false;
  for (Index j = 0; j < O; ++j) {
    const auto ji = static_cast<std::size_t>(j);
    const PlacementOpening& op = c.openings[ji];
    t.occupation[ji] = op.occupation.empty() ? -1 : lookup(t.occupations, op.occupation);
    t.region[ji] = lookup(t.regions, op.region);
    const Index e = lookup(t.enterprises, op.enterprise);
    t.of_enterprise[static_cast<std::size_t>(e)].push_back(j);
    const Index sector = lookup(sectors, s.enterprises[static_cast<std::size_t>(e)].sector);
    const Index cl =
        sector < 0 ? -1 : lookup(clusters, s.sectors[static_cast<std::size_t>(sector)].cluster);
    out.opening_cluster[ji] = cl < 0 ? unclustered : cl;
    any_unclustered = any_unclustered || cl < 0;
    out.job[ji] = op.kind == OpeningKind::kJob;
  }
  if (any_unclustered) out.cluster_ids.emplace_back(kUnclustered);
  t.of_occupation.resize(t.occupation_count);
  for (Index j = 0; j < O; ++j)
    if (t.occupation[static_cast<std::size_t>(j)] >= 0 &&
        c.openings[static_cast<std::size_t>(j)].capacity > 0)
      t.of_occupation[static_cast<std::size_t>(t.occupation[static_cast<std::size_t>(j)])]
          .push_back(j);
}

// An opening's value to a graduate from `home` whose specialty fits it by `f`,
// before any preference bonus.
double base_value(const CandidateTables& t, const Candidates& cand, const PlacementOptions& o,
                  Index home, Index j, double f) {
  const auto ji = static_cast<std::size_t>(j);
  return f * (cand.job[ji] ? 1.0 : o.internship_weight) + (cand.job[ji] ? o.retention_bonus : 0.0) +
         (t.region[ji] == home ? o.home_bonus : 0.0);
}

// Groups (programme, home region) and classes (specialty, home region), each in
// order of first graduate; returns each class's (specialty, home region).
std::vector<std::pair<Index, Index>> group_graduates(const Scenario& s, const Cohort& c,
                                                     Candidates& out) {
  const CandidateTables& t = out.tables;
  const auto programmes = index_by_id(s.programmes);
  const auto G = static_cast<Index>(c.graduates.size());
  out.programme.resize(static_cast<std::size_t>(G));
  out.home.resize(static_cast<std::size_t>(G));
  out.group.resize(static_cast<std::size_t>(G));
  // A programme's groups by home region (a few each: a scan beats a tree of pairs).
  std::vector<std::vector<std::pair<Index, Index>>> groups_of(s.programmes.size());
  std::map<std::pair<Index, Index>, Index> class_of;
  std::vector<std::pair<Index, Index>> class_keys;
  for (Index g = 0; g < G; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    const Graduate& grad = c.graduates[gi];
    // Cohorts list a programme's graduates together: one look-up per run of them.
    out.programme[gi] = g > 0 && grad.programme == c.graduates[gi - 1].programme
                            ? out.programme[gi - 1]
                            : lookup(programmes, grad.programme);
    out.home[gi] = g > 0 && grad.home_region == c.graduates[gi - 1].home_region
                       ? out.home[gi - 1]
                       : lookup(t.regions, grad.home_region);
    auto& mine = groups_of[static_cast<std::size_t>(out.programme[gi])];
    auto it = std::find_if(mine.begin(), mine.end(),
                           [&](const auto& entry) { return entry.first == out.home[gi]; });
    if (it == mine.end()) {
      const std::pair<Index, Index> key{t.specialty_of[static_cast<std::size_t>(out.programme[gi])],
                                        out.home[gi]};
      const auto [cl, new_class] = class_of.emplace(key, static_cast<Index>(class_keys.size()));
      if (new_class) class_keys.push_back(key);
      mine.emplace_back(out.home[gi], static_cast<Index>(out.group_size.size()));
      it = mine.end() - 1;
      out.group_size.push_back(0);
      out.group_class.push_back(cl->second);
    }
    out.group[gi] = it->second;
    ++out.group_size[static_cast<std::size_t>(it->second)];
  }
  return class_keys;
}

// Each class's ranking (every opening its specialty fits with v > 0, best first,
// equal values by index) and each group's pool length on it; the ranking is then
// cut after the class's longest pool.
void fill_pools(const Cohort& c, const PlacementOptions& o,
                const std::vector<std::pair<Index, Index>>& class_keys, Candidates& out) {
  const CandidateTables& t = out.tables;
  const Index k = o.candidates;
  out.ranking.resize(class_keys.size());
  std::vector<std::pair<double, Index>> ranked;
  for (std::size_t cl = 0; cl < class_keys.size(); ++cl) {
    throw_if_interrupted();
    const auto [sp, home] = class_keys[cl];
    ranked.clear();
    if (sp >= 0) {
      for (std::size_t occ = 0; occ < t.occupation_count; ++occ) {
        if (t.fit[static_cast<std::size_t>(sp) * t.occupation_count + occ] <= 0.0) continue;
        for (Index j : t.of_occupation[occ]) {
          const double v = base_value(t, out, o, home, j, t.fit_at(sp, j));
          if (v > 0.0) ranked.emplace_back(v, j);
        }
      }
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    auto& mine = out.ranking[cl];
    mine.reserve(ranked.size());
    for (const auto& [v, j] : ranked) mine.emplace_back(j, v);
  }
  // Pools: prefixes of the ranking until their seats cover twice the group, at
  // least k entries (all there are, if fewer).
  const auto Q = out.group_size.size();
  out.pool_size.assign(Q, 0);
  std::vector<Index> longest(class_keys.size(), 0);
  for (std::size_t q = 0; q < Q; ++q) {
    const auto cl = static_cast<std::size_t>(out.group_class[q]);
    const auto& r = out.ranking[cl];
    Count seats = 0;
    const Count wanted = 2 * out.group_size[q];
    std::size_t n = 0;
    for (; n < r.size() && (seats < wanted || static_cast<Index>(n) < k); ++n)
      seats += c.openings[static_cast<std::size_t>(r[n].first)].capacity;
    out.pool_size[q] = static_cast<Index>(n);
    longest[cl] = std::max(longest[cl], static_cast<Index>(n));
  }
  for (std::size_t cl = 0; cl < class_keys.size(); ++cl) {
    out.ranking[cl].resize(static_cast<std::size_t>(longest[cl]));
    out.ranking[cl].shrink_to_fit();
  }
}

// Each graduate's preferred openings: every opening with seats of a preferred
// enterprise, with its bonus, best first (equal values by index).
void list_preferred(const Cohort& c, const PlacementOptions& o, Candidates& out) {
  const CandidateTables& t = out.tables;
  const auto G = static_cast<Index>(c.graduates.size());
  out.preferred_ptr.assign(static_cast<std::size_t>(G) + 1, 0);
  // Room for twice the preferences times the mean openings of an enterprise
  // (enterprises are drawn by seats, so preferred ones have more than the mean):
  // growing by doubling copied the table (11M entries on the province) and
  // touched twice its pages. Unused room is never touched, so it costs no memory.
  std::size_t preferences = 0;
  for (const Graduate& grad : c.graduates) preferences += grad.preferences.size();
  const std::size_t enterprises = std::max<std::size_t>(t.of_enterprise.size(), 1);
  out.preferred.reserve(2 * preferences * (c.openings.size() / enterprises + 1));
  ProgressReporter progress(o.progress, "candidates", G);
  for (Index g = 0; g < G; ++g) {
    throw_if_interrupted();
    progress.check();
    progress.advance();
    const auto gi = static_cast<std::size_t>(g);
    const Graduate& grad = c.graduates[gi];
    const Index sp = t.specialty_of[static_cast<std::size_t>(out.programme[gi])];
    const auto L = static_cast<double>(grad.preferences.size());
    const auto begin = out.preferred.size();
    for (std::size_t r = 0; r < grad.preferences.size(); ++r) {
      const Index e = lookup(t.enterprises, grad.preferences[r]);
      const double bonus = o.preference_weight * (L - static_cast<double>(r)) / L;
      for (Index j : t.of_enterprise[static_cast<std::size_t>(e)]) {
        if (c.openings[static_cast<std::size_t>(j)].capacity <= 0) continue;
        const double v = base_value(t, out, o, out.home[gi], j, t.fit_at(sp, j)) + bonus;
        if (v > 0.0) out.preferred.emplace_back(j, v);
      }
    }
    std::sort(out.preferred.begin() + static_cast<std::ptrdiff_t>(begin), out.preferred.end(),
              [](const Entry& a, const Entry& b) {
                return a.second != b.second ? a.second > b.second : a.first < b.first;
              });
    out.preferred_ptr[gi + 1] = static_cast<Index>(out.preferred.size());
  }
  progress.finish();
}

}  // namespace

void list_candidates(const Cohort& c, Candidates& out) {
  const auto O = static_cast<Index>(c.openings.size());
  const auto G = static_cast<Index>(c.graduates.size());
  std::size_t pairs = out.preferred.size();  // at most: pool copies of preferred ones drop
  for (Index g = 0; g < G; ++g) pairs += out.pool(out.group[static_cast<std::size_t>(g)]).size();
  out.lists.indices.reserve(pairs);
  out.lists.indptr.reserve(static_cast<std::size_t>(G) + 1);
  std::vector<Index> preferred_by(static_cast<std::size_t>(O), -1);  // the graduate now listed
  auto better = [](const Entry& a, const Entry& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  std::vector<Index>& row = out.lists.indices;
  for (Index g = 0; g < G; ++g) {
    if (g % 4096 == 0) throw_if_interrupted();
    const auto mine = out.preferred_of(g);
    for (const Entry& m : mine) preferred_by[static_cast<std::size_t>(m.first)] = g;
    std::size_t a = 0;
    for (const Entry& entry : out.pool(out.group[static_cast<std::size_t>(g)])) {
      if (preferred_by[static_cast<std::size_t>(entry.first)] == g) continue;
      while (a < mine.size() && better(mine[a], entry)) row.push_back(mine[a++].first);
      row.push_back(entry.first);
    }
    while (a < mine.size()) row.push_back(mine[a++].first);
    out.lists.indptr.push_back(static_cast<Index>(row.size()));
  }
}

double CandidateTables::fit_at(Index specialty, Index opening) const {
  const Index occ = occupation[static_cast<std::size_t>(opening)];
  if (specialty < 0 || occ < 0) return 0.0;
  return fit[static_cast<std::size_t>(specialty) * occupation_count +
             static_cast<std::size_t>(occ)];
}

double Candidates::fit(Index g, Index j) const {
  return tables.fit_at(
      tables.specialty_of[static_cast<std::size_t>(programme[static_cast<std::size_t>(g)])], j);
}

double Candidates::value(const PlacementOptions& o, Index g, Index j) const {
  for (const Entry& e : preferred_of(g))
    if (e.first == j) return e.second;
  return base_value(tables, *this, o, home[static_cast<std::size_t>(g)], j, fit(g, j));
}

Candidates build_candidates(const Scenario& s, const Cohort& c, const PlacementOptions& o) {
  Candidates out;
  out.tables = index_scenario(s);
  index_openings(s, c, out.tables, out);
  const auto class_keys = group_graduates(s, c, out);
  fill_pools(c, o, class_keys, out);
  list_preferred(c, o, out);
  return out;
}

}  // namespace sixlink::placement_detail
