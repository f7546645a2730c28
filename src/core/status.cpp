// The names of the shared status values (see sixlink/core/status.hpp).
#include "sixlink/core/status.hpp"

namespace sixlink {

std::string_view to_string(Status status) {
  switch (status) {
    case Status::kOptimal:
      return "optimal";
    case Status::kInfeasible:
      return "infeasible";
    case Status::kUnbounded:
      return "unbounded";
    case Status::kOutOfRange:
      return "out_of_range";
    case Status::kIterationLimit:
      return "iteration_limit";
  }
  return "?";
}

std::optional<Status> parse_status(std::string_view text) {
  for (const Status status : {Status::kOptimal, Status::kInfeasible, Status::kUnbounded,
                              Status::kOutOfRange, Status::kIterationLimit}) {
    if (text == to_string(status)) return status;
  }
  return std::nullopt;
}

}  // namespace sixlink
