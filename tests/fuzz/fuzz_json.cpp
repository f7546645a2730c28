// Fuzzes the JSON scenario loader: any input either loads (and then round-trips
// exactly) or throws a sixlink::Error. A crash, a sanitizer report or another
// exception is a bug.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sixlink/core/error.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/model/summary.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sixlink::Scenario scenario;
  try {
    scenario = sixlink::scenario_from_json(text, "fuzz.json");
  } catch (const sixlink::Error&) {
    return 0;
  }
  if (!(sixlink::scenario_from_json(sixlink::scenario_to_json(scenario)) == scenario)) std::abort();
  (void)sixlink::summary_to_json(sixlink::summarise(scenario));
  return 0;
}
