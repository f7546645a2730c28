// sixlink/verify/flow_certificate.hpp — checks a min-cost-flow result against its
// problem without trusting the solver.
//
//   kOptimal:    bounds, conservation (per supply mode), complementary slackness
//                of the potentials, dual signs in the inequality modes, the cost,
//                and dual objective = primal cost (exact integer arithmetic).
//   kInfeasible: the cut's set S really has b(S) > u(out(S)) - l(in(S)) (or the
//                demand-side inequality), with the numbers recomputed here.
//   kUnbounded:  the arcs form a directed cycle of infinite-capacity arcs with
//                negative total cost.
#pragma once

#include <string>

#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/verify/certificate.hpp"

namespace sixlink {

CertificateCheck check_min_cost_flow(const MinCostFlow& problem, const MinCostFlowResult& result);

}  // namespace sixlink
