#include "detail/dense_lp.hpp"

#include <cmath>
#include <cstddef>
#include <stdexcept>

namespace sixlink::detail {
namespace {

class RevisedSimplex {
 public:
  RevisedSimplex(const DenseLp& lp, double tolerance)
      : m_(static_cast<std::size_t>(lp.rows)), n_(lp.columns.size()), tol_(tolerance) {
    sign_.assign(m_, 1.0);
    b_ = lp.rhs;
    for (std::size_t i = 0; i < m_; ++i) {
      if (b_[i] < 0) {
        sign_[i] = -1.0;
        b_[i] = -b_[i];
      }
    }
    a_.resize(n_ + m_);
    for (std::size_t j = 0; j < n_; ++j) {
      a_[j] = lp.columns[j];
      for (std::size_t i = 0; i < m_; ++i) a_[j][i] *= sign_[i];
    }
    for (std::size_t i = 0; i < m_; ++i) {
      a_[n_ + i].assign(m_, 0.0);
      a_[n_ + i][i] = 1.0;
    }
    basis_.resize(m_);
    binv_.assign(m_ * m_, 0.0);
    for (std::size_t i = 0; i < m_; ++i) {
      basis_[i] = n_ + i;
      binv_[i * m_ + i] = 1.0;
    }
    x_basic_ = b_;
  }

  // Maximises cost over the columns; artificials may enter only if `artificials_enter`.
  void optimise(const std::vector<double>& cost, bool artificials_enter) {
    const std::size_t total = artificials_enter ? n_ + m_ : n_;
    for (int guard = 0; guard < 100000; ++guard) {
      const auto y = duals(cost);
      std::size_t enter = total;
      for (std::size_t j = 0; j < total; ++j) {
        if (in_basis(j)) continue;
        double d = cost[j];
        for (std::size_t i = 0; i < m_; ++i) d -= y[i] * a_[j][i];
        if (d > tol_) {
          enter = j;
          break;
        }
      }
      if (enter == total) return;
      std::vector<double> u(m_, 0.0);
      for (std::size_t r = 0; r < m_; ++r)
        for (std::size_t i = 0; i < m_; ++i) u[r] += binv_[r * m_ + i] * a_[enter][i];
      std::size_t leave = m_;
      double best = 0.0;
      for (std::size_t r = 0; r < m_; ++r) {
        const bool stuck_artificial = !artificials_enter && basis_[r] >= n_;
        double ratio;
        if (stuck_artificial && std::abs(u[r]) > tol_) {
          ratio = 0.0;  // an artificial kept at zero must leave rather than grow
        } else if (u[r] > tol_) {
          ratio = x_basic_[r] / u[r];
        } else {
          continue;
        }
        if (leave == m_ || ratio < best - tol_ ||
            (ratio <= best + tol_ && basis_[r] < basis_[leave])) {
          leave = r;
          best = ratio;
        }
      }
      if (leave == m_) throw std::logic_error("dense LP: unbounded master problem");
      pivot(enter, leave, u);
    }
    throw std::logic_error("dense LP: simplex did not terminate");
  }

  std::vector<double> duals(const std::vector<double>& cost) const {
    std::vector<double> y(m_, 0.0);
    for (std::size_t r = 0; r < m_; ++r) {
      const double c = cost[basis_[r]];
      if (c == 0.0) continue;
      for (std::size_t i = 0; i < m_; ++i) y[i] += c * binv_[r * m_ + i];
    }
    return y;
  }

  std::vector<double> values() const {
    std::vector<double> x(n_ + m_, 0.0);
    for (std::size_t r = 0; r < m_; ++r) x[basis_[r]] = std::max(0.0, x_basic_[r]);
    return x;
  }

  const std::vector<double>& sign() const { return sign_; }

 private:
  bool in_basis(std::size_t j) const {
    for (std::size_t b : basis_)
      if (b == j) return true;
    return false;
  }

  void pivot(std::size_t enter, std::size_t leave, const std::vector<double>& u) {
    const double p = u[leave];
    for (std::size_t i = 0; i < m_; ++i) binv_[leave * m_ + i] /= p;
    x_basic_[leave] /= p;
    for (std::size_t r = 0; r < m_; ++r) {
      if (r == leave || u[r] == 0.0) continue;
      for (std::size_t i = 0; i < m_; ++i) binv_[r * m_ + i] -= u[r] * binv_[leave * m_ + i];
      x_basic_[r] -= u[r] * x_basic_[leave];
    }
    basis_[leave] = enter;
  }

  std::size_t m_, n_;
  double tol_;
  std::vector<double> sign_, b_;
  std::vector<std::vector<double>> a_;  // columns, then one artificial per row
  std::vector<std::size_t> basis_;
  std::vector<double> binv_;  // row-major m x m
  std::vector<double> x_basic_;
};

}  // namespace

DenseLpResult solve_dense_lp(const DenseLp& lp, double tolerance) {
  const std::size_t m = static_cast<std::size_t>(lp.rows);
  const std::size_t n = lp.columns.size();
  RevisedSimplex simplex(lp, tolerance);
  DenseLpResult result;

  std::vector<double> phase_one(n + m, 0.0);
  for (std::size_t i = 0; i < m; ++i) phase_one[n + i] = -1.0;
  simplex.optimise(phase_one, true);
  auto x = simplex.values();
  double infeasibility = 0.0;
  for (std::size_t i = 0; i < m; ++i) infeasibility += x[n + i];
  std::vector<double> cost(n + m, 0.0);
  if (infeasibility > tolerance) {
    result.infeasibility = infeasibility;
    result.dual = simplex.duals(phase_one);
  } else {
    for (std::size_t j = 0; j < n; ++j) cost[j] = lp.cost[j];
    simplex.optimise(cost, false);
    x = simplex.values();
    result.feasible = true;
    result.dual = simplex.duals(cost);
    for (std::size_t j = 0; j < n; ++j) result.objective += lp.cost[j] * x[j];
  }
  for (std::size_t i = 0; i < m; ++i) result.dual[i] *= simplex.sign()[i];
  result.x.assign(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n));
  result.artificial.assign(x.begin() + static_cast<std::ptrdiff_t>(n), x.end());
  return result;
}

}  // namespace sixlink::detail
