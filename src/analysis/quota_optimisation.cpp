#include "sixlink/analysis/quota_optimisation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#include "analysis/intake_bounds.hpp"
#include "detail/dense_lp.hpp"
#include "detail/files.hpp"
#include "detail/numbers.hpp"
#include "sixlink/analysis/projection.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/model/validate.hpp"

namespace sixlink {
namespace {

__extension__ typedef __int128 i128;  // exact sums of int64 products

constexpr double kLeavingLoss = 0.05;  // default eta - lambda
constexpr Index kMaxClosureTests = 200;

// Figures for messages: one decimal.
std::string rounded(double x) {
  char text[64];
  std::snprintf(text, sizeof text, "%.1f", x);
  std::string out(text);
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  return out;
}

Cost to_cost(double value) { return static_cast<Cost>(std::llround(value * kWeightScale)); }

// A side constraint: sum_p coef_p g_p + sum_p constant_p  (sense)  limit.
struct SideRow {
  std::string name;
  ConstraintSense sense = ConstraintSense::kAtMost;
  std::vector<double> coef;         // per programme, per graduate
  std::vector<double> per_student;  // per programme: weight of one student
  double limit = 0.0;
  std::optional<double> share;  // level-mix rows: the share they bound (the row itself is linear)
};

// The network of the header and what the solver needs around it.
struct PlanModel {
  SupplyDemandGraph graph;
  Index programmes = 0, nodes = 0, schools = 0;
  Index outside = 0, sink = 0, first_school = 0;
  MinCostFlow net;
  std::vector<Cost> base_cost;  // per arc, the model's cost (kWeightScale units)
  // Per programme.
  std::vector<double> completion, q0, continuing, cost_per_student;
  std::vector<bool> secondary, candidate, open;
  std::vector<bool> may_close;  // shrinking by the most allowed reaches the smallest viable cohort
  std::vector<Count> g0, lo, hi, step;
  std::vector<Index> school_of;
  std::vector<Index> first_local, outside_arc, surplus_arc;
  std::vector<Index> first_unused_arc, unused_arcs;  // programme -> school: seats not filled
  std::vector<Flow> unused_capacity;                 // per unused arc, while open
  // Per school.
  std::vector<Index> school_arc;  // school -> sink: unused seats, at least what capacity forces
  std::vector<bool> uniform;      // one completion rate: capacity in the network
  std::vector<double> capacity;   // students (0: none)
  Index first_node_arc = 0;
  double eta = 0.0, lambda = 0.0, rho = 0.0, kappa = 0.0;
  std::vector<SideRow> rows;
  // The prices and weight the network's costs were last set for: re-solves at the
  // same multipliers (the open/close tests) skip setting 300,000 costs again.
  std::vector<double> priced_with;
  double priced_weight = -1.0, priced_factor = -1.0;

  double adjustment(Index p, double g) const {
    const double d = std::abs(g - static_cast<double>(g0[static_cast<std::size_t>(p)]));
    return kappa * d +
           kappa * std::max(0.0, d - static_cast<double>(step[static_cast<std::size_t>(p)]));
  }
  // Students of programme p in year Y are constant + g / c.
  double student_constant(Index p) const {
    const auto i = static_cast<std::size_t>(p);
    return open[i] ? continuing[i] + q0[i] - static_cast<double>(g0[i]) / completion[i]
                   : continuing[i];
  }
  double intake(Index p, double g) const {
    const auto i = static_cast<std::size_t>(p);
    return open[i] ? q0[i] + (g - static_cast<double>(g0[i])) / completion[i] : 0.0;
  }
};

// Opens or closes programme p: an open one supplies hi_p graduates' seats.
void set_open(PlanModel& m, Index p, bool open) {
  const auto i = static_cast<std::size_t>(p);
  m.open[i] = open;
  const Flow supply = open ? m.hi[i] : 0;
  m.net.set_supply(m.sink, m.net.supply(m.sink) + m.net.supply(p) - supply);
  m.net.set_supply(p, supply);
  const Index a0 = m.first_unused_arc[i];
  for (Index a = a0; a < a0 + m.unused_arcs[i]; ++a) {
    const auto slot = static_cast<std::size_t>(a - m.first_unused_arc[0]);
    m.net.set_bounds(a, 0, open ? m.unused_capacity[slot] : 0);
  }
}

void check_options(const QuotaOptions& o, const Scenario& s) {
  auto in_range = [](const char* name, double x, double lo, double hi) {
    if (!(x >= lo && x <= hi))
      throw InvalidInput(std::string(name) + " must be in [" + detail::format_number(lo) + ", " +
                         detail::format_number(hi) + "], got " + detail::format_number(x));
  };
  in_range("max_change", o.max_change, 0.0, 1.0);
  in_range("adjustment_cost", o.adjustment_cost, 0.0, 1e3);
  in_range("adjustment_step", o.adjustment_step, 0.0, 1.0);
  in_range("unmet_penalty", o.unmet_penalty, 0.0, 1e3);
  if (o.training_cost) in_range("training_cost", *o.training_cost, 0.0, 1e3);
  if (o.total_enrolment) in_range("total_enrolment", *o.total_enrolment, 0.0, 1e12);
  if (o.budget) in_range("budget", *o.budget, 0.0, 1e15);
  if (o.min_secondary_share) in_range("min_secondary_share", *o.min_secondary_share, 0.0, 1.0);
  if (o.max_secondary_share) in_range("max_secondary_share", *o.max_secondary_share, 0.0, 1.0);
  if (o.max_iterations < 1)
    throw InvalidInput("max_iterations must be >= 1, got " + std::to_string(o.max_iterations));
  const std::size_t n = s.programmes.size();
  auto per_programme = [n](const char* name, const std::vector<double>& v) {
    if (v.empty()) return;
    if (v.size() != n)
      throw InvalidInput(std::string(name) + " has " + std::to_string(v.size()) + " values for " +
                         std::to_string(n) + " programmes");
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!(v[i] >= 0.0 && v[i] <= static_cast<double>(kMaxCount)))
        throw InvalidInput(std::string(name) + "[" + std::to_string(i) +
                           "] must be in [0, 1e12], got " + detail::format_number(v[i]));
    }
  };
  per_programme("previous_intake", o.previous_intake);
  per_programme("continuing_students", o.continuing_students);
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

// The scenario with the candidates appended (they need projection rows).
Scenario with_candidates(const Scenario& s, const std::vector<Programme>& candidates) {
  if (candidates.empty()) return s;
  Scenario out = s;
  for (const auto& c : candidates) out.programmes.push_back(c);
  validate(out);
  return out;
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
  const auto P = g.programmes();
  const auto existing = static_cast<Index>(s.programmes.size());
  m.programmes = P;
  m.nodes = g.nodes();
  m.schools = static_cast<Index>(all.schools.size());
  m.outside = P + m.nodes;
  m.sink = m.outside + 1;
  m.first_school = m.sink + 1;
  m.lambda = lambda;
  m.eta = o.training_cost.value_or(lambda + kLeavingLoss);
  m.rho = o.unmet_penalty;
  m.kappa = o.adjustment_cost;

  std::unordered_map<std::string_view, Index> school_index;
  for (Index k = 0; k < m.schools; ++k)
    school_index.emplace(all.schools[static_cast<std::size_t>(k)].id, k);
  std::unordered_map<std::string_view, const Specialty*> specialty;
  for (const auto& sp : all.specialties) specialty.emplace(sp.id, &sp);

  const auto n = static_cast<std::size_t>(P);
  m.completion.resize(n);
  m.q0.resize(n);
  m.continuing.resize(n);
  m.cost_per_student.resize(n);
  m.secondary.resize(n);
  m.candidate.resize(n);
  m.open.resize(n);
  m.may_close.resize(n);
  m.g0.resize(n);
  m.lo.resize(n);
  m.hi.resize(n);
  m.step.resize(n);
  m.school_of.resize(n);
  for (Index p = 0; p < P; ++p) {
    const auto i = static_cast<std::size_t>(p);
    const Programme& prog = all.programmes[i];
    const bool is_candidate = p >= existing;
    m.candidate[i] = is_candidate;
    m.open[i] = !is_candidate;
    m.completion[i] = prog.completion_rate;
    m.cost_per_student[i] = prog.cost_per_student;
    m.secondary[i] = specialty.at(prog.specialty)->level == SpecialtyLevel::kSecondary;
    m.school_of[i] = school_index.at(prog.school);
    const detail::IntakeBounds bounds = detail::intake_bounds(prog, is_candidate, o, i);
    const double q0 = bounds.q0;
    m.q0[i] = q0;
    m.continuing[i] = bounds.continuing;
    const double c = prog.completion_rate;
    const auto g0 = static_cast<Count>(std::llround(q0 * c));
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

  MinCostFlow& f = m.net;
  for (Index v = 0; v < m.first_school + m.schools; ++v) f.add_node();
  auto add = [&](Index tail, Index head, Flow cap, Cost cost, Flow lower = 0) {
    m.base_cost.push_back(cost);
    return f.add_arc(tail, head, cap, cost, lower);
  };
  m.first_local.resize(n);
  m.outside_arc.resize(n);
  m.surplus_arc.resize(n);
  for (int p = 0; p < static_cast<int>(P); ++p) {
    const auto i = static_cast<std::size_t>(p);
    m.first_local[i] = f.arc_count();
    for (RowSparse::InnerIterator it(g.weight, p); it; ++it)
      add(p, P + it.col(), kInfiniteCapacity, -to_cost(it.value()));
    m.outside_arc[i] = add(p, m.outside, kInfiniteCapacity, -to_cost(lambda));
    m.surplus_arc[i] = add(p, m.sink, kInfiniteCapacity, 0);
  }
  m.first_node_arc = f.arc_count();
  for (Index v = 0; v < m.nodes; ++v)
    add(P + v, m.sink, m.graph.openings[static_cast<std::size_t>(v)], -to_cost(m.rho));
  add(m.outside, m.sink, kInfiniteCapacity, 0);

  // Schools: capacity on the arc when the school's programmes share one completion rate.
  m.uniform.assign(static_cast<std::size_t>(m.schools), true);
  m.capacity.assign(static_cast<std::size_t>(m.schools), 0.0);
  std::vector<double> school_rate(static_cast<std::size_t>(m.schools), -1.0);
  for (Index p = 0; p < P; ++p) {
    const auto k = static_cast<std::size_t>(m.school_of[static_cast<std::size_t>(p)]);
    const double c = m.completion[static_cast<std::size_t>(p)];
    if (school_rate[k] < 0) school_rate[k] = c;
    if (school_rate[k] != c) m.uniform[k] = false;
  }
  m.school_arc.resize(static_cast<std::size_t>(m.schools));
  for (Index k = 0; k < m.schools; ++k)
    m.capacity[static_cast<std::size_t>(k)] =
        static_cast<double>(all.schools[static_cast<std::size_t>(k)].capacity);
  // Unused seats: g_p = hi_p - u_p, with u_p on one arc per piece of A_p over
  // [lo, hi] (each unit saves that piece's eta + slope); the school passes them on
  // to the sink, at least as many as its capacity forces (set_school_capacities).
  // Programmes are the supply nodes, as in the gap model, which keeps the network
  // simplex as fast there as on the transportation problem.
  m.first_unused_arc.resize(n);
  m.unused_arcs.resize(n);
  for (Index p = 0; p < P; ++p) {
    const auto i = static_cast<std::size_t>(p);
    const Index school = m.first_school + m.school_of[i];
    m.first_unused_arc[i] = f.arc_count();
    const Count lo = m.lo[i], hi = m.hi[i], g0 = m.g0[i], st = m.step[i];
    const Count breaks[] = {std::numeric_limits<Count>::min(), g0 - st, g0, g0 + st,
                            std::numeric_limits<Count>::max()};
    const double slopes[] = {-2.0 * m.kappa, -m.kappa, m.kappa, 2.0 * m.kappa};
    for (int k = 0; k < 4; ++k) {
      const Count from = std::max(lo, breaks[k]);
      const Count to = std::min(hi, breaks[k + 1]);
      if (to <= from) continue;
      m.unused_capacity.push_back(to - from);
      add(p, school, to - from, -to_cost(m.eta + slopes[k]));
    }
    m.unused_arcs[i] = f.arc_count() - m.first_unused_arc[i];
  }
  for (Index k = 0; k < m.schools; ++k)
    m.school_arc[static_cast<std::size_t>(k)] =
        add(m.first_school + k, m.sink, kInfiniteCapacity, 0);
  for (Index p = 0; p < P; ++p) set_open(m, p, m.open[static_cast<std::size_t>(p)]);

  // Side constraints on the students sum_p (constant_p + g_p / c_p).
  auto row = [&](std::string name, ConstraintSense sense, double limit, auto weight) {
    SideRow r{std::move(name), sense, std::vector<double>(n), std::vector<double>(n), limit, {}};
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
  return m;
}

// Per row: sum_p per_student_p constant_p (moves to the right-hand side).
double row_constant(const PlanModel& m, const SideRow& r) {
  double sum = 0.0;
  for (Index p = 0; p < m.programmes; ++p)
    sum += r.per_student[static_cast<std::size_t>(p)] * m.student_constant(p);
  return sum;
}

// Capacity of the uniform schools, as the unused seats they must pass on:
// sum_p g_p <= cap  <=>  sum_p u_p >= sum_p hi_p - cap. An error message when the
// lower bounds of the open programmes do not fit.
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
    m.net.set_bounds(m.school_arc[k], forced, kInfiniteCapacity);
  }
  return {};
}

// A flow of the subproblem: what the master needs of it.
struct Column {
  std::vector<Flow> flow;
  double value = 0.0;       // the objective's variable part
  std::vector<double> row;  // per side row: sum coef g
};

// g_p = hi_p - u_p while open, 0 when closed (works on fractional combinations too).
template <class T>
double programme_graduates(const PlanModel& m, const std::vector<T>& flow, Index p) {
  const auto i = static_cast<std::size_t>(p);
  if (!m.open[i]) return 0.0;
  double unused = 0.0;
  for (Index a = m.first_unused_arc[i]; a < m.first_unused_arc[i] + m.unused_arcs[i]; ++a)
    unused += static_cast<double>(flow[static_cast<std::size_t>(a)]);
  return static_cast<double>(m.hi[i]) - unused;
}

Column make_column(const PlanModel& m, std::vector<Flow> flow) {
  Column c;
  i128 cost = 0;
  for (std::size_t a = 0; a < flow.size(); ++a) cost += static_cast<i128>(m.base_cost[a]) * flow[a];
  c.value = -static_cast<double>(cost) / kWeightScale;
  c.row.assign(m.rows.size(), 0.0);
  for (Index p = 0; p < m.programmes; ++p) {
    const double g = programme_graduates(m, flow, p);
    if (g == 0.0) continue;
    for (std::size_t r = 0; r < m.rows.size(); ++r)
      c.row[r] += m.rows[r].coef[static_cast<std::size_t>(p)] * g;
  }
  c.flow = std::move(flow);
  return c;
}

// Solves the flow with every graduate of p costing `price_p` more (value units),
// the objective's own costs scaled by `objective_weight` (0 or 1). Returns the
// flow's value; the column too unless `column` is null.
double solve_priced(PlanModel& m, const std::vector<double>& price, double objective_weight,
                    int& solves, Column* column) {
  double largest = 0.0;
  for (Cost c : m.base_cost)
    largest = std::max(largest, std::abs(static_cast<double>(c)) / kWeightScale);
  double dearest = 0.0;
  for (double x : price) dearest = std::max(dearest, std::abs(x));
  largest += dearest;
  // Finer than the model's own scale where the range allows: multipliers are not round.
  double factor = 1000.0;
  const double nodes = static_cast<double>(m.net.node_count() + 2);
  // ... as long as (nodes + 2) max|c| and the total cost (a path of at most four
  // arcs per unit of flow) stay within the engine's ranges.
  const double flow = static_cast<double>(-m.net.supply(m.sink));
  while (factor > 1.0 && (largest * kWeightScale * factor * nodes >= 0x1.0p59 ||
                          largest * kWeightScale * factor * 4.0 * flow >= 0x1.0p61))
    factor /= 10.0;
  const double scale = kWeightScale * factor;
  // A graduate of p priced at price_p: each unused seat earns it back.
  double constant = 0.0;
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    if (!price.empty() && price[i] != 0.0 && m.open[i])
      constant -= price[i] * static_cast<double>(m.hi[i]);
  }
  // The factor depends on the supplies (open programmes) too: part of the key.
  const bool same_costs =
      m.priced_weight == objective_weight && m.priced_factor == factor && m.priced_with == price;
  if (!same_costs) {
    for (Index a = 0; a < m.net.arc_count(); ++a)
      m.net.set_cost(a, static_cast<Cost>(objective_weight * factor) *
                            m.base_cost[static_cast<std::size_t>(a)]);
    for (Index p = 0; p < m.programmes; ++p) {
      const auto i = static_cast<std::size_t>(p);
      if (price.empty() || price[i] == 0.0) continue;
      const Index a0 = m.first_unused_arc[i];
      for (Index a = a0; a < a0 + m.unused_arcs[i]; ++a) {
        const double c = objective_weight *
                             static_cast<double>(m.base_cost[static_cast<std::size_t>(a)]) /
                             kWeightScale -
                         price[i];
        m.net.set_cost(a, static_cast<Cost>(std::llround(c * scale)));
      }
    }
    m.priced_with = price;
    m.priced_weight = objective_weight;
    m.priced_factor = factor;
  }
  MinCostFlowResult r = m.net.solve();
  ++solves;
  // Validated scenarios stay in range; what is left is a scenario whose students
  // times prices cannot be priced exactly in 64-bit integers: bad input, named.
  if (r.status == FlowStatus::kOutOfRange)
    throw InvalidInput(
        "quota optimisation: the scenario's intakes and costs are too large to plan exactly (" +
        r.message + "); scale counts or costs down");
  if (r.status != FlowStatus::kOptimal)
    throw std::logic_error("quota optimisation: flow subproblem not optimal: " + r.message);
  if (column) *column = make_column(m, std::move(r.flow));
  return -static_cast<double>(r.cost) / scale + constant;
}

Column solve_column(PlanModel& m, const std::vector<double>& price, double objective_weight,
                    int& solves) {
  Column c;
  solve_priced(m, price, objective_weight, solves, &c);
  return c;
}

struct MasterOutcome {
  bool feasible = false;
  std::vector<double> weight;  // per column
  std::vector<double> dual;    // per side row, original units
  double convexity_dual = 0.0;
  double objective = 0.0;         // variable part
  double upper_bound = 0.0;       // variable part
  std::vector<double> violation;  // per row (infeasible), original units
  int iterations = 0;
};

// Dantzig-Wolfe on the side rows (see the header); columns seeded with `start`.
MasterOutcome decompose(PlanModel& m, std::vector<Column>& columns, int max_iterations,
                        int& solves) {
  const std::size_t R = m.rows.size();
  std::vector<double> rhs(R), scale(R);
  for (std::size_t r = 0; r < R; ++r) {
    rhs[r] = m.rows[r].limit - row_constant(m, m.rows[r]);
    double s = std::max(1.0, std::abs(rhs[r]));
    for (const auto& c : columns) s = std::max(s, std::abs(c.row[r]));
    scale[r] = s;
  }
  double value_scale = 1.0;
  for (const auto& c : columns) value_scale = std::max(value_scale, std::abs(c.value));
  MasterOutcome out;
  for (int it = 0; it < max_iterations; ++it) {
    out.iterations = it + 1;
    detail::DenseLp lp;
    lp.rows = static_cast<int>(R + 1);
    for (const auto& c : columns) {
      std::vector<double> col(R + 1);
      for (std::size_t r = 0; r < R; ++r) col[r] = c.row[r] / scale[r];
      col[R] = 1.0;
      lp.columns.push_back(std::move(col));
      lp.cost.push_back(c.value / value_scale);
    }
    for (std::size_t r = 0; r < R; ++r) {  // slack or surplus
      std::vector<double> col(R + 1, 0.0);
      col[r] = m.rows[r].sense == ConstraintSense::kAtMost ? 1.0 : -1.0;
      lp.columns.push_back(std::move(col));
      lp.cost.push_back(0.0);
    }
    for (std::size_t r = 0; r < R; ++r) lp.rhs.push_back(rhs[r] / scale[r]);
    lp.rhs.push_back(1.0);
    const detail::DenseLpResult master = detail::solve_dense_lp(lp, 1e-10);
    out.feasible = master.feasible;
    const double unit = master.feasible ? value_scale : 1.0;
    std::vector<double> price(static_cast<std::size_t>(m.programmes), 0.0);
    out.dual.assign(R, 0.0);
    for (std::size_t r = 0; r < R; ++r) {
      out.dual[r] = master.dual[r] * unit / scale[r];
      for (Index p = 0; p < m.programmes; ++p)
        price[static_cast<std::size_t>(p)] +=
            out.dual[r] * m.rows[r].coef[static_cast<std::size_t>(p)];
    }
    out.convexity_dual = master.dual[R] * unit;
    out.weight.assign(master.x.begin(),
                      master.x.begin() + static_cast<std::ptrdiff_t>(columns.size()));
    out.objective = master.objective * value_scale;
    Column next = solve_column(m, price, master.feasible ? 1.0 : 0.0, solves);
    double reduced = master.feasible ? next.value : 0.0;
    for (std::size_t r = 0; r < R; ++r) reduced -= out.dual[r] * next.row[r];
    reduced -= out.convexity_dual;
    if (master.feasible) {
      out.upper_bound = out.objective + std::max(0.0, reduced);
      if (reduced <= 1e-9 * std::max(1.0, std::abs(out.objective))) return out;
    } else if (reduced <= 1e-9) {
      out.violation.assign(R, 0.0);
      for (std::size_t r = 0; r < R; ++r) out.violation[r] = master.artificial[r] * scale[r];
      return out;
    }
    bool repeated = false;
    for (const auto& c : columns) repeated = repeated || c.flow == next.flow;
    if (repeated) {  // no progress possible at this precision
      if (master.feasible) return out;
      out.violation.assign(R, 0.0);
      for (std::size_t r = 0; r < R; ++r) out.violation[r] = master.artificial[r] * scale[r];
      return out;
    }
    columns.push_back(std::move(next));
  }
  out.iterations = -1;  // limit
  return out;
}

// The objective at u = 0 (every open programme at hi), less the penalty of all openings.
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

// The Lagrangian value at multipliers `dual` (full objective, constants included).
double lagrangian(PlanModel& m, const std::vector<double>& dual, int& solves) {
  std::vector<double> price(static_cast<std::size_t>(m.programmes), 0.0);
  double value = objective_constant(m);
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    for (Index p = 0; p < m.programmes; ++p)
      price[static_cast<std::size_t>(p)] += dual[r] * m.rows[r].coef[static_cast<std::size_t>(p)];
    value -= dual[r] * (row_constant(m, m.rows[r]) - m.rows[r].limit);
  }
  return value + solve_priced(m, price, 1.0, solves, nullptr);
}

struct Solved {
  bool ok = false;
  std::string failed;  // constraint name
  double shortfall = 0.0;
  std::string message;
  MasterOutcome master;
  std::vector<Column> columns;
};

// Solves the LP for the current open/closed decisions.
Solved solve_lp(PlanModel& m, const Scenario& all, int max_iterations, int& solves) {
  Solved s;
  s.failed = set_school_capacities(m, all, s.shortfall);
  if (!s.failed.empty()) {
    s.message = s.failed + ": the smallest intakes of its programmes need " +
                detail::format_number(std::round(s.shortfall)) +
                " more student places than the school has";
    return s;
  }
  s.columns.push_back(solve_column(m, {}, 1.0, solves));
  if (m.rows.empty()) {
    s.ok = true;
    s.master.feasible = true;
    s.master.weight = {1.0};
    s.master.objective = s.master.upper_bound = s.columns[0].value;
    return s;
  }
  s.master = decompose(m, s.columns, max_iterations, solves);
  if (s.master.feasible) {
    s.ok = true;
    return s;
  }
  // Which constraint cannot hold: optimise each one alone.
  std::vector<std::string> conflicting;
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    const SideRow& row = m.rows[r];
    const double toward = row.sense == ConstraintSense::kAtMost ? 1.0 : -1.0;
    // The row alone is linear in its prices: solve it at prices scaled to at most
    // 1 (large coefficients, a budget's yuan, would leave the engine's range) and
    // scale the optimum back.
    double largest = 0.0;
    for (const double c : row.coef) largest = std::max(largest, std::abs(c));
    const double unit = largest > 0.0 ? largest : 1.0;
    std::vector<double> price(static_cast<std::size_t>(m.programmes));
    for (std::size_t i = 0; i < price.size(); ++i) price[i] = toward * row.coef[i] / unit;
    const double best = solve_priced(m, price, 0.0, solves, nullptr) * unit;
    const double reach = -best / toward + row_constant(m, row);  // min (at most) or max (at least)
    const double miss = toward * (reach - row.limit);
    conflicting.push_back(row.name);
    if (miss > 1e-9 * std::max(1.0, std::abs(row.limit)) && s.failed.empty()) {
      s.failed = row.name;
      s.shortfall = miss;
      s.message =
          row.share ? row.name + ": " + detail::format_number(*row.share) +
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
  if (s.failed.empty()) {
    // Each holds alone: the rows with a non-zero phase-one multiplier conflict.
    std::string names;
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
      if (std::abs(s.master.dual[r]) * std::max(1.0, std::abs(m.rows[r].limit)) <= 1e-9) continue;
      if (s.failed.empty()) s.failed = m.rows[r].name;
      names += (names.empty() ? "" : " and ") + m.rows[r].name;
    }
    if (s.failed.empty()) s.failed = conflicting.empty() ? "side constraints" : conflicting.front();
    double total = 0.0;
    for (double v : s.master.violation) total += v;
    s.shortfall = total;
    s.message = names + " cannot hold together (each can alone)";
    if (total > 0) s.message += "; the closest plan misses them by " + rounded(total) + " in all";
  }
  return s;
}

}  // namespace

double quota_outside_weight(const Scenario& s, const QuotaOptions& o) {
  if (o.market.outside_weight) return *o.market.outside_weight;
  GapOptions calibration = o.market;
  calibration.year = 0;
  return calibrate_outside_weight(s, calibration).value_or(kDefaultOutsideWeight);
}

int quota_demand_year(const Scenario& s, int intake_year) {
  return intake_year + most_common_duration(s);
}

std::string_view to_string(QuotaStatus status) {
  switch (status) {
    case QuotaStatus::kOptimal:
      return "optimal";
    case QuotaStatus::kInfeasible:
      return "infeasible";
    case QuotaStatus::kIterationLimit:
      return "iteration_limit";
  }
  return "?";
}

namespace {

// Model and decisions after the greedy open/close pass; shared by the optimiser
// and the MPS export.
struct Planned {
  Scenario all;
  PlanModel model;
  Solved lp;
  int solves = 0;
};

// With `fixed_open`, only builds the model with those decisions (for the export).
Planned plan(const Scenario& s, const QuotaOptions& o, const std::vector<bool>* fixed_open) {
  check_options(o, s);
  Planned out;
  out.all = with_candidates(s, o.candidates);
  out.model = build_model(s, out.all, o, quota_outside_weight(s, o));
  PlanModel& m = out.model;
  if (fixed_open) {
    for (Index p = 0; p < m.programmes; ++p)
      set_open(m, p, (*fixed_open)[static_cast<std::size_t>(p)]);
    double unused = 0.0;
    set_school_capacities(m, out.all, unused);
    return out;
  }
  out.lp = solve_lp(m, out.all, o.max_iterations, out.solves);
  if (!out.lp.ok || out.lp.master.iterations < 0) return out;
  // Greedy open/close at the final multipliers (see the header).
  const std::vector<double> dual = out.lp.master.dual;
  std::vector<double> graduates(static_cast<std::size_t>(m.programmes), 0.0);
  std::vector<double> local(static_cast<std::size_t>(m.programmes), 0.0);
  for (std::size_t j = 0; j < out.lp.columns.size(); ++j) {
    const double w = out.lp.master.weight[j];
    if (w <= 0) continue;
    const auto& flow = out.lp.columns[j].flow;
    for (Index p = 0; p < m.programmes; ++p) {
      graduates[static_cast<std::size_t>(p)] += w * programme_graduates(m, flow, p);
      for (Index a = m.first_local[static_cast<std::size_t>(p)];
           a < m.outside_arc[static_cast<std::size_t>(p)]; ++a)
        local[static_cast<std::size_t>(p)] +=
            w * static_cast<double>(flow[static_cast<std::size_t>(a)]);
    }
  }
  std::vector<std::pair<double, Index>> closable;
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    if (!o.allow_close || !m.may_close[i] || !m.open[i] || m.lo[i] == 0) continue;
    if (graduates[i] > static_cast<double>(m.lo[i]) + 1e-9) continue;
    if (local[i] >= 0.5 * graduates[i]) continue;  // most of its graduates stay: keep it
    closable.emplace_back(local[i] / std::max(1.0, graduates[i]), p);
  }
  std::sort(closable.begin(), closable.end());
  if (static_cast<Index>(closable.size()) > kMaxClosureTests) closable.resize(kMaxClosureTests);
  bool any_candidate = false;
  for (Index p = 0; p < m.programmes; ++p)
    any_candidate = any_candidate || m.candidate[static_cast<std::size_t>(p)];
  if (closable.empty() && !any_candidate) return out;
  bool changed = false;
  const double kept = objective_constant(m);  // the LP's objective is master + constant
  double best = lagrangian(m, dual, out.solves);
  auto try_flip = [&](Index p) {
    const bool was = m.open[static_cast<std::size_t>(p)];
    set_open(m, p, !was);
    double unused = 0.0;
    if (!set_school_capacities(m, out.all, unused).empty()) {
      set_open(m, p, was);
      set_school_capacities(m, out.all, unused);
      return;
    }
    const double value = lagrangian(m, dual, out.solves);
    if (value > best + 1e-9 * std::max(1.0, std::abs(best))) {
      best = value;
      changed = true;
    } else {
      set_open(m, p, was);
      set_school_capacities(m, out.all, unused);
    }
  };
  const std::vector<bool> before = m.open;
  for (const auto& [share_local, p] : closable) try_flip(p);
  for (Index p = 0; p < m.programmes; ++p)
    if (m.candidate[static_cast<std::size_t>(p)]) try_flip(p);
  if (!changed) return out;
  Solved flipped = solve_lp(m, out.all, o.max_iterations, out.solves);
  if (flipped.ok && flipped.master.iterations >= 0 &&
      flipped.master.objective + objective_constant(m) >= out.lp.master.objective + kept) {
    out.lp = std::move(flipped);
    return out;
  }
  // The decisions did not pay once the side constraints hold exactly: undo them.
  for (Index p = 0; p < m.programmes; ++p) set_open(m, p, before[static_cast<std::size_t>(p)]);
  out.lp = solve_lp(m, out.all, o.max_iterations, out.solves);
  return out;
}

}  // namespace

QuotaResult optimise_quotas(const Scenario& s, const QuotaOptions& o) {
  Planned planned = plan(s, o, nullptr);
  PlanModel& m = planned.model;
  const Scenario& all = planned.all;
  const Solved& lp = planned.lp;
  QuotaResult result;
  result.year = o.year == 0 ? s.base_year + 1 : o.year;
  result.demand_year = m.graph.year;
  result.outside_weight = m.lambda;
  result.training_cost = m.eta;
  result.flow_solves = planned.solves;
  result.iterations = std::max(0, lp.master.iterations);
  if (!lp.ok) {
    result.status = QuotaStatus::kInfeasible;
    result.binding_constraint = lp.failed;
    result.shortfall = lp.shortfall;
    result.message = lp.message;
  } else if (lp.master.iterations < 0) {
    result.status = QuotaStatus::kIterationLimit;
    result.message = "the master problem did not converge in " + std::to_string(o.max_iterations) +
                     " iterations; the bound is " + detail::format_number(lp.master.upper_bound);
  }

  // The solution: the master's convex combination of flows.
  std::vector<double> flow(static_cast<std::size_t>(m.net.arc_count()), 0.0);
  if (lp.ok) {
    for (std::size_t j = 0; j < lp.columns.size(); ++j) {
      const double w = lp.master.weight[j];
      if (w <= 0) continue;
      for (std::size_t a = 0; a < flow.size(); ++a)
        flow[a] += w * static_cast<double>(lp.columns[j].flow[a]);
    }
  }
  const double constant = objective_constant(m);
  if (lp.ok) {
    result.objective = lp.master.objective + constant;
    result.upper_bound = lp.master.upper_bound + constant;
  }
  std::unordered_map<std::string_view, std::string_view> school_region;
  for (const auto& school : all.schools) school_region.emplace(school.id, school.region);
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    const Programme& prog = all.programmes[i];
    QuotaProgramme row;
    row.id = prog.id;
    row.school = prog.school;
    row.specialty = prog.specialty;
    row.region = std::string(school_region.at(prog.school));
    row.candidate = m.candidate[i];
    row.open = m.open[i];
    row.current_intake = m.q0[i];
    row.current_graduates = static_cast<double>(m.g0[i]);
    row.lower = m.q0[i] + static_cast<double>(m.lo[i] - m.g0[i]) / m.completion[i];
    row.upper = m.q0[i] + static_cast<double>(m.hi[i] - m.g0[i]) / m.completion[i];
    row.graduates = programme_graduates(m, flow, p);
    row.intake = lp.ok ? std::max(0.0, m.intake(p, row.graduates)) : row.current_intake;
    for (Index a = m.first_local[i]; a < m.outside_arc[i]; ++a)
      row.placed_local += flow[static_cast<std::size_t>(a)];
    row.leaving = flow[static_cast<std::size_t>(m.outside_arc[i])];
    row.students = m.student_constant(p) + (m.open[i] ? row.graduates / m.completion[i] : 0.0);
    for (Index a = m.first_local[i]; a < m.outside_arc[i]; ++a)
      result.matched_value += flow[static_cast<std::size_t>(a)] *
                              -static_cast<double>(m.base_cost[static_cast<std::size_t>(a)]) /
                              kWeightScale;
    result.graduates += row.graduates;
    result.placed_local += row.placed_local;
    result.adjustment += m.open[i] ? m.adjustment(p, row.graduates) : m.adjustment(p, 0.0);
    result.enrolment += row.students;
    result.cost += row.students * m.cost_per_student[i];
    if (m.secondary[i]) result.secondary_share += row.students;
    result.programmes.push_back(std::move(row));
  }
  for (Index n = 0; n < m.nodes; ++n) {
    const double filled = flow[static_cast<std::size_t>(m.first_node_arc + n)];
    result.demand += static_cast<double>(m.graph.openings[static_cast<std::size_t>(n)]);
    result.unmet += static_cast<double>(m.graph.openings[static_cast<std::size_t>(n)]) - filled;
  }
  result.secondary_share = result.enrolment > 0 ? result.secondary_share / result.enrolment : 0.0;
  result.retention_rate = result.graduates > 0 ? result.placed_local / result.graduates : 0.0;

  if (!lp.ok) {  // no plan: the rows keep the current intakes, the totals stay zero
    result.enrolment = result.cost = result.secondary_share = result.adjustment = 0.0;
    result.unmet = result.demand = 0.0;
    return result;
  }
  // Constraints: side rows, then school capacities held by the network.
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    const SideRow& row = m.rows[r];
    QuotaConstraint c;
    c.name = row.name;
    c.sense = row.sense;
    c.limit = row.limit;
    c.value = row_constant(m, row);
    for (Index p = 0; p < m.programmes; ++p)
      c.value += row.coef[static_cast<std::size_t>(p)] *
                 result.programmes[static_cast<std::size_t>(p)].graduates;
    c.binding =
        std::abs(c.value - c.limit) <= 1e-6 * std::max({1.0, result.enrolment, std::abs(c.limit)});
    if (row.share) {  // report the share itself
      c.value = result.secondary_share;
      c.limit = *row.share;
    }
    if (lp.ok && r < lp.master.dual.size()) c.shadow_price = std::abs(lp.master.dual[r]);
    result.constraints.push_back(std::move(c));
  }
  for (Index k = 0; k < m.schools; ++k) {
    const auto i = static_cast<std::size_t>(k);
    if (!m.uniform[i] || m.capacity[i] <= 0) continue;
    QuotaConstraint c;
    c.name = "school_capacity:" + all.schools[i].id;
    c.limit = m.capacity[i];
    for (Index p = 0; p < m.programmes; ++p)
      if (m.school_of[static_cast<std::size_t>(p)] == k)
        c.value += result.programmes[static_cast<std::size_t>(p)].students;
    const Flow forced = m.net.lower(m.school_arc[i]);
    c.binding =
        lp.ok && forced > 0 &&
        flow[static_cast<std::size_t>(m.school_arc[i])] <= static_cast<double>(forced) + 1e-9;
    result.constraints.push_back(std::move(c));
  }
  return result;
}

// The file is meant for any LP reader, so it uses only what every free-MPS reader
// takes the same way (GLPK's glpsol --freemps and HiGHS among them):
// - no OBJSENSE section (glpsol rejects it): the file minimises the negated
//   objective, so its optimum is -result.objective;
// - no right-hand side on the objective row (readers disagree on its sign): the
//   constant is the objective coefficient of a column `constant` fixed at 1;
// - short names without spaces, one RHS vector, bounds of type FX, LO, UP and PL.
// Coefficients are written to 17 significant digits; arc costs as the exact
// decimals of the model's own integers (cost / 1e6).
void export_quota_mps(const Scenario& s, const QuotaOptions& o, const QuotaResult& result,
                      const std::string& path) {
  std::vector<bool> open;
  for (const auto& p : result.programmes) open.push_back(p.open);
  QuotaOptions fixed = o;
  fixed.market.outside_weight = result.outside_weight;
  Planned planned = plan(s, fixed, &open);
  PlanModel& m = planned.model;
  std::ostringstream out;
  out.precision(17);
  out << "NAME sixlink-quotas\n"
         "* sixlink quota plan: MINIMISE minus_value = -(the plan's objective).\n"
         "* The optimum of this file is -objective; the objective's constant is the\n"
         "* cost of column 'constant', fixed at 1.\n"
         "ROWS\n N minus_value\n";
  for (Index v = 0; v < m.net.node_count(); ++v) out << " E n" << v << '\n';
  for (std::size_t r = 0; r < m.rows.size(); ++r)
    out << (m.rows[r].sense == ConstraintSense::kAtMost ? " L s" : " G s") << r << '\n';
  out << "COLUMNS\n";
  std::vector<std::vector<std::pair<std::size_t, double>>> side(
      static_cast<std::size_t>(m.net.arc_count()));
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    for (Index a = m.first_unused_arc[i]; a < m.first_unused_arc[i] + m.unused_arcs[i]; ++a)
      for (std::size_t r = 0; r < m.rows.size(); ++r)
        if (m.rows[r].coef[i] != 0.0)  // a g = a hi - a u
          side[static_cast<std::size_t>(a)].emplace_back(r, -m.rows[r].coef[i]);
  }
  char value[64];
  for (Index a = 0; a < m.net.arc_count(); ++a) {
    const Cost c = m.base_cost[static_cast<std::size_t>(a)];
    // The arc's cost c is -value x 1e6, so its coefficient in minus_value is the
    // exact decimal of c / 1e6.
    std::snprintf(value, sizeof value, "%s%lld.%06lld", c < 0 ? "-" : "",
                  static_cast<long long>(std::llabs(c) / 1000000),
                  static_cast<long long>(std::llabs(c) % 1000000));
    if (c != 0) out << " x" << a << " minus_value " << value << '\n';
    out << " x" << a << " n" << m.net.tail(a) << " 1\n";
    out << " x" << a << " n" << m.net.head(a) << " -1\n";
    for (const auto& [r, coef] : side[static_cast<std::size_t>(a)])
      out << " x" << a << " s" << r << ' ' << coef << '\n';
  }
  const double constant = objective_constant(m);
  if (constant != 0.0) out << " constant minus_value " << -constant << '\n';
  out << "RHS\n";
  for (Index v = 0; v < m.net.node_count(); ++v)
    if (m.net.supply(v) != 0) out << " rhs n" << v << ' ' << m.net.supply(v) << '\n';
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    double at_most = 0.0;  // the rows' value with every open programme at hi
    for (Index p = 0; p < m.programmes; ++p)
      if (m.open[static_cast<std::size_t>(p)])
        at_most += m.rows[r].coef[static_cast<std::size_t>(p)] *
                   static_cast<double>(m.hi[static_cast<std::size_t>(p)]);
    out << " rhs s" << r << ' ' << m.rows[r].limit - row_constant(m, m.rows[r]) - at_most << '\n';
  }
  out << "BOUNDS\n";
  for (Index a = 0; a < m.net.arc_count(); ++a) {
    const Flow lo = m.net.lower(a), up = m.net.capacity(a);
    if (lo == up) {
      out << " FX bnd x" << a << ' ' << lo << '\n';
      continue;
    }
    if (lo != 0) out << " LO bnd x" << a << ' ' << lo << '\n';
    if (up == kInfiniteCapacity)
      out << " PL bnd x" << a << '\n';
    else
      out << " UP bnd x" << a << ' ' << up << '\n';
  }
  if (constant != 0.0) out << " FX bnd constant 1\n";
  out << "ENDATA\n";
  detail::write_file_atomic(path, out.str());
}

}  // namespace sixlink
