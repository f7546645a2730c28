// sixlink/verify/assignment_certificate.hpp — checks an assignment result
// against its weights without trusting the solver: the matching is one-to-one,
// uses allowed pairs and covers the smaller side; the duals satisfy
// u_i + v_j <= w_ij on every allowed pair (>= when maximising), with equality
// on matched pairs, v <= 0 (>= 0) with v = 0 on unmatched columns (u on
// unmatched rows when rows outnumber columns), and the dual objective equals the
// reported objective. Equalities hold to `tolerance` times the largest |w|.
#pragma once

#include "sixlink/assignment/assignment.hpp"
#include "sixlink/verify/certificate.hpp"

namespace sixlink {

CertificateCheck check_assignment(const Eigen::Ref<const DenseWeights>& weights, bool maximize,
                                  const AssignmentResult& result, double tolerance = 1e-9);

}  // namespace sixlink
