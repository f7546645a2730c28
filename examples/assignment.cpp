// The README's assignment examples: solve, check the dual certificate, then the
// best matching of any size when maximising.
#include <cstdio>
#include <sixlink/assignment/assignment.hpp>
#include <sixlink/verify/assignment_certificate.hpp>

int main() {
  sixlink::DenseWeights cost(3, 3);
  cost << 4, 1, 3, 2, 0, 5, 3, 2, 2;
  auto result = sixlink::solve_assignment(cost);
  std::printf("objective %.0f, rows -> columns %lld %lld %lld, certificate %s\n", result.objective,
              static_cast<long long>(result.row_to_col[0]),
              static_cast<long long>(result.row_to_col[1]),
              static_cast<long long>(result.row_to_col[2]),
              sixlink::check_assignment(cost, false, result) ? "ok" : "BAD");
  if (result.objective != 5) return 1;

  sixlink::AssignmentOptions options;  // best matching of any size, maximising
  options.maximize = true;
  options.mode = sixlink::AssignmentMode::kPartial;
  result = sixlink::solve_assignment(cost, options);
  std::printf("partial, maximising: objective %.0f, certificate %s\n", result.objective,
              sixlink::check_assignment(cost, options, result) ? "ok" : "BAD");
  return result.objective == 11 && sixlink::check_assignment(cost, options, result) ? 0 : 1;
}
