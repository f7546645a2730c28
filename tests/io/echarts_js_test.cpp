// The ECharts bundle embedded at build time (cmake/SixlinkEcharts.cmake).
#include "io/echarts_js.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace sixlink::detail {
namespace {

const std::filesystem::path kEcharts =
    std::filesystem::path(SIXLINK_SOURCE_DIR) / "node_modules" / "echarts";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(EchartsJs, EmptyWithoutNodeModules) {
  if (have_echarts()) GTEST_SKIP() << "ECharts is embedded";
  EXPECT_TRUE(echarts_js().empty());
  EXPECT_TRUE(echarts_version().empty());
}

TEST(EchartsJs, IsTheMinifiedUmdBundle) {
  if (!have_echarts()) GTEST_SKIP() << "built without node_modules: run scripts/setup.sh";
  const std::string_view js = echarts_js();
  EXPECT_GT(js.size(), 500'000u);
  // The Apache licence header, then the UMD wrapper that sets the `echarts` global.
  const std::string_view head = js.substr(js.find_first_not_of(" \n"), 300);
  EXPECT_TRUE(head.starts_with("/*")) << head;
  EXPECT_NE(head.find("Licensed to the Apache Software Foundation"), std::string_view::npos)
      << head;
  EXPECT_NE(js.find("\"object\"==typeof exports&&\"undefined\"!=typeof module"),
            std::string_view::npos);
  EXPECT_NE(js.find(").echarts={})"), std::string_view::npos);
  EXPECT_NE(js.find("echarts"), std::string_view::npos);
  EXPECT_EQ(js.data(), echarts_js().data()) << "assembled once, then shared";
}

// The report inlines the bundle in a <script> element, which ends at the first
// "</script" whatever its case; "<!--" would change how the element is parsed.
TEST(EchartsJs, CanBeInlinedInAScriptElement) {
  if (!have_echarts()) GTEST_SKIP() << "built without node_modules: run scripts/setup.sh";
  std::string lower(echarts_js());
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(lower.find("</script"), std::string::npos);
  EXPECT_EQ(lower.find("<!--"), std::string::npos);
  EXPECT_EQ(lower.find("<script"), std::string::npos);
}

TEST(EchartsJs, EqualsTheFileInNodeModulesByteForByte) {
  if (!have_echarts()) GTEST_SKIP() << "built without node_modules: run scripts/setup.sh";
  const std::filesystem::path file = kEcharts / "dist" / "echarts.min.js";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " is gone since the build";
  EXPECT_TRUE(echarts_js() == read_file(file)) << "stale build: configure again";
}

TEST(EchartsJs, VersionIsThePackagesVersion) {
  if (!have_echarts()) GTEST_SKIP() << "built without node_modules: run scripts/setup.sh";
  const std::filesystem::path file = kEcharts / "package.json";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " is gone since the build";
  const auto package = nlohmann::json::parse(read_file(file));
  EXPECT_EQ(echarts_version(), package.at("version").get<std::string>());
  EXPECT_FALSE(echarts_version().empty());
}

}  // namespace
}  // namespace sixlink::detail
