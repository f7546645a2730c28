#include "sixlink/flow/side_constrained_flow.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "detail/dense_lp.hpp"
#include "detail/numbers.hpp"
#include "sixlink/core/error.hpp"

// The arithmetic below is the quota model's, operation for operation (it was
// taken from src/analysis/quota_optimisation.cpp, whose plans must not move by a
// bit): values are gains (-cost / U) and the multipliers those of the gain's
// maximisation; solve() and lagrangian() negate them at the boundary.
namespace sixlink {
namespace {

__extension__ typedef __int128 i128;  // exact sums of int64 products

constexpr double kMasterTolerance = 1e-10;  // the dense simplex's pivot tolerance
constexpr double kPricingTolerance = 1e-9;  // a column prices out beyond this

double sense_sign(SideRowSense sense) { return sense == SideRowSense::kAtMost ? 1.0 : -1.0; }

std::string flow_failure(FlowStatus status, const std::string& message) {
  switch (status) {
    case FlowStatus::kOutOfRange:
      return "a subproblem's costs are out of the engine's range: " + message;
    case FlowStatus::kInfeasible:
      return "the network has no feasible flow: " + message;
    case FlowStatus::kUnbounded:
      return "the network's cost is unbounded: " + message;
    case FlowStatus::kOptimal:
    case FlowStatus::kIterationLimit:  // the network simplex has no iteration limit
      break;
  }
  return message;
}

}  // namespace


// A flow of the subproblem: what the master needs of it.
struct SideConstrainedFlow::Column {
  std::vector<Flow> flow;
  double value = 0.0;       // gain: -f(x)
  std::vector<double> row;  // per row: g_r(x)
};

// The master's last state, in gains.
struct SideConstrainedFlow::Master {
  bool feasible = false;
  std::vector<double> weight;  // per column
  std::vector<double> dual;    // per row, of the gain's maximisation
  double convexity_dual = 0.0;
  double objective = 0.0;
  double upper_bound = 0.0;
  std::vector<double> violation;  // per row (infeasible)
  int iterations = 0;             // -1: the limit
  bool failed = false;            // a subproblem was not optimal (in the result)
};

// One priced subproblem.
struct SideConstrainedFlow::Priced {
  FlowStatus status = FlowStatus::kOptimal;
  std::string message;
  double value = 0.0;  // the priced gain, constants included
  Column column;
};

SideConstrainedFlow::SideConstrainedFlow(MinCostFlow network, double cost_unit)
    : network_(std::move(network)), cost_unit_(cost_unit) {
  if (!(cost_unit > 0.0 && std::isfinite(cost_unit)))
    throw InvalidInput("cost_unit must be positive and finite, got " +
                       detail::format_number(cost_unit));
  base_cost_.resize(static_cast<std::size_t>(network_.arc_count()));
  for (Index a = 0; a < network_.arc_count(); ++a)
    base_cost_[static_cast<std::size_t>(a)] = network_.cost(a);
  arc_term_.assign(base_cost_.size(), -1);
}

Cost SideConstrainedFlow::cost(Index arc) const {
  if (arc < 0 || arc >= arc_count()) throw InvalidInput("no arc " + std::to_string(arc));
  return base_cost_[static_cast<std::size_t>(arc)];
}

void SideConstrainedFlow::set_cost(Index arc, Cost cost) {
  network_.set_cost(arc, cost);  // checks the arc
  base_cost_[static_cast<std::size_t>(arc)] = cost;
  largest_cost_ = -1.0;
  priced_weight_ = -1.0;  // the next solve sets every cost again
}

Index SideConstrainedFlow::add_term(std::span<const Index> arcs, double sign, double offset) {
  if (sign != 1.0 && sign != -1.0)
    throw InvalidInput("term sign must be +1 or -1, got " + detail::format_number(sign));
  if (!std::isfinite(offset))
    throw InvalidInput("term offset must be finite, got " + detail::format_number(offset));
  Term term{{arcs.begin(), arcs.end()}, sign, offset};
  for (Index a : term.arcs) {
    if (a < 0 || a >= arc_count())
      throw InvalidInput("term arc " + std::to_string(a) + " is not an arc of the network");
  }
  if (in_term_.empty()) in_term_.assign(base_cost_.size(), false);
  for (Index a : term.arcs) {
    if (in_term_[static_cast<std::size_t>(a)]) shared_arcs_ = true;
    in_term_[static_cast<std::size_t>(a)] = true;
  }
  if (shared_arcs_ && arc_price_.empty()) arc_price_.assign(base_cost_.size(), 0.0);
  terms_.push_back(std::move(term));
  return term_count() - 1;
}

void SideConstrainedFlow::set_term_offset(Index term, double offset) {
  if (term < 0 || term >= term_count()) throw InvalidInput("no term " + std::to_string(term));
  if (!std::isfinite(offset))
    throw InvalidInput("term offset must be finite, got " + detail::format_number(offset));
  terms_[static_cast<std::size_t>(term)].offset = offset;
}

Index SideConstrainedFlow::add_row(SideRowSense sense, double rhs,
                                   std::span<const ArcCoefficient> entries) {
  std::vector<TermCoefficient> terms;
  terms.reserve(entries.size());
  for (const auto& [arc, coefficient] : entries) {
    if (arc < 0 || arc >= arc_count())
      throw InvalidInput("row arc " + std::to_string(arc) + " is not an arc of the network");
    Index& term = arc_term_[static_cast<std::size_t>(arc)];
    if (term < 0) {
      const Index one[] = {arc};
      term = add_term(one);
    }
    terms.push_back({term, coefficient});
  }
  return add_term_row(sense, rhs, terms);
}

Index SideConstrainedFlow::add_term_row(SideRowSense sense, double rhs,
                                        std::span<const TermCoefficient> entries) {
  if (!std::isfinite(rhs))
    throw InvalidInput("row right-hand side must be finite, got " + detail::format_number(rhs));
  for (const auto& [term, coefficient] : entries) {
    if (term < 0 || term >= term_count())
      throw InvalidInput("row term " + std::to_string(term) + " is not a term of the problem");
    if (!std::isfinite(coefficient))
      throw InvalidInput("row coefficient must be finite, got " +
                         detail::format_number(coefficient));
  }
  rows_.push_back({sense, rhs, {entries.begin(), entries.end()}});
  return row_count() - 1;
}

void SideConstrainedFlow::set_rhs(Index row, double rhs) {
  if (row < 0 || row >= row_count()) throw InvalidInput("no row " + std::to_string(row));
  if (!std::isfinite(rhs))
    throw InvalidInput("row right-hand side must be finite, got " + detail::format_number(rhs));
  rows_[static_cast<std::size_t>(row)].rhs = rhs;
}

SideRowSense SideConstrainedFlow::sense(Index row) const {
  return rows_.at(static_cast<std::size_t>(row)).sense;
}
double SideConstrainedFlow::rhs(Index row) const {
  return rows_.at(static_cast<std::size_t>(row)).rhs;
}
const std::vector<TermCoefficient>& SideConstrainedFlow::row_entries(Index row) const {
  return rows_.at(static_cast<std::size_t>(row)).entries;
}

double SideConstrainedFlow::term_value(Index term, std::span<const double> flow) const {
  const Term& t = terms_.at(static_cast<std::size_t>(term));
  double sum = 0.0;
  for (Index a : t.arcs) sum += flow[static_cast<std::size_t>(a)];
  return t.offset + t.sign * sum;
}

double SideConstrainedFlow::row_value(Index row, std::span<const double> flow) const {
  double value = 0.0;
  for (const auto& [term, coefficient] : row_entries(row))
    value += coefficient * term_value(term, flow);
  return value;
}

double SideConstrainedFlow::objective_value(std::span<const double> flow) const {
  double sum = 0.0;
  for (std::size_t a = 0; a < base_cost_.size(); ++a)
    sum += static_cast<double>(base_cost_[a]) * flow[a];
  return sum / cost_unit_;
}

void SideConstrainedFlow::check_options(const SideConstrainedFlowOptions& o) const {
  if (o.max_iterations < 1)
    throw InvalidInput("max_iterations must be >= 1, got " + std::to_string(o.max_iterations));
  if (!(o.max_cost_factor >= 1.0 && std::isfinite(o.max_cost_factor)))
    throw InvalidInput("max_cost_factor must be >= 1 and finite, got " +
                       detail::format_number(o.max_cost_factor));
  if (!(o.path_arcs >= 0.0 && std::isfinite(o.path_arcs)))
    throw InvalidInput("path_arcs must be >= 0 and finite, got " +
                       detail::format_number(o.path_arcs));
}

SideConstrainedFlow::Column SideConstrainedFlow::make_column(std::vector<Flow> flow) const {
  Column c;
  i128 cost = 0;
  for (std::size_t a = 0; a < flow.size(); ++a) cost += static_cast<i128>(base_cost_[a]) * flow[a];
  c.value = -static_cast<double>(cost) / cost_unit_;
  // Term values t_k = o_k + s_k sum x (integers below 2^53: the sums are exact).
  std::vector<double> term(terms_.size());
  for (std::size_t k = 0; k < terms_.size(); ++k) {
    double sum = 0.0;
    for (Index a : terms_[k].arcs) sum += static_cast<double>(flow[static_cast<std::size_t>(a)]);
    term[k] = terms_[k].offset + terms_[k].sign * sum;
  }
  c.row.assign(rows_.size(), 0.0);
  for (std::size_t r = 0; r < rows_.size(); ++r)
    for (const auto& [k, coefficient] : rows_[r].entries)
      c.row[r] += coefficient * term[static_cast<std::size_t>(k)];
  c.flow = std::move(flow);
  return c;
}

// The refinement F of the subproblem's integer costs (see the header).
double SideConstrainedFlow::cost_factor(const std::vector<double>& price,
                                        const SideConstrainedFlowOptions& o) {
  if (largest_cost_ < 0.0) {
    double largest = 0.0;
    for (Cost c : base_cost_)
      largest = std::max(largest, std::abs(static_cast<double>(c)) / cost_unit_);
    largest_cost_ = largest;
  }
  double largest = largest_cost_;
  double dearest = 0.0;
  for (double x : price) dearest = std::max(dearest, std::abs(x));
  if (shared_arcs_ && !price.empty()) {  // an arc in several terms pays their sum
    std::vector<double> sum(base_cost_.size(), 0.0);
    for (std::size_t k = 0; k < terms_.size(); ++k)
      for (Index a : terms_[k].arcs) sum[static_cast<std::size_t>(a)] += std::abs(price[k]);
    for (double x : sum) dearest = std::max(dearest, x);
  }
  largest += dearest;
  double factor = o.max_cost_factor;
  const double nodes = static_cast<double>(network_.node_count() + 2);
  // ... as long as (nodes + 2) max|c| and the total cost (paths of at most
  // path_arcs arcs per unit of flow) stay within the engine's ranges, with a margin.
  i128 sent = 0, received = 0;  // a bound on the total flow in any supply mode
  for (Index v = 0; v < network_.node_count(); ++v) {
    const Flow b = network_.supply(v);
    if (b > 0) sent += b;
    if (b < 0) received -= b;
  }
  const double flow = static_cast<double>(std::max(sent, received));
  const double path =
      o.path_arcs > 0.0 ? o.path_arcs : static_cast<double>(std::max<Index>(1, node_count()));
  while (factor > 1.0 && (largest * cost_unit_ * factor * nodes >= 0x1.0p59 ||
                          largest * cost_unit_ * factor * path * flow >= 0x1.0p61))
    factor /= 10.0;
  return factor;
}

void SideConstrainedFlow::set_priced_costs(const std::vector<double>& price,
                                           double objective_weight, double factor) {
  const double scale = cost_unit_ * factor;
  for (Index a = 0; a < network_.arc_count(); ++a)
    network_.set_cost(
        a, static_cast<Cost>(objective_weight * factor) * base_cost_[static_cast<std::size_t>(a)]);
  if (price.empty()) return;
  if (shared_arcs_) {
    for (std::size_t k = 0; k < terms_.size(); ++k)
      for (Index a : terms_[k].arcs) arc_price_[static_cast<std::size_t>(a)] = 0.0;
    for (std::size_t k = 0; k < terms_.size(); ++k)
      if (price[k] != 0.0)
        for (Index a : terms_[k].arcs)
          arc_price_[static_cast<std::size_t>(a)] += terms_[k].sign * price[k];
  }
  // A unit on an arc of term k gains s_k pi_k less: it costs that much more.
  for (std::size_t k = 0; k < terms_.size(); ++k) {
    if (price[k] == 0.0) continue;
    for (Index a : terms_[k].arcs) {
      const auto i = static_cast<std::size_t>(a);
      const double extra = shared_arcs_ ? arc_price_[i] : terms_[k].sign * price[k];
      const double c = objective_weight * static_cast<double>(base_cost_[i]) / cost_unit_ + extra;
      network_.set_cost(a, static_cast<Cost>(std::llround(c * scale)));
    }
  }
}

// Solves the network with every unit of term k's arcs gaining s_k price_k less,
// the objective's own costs weighted by `objective_weight` (0 or 1). The value
// is the priced gain: max_x weight gain(x) - sum_k price_k t_k(x).
SideConstrainedFlow::Priced SideConstrainedFlow::solve_priced(
    const std::vector<double>& price, double objective_weight,
    const SideConstrainedFlowOptions& options, bool want_column) {
  const double factor = cost_factor(price, options);
  const double scale = cost_unit_ * factor;
  double constant = 0.0;  // - sum_k price_k o_k
  for (std::size_t k = 0; k < price.size(); ++k)
    if (price[k] != 0.0) constant -= price[k] * terms_[k].offset;
  // The factor depends on the supplies too: part of the key.
  const bool same_costs =
      priced_weight_ == objective_weight && priced_factor_ == factor && priced_with_ == price;
  if (!same_costs) {
    set_priced_costs(price, objective_weight, factor);
    priced_with_ = price;
    priced_weight_ = objective_weight;
    priced_factor_ = factor;
  }
  MinCostFlowResult r = network_.solve();
  Priced out;
  out.status = r.status;
  if (r.status != FlowStatus::kOptimal) {
    out.message = std::move(r.message);
    return out;
  }
  if (want_column) out.column = make_column(std::move(r.flow));
  out.value = -static_cast<double>(r.cost) / scale + constant;
  return out;
}

namespace {

// The master's LP over the columns (scaled), with a slack or surplus per row.
template <class Columns, class Rows>
detail::DenseLp master_lp(const Columns& columns, const Rows& rows, const std::vector<double>& rhs,
                          const std::vector<double>& scale, double value_scale) {
  const std::size_t R = rows.size();
  detail::DenseLp lp;
  lp.rows = static_cast<int>(R + 1);
  for (const auto& c : columns) {
    std::vector<double> col(R + 1);
    for (std::size_t r = 0; r < R; ++r) col[r] = c.row[r] / scale[r];
    col[R] = 1.0;
    lp.columns.push_back(std::move(col));
    lp.cost.push_back(c.value / value_scale);
  }
  for (std::size_t r = 0; r < R; ++r) {
    std::vector<double> col(R + 1, 0.0);
    col[r] = sense_sign(rows[r].sense);
    lp.columns.push_back(std::move(col));
    lp.cost.push_back(0.0);
  }
  for (std::size_t r = 0; r < R; ++r) lp.rhs.push_back(rhs[r] / scale[r]);
  lp.rhs.push_back(1.0);
  return lp;
}

}  // namespace

// Dantzig-Wolfe on the rows (see the header), seeded with `columns`. A
// subproblem that is not optimal sets the result's flow status and `failed`.
SideConstrainedFlow::Master SideConstrainedFlow::decompose(
    std::vector<Column>& columns, const SideConstrainedFlowOptions& options,
    SideConstrainedFlowResult& result) {
  const std::size_t R = rows_.size();
  std::vector<double> rhs(R), scale(R);
  for (std::size_t r = 0; r < R; ++r) {
    rhs[r] = rows_[r].rhs;
    double s = std::max(1.0, std::abs(rhs[r]));
    for (const auto& c : columns) s = std::max(s, std::abs(c.row[r]));
    scale[r] = s;
  }
  double value_scale = 1.0;
  for (const auto& c : columns) value_scale = std::max(value_scale, std::abs(c.value));
  auto violation = [&](const detail::DenseLpResult& master) {
    std::vector<double> v(R, 0.0);
    for (std::size_t r = 0; r < R; ++r) v[r] = master.artificial[r] * scale[r];
    return v;
  };
  Master out;
  for (int it = 0; it < options.max_iterations; ++it) {
    out.iterations = it + 1;
    const detail::DenseLpResult master = detail::solve_dense_lp(
        master_lp(columns, rows_, rhs, scale, value_scale), kMasterTolerance);
    out.feasible = master.feasible;
    const double unit = master.feasible ? value_scale : 1.0;
    std::vector<double> price(terms_.size(), 0.0);
    out.dual.assign(R, 0.0);
    for (std::size_t r = 0; r < R; ++r) {
      out.dual[r] = master.dual[r] * unit / scale[r];
      for (const auto& [k, coefficient] : rows_[r].entries)
        price[static_cast<std::size_t>(k)] += out.dual[r] * coefficient;
    }
    out.convexity_dual = master.dual[R] * unit;
    out.weight.assign(master.x.begin(),
                      master.x.begin() + static_cast<std::ptrdiff_t>(columns.size()));
    out.objective = master.objective * value_scale;
    Priced priced = solve_priced(price, master.feasible ? 1.0 : 0.0, options, true);
    ++result.flow_solves;
    if (priced.status != FlowStatus::kOptimal) {
      result.flow_status = priced.status;
      result.flow_message = std::move(priced.message);
      out.failed = true;
      return out;
    }
    Column& next = priced.column;
    double reduced = master.feasible ? next.value : 0.0;
    for (std::size_t r = 0; r < R; ++r) reduced -= out.dual[r] * next.row[r];
    reduced -= out.convexity_dual;
    if (master.feasible) {
      out.upper_bound = out.objective + std::max(0.0, reduced);
      if (reduced <= kPricingTolerance * std::max(1.0, std::abs(out.objective))) return out;
    } else if (reduced <= kPricingTolerance) {
      out.violation = violation(master);
      return out;
    }
    bool repeated = false;
    for (const auto& c : columns) repeated = repeated || c.flow == next.flow;
    if (repeated) {  // no progress possible at this precision
      if (!master.feasible) out.violation = violation(master);
      return out;
    }
    columns.push_back(std::move(next));
  }
  out.iterations = -1;  // the limit
  return out;
}

// Each row alone: its least (at most) or most (at least) value over the
// network's flows, at prices scaled to at most 1 (a row of large coefficients,
// a budget's yuan, would leave the engine's range) and scaled back.
bool SideConstrainedFlow::diagnose(SideConstrainedFlowResult& result,
                                   const SideConstrainedFlowOptions& options) {
  result.reachable.assign(rows_.size(), 0.0);
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    const Row& row = rows_[r];
    const double toward = sense_sign(row.sense);
    double largest = 0.0;
    for (const auto& entry : row.entries) largest = std::max(largest, std::abs(entry.coefficient));
    const double unit = largest > 0.0 ? largest : 1.0;
    std::vector<double> price(terms_.size(), 0.0);
    for (const auto& [k, coefficient] : row.entries)
      price[static_cast<std::size_t>(k)] += toward * coefficient / unit;
    Priced priced = solve_priced(price, 0.0, options, false);
    ++result.flow_solves;
    if (priced.status != FlowStatus::kOptimal) {
      result.flow_status = priced.status;
      result.flow_message = std::move(priced.message);
      return false;
    }
    const double best = priced.value * unit;
    result.reachable[r] = -best / toward;
  }
  return true;
}

SideConstrainedFlowResult SideConstrainedFlow::solve(const SideConstrainedFlowOptions& options) {
  check_options(options);
  SideConstrainedFlowResult result;
  auto fail = [&result] {
    result.status = result.flow_status;
    result.message = flow_failure(result.flow_status, result.flow_message);
    result.feasible = false;
    return std::move(result);
  };
  std::vector<Column> columns;
  {
    Priced first = solve_priced({}, 1.0, options, true);
    ++result.flow_solves;
    if (first.status != FlowStatus::kOptimal) {
      result.flow_status = first.status;
      result.flow_message = std::move(first.message);
      return fail();
    }
    columns.push_back(std::move(first.column));
  }
  Master master;
  if (rows_.empty()) {
    master.feasible = true;
    master.weight = {1.0};
    master.objective = master.upper_bound = columns[0].value;
  } else {
    master = decompose(columns, options, result);
    if (master.failed) return fail();
  }
  result.feasible = master.feasible;
  result.iterations = master.iterations < 0 ? options.max_iterations : master.iterations;
  result.status = master.iterations < 0 ? SideFlowStatus::kIterationLimit
                  : master.feasible     ? SideFlowStatus::kOptimal
                                        : SideFlowStatus::kInfeasible;
  // Back from gains to costs (exact negations).
  result.objective = -master.objective;
  result.bound = -master.upper_bound;
  result.duals.resize(master.dual.size());
  for (std::size_t r = 0; r < master.dual.size(); ++r) result.duals[r] = -master.dual[r];
  result.convexity_dual = -master.convexity_dual;
  result.weights = std::move(master.weight);
  result.weights.resize(columns.size(), 0.0);  // at the limit, the last column has no weight
  result.violation = std::move(master.violation);
  result.flow.assign(base_cost_.size(), 0.0);
  for (std::size_t j = 0; j < result.weights.size(); ++j) {
    const double w = result.weights[j];
    if (w <= 0) continue;
    for (std::size_t a = 0; a < result.flow.size(); ++a)
      result.flow[a] += w * static_cast<double>(columns[j].flow[a]);
  }
  result.columns.reserve(columns.size());
  for (auto& c : columns) result.columns.push_back(std::move(c.flow));
  if (result.status == SideFlowStatus::kIterationLimit)
    result.message = "the master problem did not converge in " +
                     std::to_string(options.max_iterations) + " iterations";
  if (!result.feasible) {
    if (result.status == SideFlowStatus::kInfeasible)
      result.message = "no flow of the network meets the side rows";
    if (options.diagnose && !diagnose(result, options)) return fail();
  }
  return result;
}

LagrangianValue SideConstrainedFlow::lagrangian(std::span<const double> duals, double offset,
                                                const SideConstrainedFlowOptions& options) {
  check_options(options);
  if (duals.size() != rows_.size())
    throw InvalidInput("lagrangian: " + std::to_string(duals.size()) + " multipliers for " +
                       std::to_string(rows_.size()) + " rows");
  std::vector<double> price(terms_.size(), 0.0);
  double value = -offset;  // in gains, like everything inside
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    const double dual = -duals[r];
    for (const auto& [k, coefficient] : rows_[r].entries)
      price[static_cast<std::size_t>(k)] += dual * coefficient;
    value += dual * rows_[r].rhs;
  }
  Priced priced = solve_priced(price, 1.0, options, false);
  LagrangianValue out;
  out.status = priced.status;
  if (priced.status != FlowStatus::kOptimal) {
    out.message = std::move(priced.message);
    return out;
  }
  out.value = -(value + priced.value);
  return out;
}

}  // namespace sixlink
