// Epsilon-scaling auction for dense assignment. D. P. Bertsekas, "The auction
// algorithm: a distributed relaxation method for the assignment problem",
// Annals of Operations Research 14 (1988) 105-123, with epsilon scaling
// (section 5) and the Jacobi form of bidding, in which every unassigned row
// bids at once against the same prices (section 6; D. P. Bertsekas and D. A.
// Castanon, "Parallel synchronous and asynchronous implementations of the
// auction algorithm", Parallel Computing 17 (1991) 707-732).
//
// In the cost form used here a row i values column j at c_ij - v_j; its bid
// lowers v_j to the level at which j is no better than its second choice plus
// epsilon. Bids are computed in parallel (each is a pure function of the prices
// at the start of the round) and resolved in row order, the lowest price
// winning and the lowest row breaking ties, so the result is the same at any
// thread count. Each phase ends with every row assigned and every row within
// epsilon of its best column (epsilon-complementary slackness); epsilon then
// shrinks by kScale. The auction only ever proves epsilon-optimality, so the
// result is finished exactly: rows not on a column of least reduced cost are
// released and re-assigned from the auction's prices by Jonker and Volgenant's
// augmenting row reduction and the shortest augmenting paths of
// shortest_path.cpp, which yields exact duals.
//
// Measured on this project's 2-core machines (benchmarks/README.md) the auction
// is slower than Jonker-Volgenant on every family: Jacobi rounds on random
// costs and price wars on low-range costs cost more bids than two cores repay,
// and the exact finish searches a nearly flat residual graph. kAuto therefore
// never picks it; it is here for many-core hosts and as an independent check.
#include <algorithm>
#include <cmath>
#include <limits>

#include "assignment/solvers.hpp"

#if defined(_OPENMP)
#include <omp.h>
#endif

namespace sixlink::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kScale = 6.0;  // epsilon shrinks by this factor per phase

struct Bid {
  Index column = -1;
  double price = 0.0;  // the column's price if this bid wins
};

}  // namespace

// Kept whole: the auction's scaling loop reads as the reference's pseudo-code; split costs speed.
bool assign_auction(const double* cost, Index n, int threads, AssignmentWork& out) {
  const auto nn = static_cast<std::size_t>(n);
  std::vector<Index>& x = out.x;
  std::vector<Index>& y = out.y;
  std::vector<double>& v = out.v;
  x.assign(nn, -1);
  y.assign(nn, -1);
  v.assign(nn, 0.0);
  double low = kInf, high = -kInf;
  for (std::size_t k = 0; k < nn * nn; ++k) {
    low = std::min(low, cost[k]);
    high = std::max(high, cost[k]);
  }
  const double range = high - low;
  // The last phase's epsilon. Smaller values make the auction's matching
  // closer to optimal but cost more phases; the exact finish repairs the rest.
  // The floor keeps every bid a visible change of price: prices stay within
  // about max|c| + n * range, and a step below their rounding unit would let
  // two rows outbid each other forever without moving a price.
  const double magnitude = std::max(std::abs(low), std::abs(high)) + range * static_cast<double>(n);
  const double floor = 64.0 * std::numeric_limits<double>::epsilon() * magnitude;
  const double final_epsilon = std::max(range / (8.0 * static_cast<double>(n)), floor);
#if defined(_OPENMP)
  const int team = threads > 0 ? threads : omp_get_max_threads();
#else
  (void)threads;
#endif

  std::vector<Index> bidders, losers;
  std::vector<Bid> bids(nn);
  std::vector<Index> winner(nn, -1);
  std::vector<double> best(nn, kInf);
  std::vector<Index> contested;
  for (double epsilon = std::max(range / kScale, final_epsilon); range > 0;
       epsilon = std::max(final_epsilon, epsilon / kScale)) {
    std::fill(x.begin(), x.end(), -1);
    std::fill(y.begin(), y.end(), -1);
    bidders.resize(nn);
    for (std::size_t i = 0; i < nn; ++i) bidders[i] = static_cast<Index>(i);
    while (!bidders.empty()) {
      throw_if_interrupted();  // one bidding round, outside the parallel region
      const auto count = static_cast<std::ptrdiff_t>(bidders.size());
#if defined(_OPENMP)
#pragma omp parallel for schedule(static) num_threads(team) if (count > 64)
#endif
      for (std::ptrdiff_t b = 0; b < count; ++b) {
        const auto i = static_cast<std::size_t>(bidders[static_cast<std::size_t>(b)]);
        const double* ci = cost + i * nn;
        double first = kInf, second = kInf;
        std::size_t j1 = 0;
        for (std::size_t j = 0; j < nn; ++j) {
          const double h = ci[j] - v[j];
          if (h < second) {
            if (h < first) {
              second = first;
              first = h;
              j1 = j;
            } else {
              second = h;
            }
          }
        }
        if (second == kInf) second = first;  // n = 1
        bids[static_cast<std::size_t>(b)] = {static_cast<Index>(j1), ci[j1] - second - epsilon};
      }
      // Resolve in row order: the lowest price wins, ties to the lowest row.
      contested.clear();
      for (std::size_t b = 0; b < bidders.size(); ++b) {
        const auto j = static_cast<std::size_t>(bids[b].column);
        if (winner[j] < 0) contested.push_back(static_cast<Index>(j));
        if (winner[j] < 0 || bids[b].price < best[j]) {
          winner[j] = bidders[b];
          best[j] = bids[b].price;
        }
      }
      losers.clear();
      for (std::size_t b = 0; b < bidders.size(); ++b) {
        if (winner[static_cast<std::size_t>(bids[b].column)] != bidders[b])
          losers.push_back(bidders[b]);
      }
      for (const Index column : contested) {
        const auto j = static_cast<std::size_t>(column);
        const Index previous = y[j];
        if (previous >= 0) {
          x[static_cast<std::size_t>(previous)] = -1;
          losers.push_back(previous);
        }
        y[j] = winner[j];
        x[static_cast<std::size_t>(winner[j])] = column;
        v[j] = best[j];
        winner[j] = -1;
      }
      std::sort(losers.begin(), losers.end());
      bidders.swap(losers);
    }
    if (epsilon <= final_epsilon) break;
  }

  // Exact finish: keep the rows that sit on a column of least reduced cost,
  // release the others (after an epsilon-bid most rows are epsilon above their
  // second choice, so most are released), let augmenting row reduction settle
  // most of them and assign the rest by shortest augmenting paths.
  std::vector<Index> released;
  for (std::size_t i = 0; i < nn; ++i) {
    const Index j = x[i];
    if (j < 0) {
      released.push_back(static_cast<Index>(i));
      continue;
    }
    const double* ci = cost + i * nn;
    double least = kInf;
    for (std::size_t k = 0; k < nn; ++k) least = std::min(least, ci[k] - v[k]);
    if (ci[static_cast<std::size_t>(j)] - v[static_cast<std::size_t>(j)] > least) {
      y[static_cast<std::size_t>(j)] = -1;
      x[i] = -1;
      released.push_back(static_cast<Index>(i));
    }
  }
  augmenting_row_reduction(cost, n, released, out);
  if (!augment_free_rows(cost, n, n, released, out)) return false;
  set_row_duals(cost, n, n, out);
  return true;
}

}  // namespace sixlink::detail
