// `sixlink validate PATH [--json]`: every problem found in a scenario file or
// folder (check_scenario), one line each on stderr (the first 20, and a line
// saying when there are more), or as JSON on stdout:
//   {"valid": true|false, "path", "errors": [{"file", "location", "message"}],
//    "more_errors": bool (invalid input), "summary": {...} (valid input)}
// Exit status 0 when valid, 2 otherwise.
#pragma once

#include <string>

namespace sixlink::cli {

int run_validate(const std::string& path, bool json);

}  // namespace sixlink::cli
