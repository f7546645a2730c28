// The README's assignment example: solve, then check the dual certificate.
#include <cstdio>
#include <sixlink/assignment/assignment.hpp>
#include <sixlink/verify/assignment_certificate.hpp>

int main() {
  sixlink::DenseWeights cost(3, 3);
  cost << 4, 1, 3, 2, 0, 5, 3, 2, 2;
  const sixlink::AssignmentResult result = sixlink::solve_assignment(cost);
  std::printf("objective %.0f, rows -> columns %lld %lld %lld, certificate %s\n", result.objective,
              static_cast<long long>(result.row_to_col[0]),
              static_cast<long long>(result.row_to_col[1]),
              static_cast<long long>(result.row_to_col[2]),
              sixlink::check_assignment(cost, false, result) ? "ok" : "BAD");
  return result.objective == 5 ? 0 : 1;
}
