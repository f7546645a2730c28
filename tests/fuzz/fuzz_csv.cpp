// Fuzzes the CSV scenario loader. The input is the thirteen required files joined by the
// byte 0x1E (record separator), in the order below; any input either loads (and
// then round-trips exactly through CSV) or throws a sixlink::Error. The optional files (pathways,
// indicator_values, notes) are left out.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sixlink/core/error.hpp"
#include "sixlink/io/csv.hpp"
#include "sixlink/model/summary.hpp"

namespace {
constexpr std::array<std::string_view, 13> kFiles = {"scenario.csv",
                                                     "regions.csv",
                                                     "clusters.csv",
                                                     "sectors.csv",
                                                     "occupations.csv",
                                                     "specialties.csv",
                                                     "specialty_occupations.csv",
                                                     "schools.csv",
                                                     "programmes.csv",
                                                     "enterprises.csv",
                                                     "enterprise_openings.csv",
                                                     "employment.csv",
                                                     "targets.csv"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  sixlink::CsvFiles files;
  for (std::size_t k = 0; k < kFiles.size() && !rest.empty(); ++k) {
    const std::size_t cut = rest.find('\x1e');
    files.emplace(std::string(kFiles[k]), std::string(rest.substr(0, cut)));
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
  }
  sixlink::Scenario scenario;
  try {
    scenario = sixlink::scenario_from_csv(files, "fuzz");
  } catch (const sixlink::Error&) {
    return 0;
  }
  if (!(sixlink::scenario_from_csv(sixlink::scenario_to_csv(scenario)) == scenario)) std::abort();
  (void)sixlink::summarise(scenario);
  return 0;
}
