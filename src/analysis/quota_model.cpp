#include "analysis/quota_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#include "analysis/intake_bounds.hpp"
#include "analysis/market_network.hpp"
#include "detail/numbers.hpp"
#include "sixlink/analysis/analysis_options.hpp"
#include "sixlink/analysis/progression.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/model/validate.hpp"
#include "sixlink/model/retention.hpp"

namespace sixlink::detail {
namespace {

constexpr double kLeavingLoss = 0.05;  // default eta - lambda

// Figures for messages: one decimal.
std::string rounded(double x) {
  char text[64];
  std::snprintf(text, sizeof text, "%.1f", x);
  std::string out(text);
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  return out;
}

// The engine's options for the quota model: a unit of flow crosses at most four
// arcs (programme -> demand node, outside or school -> sink).
SideConstrainedFlowOptions engine_options(int max_iterations) {
  SideConstrainedFlowOptions o;
  o.max_iterations = max_iterations;
  o.max_cost_factor = 1000.0;
  o.path_arcs = 4.0;
  return o;
}

// Validated scenarios stay in range; what is left is a scenario whose students
// times prices cannot be priced exactly in 64-bit integers: bad input, named.
void require_optimal(FlowStatus status, const std::string& message) {
  if (status == FlowStatus::kOutOfRange)
    throw InvalidInput(
        "quota optimisation: the scenario's intakes and costs are too large to plan exactly (" +
        message + "); scale counts or costs down");
  if (status != FlowStatus::kOptimal)
    throw std::logic_error("quota optimisation: flow subproblem not optimal: " + message);
}

// The scenario with the candidates appended (they need projection rows).
Scenario with_candidates(const Scenario& s, const std::vector<Programme>& candidates) {
  if (candidates.empty()) return s;
  Scenario out = s;
  for (const auto& c : candidates) out.programmes.push_back(c);
  validate(out);
  return out;
}

// Per programme: rates, costs, level, school, and the intake bounds in graduates.
void set_programmes(PlanModel& m, const Scenario& s, const Scenario& all, const QuotaOptions& o) {
  const auto existing = static_cast<Index>(s.programmes.size());
  std::unordered_map<std::string_view, Index> school_index;
  for (Index k = 0; k < m.schools; ++k)
    school_index.emplace(all.schools[static_cast<std::size_t>(k)].id, k);
  std::unordered_map<std::string_view, const Specialty*> specialty;
  for (const auto& sp : all.specialties) specialty.emplace(sp.id, &sp);
  const auto n = static_cast<std::size_t>(m.programmes);
  for (auto* v : {&m.completion, &m.q0, &m.continuing, &m.cost_per_student}) v->resize(n);
  for (auto* v : {&m.secondary, &m.candidate, &m.open, &m.may_close}) v->resize(n);
  for (auto* v : {&m.g0, &m.lo, &m.hi, &m.step}) v->resize(n);
  m.school_of.resize(n);
  // Intake becomes labour-market supply at the job-seeker rate (progression.hpp).
  // g0 is the projection's: the cohort less those who continue study.
  const std::vector<double> progression = recorded_progression(all).rate;
  const std::vector<double> committed =
      o.committed_seats.empty() ? committed_seats(all) : o.committed_seats;
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    const Programme& prog = all.programmes[i];
    const bool is_candidate = p >= existing;
    m.candidate[i] = is_candidate;
    m.open[i] = !is_candidate;
    m.completion[i] = job_seeker_rate(prog.completion_rate, progression[i]);
    m.cost_per_student[i] = prog.cost_per_student;
    m.secondary[i] = specialty.at(prog.specialty)->level == SpecialtyLevel::kSecondary;
    m.school_of[i] = school_index.at(prog.school);
    const IntakeBounds bounds =
        intake_bounds(prog, is_candidate, o, i, i < committed.size() ? committed[i] : 0.0);
    const double q0 = bounds.q0;
    m.q0[i] = q0;
    m.continuing[i] = bounds.continuing;
    const double c = m.completion[i];
    const Count cohort = std::llround(q0 * prog.completion_rate);
    const Count g0 = job_seekers(cohort, progression[i]);
    m.g0[i] = g0;
    m.step[i] = static_cast<Count>(std::llround(o.adjustment_step * static_cast<double>(g0)));
    // Intake bounds while open, then in graduates, rounded inwards.
    const double lo_q = bounds.lower, hi_q = bounds.upper;
    if (!is_candidate) m.may_close[i] = bounds.may_close;
    const double base = is_candidate ? 0.0 : q0;
    auto graduates_at = [&](double q) { return static_cast<double>(g0) + c * (q - base); };
    Count lo = static_cast<Count>(std::ceil(graduates_at(lo_q) - 1e-9));
    Count hi = static_cast<Count>(std::floor(graduates_at(hi_q) + 1e-9));
    lo = std::max<Count>(lo, 0);
    if (hi < lo) hi = lo = std::max<Count>(0, std::min(lo, g0));
    m.lo[i] = lo;
    m.hi[i] = hi;
  }
}

// Schools: capacity on the arc when the school's programmes share one completion rate.
void set_schools(PlanModel& m, const Scenario& all) {
  m.uniform.assign(static_cast<std::size_t>(m.schools), true);
  m.capacity.assign(static_cast<std::size_t>(m.schools), 0.0);
  std::vector<double> school_rate(static_cast<std::size_t>(m.schools), -1.0);
  for (Index p = 0; p < m.programmes; ++p) {
    const auto k = static_cast<std::size_t>(m.school_of[static_cast<std::size_t>(p)]);
    const double c = m.completion[static_cast<std::size_t>(p)];
    if (school_rate[k] < 0) school_rate[k] = c;
    if (school_rate[k] != c) m.uniform[k] = false;
  }
  for (Index k = 0; k < m.schools; ++k)
    m.capacity[static_cast<std::size_t>(k)] =
        static_cast<double>(all.schools[static_cast<std::size_t>(k)].capacity);
}

// The market network (inline layout), then the schools. Unused seats: g_p = hi_p
// - u_p, with u_p on one arc per piece of A_p over [lo, hi] (each unit saves that
// piece's eta + slope); the school passes them on to the sink, at least as many
// as its capacity forces (set_school_capacities). Programmes are the supply
// nodes, as in the gap model, which keeps the network simplex as fast there as
// on the transportation problem.
void build_network(PlanModel& m, const Scenario& all) {
  std::vector<std::string> ids;
  ids.reserve(all.programmes.size());
  for (const auto& prog : all.programmes) ids.push_back(prog.id);
  MarketOptions market_options;
  market_options.outside_weight = m.lambda;
  market_options.demand_bonus = m.rho;
  market_options.layout = MarketLayout::kInline;
  MarketNetwork market(m.graph, ids, market_options);
  const auto n = static_cast<std::size_t>(m.programmes);
  m.first_local.resize(n);
  m.outside_arc.resize(n);
  m.surplus_arc.resize(n);
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    m.first_local[i] = market.first_local(p);
    m.outside_arc[i] = market.outside_arc(p);
    m.surplus_arc[i] = market.surplus_arc(p);
  }
  m.first_node_arc = market.node_arc(0);
  for (Index k = 0; k < m.schools; ++k) market.add_node();
  m.first_unused_arc.resize(n);
  m.unused_arcs.resize(n);
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    const Index school = m.first_school + m.school_of[i];
    m.first_unused_arc[i] = market.problem().arc_count();
    const Count lo = m.lo[i], hi = m.hi[i], g0 = m.g0[i], st = m.step[i];
    const Count breaks[] = {std::numeric_limits<Count>::min(), g0 - st, g0, g0 + st,
                            std::numeric_limits<Count>::max()};
    const double slopes[] = {-2.0 * m.kappa, -m.kappa, m.kappa, 2.0 * m.kappa};
    for (int k = 0; k < 4; ++k) {
      const Count from = std::max(lo, breaks[k]);
      const Count to = std::min(hi, breaks[k + 1]);
      if (to <= from) continue;
      m.unused_capacity.push_back(to - from);
      market.add_arc(p, school, to - from, kMarketCostScale.gain(m.eta + slopes[k]));
    }
    m.unused_arcs[i] = market.problem().arc_count() - m.first_unused_arc[i];
  }
  m.school_arc.resize(static_cast<std::size_t>(m.schools));
  for (Index k = 0; k < m.schools; ++k)
    m.school_arc[static_cast<std::size_t>(k)] =
        market.add_arc(m.first_school + k, m.sink, kInfiniteCapacity, 0);
  m.flow = SideConstrainedFlow(std::move(market.problem()), kMarketScale);
  // Term p: the graduates hi_p - u_p (the offset follows the decision, set_open).
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    std::vector<Index> unused(static_cast<std::size_t>(m.unused_arcs[i]));
    for (std::size_t j = 0; j < unused.size(); ++j)
      unused[j] = m.first_unused_arc[i] + static_cast<Index>(j);
    m.flow.add_term(unused, -1.0, 0.0);
  }
  for (Index p = 0; p < m.programmes; ++p) set_open(m, p, m.open[static_cast<std::size_t>(p)]);
}

// Side constraints on the students sum_p (constant_p + g_p / c_p), and the
// engine's rows over the programmes' terms (right-hand sides: sync_rows).
void add_side_rows(PlanModel& m, const Scenario& all, const QuotaOptions& o) {
  const auto n = static_cast<std::size_t>(m.programmes);
  auto row = [&](std::string name, ConstraintSense sense, double limit, auto weight) {
    QuotaRow r{std::move(name), sense, std::vector<double>(n), std::vector<double>(n), limit, {}};
    for (std::size_t i = 0; i < n; ++i) {
      r.per_student[i] = weight(i);
      r.coef[i] = r.per_student[i] / m.completion[i];
    }
    m.rows.push_back(std::move(r));
  };
  if (o.total_enrolment)
    row("total_enrolment", ConstraintSense::kAtLeast, *o.total_enrolment,
        [](std::size_t) { return 1.0; });
  if (o.budget)
    row("budget", ConstraintSense::kAtMost, *o.budget,
        [&](std::size_t i) { return m.cost_per_student[i]; });
  if (o.min_secondary_share) {
    const double a = *o.min_secondary_share;
    row("min_secondary_share", ConstraintSense::kAtLeast, 0.0,
        [&](std::size_t i) { return (m.secondary[i] ? 1.0 : 0.0) - a; });
    m.rows.back().share = a;
  }
  if (o.max_secondary_share) {
    const double a = *o.max_secondary_share;
    row("max_secondary_share", ConstraintSense::kAtMost, 0.0,
        [&](std::size_t i) { return (m.secondary[i] ? 1.0 : 0.0) - a; });
    m.rows.back().share = a;
  }
  for (Index k = 0; k < m.schools; ++k) {
    if (m.uniform[static_cast<std::size_t>(k)] || m.capacity[static_cast<std::size_t>(k)] <= 0)
      continue;
    row("school_capacity:" + all.schools[static_cast<std::size_t>(k)].id, ConstraintSense::kAtMost,
        m.capacity[static_cast<std::size_t>(k)],
        [&](std::size_t i) { return m.school_of[i] == k ? 1.0 : 0.0; });
  }
  for (const QuotaRow& r : m.rows) {
    std::vector<TermCoefficient> entries;
    for (std::size_t i = 0; i < n; ++i)
      if (r.coef[i] != 0.0) entries.push_back({static_cast<Index>(i), r.coef[i]});
    m.flow.add_term_row(
        r.sense == ConstraintSense::kAtMost ? SideRowSense::kAtMost : SideRowSense::kAtLeast, 0.0,
        entries);
  }
}

PlanModel build_model(const Scenario& s, const Scenario& all, const QuotaOptions& o,
                      double lambda) {
  PlanModel m;
  const int year = o.year == 0 ? s.base_year + 1 : o.year;
  m.graph = project_supply_demand(
      all, {year + most_common_duration(s), o.market.other_region_mobility, o.market.threads});
  const SupplyDemandGraph& g = m.graph;
  if (!o.openings.empty()) {
    if (static_cast<Index>(o.openings.size()) != g.nodes())
      throw InvalidInput("openings has " + std::to_string(o.openings.size()) + " values for " +
                         std::to_string(g.nodes()) + " demand nodes");
    for (Count d : o.openings)
      if (d < 0 || d > kMaxCount) throw InvalidInput("openings must be in [0, 1e12]");
    m.graph.openings = o.openings;
  }
  if (!o.weights.empty()) {
    if (static_cast<Index>(o.weights.size()) != g.weight.nonZeros())
      throw InvalidInput("weights has " + std::to_string(o.weights.size()) + " values for " +
                         std::to_string(g.weight.nonZeros()) + " links of the projection");
    for (double w : o.weights)
      if (!(w >= 0.0 && w <= 1.0)) throw InvalidInput("weights must be in [0, 1], got " + format_number(w));
    std::copy(o.weights.begin(), o.weights.end(), m.graph.weight.valuePtr());
  }
  m.programmes = g.programmes();
  m.nodes = g.nodes();
  m.schools = static_cast<Index>(all.schools.size());
  m.outside = m.programmes + m.nodes;
  m.sink = m.outside + 1;
  m.first_school = m.sink + 1;
  m.lambda = lambda;
  m.eta = o.training_cost.value_or(lambda + kLeavingLoss);
  m.rho = o.unmet_penalty;
  m.kappa = o.adjustment_cost;
  set_programmes(m, s, all, o);
  set_schools(m, all);
  build_network(m, all);
  add_side_rows(m, all, o);
  return m;
}

// The engine's right-hand sides: each row's limit less its students' constant,
// which follows the open/closed decisions.
void sync_rows(PlanModel& m) {
  for (std::size_t r = 0; r < m.rows.size(); ++r)
    m.flow.set_rhs(static_cast<Index>(r), m.rows[r].limit - row_constant(m, m.rows[r]));
}

// Which constraint cannot hold: each row alone (the engine's reachable values),
// else the rows with a non-zero phase-one multiplier.
void explain_infeasible(const PlanModel& m, QuotaLp& s) {
  std::vector<std::string> conflicting;
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    const QuotaRow& row = m.rows[r];
    const double toward = row.sense == ConstraintSense::kAtMost ? 1.0 : -1.0;
    // min (at most) or max (at least)
    const double reach = s.flow.reachable[r] + row_constant(m, row);
    const double miss = toward * (reach - row.limit);
    conflicting.push_back(row.name);
    if (miss > 1e-9 * std::max(1.0, std::abs(row.limit)) && s.failed.empty()) {
      s.failed = row.name;
      s.shortfall = miss;
      s.message =
          row.share ? row.name + ": " + format_number(*row.share) +
                          " cannot be reached within the intake bounds and school capacities (the "
                          "closest plan misses it by " +
                          rounded(miss) + " students)"
                    : row.name + ": " +
                          (row.sense == ConstraintSense::kAtLeast ? "at least " : "at most ") +
                          rounded(row.limit) +
                          " asked, but the intake bounds and school capacities allow " +
                          (row.sense == ConstraintSense::kAtLeast ? "at most " : "no less than ") +
                          rounded(reach) + " (short by " + rounded(miss) + ")";
    }
  }
  if (!s.failed.empty()) return;
  // Each holds alone: the rows with a non-zero phase-one multiplier conflict.
  std::string names;
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    if (std::abs(s.flow.duals[r]) * std::max(1.0, std::abs(m.rows[r].limit)) <= 1e-9) continue;
    if (s.failed.empty()) s.failed = m.rows[r].name;
    names += (names.empty() ? "" : " and ") + m.rows[r].name;
  }
  if (s.failed.empty()) s.failed = conflicting.empty() ? "side constraints" : conflicting.front();
  double total = 0.0;
  for (double v : s.flow.violation) total += v;
  s.shortfall = total;
  s.message = names + " cannot hold together (each can alone)";
  if (total > 0) s.message += "; the closest plan misses them by " + rounded(total) + " in all";
}

}  // namespace

double PlanModel::adjustment(Index p, double g) const {
  const double d = std::abs(g - static_cast<double>(g0[static_cast<std::size_t>(p)]));
  return kappa * d +
         kappa * std::max(0.0, d - static_cast<double>(step[static_cast<std::size_t>(p)]));
}

double PlanModel::student_constant(Index p) const {
  const auto i = static_cast<std::size_t>(p);
  return open[i] ? continuing[i] + q0[i] - static_cast<double>(g0[i]) / completion[i]
                 : continuing[i];
}

double PlanModel::intake(Index p, double g) const {
  const auto i = static_cast<std::size_t>(p);
  return open[i] ? q0[i] + (g - static_cast<double>(g0[i])) / completion[i] : 0.0;
}

void check_quota_options(const QuotaOptions& o, const Scenario& s) {
  // The scalar fields' ranges: the registry's generated checks (analysis_options.cpp).
  // What needs the scenario (the per-programme vectors, the intake year) follows.
  validate_quota_options(o);
  const std::size_t n = s.programmes.size();
  auto per_programme = [n](const char* name, const std::vector<double>& v) {
    if (v.empty()) return;
    if (v.size() != n)
      throw InvalidInput(std::string(name) + " has " + std::to_string(v.size()) + " values for " +
                         std::to_string(n) + " programmes");
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!(v[i] >= 0.0 && v[i] <= static_cast<double>(kMaxCount)))
        throw InvalidInput(std::string(name) + "[" + std::to_string(i) +
                           "] must be in [0, 1e12], got " + format_number(v[i]));
    }
  };
  per_programme("previous_intake", o.previous_intake);
  per_programme("continuing_students", o.continuing_students);
  per_programme("committed_seats", o.committed_seats);
  const int year = o.year == 0 ? s.base_year + 1 : o.year;
  if (year <= s.base_year || year > s.base_year + 50)
    throw InvalidInput("intake year " + std::to_string(year) + " must be after the base year " +
                       std::to_string(s.base_year) + " and at most 50 years after it");
}

int most_common_duration(const Scenario& s) {
  std::map<int, int> count;
  for (const auto& p : s.programmes) ++count[p.duration];
  int best = 3, most = 0;
  for (const auto& [d, c] : count) {
    if (c > most) {
      best = d;
      most = c;
    }
  }
  return best;
}

QuotaPlan build_quota_plan(const Scenario& s, const QuotaOptions& o) {
  check_quota_options(o, s);
  QuotaPlan out;
  out.all = with_candidates(s, o.candidates);
  out.model = build_model(s, out.all, o, quota_outside_weight(s, o));
  return out;
}

void set_open(PlanModel& m, Index p, bool open) {
  const auto i = static_cast<std::size_t>(p);
  m.open[i] = open;
  const Flow supply = open ? m.hi[i] : 0;
  const MinCostFlow& net = m.flow.network();
  m.flow.set_supply(m.sink, net.supply(m.sink) + net.supply(p) - supply);
  m.flow.set_supply(p, supply);
  const Index a0 = m.first_unused_arc[i];
  for (Index a = a0; a < a0 + m.unused_arcs[i]; ++a) {
    const auto slot = static_cast<std::size_t>(a - m.first_unused_arc[0]);
    m.flow.set_bounds(a, 0, open ? m.unused_capacity[slot] : 0);
  }
  m.flow.set_term_offset(p, open ? static_cast<double>(m.hi[i]) : 0.0);
}

double row_constant(const PlanModel& m, const QuotaRow& r) {
  double sum = 0.0;
  for (Index p = 0; p < m.programmes; ++p)
    sum += r.per_student[static_cast<std::size_t>(p)] * m.student_constant(p);
  return sum;
}

// sum_p g_p <= cap  <=>  sum_p u_p >= sum_p hi_p - cap.
std::string set_school_capacities(PlanModel& m, const Scenario& all, double& shortfall) {
  const auto S = static_cast<std::size_t>(m.schools);
  std::vector<double> constant(S, 0.0), rate(S, 1.0);
  std::vector<Count> lower(S, 0), most(S, 0);
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    const auto k = static_cast<std::size_t>(m.school_of[i]);
    constant[k] += m.student_constant(p);
    if (m.open[i]) {
      lower[k] += m.lo[i];
      most[k] += m.hi[i];
    }
    rate[k] = m.completion[i];
  }
  for (std::size_t k = 0; k < S; ++k) {
    Count forced = 0;
    if (m.uniform[k] && m.capacity[k] > 0) {
      const double room = m.capacity[k] - constant[k];
      const auto cap = static_cast<Count>(std::max(0.0, std::floor(rate[k] * room + 1e-9)));
      if (cap < lower[k]) {
        shortfall = static_cast<double>(lower[k] - cap) / rate[k];
        return "school_capacity:" + all.schools[k].id;
      }
      forced = std::max<Count>(0, most[k] - cap);
    }
    m.flow.set_bounds(m.school_arc[k], forced, kInfiniteCapacity);
  }
  return {};
}

double objective_constant(const PlanModel& m) {
  double c = 0.0;
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    const double hi = static_cast<double>(m.hi[i]);
    c -= m.open[i] ? m.eta * hi + m.adjustment(p, hi) : m.adjustment(p, 0.0);
  }
  for (Count d : m.graph.openings) c -= m.rho * static_cast<double>(d);
  return c;
}

QuotaLp solve_quota_lp(PlanModel& m, const Scenario& all, int max_iterations, int& solves) {
  QuotaLp s;
  s.failed = set_school_capacities(m, all, s.shortfall);
  if (!s.failed.empty()) {
    s.message = s.failed + ": the smallest intakes of its programmes need " +
                format_number(std::round(s.shortfall)) + " more student places than the school has";
    return s;
  }
  sync_rows(m);
  s.flow = m.flow.solve(engine_options(max_iterations));
  solves += s.flow.flow_solves;
  require_optimal(s.flow.flow_status, s.flow.flow_message);
  s.ok = s.flow.feasible;
  if (!s.ok) explain_infeasible(m, s);
  return s;
}

double quota_lagrangian(PlanModel& m, std::span<const double> duals, int& solves) {
  sync_rows(m);
  // The engine's Lagrangian is of the cost, -value: offset and result negated.
  const LagrangianValue l = m.flow.lagrangian(duals, -objective_constant(m), engine_options(1));
  ++solves;
  require_optimal(l.status, l.message);
  return -l.value;
}

}  // namespace sixlink::detail
