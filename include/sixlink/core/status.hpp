// sixlink/core/status.hpp — the one vocabulary every optimiser reports in.
//
// A well-formed problem that has no optimal answer is an outcome, not an error:
// every solver returns a result struct whose `status` says which outcome it met,
// and a message beside it says why in words. Malformed input throws instead
// (sixlink/core/error.hpp). All engines and the analyses above them share this
// one enum, so a caller, the CLI and the Python layer read one set of names.
//
// What each value means, engine by engine (an engine never returns a value not
// listed for it):
//
//   kOptimal         min-cost flow: flow, potentials and cost are optimal.
//                    assignment: the matching and its duals are optimal.
//                    quota optimisation: the plan is optimal within the
//                    decomposition's tolerance (its bound is returned too).
//   kInfeasible      min-cost flow: no flow meets the supplies and bounds; the
//                    result carries a cut that proves it.
//                    assignment: no perfect matching exists (kFull mode) over
//                    the allowed (finite) weights.
//                    quota optimisation: no plan meets the side constraints.
//   kUnbounded       min-cost flow: feasible, and the cost falls without limit;
//                    the result carries a negative cycle of infinite capacity.
//   kOutOfRange      min-cost flow: costs, capacities, supplies or the optimal
//                    cost exceed the int64 ranges the engine guarantees.
//   kIterationLimit  quota optimisation: the column generation stopped at its
//                    iteration limit; the plan is feasible, not proven optimal.
//
// The names (`to_string`) are stable: they appear in JSON reports, CLI output and
// Python, and `parse_status` reads them back.
#pragma once

#include <optional>
#include <string_view>

namespace sixlink {

enum class Status {
  kOptimal,         ///< the answer is optimal
  kInfeasible,      ///< no feasible answer exists
  kUnbounded,       ///< feasible, and the objective improves without limit
  kOutOfRange,      ///< the data or the answer exceed the engine's numeric ranges
  kIterationLimit,  ///< stopped at an iteration limit before proving optimality
};

/// "optimal", "infeasible", "unbounded", "out_of_range" or "iteration_limit".
std::string_view to_string(Status status);

/// The status named by `text` (exactly as to_string writes it), or nullopt.
std::optional<Status> parse_status(std::string_view text);

}  // namespace sixlink
