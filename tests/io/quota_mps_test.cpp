// The quota MPS writer: the file's LP, read back and solved by the dense simplex,
// has the plan's optimum (negated, as the file minimises).
#include "sixlink/io/quota_mps.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "detail/dense_lp.hpp"
#include "sixlink/core/error.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

// The free-MPS subset the writer uses, as a dense LP maximising -minus_value.
struct MpsLp {
  std::vector<std::string> rows;  // E, L or G rows, in order
  std::map<std::string, char> sense;
  std::map<std::string, std::map<std::string, double>> column;  // name -> row -> coefficient
  std::vector<std::string> column_order;
  std::map<std::string, double> rhs, lower, upper;  // upper absent: none

  double solve() const {
    std::map<std::string, int> index;
    for (std::size_t r = 0; r < rows.size(); ++r) index[rows[r]] = static_cast<int>(r);
    std::vector<double> b(rows.size(), 0.0);
    for (const auto& [row, v] : rhs) b[static_cast<std::size_t>(index.at(row))] = v;
    detail::DenseLp lp;
    double constant = 0.0;                     // -minus_value of the fixed parts
    std::vector<std::vector<double>> bounded;  // x' + t = up - lo rows, appended later
    std::vector<double> bounded_rhs;
    for (const std::string& name : column_order) {
      const auto& entries = column.at(name);
      const double lo = lower.count(name) ? lower.at(name) : 0.0;
      const double cost = entries.count("minus_value") ? -entries.at("minus_value") : 0.0;
      constant += cost * lo;
      std::vector<double> col(rows.size(), 0.0);
      for (const auto& [row, a] : entries) {
        if (row == "minus_value") continue;
        col[static_cast<std::size_t>(index.at(row))] = a;
        b[static_cast<std::size_t>(index.at(row))] -= a * lo;
      }
      if (upper.count(name) && upper.at(name) == lo) continue;  // fixed
      lp.columns.push_back(col);
      lp.cost.push_back(cost);
      if (upper.count(name)) {
        bounded.push_back(std::vector<double>(lp.columns.size(), 0.0));
        bounded.back().back() = 1.0;
        bounded_rhs.push_back(upper.at(name) - lo);
      }
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {  // slack or surplus
      if (sense.at(rows[r]) == 'E') continue;
      std::vector<double> col(rows.size(), 0.0);
      col[r] = sense.at(rows[r]) == 'L' ? 1.0 : -1.0;
      lp.columns.push_back(col);
      lp.cost.push_back(0.0);
    }
    lp.rows = static_cast<int>(rows.size() + bounded.size());
    for (auto& col : lp.columns) col.resize(static_cast<std::size_t>(lp.rows), 0.0);
    for (std::size_t k = 0; k < bounded.size(); ++k) {
      for (std::size_t j = 0; j < bounded[k].size(); ++j)
        lp.columns[j][rows.size() + k] = bounded[k][j];
      std::vector<double> slack(static_cast<std::size_t>(lp.rows), 0.0);
      slack[rows.size() + k] = 1.0;
      lp.columns.push_back(slack);
      lp.cost.push_back(0.0);
    }
    lp.rhs = b;
    lp.rhs.insert(lp.rhs.end(), bounded_rhs.begin(), bounded_rhs.end());
    const detail::DenseLpResult r = detail::solve_dense_lp(lp, 1e-9);
    EXPECT_TRUE(r.feasible);
    return r.objective + constant;
  }
};

MpsLp read_mps(const std::string& text) {
  MpsLp lp;
  std::istringstream in(text);
  std::string line, section;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '*') continue;
    if (line[0] != ' ') {
      std::istringstream words(line);
      words >> section;
      continue;
    }
    std::istringstream words(line);
    if (section == "ROWS") {
      std::string type, name;
      words >> type >> name;
      if (type == "N") continue;
      lp.rows.push_back(name);
      lp.sense[name] = type[0];
    } else if (section == "COLUMNS") {
      std::string name, row;
      double value = 0.0;
      words >> name >> row >> value;
      if (!lp.column.count(name)) lp.column_order.push_back(name);
      lp.column[name][row] = value;
    } else if (section == "RHS") {
      std::string set, row;
      double value = 0.0;
      words >> set >> row >> value;
      lp.rhs[row] = value;
    } else if (section == "BOUNDS") {
      std::string type, set, name;
      double value = 0.0;
      words >> type >> set >> name >> value;
      if (type == "FX") lp.lower[name] = lp.upper[name] = value;
      if (type == "LO") lp.lower[name] = value;
      if (type == "UP") lp.upper[name] = value;
    }
  }
  return lp;
}

std::string exported(const Scenario& s, const QuotaOptions& o, const QuotaResult& r) {
  const auto path = std::filesystem::temp_directory_path() / "sixlink-quota-mps-test.mps";
  export_quota_mps(s, o, r, path.string());
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return text;
}

TEST(QuotaMps, TheFilesOptimumIsThePlansNegated) {
  const Scenario s = testing::tiny_scenario();
  QuotaOptions free;
  free.market.outside_weight = 0.3;
  const QuotaResult unconstrained = optimise_quotas(s, free);
  ASSERT_EQ(unconstrained.status, QuotaStatus::kOptimal);
  QuotaOptions with_rows = free;  // binding rows: a fractional optimum
  with_rows.total_enrolment = unconstrained.enrolment + 7.5;
  with_rows.max_secondary_share = 1.0;
  for (const QuotaOptions& o : {free, with_rows}) {
    const QuotaResult r = optimise_quotas(s, o);
    ASSERT_EQ(r.status, QuotaStatus::kOptimal) << r.message;
    if (o.total_enrolment) {
      ASSERT_FALSE(r.constraints.empty());
      EXPECT_TRUE(r.constraints[0].binding);  // total_enrolment
      EXPECT_GT(r.constraints[0].shadow_price.value_or(0.0), 0.0);
    }
    const std::string text = exported(s, o, r);
    EXPECT_EQ(text.rfind("NAME sixlink-quotas\n*", 0), 0u);
    const MpsLp lp = read_mps(text);
    EXPECT_NEAR(lp.solve(), r.objective, 1e-6 * std::max(1.0, std::abs(r.objective)));
  }
}

TEST(QuotaMps, AResultOfAnotherPlanIsRefused) {
  const Scenario s = testing::tiny_scenario();
  QuotaOptions o;
  o.market.outside_weight = 0.3;
  QuotaResult r = optimise_quotas(s, o);
  r.programmes.pop_back();
  EXPECT_THROW(exported(s, o, r), InvalidInput);
}

}  // namespace
}  // namespace sixlink
