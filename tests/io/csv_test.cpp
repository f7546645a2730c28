#include "sixlink/io/csv.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

#include "sixlink/core/error.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

std::string error_after(const std::function<void(CsvFiles&)>& change) {
  CsvFiles files = scenario_to_csv(testing::tiny_scenario());
  change(files);
  try {
    scenario_from_csv(files, "city");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

// Replaces the first occurrence of `from` in `text`.
void replace(std::string& text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

TEST(Csv, RoundTripsTheTinyAndDefaultScenarios) {
  const Scenario tiny = testing::tiny_scenario();
  EXPECT_EQ(scenario_from_csv(scenario_to_csv(tiny)), tiny);
  EXPECT_EQ(scenario_from_csv(scenario_to_csv(default_scenario())), default_scenario());
  EXPECT_EQ(scenario_to_csv(tiny).size(), 16u);
}

TEST(Csv, ScenarioCsvFilesNamesWhatScenarioToCsvWrites) {
  std::vector<std::string> written;
  for (const auto& [name, content] : scenario_to_csv(testing::tiny_scenario()))
    written.push_back(name);
  std::vector<std::string> named = scenario_csv_files();
  std::sort(named.begin(), named.end());
  EXPECT_EQ(named, written);  // CsvFiles is a sorted map
  EXPECT_EQ(named.size(), 16u);  // with pathways.csv, indicator_values.csv and notes.csv
}

TEST(Csv, ReadsWhatSpreadsheetsWrite) {
  CsvFiles files = scenario_to_csv(testing::tiny_scenario());
  // Byte-order mark, CRLF line ends, reordered columns, quoted cells, an unnamed
  // empty column and blank lines.
  files["regions.csv"] =
      "\xEF\xBB\xBFname,id,\r\n\"Region one, north\",r1,\r\n\r\n\"Region \"\"two\"\"\",r2,\r\n";
  const Scenario s = scenario_from_csv(files);
  EXPECT_EQ(s.regions[0].name, "Region one, north");
  EXPECT_EQ(s.regions[1].name, "Region \"two\"");
  EXPECT_EQ(s.regions[1].id, "r2");
}

TEST(Csv, OptionalFilesAndColumns) {
  CsvFiles files = scenario_to_csv(testing::tiny_scenario());
  files.erase("employment.csv");
  files.erase("targets.csv");
  files["programmes.csv"] =
      "id,school,specialty,intake,enrolled,duration,completion_rate\n"
      "p1,s1,660103,100,290,3,0.9\n";
  const Scenario s = scenario_from_csv(files);
  EXPECT_TRUE(s.employment.empty());
  EXPECT_EQ(s.programmes[0].max_intake, kMaxCount);
}

TEST(Csv, StructuralErrorsNameFileAndLine) {
  EXPECT_EQ(error_after([](CsvFiles& f) { f.erase("schools.csv"); }),
            "city/schools.csv: missing file (a scenario folder needs schools.csv)");
  EXPECT_EQ(error_after([](CsvFiles& f) { replace(f["programmes.csv"], "intake,", "intkae,"); }),
            "city/programmes.csv:1: unknown column 'intkae' (expected id, school, specialty, "
            "intake, enrolled, "
            "duration, completion_rate, min_intake, max_intake, cost_per_student, name)");
  EXPECT_EQ(error_after([](CsvFiles& f) {
              f["programmes.csv"] =
                  "id,school,specialty,intake,duration,completion_rate\np1,s1,660103,100,3,0.9\n";
            }),
            "city/programmes.csv:1: missing required column 'enrolled'");
  EXPECT_EQ(error_after([](CsvFiles& f) { replace(f["regions.csv"], "r2,", "r2,x,"); }),
            "city/regions.csv:3: expected 2 fields as in the header, got 3");
  EXPECT_EQ(error_after([](CsvFiles& f) { replace(f["regions.csv"], "r2,", "\"r2,"); }),
            "city/regions.csv:3: unterminated quoted field");
  EXPECT_EQ(error_after([](CsvFiles& f) { f["regions.csv"] = ""; }),
            "city/regions.csv:1: missing header row");
  EXPECT_EQ(
      error_after(
          [](CsvFiles& f) { f["regions.csv"] = "id,name\nr1,ok\nr2,\xC4\xFA\xBA\xC3\n"; }),  // GBK
      "city/regions.csv:3: GBK-encoded (a Chinese spreadsheet export), not UTF-8 (save the file "
      "as \"CSV UTF-8\" from the spreadsheet)");
  // Bytes that are neither UTF-8 nor GBK are only "not valid UTF-8".
  EXPECT_EQ(error_after([](CsvFiles& f) { f["regions.csv"] = "id,name\nr1,\xFF\xFF\n"; }),
            "city/regions.csv:2: not valid UTF-8 (save the file as \"CSV UTF-8\" from the "
            "spreadsheet)");
  EXPECT_EQ(error_after([](CsvFiles& f) { f["extra.csv"] = "a\n1\n"; }),
            "city/extra.csv: unknown table (not part of the scenario format)");
}

TEST(Csv, CellErrorsNameFileLineColumnAndId) {
  EXPECT_EQ(
      error_after([](CsvFiles& f) {
        replace(f["programmes.csv"], "p2,s1,720201,50", "p2,s1,720201,fifty");
      }),
      "city/programmes.csv:3: column 'intake': expected an integer, got 'fifty' (programme 'p2')");
  EXPECT_EQ(error_after([](CsvFiles& f) {
              replace(f["programmes.csv"], "p2,s1,720201,50", "p2,s1,720201,");
            }),
            "city/programmes.csv:3: column 'intake': missing value (programme 'p2')");
  EXPECT_EQ(error_after([](CsvFiles& f) {
              replace(f["programmes.csv"], "p2,s1,720201,50", "p2,s1,720201,99999999999999999999");
            }),
            "city/programmes.csv:3: column 'intake': integer '99999999999999999999' is out of "
            "range (programme 'p2')");
  EXPECT_EQ(error_after([](CsvFiles& f) { replace(f["schools.csv"], "true", "maybe"); }),
            "city/schools.csv:2: column 'double_high': expected true or false, got 'maybe' (school "
            "'s1')");
  EXPECT_EQ(error_after([](CsvFiles& f) {
              replace(f["specialty_occupations.csv"], "720201,nurse", "999999,nurse");
            }),
            "city/specialty_occupations.csv:4: column 'specialty': unknown specialty '999999'");
}

TEST(Csv, ValidationErrorsNameFileLineAndColumn) {
  EXPECT_EQ(error_after([](CsvFiles& f) { replace(f["programmes.csv"], "p3,s2", "p3,s9"); }),
            "city/programmes.csv:4: column 'school': programme 'p3' refers to unknown school 's9'");
  EXPECT_EQ(error_after([](CsvFiles& f) {
              replace(f["specialty_occupations.csv"], "720201,nurse,1", "720201,nurse,nan");
            }),
            "city/specialty_occupations.csv:4: column 'fit': specialty '720201': fit must be in "
            "(0, 1], got NaN");
  EXPECT_EQ(error_after([](CsvFiles& f) {
              replace(f["enterprise_openings.csv"], "e3,nurse,20", "e3,nurse,-20");
            }),
            "city/enterprise_openings.csv:4: column 'count': enterprise 'e3': count must not be "
            "negative, got -20");
  EXPECT_EQ(error_after([](CsvFiles& f) { replace(f["regions.csv"], "r2,", "r1,"); }),
            "city/regions.csv:3: column 'id': duplicate region id 'r1' (first at regions[0])");
  EXPECT_EQ(error_after([](CsvFiles& f) { replace(f["scenario.csv"], "1,tiny", "2,tiny"); }),
            "city/scenario.csv:2: column 'sixlink': unknown format version 2 (this sixlink reads "
            "version 1)");
}

TEST(Csv, SavesFoldersWholeAndLoadsThemBack) {
  const fs::path dir = fs::temp_directory_path() / "sixlink-csv-test";
  fs::remove_all(dir);
  save_scenario_csv(testing::tiny_scenario(), dir);  // new folder
  EXPECT_EQ(load_scenario_csv(dir), testing::tiny_scenario());
  save_scenario_csv(default_scenario(), dir);  // replace files in place
  EXPECT_EQ(load_scenario(dir), default_scenario());
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 16);
  EXPECT_THROW(load_scenario_csv(dir / "regions.csv"), IoError);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sixlink
