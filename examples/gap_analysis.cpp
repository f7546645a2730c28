// The supply-demand gap analysis on the built-in scenario: the city's figures,
// the clusters short of graduates, and a check of the flow's certificate.
#include <cstdio>
#include <exception>
#include <sixlink/sixlink.hpp>

int main() {
  try {
    sixlink::GapOptions options;
    options.year = 2025;  // openings grown to 2025; lambda calibrated on the 2020 records
    const sixlink::GapReport report = sixlink::gap_analysis(sixlink::default_scenario(), options);
    const sixlink::CityGap& city = report.city;
    std::printf("%d: %lld graduates, %lld openings, local retention %.1f %%, match rate %.1f %%\n",
                city.year, static_cast<long long>(city.graduates),
                static_cast<long long>(city.demand), 100 * city.retention_rate,
                100 * city.match_rate);
    for (const auto& cluster : report.clusters) {
      if (cluster.band == sixlink::SupplyBand::kShortage || cluster.unmet > 500)
        std::printf("  %-14s %5lld openings unfilled (supply/demand %.2f, %s)\n",
                    cluster.id.c_str(), static_cast<long long>(cluster.unmet), cluster.ratio,
                    std::string(sixlink::to_string(cluster.band)).c_str());
    }
    // gap_analysis checks the optimal flow's certificate (verify/flow_certificate.hpp).
    if (report.status != sixlink::FlowStatus::kOptimal) {
      std::printf("BAD: %s\n", report.message.c_str());
      return 1;
    }
    std::printf("certificate %s\n",
                report.certified ? "ok" : ("BAD: " + report.certificate_message).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "BAD: %s\n", e.what());
    return 1;
  }
  return 0;
}
