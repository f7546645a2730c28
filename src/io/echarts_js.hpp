// TEMPORARY stand-in (lead's local test); replaced by the page branch's version.
#pragma once
#include <string_view>
namespace sixlink::detail {
extern const std::string_view kEchartsJsTmp;
inline bool have_echarts() { return true; }
inline std::string_view echarts_js() { return kEchartsJsTmp; }
inline std::string_view echarts_version() { return "6.1.0"; }
}  // namespace sixlink::detail
