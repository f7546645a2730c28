// io/gap_report_io.hpp: the gap report's JSON (documented keys, in order, and
// the report's own numbers) and its CSV folder (exactly the named files,
// replaced whole, foreign files refused and kept).
#include "sixlink/io/gap_report_io.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/core/error.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

std::vector<std::string> keys(const Json& j) {
  std::vector<std::string> out;
  for (const auto& [key, value] : j.items()) out.push_back(key);
  return out;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(GapReportIo, JsonHasTheDocumentedKeysAndTheReportsNumbers) {
  const GapReport report = gap_analysis(testing::tiny_scenario());
  const Json j = Json::parse(gap_report_to_json(report, "tiny"));
  EXPECT_EQ(keys(j), (std::vector<std::string>{"scenario", "year", "city", "clusters", "cells",
                                               "occupations", "programmes", "flows", "regions", "indicators", "progression", "linkage"}));
  EXPECT_EQ(j["scenario"], "tiny");
  EXPECT_EQ(j["year"], 2020);
  EXPECT_EQ(j["city"]["graduates"], report.city.graduates);
  EXPECT_EQ(j["city"]["matched"], report.city.matched);
  EXPECT_EQ(j["city"]["recorded_retention_rate"], 0.5);
  ASSERT_EQ(j["clusters"].size(), report.clusters.size());
  EXPECT_EQ(j["clusters"][0]["id"], "auto");
  EXPECT_EQ(j["clusters"][0]["band"], std::string(to_string(report.clusters[0].band)));
  ASSERT_EQ(j["programmes"].size(), 3u);
  EXPECT_EQ(j["programmes"][2]["id"], "p3");
  EXPECT_EQ(j["programmes"][2]["graduates"], 20);
  EXPECT_EQ(j["linkage"]["edges"], 26);
  EXPECT_EQ(j["linkage"]["findings"]["enterprises_without_sector"], Json::array({"e4"}));
  // Rounded to 6 decimals: 80 / 30 is written 2.666667.
  EXPECT_EQ(j["clusters"][1]["ratio"].get<double>(), 2.666667);
  // The indent is the caller's: -1 writes one line.
  const std::string compact = gap_report_to_json(report, "tiny", -1);
  EXPECT_EQ(compact.find('\n'), compact.find_last_not_of('\n') + 1);
  EXPECT_EQ(Json::parse(compact), j);
}

TEST(GapReportIo, ProgrammeTablesListTheLabelBesideTheId) {
  Scenario s = testing::tiny_scenario();
  const GapReport report = gap_analysis(s);
  // Without names (tiny-city labels no programme): "name" is there, empty.
  Json j = Json::parse(gap_report_to_json(report, "tiny"));
  EXPECT_EQ(keys(j["programmes"][0]),
            (std::vector<std::string>{"id", "name", "school", "specialty", "region", "graduates",
                                      "placed_local", "leaving", "surplus", "marginal_value"}));
  EXPECT_EQ(keys(j["progression"]["programmes"][0])[1], "name");
  for (const Json& p : j["programmes"]) EXPECT_EQ(p["name"], "");
  for (const Json& p : j["progression"]["programmes"]) EXPECT_EQ(p["name"], "");
  // With the scenario's labels, as set; a programme without one stays empty.
  s.programmes[0].name = "东城 · 数控技术应用";
  j = Json::parse(gap_report_to_json(report, "tiny", 2, programme_names(s)));
  EXPECT_EQ(j["programmes"][0]["name"], "东城 · 数控技术应用");
  EXPECT_EQ(j["programmes"][1]["name"], "");
  EXPECT_EQ(j["progression"]["programmes"][0]["programme"], "p1");
  EXPECT_EQ(j["progression"]["programmes"][0]["name"], "东城 · 数控技术应用");
}

TEST(GapReportIo, ZeroDemandRatiosAreNullOrZero) {
  Scenario s = testing::tiny_scenario();
  s.enterprises[0].openings[0].count = 0;  // auto has no demand left, and no supply
  GapReport report = gap_analysis(s);
  Json j = Json::parse(gap_report_to_json(report, "tiny"));
  EXPECT_EQ(j["clusters"][0]["demand"], 0);
  EXPECT_EQ(j["clusters"][0]["ratio"], 0.0);
  EXPECT_EQ(j["clusters"][0]["band"], "no_demand");
  // Supply without demand has an infinite ratio, which JSON writes as null.
  report.clusters[0].ratio = std::numeric_limits<double>::infinity();
  j = Json::parse(gap_report_to_json(report, "tiny"));
  EXPECT_TRUE(j["clusters"][0]["ratio"].is_null());
}

TEST(GapReportIo, SummaryIsTheCityAndTheIndicators) {
  const GapReport report = gap_analysis(testing::tiny_scenario());
  const Json full = Json::parse(gap_report_to_json(report, "tiny"));
  const Json j = Json::parse(gap_summary_to_json(report));
  EXPECT_EQ(keys(j), (std::vector<std::string>{"year", "city", "indicators"}));
  EXPECT_EQ(j["city"], full["city"]);
  EXPECT_EQ(j["indicators"], full["indicators"]);
}

class GapReportCsv : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sixlink-gap-csv-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(GapReportCsv, WritesExactlyTheNamedTablesAndReplacesThem) {
  const std::vector<std::string> names = gap_report_csv_files();
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()),
            (std::set<std::string>{"clusters.csv", "cells.csv", "occupations.csv",
                                   "programmes.csv", "regions.csv", "indicators.csv", "city.csv",
                                   "findings.csv", "progression.csv", "pathways.csv",
                                   "flows.csv"}));
  const GapReport report = gap_analysis(testing::tiny_scenario());
  const fs::path out = dir_ / "gap";
  write_gap_report_csv(report, out);
  std::set<std::string> written;
  for (const auto& entry : fs::directory_iterator(out)) written.insert(entry.path().filename());
  EXPECT_EQ(written, std::set<std::string>(names.begin(), names.end()));
  EXPECT_THAT(read(out / "city.csv"), ::testing::HasSubstr("graduates,160"));
  EXPECT_THAT(read(out / "findings.csv"), ::testing::HasSubstr("enterprises_without_sector,e4"));
  EXPECT_EQ(read(out / "programmes.csv").substr(0, 8), "id,name,");
  EXPECT_THAT(read(out / "programmes.csv"), ::testing::HasSubstr("\np1,,"));  // no label
  EXPECT_EQ(read(out / "progression.csv").substr(0, 15), "programme,name,");
  write_gap_report_csv(report, out);  // again: replaced, same tables
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator{}),
            static_cast<std::ptrdiff_t>(names.size()));
}

TEST_F(GapReportCsv, ProgrammeLabelsInProgrammesAndProgression) {
  Scenario s = testing::tiny_scenario();
  s.programmes[1].name = "东城 · 护理, 三年制";  // a comma: the field is quoted
  const fs::path out = dir_ / "gap";
  write_gap_report_csv(gap_analysis(s), out, programme_names(s));
  EXPECT_THAT(read(out / "programmes.csv"),
              ::testing::HasSubstr("\np2,\"东城 · 护理, 三年制\",s1,"));
  EXPECT_THAT(read(out / "progression.csv"), ::testing::HasSubstr("\np2,\"东城 · 护理, 三年制\","));
  EXPECT_THAT(read(out / "programmes.csv"), ::testing::HasSubstr("\np1,,"));
}

TEST_F(GapReportCsv, RefusesAFolderHoldingAnythingElse) {
  const fs::path out = dir_ / "mine";
  fs::create_directories(out);
  std::ofstream(out / "notes.txt") << "keep me";
  EXPECT_THROW(write_gap_report_csv(gap_analysis(testing::tiny_scenario()), out), IoError);
  EXPECT_EQ(read(out / "notes.txt"), "keep me");
  EXPECT_THROW(write_gap_report_csv(gap_analysis(testing::tiny_scenario()), dir_ / "a" / "b"),
               IoError);  // the parent must exist
}

}  // namespace
}  // namespace sixlink
