// Links sixlink::sixlink and checks the built-in scenario's headline figure.
#include <cstdio>
#include <sixlink/sixlink.hpp>

int main() {
  const sixlink::ScenarioSummary summary = sixlink::summarise(sixlink::default_scenario());
  std::printf("sixlink %s: %s enrols %lld students\n", sixlink::kVersion, summary.name.c_str(),
              static_cast<long long>(summary.enrolled));
  return summary.enrolled == 88'700 ? 0 : 1;
}
