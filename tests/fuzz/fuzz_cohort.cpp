// Fuzzes the cohort CSV loader and placement. The input is a graduates file and
// an openings file joined by the byte 0x1E (record separator), read against the
// tiny test scenario; any input either loads and places in every mode with every
// capacity respected and no blocking pair in the stable mode, or throws a
// sixlink::Error.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "sixlink/core/error.hpp"
#include "sixlink/io/placement_io.hpp"
#include "sixlink/placement/placement.hpp"
#include "support/tiny_scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const sixlink::Scenario scenario = sixlink::testing::tiny_scenario();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = text.find('\x1e');
  sixlink::Cohort cohort;
  try {
    cohort = cut == std::string_view::npos
                 ? sixlink::cohort_from_csv(scenario, text, "graduates.csv")
                 : sixlink::cohort_from_csv(scenario, text.substr(0, cut), "graduates.csv",
                                            text.substr(cut + 1), "openings.csv");
  } catch (const sixlink::Error&) {
    return 0;
  }
  sixlink::PlacementOptions options;
  for (auto mode : {sixlink::PlacementMode::kOptimal, sixlink::PlacementMode::kStable,
                    sixlink::PlacementMode::kParallel}) {
    options.mode = mode;
    sixlink::PlacementResult r;
    try {
      r = sixlink::place(scenario, cohort, options);
    } catch (const sixlink::Error&) {
      return 0;
    }
    std::vector<sixlink::Count> used(cohort.openings.size(), 0);
    for (sixlink::Index j : r.opening_of)
      if (j >= 0 && ++used[static_cast<std::size_t>(j)] >
                        cohort.openings[static_cast<std::size_t>(j)].capacity)
        std::abort();
    if (mode == sixlink::PlacementMode::kStable && !r.blocking_pairs.empty()) std::abort();
    if (mode == sixlink::PlacementMode::kOptimal && !r.certified) std::abort();
  }
  return 0;
}
