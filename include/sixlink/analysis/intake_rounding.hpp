// sixlink/analysis/intake_rounding.hpp — the quota plan's intakes in whole students.
//
// Problem. The quota LP (quota_optimisation.hpp) works in whole graduates, so its
// intakes q*_p = q0_p + (g_p - g0_p) / c_p are fractional seats (and, with binding
// side constraints, convex combinations of flows). A school admits whole students.
// Find whole intakes x_p that satisfy everything the LP satisfies, in students:
//
//   bounds      x_p in [L_p, U_p]: an open programme's [max(min_intake, (1 - delta) q0),
//               min(max_intake, (1 + delta) q0)] (a candidate's [min_intake, max_intake]),
//               rounded inwards to whole students; a closed programme or an unopened
//               candidate has x_p = 0 (so an intake is 0 or at least min_intake)
//   capacity    per school with a capacity: sum_p (s_p + x_p) <= capacity
//   enrolment   sum_p (s_p + x_p) >= total_enrolment
//   budget      sum_p cost_per_student_p (s_p + x_p) <= budget
//   level mix   min_secondary_share <= secondary students / all students <= max_secondary_share
//
// with s_p the continuing students (quota_optimisation.hpp's default (duration - 1)
// q0_p, or QuotaOptions::continuing_students). Bounds and rows are derived here from
// the scenario and the options, not read back from the LP's result.
//
// Rule. Each x_p is q*_p rounded to the nearest whole student (halves up; a value
// within 1e-7 of a whole number is that number), inside [L_p, U_p]. If that
// breaks a constraint, intakes are moved to their other neighbour (floor or ceil
// of q*_p, never further) one at a time, each time the move that most reduces the
// total violation (each row's excess divided by its largest coefficient, so one
// student moves it by at most one); ties go to the move that stays closest to the
// LP value, then to the first programme. When no single move helps, the best
// pair of opposite moves (one up, one down) is tried. So every whole intake is
// within one student of the LP's, and `moved` counts those not at the nearest.
//
// No whole point. The search covers only the floor/ceil neighbours of the LP
// point (a box of 2^P points, searched greedily), so it can miss a whole point
// that exists; and with tight rows none may exist (e.g. a budget binding to the
// yuan). Then the status is kLpKept: `intake` keeps the LP values unchanged and
// `message` names the constraints that no rounding satisfied. Callers show the
// LP values and say so (`sixlink plan` prints "intakes are the LP's: ...").
//
// Tolerance. A row holds when it is violated by at most 1e-9 x max(1, |limit|,
// sum |coefficient x value|): the LP itself holds its rows to about that.
//
// Complexity. O((P + R) log P) without repairs; each repair step O(P R) for a
// single move and O(P^2) for a pair (R <= 4 + schools rows, each programme in at
// most 5 of them); at most 4 P steps.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/core/types.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// What the rounding must satisfy, per programme of the plan (scenario order, then
/// candidates) and per school.
struct IntakeRoundingProblem {
  std::vector<std::string> programme;  ///< ids, for messages
  std::vector<double> lp;              ///< the LP's intakes
  std::vector<char> open;              ///< 0: closed or not opened (intake 0)
  std::vector<Count> lower;            ///< whole-student bounds while open
  std::vector<Count> upper;
  std::vector<double> continuing;  ///< s_p
  std::vector<Index> school;       ///< index into `capacity`
  std::vector<double> cost_per_student;
  std::vector<char> secondary;  ///< 1: a secondary specialty
  std::vector<std::string> school_id;
  std::vector<double> capacity;  ///< students per school; <= 0: none
  std::optional<double> total_enrolment;
  std::optional<double> budget;
  std::optional<double> min_secondary_share;
  std::optional<double> max_secondary_share;
};

enum class IntakeRoundingStatus { kRounded, kLpKept };
std::string_view to_string(IntakeRoundingStatus status);

struct IntakeRounding {
  IntakeRoundingStatus status = IntakeRoundingStatus::kRounded;
  std::vector<double> intake;     ///< whole students (kRounded) or the LP's values (kLpKept)
  std::vector<double> intake_lp;  ///< the LP's values, unchanged
  std::vector<Count> lower;       ///< the whole-student bounds while open (the problem's)
  std::vector<Count> upper;
  std::string message;            ///< kLpKept: the constraints no rounding satisfied
  Index moved = 0;                ///< whole intakes that are not the nearest one
  double enrolment = 0.0;         ///< students at `intake`
  double cost = 0.0;              ///< yuan a year at `intake`
  double secondary_share = 0.0;   ///< at `intake`
};

/// The bounds and rows of `plan`, from the scenario and the options it was solved
/// with (RecommendationReport::options: candidates filled). Throws InvalidInput
/// when the plan does not belong to them (another number of programmes).
IntakeRoundingProblem intake_rounding_problem(const Scenario& scenario,
                                              const QuotaOptions& options,
                                              const QuotaResult& plan);

/// Rounds by the rule above.
IntakeRounding round_intakes(const IntakeRoundingProblem& problem);

/// intake_rounding_problem + round_intakes. A plan without an optimum (infeasible,
/// iteration limit) keeps its values: kLpKept with the reason.
IntakeRounding round_plan_intakes(const Scenario& scenario, const QuotaOptions& options,
                                  const QuotaResult& plan);

/// The first bound or row `intake` breaks (beyond the tolerance above), as a
/// sentence; empty when all hold.
std::string intake_violation(const IntakeRoundingProblem& problem,
                             const std::vector<double>& intake);

}  // namespace sixlink
