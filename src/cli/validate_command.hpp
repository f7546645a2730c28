// `sixlink validate PATH [--json]`: every problem found in a scenario file or
// folder, one line each on stderr (at most 20), or as JSON on stdout:
//   {"valid": true|false, "path", "errors": [{"file", "location", "message"}],
//    "summary": {...} (valid input only)}
// Exit status 0 when valid, 2 otherwise.
#pragma once

#include <string>

namespace sixlink::cli {

int run_validate(const std::string& path, bool json);

}  // namespace sixlink::cli
