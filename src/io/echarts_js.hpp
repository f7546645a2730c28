// Apache ECharts, embedded into the library for `sixlink report`.
//
// The report is one HTML file that opens from disk with no server and no
// network, so the ECharts bundle is inlined into it. The bundle comes from npm
// (package.json pins the version, package-lock.json locks it; scripts/setup.sh
// runs `npm ci`), never from the repository: cmake/SixlinkEcharts.cmake reads
// node_modules/echarts/dist/echarts.min.js at configure time and generates the
// definitions of these functions in the build directory. A build configured
// without node_modules still builds; have_echarts() is then false and both
// strings are empty, and the report command says to run scripts/setup.sh.
#pragma once

#include <string_view>

namespace sixlink::detail {

// Whether the build embedded ECharts.
bool have_echarts() noexcept;

// The whole minified UMD bundle (dist/echarts.min.js, about 1.1 MB), byte for
// byte; empty without ECharts. Assembled on the first call, then shared.
std::string_view echarts_js();

// The version from node_modules/echarts/package.json, e.g. "6.1.0"; empty without ECharts.
std::string_view echarts_version() noexcept;

}  // namespace sixlink::detail
