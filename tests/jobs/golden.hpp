// The golden outputs of `sixlink` (tests/data/golden), read by the jobs' tests: a job's
// JSON must be the CLI's byte for byte (exit status 0 in every case used).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "sixlink/io/scenario_io.hpp"

namespace sixlink::testing {

inline std::string golden(const std::string& name) {
  std::ifstream in(std::string(SIXLINK_SOURCE_DIR) + "/tests/data/golden/" + name,
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  // check.sh records the output followed by "rc=STATUS\n": keep the output only.
  std::string out = text.str();
  const std::size_t rc = out.rfind("rc=");
  return rc == std::string::npos ? out : out.substr(0, rc);
}

inline Scenario tiny_city() {
  return resolve_scenario(std::string(SIXLINK_SOURCE_DIR) + "/examples/data/tiny-city.json");
}

}  // namespace sixlink::testing
