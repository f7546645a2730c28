// sixlink/verify/side_constrained_certificate.hpp — checks a side-constrained
// min-cost-flow result (flow/side_constrained_flow.hpp) against its problem.
//
//   every status with columns: each column is an integral flow of the network
//                (bounds; conservation per supply mode, in exact integers), the
//                weights are >= 0 (sum <= 1) and `flow` is their combination.
//   feasible     (kOptimal, or kIterationLimit with a feasible master): the
//                weights sum to 1, the combined flow is within the bounds and
//                balanced and meets every row; the objective is f of the
//                combined flow; the multipliers have the signs of the header
//                (<= 0 on rows "<=", >= 0 on rows ">="); bound <= objective.
//   kOptimal:    also objective - bound <= tolerance (the Lagrangian bound
//                closes the gap: the certificate of optimality) and
//                complementary slackness, |y_r| |g_r(xbar) - d_r| small.
//   kInfeasible: something is reported missed: a row's reachable value, a
//                row's phase-one violation, or weight the phase-one combination
//                could not place (weights summing to less than 1). A statement,
//                not a proof: the tests compare with the whole LP.
// Tolerances are relative: tolerance x max(1, the magnitudes compared). The
// bound is the solver's (computed from its last subproblem); the check does not
// solve a flow again.
#pragma once

#include "sixlink/flow/side_constrained_flow.hpp"
#include "sixlink/verify/certificate.hpp"

namespace sixlink {

CertificateCheck check_side_constrained_flow(const SideConstrainedFlow& problem,
                                             const SideConstrainedFlowResult& result,
                                             double tolerance = 1e-6);

}  // namespace sixlink
