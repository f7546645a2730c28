#include "sixlink/io/quota_mps.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analysis/quota_model.hpp"
#include "detail/files.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

// ROWS and COLUMNS: a column per arc (its cost, its two nodes, the side rows
// through its programme's graduates), the constant's column.
void write_columns(std::ostringstream& out, const detail::PlanModel& m) {
  const MinCostFlow& net = m.flow.network();
  out << "ROWS\n N minus_value\n";
  for (Index v = 0; v < net.node_count(); ++v) out << " E n" << v << '\n';
  for (std::size_t r = 0; r < m.rows.size(); ++r)
    out << (m.rows[r].sense == ConstraintSense::kAtMost ? " L s" : " G s") << r << '\n';
  out << "COLUMNS\n";
  std::vector<std::vector<std::pair<std::size_t, double>>> side(
      static_cast<std::size_t>(net.arc_count()));
  for (Index p = 0; p < m.programmes; ++p) {
    const auto i = static_cast<std::size_t>(p);
    for (Index a = m.first_unused_arc[i]; a < m.first_unused_arc[i] + m.unused_arcs[i]; ++a)
      for (std::size_t r = 0; r < m.rows.size(); ++r)
        if (m.rows[r].coef[i] != 0.0)  // a g = a hi - a u
          side[static_cast<std::size_t>(a)].emplace_back(r, -m.rows[r].coef[i]);
  }
  char value[64];
  for (Index a = 0; a < net.arc_count(); ++a) {
    const Cost c = m.flow.cost(a);
    // The arc's cost c is -value x 1e6, so its coefficient in minus_value is the
    // exact decimal of c / 1e6.
    std::snprintf(value, sizeof value, "%s%lld.%06lld", c < 0 ? "-" : "",
                  static_cast<long long>(std::llabs(c) / 1000000),
                  static_cast<long long>(std::llabs(c) % 1000000));
    if (c != 0) out << " x" << a << " minus_value " << value << '\n';
    out << " x" << a << " n" << net.tail(a) << " 1\n";
    out << " x" << a << " n" << net.head(a) << " -1\n";
    for (const auto& [r, coef] : side[static_cast<std::size_t>(a)])
      out << " x" << a << " s" << r << ' ' << coef << '\n';
  }
  const double constant = detail::objective_constant(m);
  if (constant != 0.0) out << " constant minus_value " << -constant << '\n';
}

// RHS and BOUNDS: the supplies, the side rows' limits less their constants and
// their value at hi, the arcs' bounds.
void write_rhs_and_bounds(std::ostringstream& out, const detail::PlanModel& m) {
  const MinCostFlow& net = m.flow.network();
  out << "RHS\n";
  for (Index v = 0; v < net.node_count(); ++v)
    if (net.supply(v) != 0) out << " rhs n" << v << ' ' << net.supply(v) << '\n';
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    double at_most = 0.0;  // the rows' value with every open programme at hi
    for (Index p = 0; p < m.programmes; ++p)
      if (m.open[static_cast<std::size_t>(p)])
        at_most += m.rows[r].coef[static_cast<std::size_t>(p)] *
                   static_cast<double>(m.hi[static_cast<std::size_t>(p)]);
    out << " rhs s" << r << ' ' << m.rows[r].limit - detail::row_constant(m, m.rows[r]) - at_most
        << '\n';
  }
  out << "BOUNDS\n";
  for (Index a = 0; a < net.arc_count(); ++a) {
    const Flow lo = net.lower(a), up = net.capacity(a);
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
  if (detail::objective_constant(m) != 0.0) out << " FX bnd constant 1\n";
}

}  // namespace

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
  QuotaOptions fixed = o;
  fixed.market.outside_weight = result.outside_weight;
  detail::QuotaPlan plan = detail::build_quota_plan(s, fixed);
  detail::PlanModel& m = plan.model;
  if (static_cast<Index>(result.programmes.size()) != m.programmes)
    throw InvalidInput("export_quota_mps: the result has " +
                       std::to_string(result.programmes.size()) + " programmes for the plan's " +
                       std::to_string(m.programmes));
  for (Index p = 0; p < m.programmes; ++p)
    detail::set_open(m, p, result.programmes[static_cast<std::size_t>(p)].open);
  double unused = 0.0;
  detail::set_school_capacities(m, plan.all, unused);
  std::ostringstream out;
  out.precision(17);
  out << "NAME sixlink-quotas\n"
         "* sixlink quota plan: MINIMISE minus_value = -(the plan's objective).\n"
         "* The optimum of this file is -objective; the objective's constant is the\n"
         "* cost of column 'constant', fixed at 1.\n";
  write_columns(out, m);
  write_rhs_and_bounds(out, m);
  out << "ENDATA\n";
  detail::write_file_atomic(path, out.str());
}

}  // namespace sixlink
