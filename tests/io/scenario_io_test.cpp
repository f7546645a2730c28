// io/scenario_io.hpp: one entry point for every scenario source (JSON file or
// CSV folder), check_scenario's located problems, resolve_scenario's built-in
// names and save_scenario's choice of format.
#include "sixlink/io/scenario_io.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sixlink/core/error.hpp"
#include "sixlink/io/csv.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "sixlink/model/validate.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;

// check_scenario() on files: the loaders' locations, split into parts.
class CheckScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sixlink-check-scenario-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const auto path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // The message load_scenario() throws for `path`.
  static std::string load_error(const std::filesystem::path& path) {
    try {
      (void)load_scenario(path);
    } catch (const Error& e) {
      return e.what();
    }
    return "(no error)";
  }

  std::filesystem::path dir_;
};

TEST_F(CheckScenario, ValidFilesHaveNoProblems) {
  const auto json = write("tiny.json", scenario_to_json(testing::tiny_scenario()));
  EXPECT_TRUE(check_scenario(json).empty());
  save_scenario_csv(testing::tiny_scenario(), dir_ / "tiny-csv");
  EXPECT_TRUE(check_scenario(dir_ / "tiny-csv").empty());
}

TEST_F(CheckScenario, JsonProblemsByPointer) {
  Scenario s = testing::tiny_scenario();
  s.programmes[0].intake = 151;
  s.programmes[1].school = "nope";
  s.employment[1].year = 2008;
  const auto path = write("bad.json", scenario_to_json(s));
  const std::vector<Problem> found = check_scenario(path);
  ASSERT_EQ(found.size(), 3u);
  for (const Problem& p : found) EXPECT_EQ(p.file, path.string());
  EXPECT_EQ(found[0].location, "/programmes/0/intake");
  EXPECT_EQ(found[0].message, "programme 'p1': intake 151 is above max_intake 150");
  EXPECT_EQ(found[1].location, "/programmes/1/school");
  EXPECT_EQ(found[2].location, "/employment/1/year");
  // The first problem is the loader's error, and to_string() reads the same.
  EXPECT_EQ(to_string(found[0]), load_error(path));
  EXPECT_EQ(check_scenario(path, 2).size(), 2u);
}

TEST_F(CheckScenario, CsvProblemsByLineAndColumn) {
  Scenario s = testing::tiny_scenario();
  s.programmes[1].intake = 10;    // below min_intake 30; programmes.csv line 3
  s.clusters[1].growth_rate = 2;  // clusters.csv line 3
  save_scenario_csv(testing::tiny_scenario(), dir_ / "city");
  for (const auto& [name, text] : scenario_to_csv(s)) write("city/" + name, text);
  const std::vector<Problem> found = check_scenario(dir_ / "city");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].file, (dir_ / "city" / "clusters.csv").string());
  EXPECT_EQ(found[0].location, "line 3, column 'growth_rate'");
  EXPECT_EQ(found[1].file, (dir_ / "city" / "programmes.csv").string());
  EXPECT_EQ(found[1].location, "line 3, column 'intake'");
  EXPECT_EQ(found[1].message,
            "programme 'p2': intake 10 is below min_intake 30 (0 marks a closed programme)");
  EXPECT_EQ(load_error(dir_ / "city"),
            found[0].file + ":3: column 'growth_rate': " + found[0].message);
}

TEST_F(CheckScenario, AParseErrorIsOneProblem) {
  const auto broken = write("broken.json", "{\"sixlink\": 1, \"name\": ");
  std::vector<Problem> found = check_scenario(broken);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].file, broken.string());
  EXPECT_EQ(found[0].location, "");
  EXPECT_EQ(to_string(found[0]), load_error(broken));

  std::string text = scenario_to_json(testing::tiny_scenario());
  text.replace(text.find("\"intake\": 100"), 13, "\"intake\": \"many\"");
  const auto typed = write("typed.json", text);
  found = check_scenario(typed);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].location, "/programmes/0/intake");
  EXPECT_THAT(found[0].message, HasSubstr("expected an integer"));
  EXPECT_EQ(to_string(found[0]), load_error(typed));

  CsvFiles files = scenario_to_csv(testing::tiny_scenario());
  for (const auto& [name, content] : files) write("cells/" + name, content);
  std::string programmes = files.at("programmes.csv");
  programmes.replace(programmes.find(",100,"), 5, ",lots,");
  write("cells/programmes.csv", programmes);
  found = check_scenario(dir_ / "cells");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].file, (dir_ / "cells" / "programmes.csv").string());
  EXPECT_EQ(found[0].location, "line 2, column 'intake'");
  EXPECT_EQ(found[0].file + ":2: column 'intake': " + found[0].message, load_error(dir_ / "cells"));

  found = check_scenario(dir_ / "missing.json");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].file, (dir_ / "missing.json").string());
  EXPECT_EQ(found[0].message, "no such file or folder");
}

// load, resolve and save, in the same temporary folder.
class ScenarioIo : public CheckScenario {};

TEST_F(ScenarioIo, SaveChoosesTheFormatAndLoadReadsEither) {
  const Scenario tiny = testing::tiny_scenario();
  save_scenario(tiny, dir_ / "tiny.json");
  EXPECT_TRUE(std::filesystem::is_regular_file(dir_ / "tiny.json"));
  EXPECT_EQ(load_scenario(dir_ / "tiny.json"), tiny);
  save_scenario(tiny, dir_ / "tiny");  // no .json: a CSV folder
  ASSERT_TRUE(std::filesystem::is_directory(dir_ / "tiny"));
  for (const auto& [name, text] : scenario_to_csv(tiny))
    EXPECT_TRUE(std::filesystem::is_regular_file(dir_ / "tiny" / name)) << name;
  EXPECT_EQ(load_scenario(dir_ / "tiny"), tiny);
  EXPECT_EQ(load_error(dir_ / "absent"), (dir_ / "absent").string() + ": no such file or folder");
}

TEST_F(ScenarioIo, ResolveKnowsTheBuiltInNamesAndPrefersAFile) {
  EXPECT_EQ(resolve_scenario(kDefaultScenarioName), default_scenario());
  for (const std::string_view name : builtin_scenario_names())
    EXPECT_EQ(resolve_scenario(name), *find_builtin_scenario(name)) << name;
  const auto path = write("tiny.json", scenario_to_json(testing::tiny_scenario()));
  EXPECT_EQ(resolve_scenario(path.string()), testing::tiny_scenario());
  try {
    (void)resolve_scenario("no-such-city");
    ADD_FAILURE() << "no error for an unknown name";
  } catch (const IoError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no-such-city: no such file or folder, nor a built-in"));
    EXPECT_THAT(e.what(), HasSubstr(std::string(kDefaultScenarioName)));
  }
}

}  // namespace
}  // namespace sixlink
