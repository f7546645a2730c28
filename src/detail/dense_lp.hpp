// A small dense linear programme solved by the two-phase revised simplex: the
// master problem of the quota optimiser's Dantzig-Wolfe decomposition (a few
// rows, tens of columns). Not meant for large problems.
//
//   maximise c^T x  subject to  A x = b,  x >= 0
//
// Phase one starts from one artificial variable per row (rows with b < 0 are
// negated first) and minimises their sum; phase two keeps artificials that stay
// basic at zero. Bland's rule (lowest index enters and leaves) rules out
// cycling; the sizes make its slowness irrelevant.
#pragma once

#include <vector>

namespace sixlink::detail {

struct DenseLp {
  int rows = 0;
  std::vector<std::vector<double>> columns;  ///< each `rows` long
  std::vector<double> cost;                  ///< per column
  std::vector<double> rhs;                   ///< per row
};

struct DenseLpResult {
  bool feasible = false;
  double objective = 0.0;          ///< phase two's optimum (feasible)
  double infeasibility = 0.0;      ///< phase one's sum of artificials (infeasible)
  std::vector<double> x;           ///< per column
  std::vector<double> artificial;  ///< per row, the artificial's value
  /// Duals y of the rows (original signs): c_j - y^T A_j <= 0 for every column
  /// at the optimum. When infeasible, phase one's duals: -y^T A_j <= 0 for every
  /// column, with -y^T b = -infeasibility, the certificate of infeasibility.
  std::vector<double> dual;
};

DenseLpResult solve_dense_lp(const DenseLp& lp, double tolerance = 1e-9);

}  // namespace sixlink::detail
