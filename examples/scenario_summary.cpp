// Load a scenario (the built-in one, or a file given on the command line),
// validate it and print its headline figures.
#include <cstdio>
#include <exception>
#include <sixlink/sixlink.hpp>

int main(int argc, char** argv) {
  try {
    const sixlink::Scenario scenario =
        argc > 1 ? sixlink::load_scenario(argv[1]) : sixlink::default_scenario();
    const sixlink::ScenarioSummary summary = sixlink::summarise(scenario);
    std::printf("%s: %lld students enrolled, %.0f graduates and %lld openings a year\n",
                summary.name.c_str(), static_cast<long long>(summary.enrolled), summary.graduates,
                static_cast<long long>(summary.openings));
    for (const auto& cluster : summary.clusters) {
      std::printf("  %-14s %7.0f graduates %6lld openings\n", cluster.id.c_str(), cluster.graduates,
                  static_cast<long long>(cluster.openings));
    }
  } catch (const sixlink::Error& e) {  // bad input: the message names file, place and id
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "internal error: %s\n", e.what());
    return 1;
  }
  return 0;
}
