#include "sixlink/placement/placement.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "detail/id_index.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/core/interrupt.hpp"
#include "sixlink/core/progress.hpp"
#include "sixlink/flow/integer_costs.hpp"
#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/matching/market.hpp"
#include "sixlink/matching/parallel_choice.hpp"
#include "sixlink/model/validate.hpp"
#include "sixlink/placement/placement_options.hpp"
#include "sixlink/verify/flow_certificate.hpp"
#include "sixlink/verify/stability_audit.hpp"

namespace sixlink {
namespace {

constexpr CostScale kValueScale{1e6};  // flow costs: values rounded to 1e-6

using detail::index_by_id;
constexpr auto lookup = detail::find_id;

// The cohort in index form; every graduate's candidates with their values, best
// first; and the same graph through group nodes for the flow.
struct Candidates {
  std::vector<Index> programme, home;  // per graduate
  std::vector<Index> group;            // per graduate
  RankedLists lists;                   // per graduate: openings, best first
  std::vector<double> value;           // aligned with lists.indices
  std::vector<double> fit_of;          // aligned with lists.indices: fit(s_g, occ_o)
  // Per group: its pool (openings and values without preferences); per graduate:
  // the openings of preferred enterprises with their values, bonus included.
  std::vector<std::vector<std::pair<Index, double>>> pool;
  std::vector<Count> group_size;
  std::vector<std::vector<std::pair<Index, double>>> preferred;
  std::vector<Index> opening_cluster;  // per opening
  std::vector<std::uint8_t> job;       // per opening
  std::vector<std::string> cluster_ids;
};

// The scenario's tables build_candidates reads, indexed once: the fit of each
// specialty to each occupation, and each opening's occupation, region and enterprise.
struct CandidateTables {
  detail::IdIndex occupations, regions, enterprises;
  std::size_t occupation_count = 0;
  std::vector<double> fit;                        // fit[specialty * occupation_count + occupation]
  std::vector<Index> specialty_of;                // per programme
  std::vector<Index> occupation, region;          // per opening
  std::vector<std::vector<Index>> of_enterprise;  // per enterprise: its openings
  // Openings with seats by occupation: a group scans only those its specialty fits.
  std::vector<std::vector<Index>> of_occupation;

  double fit_at(Index g_specialty, Index j) const {
    const Index occ = occupation[static_cast<std::size_t>(j)];
    if (g_specialty < 0 || occ < 0) return 0.0;
    return fit[static_cast<std::size_t>(g_specialty) * occupation_count +
               static_cast<std::size_t>(occ)];
  }
};

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

// Groups: graduates of one programme with one home region, in cohort order; returns
// each group's (programme, home region).
std::vector<std::pair<Index, Index>> group_graduates(const Scenario& s, const Cohort& c,
                                                     const CandidateTables& t, Candidates& out) {
  const auto programmes = index_by_id(s.programmes);
  const auto G = static_cast<Index>(c.graduates.size());
  out.programme.resize(static_cast<std::size_t>(G));
  out.home.resize(static_cast<std::size_t>(G));
  out.group.resize(static_cast<std::size_t>(G));
  std::map<std::pair<Index, Index>, Index> group_of;
  std::vector<std::pair<Index, Index>> keys;
  std::vector<Count>& group_size = out.group_size;
  for (Index g = 0; g < G; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    const Graduate& grad = c.graduates[gi];
    out.programme[gi] = lookup(programmes, grad.programme);
    out.home[gi] = lookup(t.regions, grad.home_region);
    const auto [it, fresh] =
        group_of.emplace(std::make_pair(out.programme[gi], out.home[gi]), keys.size());
    if (fresh) {
      keys.push_back(it->first);
      group_size.push_back(0);
    }
    out.group[gi] = it->second;
    ++group_size[static_cast<std::size_t>(it->second)];
  }
  return keys;
}

// Each group's pool: its best openings by v until their seats cover twice the
// group, at least k of them (all there are, if fewer).
void fill_pools(const Scenario& s, const Cohort& c, const PlacementOptions& o,
                const CandidateTables& t, const std::vector<std::pair<Index, Index>>& keys,
                Candidates& out) {
  const Index k = o.candidates;
  out.pool.resize(keys.size());
  std::vector<std::pair<double, Index>> ranked;
  for (std::size_t q = 0; q < keys.size(); ++q) {
    throw_if_interrupted();
    const Index sp = t.specialty_of[static_cast<std::size_t>(keys[q].first)];
    ranked.clear();
    if (sp >= 0) {
      for (const OccupationFit& f : s.specialties[static_cast<std::size_t>(sp)].occupations) {
        const Index occ = lookup(t.occupations, f.occupation);
        if (occ < 0 || f.fit <= 0.0) continue;
        for (Index j : t.of_occupation[static_cast<std::size_t>(occ)]) {
          const double v = base_value(t, out, o, keys[q].second, j, t.fit_at(sp, j));
          if (v > 0.0) ranked.emplace_back(v, j);
        }
      }
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    Count seats = 0;
    const Count wanted = 2 * out.group_size[q];
    for (std::size_t r = 0; r < ranked.size() && (seats < wanted || static_cast<Index>(r) < k);
         ++r) {
      seats += c.openings[static_cast<std::size_t>(ranked[r].second)].capacity;
      out.pool[q].emplace_back(ranked[r].second, ranked[r].first);
    }
  }
}

// Preferences: every opening of a preferred enterprise, with its bonus; then
// each graduate's whole list, best first.
void list_candidates(const Cohort& c, const PlacementOptions& o, const CandidateTables& t,
                     Candidates& out) {
  const auto O = static_cast<Index>(c.openings.size());
  const auto G = static_cast<Index>(c.graduates.size());
  out.preferred.resize(static_cast<std::size_t>(G));
  std::size_t pairs = 0;
  for (Index g = 0; g < G; ++g)
    pairs += out.pool[static_cast<std::size_t>(out.group[static_cast<std::size_t>(g)])].size() +
             c.graduates[static_cast<std::size_t>(g)].preferences.size();
  out.value.reserve(pairs);  // about; preferred enterprises add their openings
  out.fit_of.reserve(pairs);
  out.lists.indices.reserve(pairs);
  out.lists.indptr.reserve(static_cast<std::size_t>(G) + 1);
  std::vector<Index> preferred_by(static_cast<std::size_t>(O), -1);  // the graduate now listed
  std::vector<std::pair<Index, double>> list;
  std::vector<Index> row;
  ProgressReporter progress(o.progress, "candidates", G);
  for (Index g = 0; g < G; ++g) {
    throw_if_interrupted();
    progress.check();
    progress.advance();
    const auto gi = static_cast<std::size_t>(g);
    const Graduate& grad = c.graduates[gi];
    const Index sp = t.specialty_of[static_cast<std::size_t>(out.programme[gi])];
    const auto L = static_cast<double>(grad.preferences.size());
    auto& mine = out.preferred[gi];
    for (std::size_t r = 0; r < grad.preferences.size(); ++r) {
      const Index e = lookup(t.enterprises, grad.preferences[r]);
      const double bonus = o.preference_weight * (L - static_cast<double>(r)) / L;
      for (Index j : t.of_enterprise[static_cast<std::size_t>(e)]) {
        if (c.openings[static_cast<std::size_t>(j)].capacity <= 0) continue;
        const double v = base_value(t, out, o, out.home[gi], j, t.fit_at(sp, j)) + bonus;
        if (v > 0.0) mine.emplace_back(j, v);
      }
    }
    // Merge the preferred openings (sorted here) into the pool (sorted once per
    // group), skipping the pool's copy of a preferred opening.
    auto better = [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    std::sort(mine.begin(), mine.end(), better);
    for (const auto& m : mine) preferred_by[static_cast<std::size_t>(m.first)] = g;
    list.clear();
    const auto& pool = out.pool[static_cast<std::size_t>(out.group[gi])];
    std::size_t a = 0;
    for (const auto& entry : pool) {
      if (preferred_by[static_cast<std::size_t>(entry.first)] == g) continue;
      while (a < mine.size() && better(mine[a], entry)) list.push_back(mine[a++]);
      list.push_back(entry);
    }
    while (a < mine.size()) list.push_back(mine[a++]);
    row.clear();
    for (const auto& [j, v] : list) {
      row.push_back(j);
      out.value.push_back(v);
      out.fit_of.push_back(t.fit_at(sp, j));
    }
    out.lists.add(row);
  }
  progress.finish();
}

Candidates build_candidates(const Scenario& s, const Cohort& c, const PlacementOptions& o) {
  Candidates out;
  CandidateTables tables = index_scenario(s);
  index_openings(s, c, tables, out);
  const auto keys = group_graduates(s, c, tables, out);
  fill_pools(s, c, o, tables, keys, out);
  list_candidates(c, o, tables, out);
  return out;
}

// The optimal mode's network: the candidate graph through group nodes (graduate
// -> group at no cost, group -> each pool opening, graduate -> each preferred
// opening), the same pairs at the same values with a group's pool arcs shared by
// all its graduates (taizhou-2020: 0.69M arcs instead of 1.96M).
// Nodes: graduates [0, G), groups [G, G + Q), openings [G + Q, G + Q + O), sink.
struct PlacementNetwork {
  MinCostFlow net;
  std::vector<Index> first_arc;       // per graduate: its group arc, then its preferred ones
  std::vector<Index> first_pool_arc;  // per group
};

PlacementNetwork build_network(const Candidates& cand, const Cohort& c) {
  const auto G = static_cast<Index>(c.graduates.size());
  const auto O = static_cast<Index>(c.openings.size());
  const auto Q = static_cast<Index>(cand.pool.size());
  const Index first_opening = G + Q, sink = G + Q + O;
  PlacementNetwork out{MinCostFlow(sink + 1), std::vector<Index>(static_cast<std::size_t>(G)),
                       std::vector<Index>(static_cast<std::size_t>(Q))};
  MinCostFlow& net = out.net;
  auto cost_of = [](double v) { return kValueScale.gain(v); };
  for (Index g = 0; g < G; ++g) net.set_supply(g, 1);
  net.set_supply(sink, -G);
  for (Index g = 0; g < G; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    out.first_arc[gi] = net.add_arc(g, G + cand.group[gi], 1, 0);
    for (const auto& [j, v] : cand.preferred[gi]) net.add_arc(g, first_opening + j, 1, cost_of(v));
    net.add_arc(g, sink, 1, 0);  // unplaced
  }
  for (Index q = 0; q < Q; ++q) {
    out.first_pool_arc[static_cast<std::size_t>(q)] = net.arc_count();
    for (const auto& [j, v] : cand.pool[static_cast<std::size_t>(q)])
      net.add_arc(G + q, first_opening + j,
                  std::min(c.openings[static_cast<std::size_t>(j)].capacity,
                           cand.group_size[static_cast<std::size_t>(q)]),
                  cost_of(v));
  }
  for (Index j = 0; j < O; ++j)
    net.add_arc(first_opening + j, sink, c.openings[static_cast<std::size_t>(j)].capacity, 0);
  return out;
}

// The optimal mode's placement from an optimal flow, its objective and its
// certificate, checked.
void place_optimally(PlacementResult& result, const Candidates& cand,
                     const std::vector<double>& scores, const PlacementNetwork& built,
                     const MinCostFlowResult& flow) {
  const std::vector<Index>& first_arc = built.first_arc;
  const std::vector<Index>& first_pool_arc = built.first_pool_arc;
  const auto G = static_cast<Index>(first_arc.size());
  const auto Q = static_cast<Index>(cand.pool.size());
  const CertificateCheck check = check_min_cost_flow(built.net, flow);
  result.flow_objective = kValueScale.gain_value(flow.cost);
  result.certified = check.ok;
  result.certificate_message = check.failure;
  // Individual placements: direct arcs as they are; a group's graduates, best
  // score first, take its openings, best value first (any split is optimal:
  // they are worth the same to each of them).
  auto at = [&flow](Index arc) { return flow.flow[static_cast<std::size_t>(arc)]; };
  std::vector<std::vector<Index>> via_group(static_cast<std::size_t>(Q));
  for (Index g = 0; g < G; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    if (at(first_arc[gi]) > 0) via_group[static_cast<std::size_t>(cand.group[gi])].push_back(g);
    for (std::size_t t = 0; t < cand.preferred[gi].size(); ++t)
      if (at(first_arc[gi] + 1 + static_cast<Index>(t)) > 0)
        result.opening_of[gi] = cand.preferred[gi][t].first;
  }
  for (Index q = 0; q < Q; ++q) {
    auto& members = via_group[static_cast<std::size_t>(q)];
    std::stable_sort(members.begin(), members.end(), [&](Index a, Index b) {
      return scores[static_cast<std::size_t>(a)] > scores[static_cast<std::size_t>(b)];
    });
    std::size_t next = 0;
    const auto& pool = cand.pool[static_cast<std::size_t>(q)];
    for (std::size_t t = 0; t < pool.size(); ++t)
      for (Flow n = at(first_pool_arc[static_cast<std::size_t>(q)] + static_cast<Index>(t));
           n > 0 && next < members.size(); --n)
        result.opening_of[static_cast<std::size_t>(members[next++])] = pool[t].first;
  }
}

// The market every mode is audited on: the candidate lists (moved out of `cand`),
// the seats, and the graduates' scores; an opening's own ranking puts the graduates
// it names above every score, in its order. `scores` receives the cohort's scores.
MatchingMarket build_market(const Cohort& c, const PlacementOptions& o, Candidates& cand,
                            std::vector<double>& scores) {
  const auto G = static_cast<Index>(c.graduates.size());
  const auto O = static_cast<Index>(c.openings.size());
  MatchingMarket market;
  market.applicant_prefs = std::move(cand.lists);  // read from the market below
  market.capacities.reserve(static_cast<std::size_t>(O));
  for (const PlacementOpening& op : c.openings) market.capacities.push_back(op.capacity);
  scores.reserve(static_cast<std::size_t>(G));
  double top = 0.0;
  for (const Graduate& g : c.graduates) {
    scores.push_back(g.score);
    top = std::max(top, std::abs(g.score));
  }
  market.seed = o.seed;
  bool ranked = false;
  for (const PlacementOpening& op : c.openings) ranked = ranked || !op.ranking.empty();
  if (!ranked) {
    market.scores = scores;
    return market;
  }
  const auto graduates = index_by_id(c.graduates);
  std::vector<std::unordered_map<Index, double>> rank(static_cast<std::size_t>(O));
  for (Index j = 0; j < O; ++j) {
    const auto& list = c.openings[static_cast<std::size_t>(j)].ranking;
    for (std::size_t r = 0; r < list.size(); ++r)
      rank[static_cast<std::size_t>(j)][lookup(graduates, list[r])] =
          top + 1.0 + static_cast<double>(list.size() - r);
  }
  market.entry_scores.resize(market.applicant_prefs.indices.size());
  for (Index g = 0; g < G; ++g) {
    const auto begin =
        static_cast<std::size_t>(market.applicant_prefs.indptr[static_cast<std::size_t>(g)]);
    const auto list = market.applicant_prefs.list(g);
    for (std::size_t t = 0; t < list.size(); ++t) {
      const auto& r = rank[static_cast<std::size_t>(list[t])];
      const auto it = r.find(g);
      market.entry_scores[begin + t] =
          it == r.end() ? scores[static_cast<std::size_t>(g)] : it->second;
    }
  }
  return market;
}

// The optimal mode: the min-cost flow over the candidate network.
void solve_optimally(PlacementResult& result, const Candidates& cand, const Cohort& c,
                     const std::vector<double>& scores) {
  PlacementNetwork built = build_network(cand, c);
  MinCostFlow& net = built.net;
  // Pricing blocks of sqrt(arcs) / 8: unit supplies make most pivots degenerate
  // and cheap, so short blocks pay (taizhou-2020, 28,613 graduates, 692k arcs:
  // 2.0 s with the engine's default block, 0.85-1.2 s with 70-100 arcs).
  MinCostFlowOptions options;
  options.block_size =
      std::max<Index>(10, static_cast<Index>(std::sqrt(static_cast<double>(net.arc_count())) / 8));
  const MinCostFlowResult flow = net.solve(options);
  result.status = flow.status;
  if (flow.status != FlowStatus::kOptimal) {
    // Every graduate may stay unplaced, so only values out of range get here:
    // nobody is placed, and the status says why.
    result.message = "placement: the flow is not optimal: " + flow.message;
  } else {
    place_optimally(result, cand, scores, built, flow);
  }
}

// The summary by cluster and programme, and the cohort's totals and rates.
void summarise_placement(PlacementResult& result, const Scenario& s, const Cohort& c,
                         const Candidates& cand, const MatchingMarket& market) {
  const auto G = static_cast<Index>(c.graduates.size());
  const auto O = static_cast<Index>(c.openings.size());
  result.clusters.resize(cand.cluster_ids.size());
  for (std::size_t k = 0; k < cand.cluster_ids.size(); ++k)
    result.clusters[k].cluster = cand.cluster_ids[k];
  for (Index j = 0; j < O; ++j)
    result.clusters[static_cast<std::size_t>(cand.opening_cluster[static_cast<std::size_t>(j)])]
        .seats += c.openings[static_cast<std::size_t>(j)].capacity;
  result.programmes.resize(s.programmes.size());
  for (std::size_t p = 0; p < s.programmes.size(); ++p)
    result.programmes[p].programme = s.programmes[p].id;
  double fit_sum = 0.0;
  for (Index g = 0; g < G; ++g) {
    const auto gi = static_cast<std::size_t>(g);
    ProgrammePlacement& prog = result.programmes[static_cast<std::size_t>(cand.programme[gi])];
    ++prog.graduates;
    const Index j = result.opening_of[gi];
    if (j < 0) continue;
    const auto list = market.applicant_prefs.list(g);
    const auto t = static_cast<std::size_t>(std::find(list.begin(), list.end(), j) - list.begin());
    const auto entry = static_cast<std::size_t>(market.applicant_prefs.indptr[gi]) + t;
    result.total_value += cand.value[entry];
    fit_sum += cand.fit_of[entry];
    ++result.placed;
    ++prog.placed;
    ++result.clusters[static_cast<std::size_t>(cand.opening_cluster[static_cast<std::size_t>(j)])]
          .filled;
    if (cand.job[static_cast<std::size_t>(j)]) {
      ++result.jobs;
      ++prog.jobs;
    } else {
      ++result.internships;
    }
  }
  if (G > 0) {
    result.placement_rate = static_cast<double>(result.placed) / static_cast<double>(G);
    result.retention_rate = static_cast<double>(result.jobs) / static_cast<double>(G);
  }
  if (result.placed > 0) result.mean_fit = fit_sum / static_cast<double>(result.placed);
}

}  // namespace

std::string_view to_string(PlacementMode mode) {
  switch (mode) {
    case PlacementMode::kOptimal:
      return "optimal";
    case PlacementMode::kStable:
      return "stable";
    case PlacementMode::kParallel:
      return "parallel";
  }
  return "?";
}

std::optional<PlacementMode> parse_placement_mode(std::string_view text) {
  for (auto mode : {PlacementMode::kOptimal, PlacementMode::kStable, PlacementMode::kParallel})
    if (text == to_string(mode)) return mode;
  return std::nullopt;
}

MinCostFlow placement_network(const Scenario& s, const Cohort& c, const PlacementOptions& o) {
  validate_placement_options(o);
  validate(s);
  validate_cohort(c, s);
  return build_network(build_candidates(s, c, o), c).net;
}

PlacementResult place(const Scenario& s, const Cohort& c, const PlacementOptions& o) {
  validate_placement_options(o);
  validate(s);
  validate_cohort(c, s);
  Candidates cand = build_candidates(s, c, o);
  const auto G = static_cast<Index>(c.graduates.size());
  // Then three steps: the market, the mode's solve (most of the time), the summary.
  ProgressReporter progress(o.progress, "placing", 3);
  std::vector<double> scores;
  const MatchingMarket market = build_market(c, o, cand, scores);
  progress.advance();
  progress.check();

  PlacementResult result;
  result.mode = o.mode;
  result.graduates = G;
  result.candidate_pairs = static_cast<Index>(market.applicant_prefs.indices.size());
  result.opening_of.assign(static_cast<std::size_t>(G), -1);
  if (o.mode == PlacementMode::kOptimal) {
    solve_optimally(result, cand, c, scores);
  } else if (o.mode == PlacementMode::kStable) {
    StableMatchingOptions options;
    options.proposing = o.proposing;
    result.opening_of = solve_stable_matching(market, options).applicant_match;
  } else {  // one common score order: the openings' own rankings do not enter it
    MatchingMarket by_score = market;
    by_score.entry_scores.clear();
    by_score.scores = scores;
    result.opening_of = parallel_choice_admission(by_score).applicant_match;
  }
  progress.advance();
  progress.check();

  const StabilityAudit audit = audit_stability(market, result.opening_of);
  if (!audit.over_capacity.empty() || !audit.unacceptable.empty())
    throw std::logic_error("placement: a mode broke a capacity or placed off a graduate's list");
  result.blocking_pairs = audit.blocking_pairs;
  summarise_placement(result, s, c, cand, market);
  progress.finish();
  return result;
}

}  // namespace sixlink
