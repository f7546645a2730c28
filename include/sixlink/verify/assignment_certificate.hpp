// sixlink/verify/assignment_certificate.hpp — checks an assignment result
// against its weights without trusting the solver: the matching is one-to-one,
// uses allowed pairs and (kFull) covers the smaller side; the duals satisfy
// u_i + v_j <= w_ij on every allowed pair (>= when maximising), with equality
// on matched pairs, the sign conditions of assignment.hpp (kFull: v <= 0 with
// v = 0 on unmatched columns, u likewise when rows outnumber columns; kPartial:
// u, v <= 0, zero on every unmatched row and column; >= 0 when maximising), and
// the dual objective equals the reported objective. Equalities hold to
// `tolerance` times the largest |w| times max(n, m).
#pragma once

#include "sixlink/assignment/assignment.hpp"
#include "sixlink/verify/certificate.hpp"

namespace sixlink {

/// `problem` gives the sense and mode that were asked for; its algorithm and
/// threads are ignored.
CertificateCheck check_assignment(const Eigen::Ref<const DenseWeights>& weights,
                                  const AssignmentOptions& problem, const AssignmentResult& result,
                                  double tolerance = 1e-9);

/// kFull mode, minimising or maximising.
CertificateCheck check_assignment(const Eigen::Ref<const DenseWeights>& weights, bool maximize,
                                  const AssignmentResult& result, double tolerance = 1e-9);

}  // namespace sixlink
