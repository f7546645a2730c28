// io/placement_io.hpp: cohorts from CSV (defaults, located errors, round trip
// through write_cohort_csv) and placements as JSON and assignment rows.
#include "sixlink/io/placement_io.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sixlink/core/error.hpp"
#include "sixlink/placement/placement.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

std::string error_of(std::string_view graduates, std::optional<std::string_view> openings) {
  try {
    (void)cohort_from_csv(testing::tiny_scenario(), graduates, "graduates.csv", openings);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

class PlacementIo : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sixlink-placement-io-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  fs::path dir_;
};

TEST_F(PlacementIo, CohortCsvFillsTheDefaults) {
  const Cohort c = cohort_from_csv(testing::tiny_scenario(),
                                   "programme,id,score,preferences\n"
                                   "p2,g1,71.5,e3;e2\n"
                                   "p3,g2,,\n",
                                   "graduates.csv");
  ASSERT_EQ(c.graduates.size(), 2u);
  EXPECT_EQ(c.graduates[0].id, "g1");
  EXPECT_EQ(c.graduates[0].home_region, "r1");  // p2's school s1
  EXPECT_EQ(c.graduates[0].score, 71.5);
  EXPECT_EQ(c.graduates[0].preferences, (std::vector<std::string>{"e3", "e2"}));
  EXPECT_EQ(c.graduates[1].home_region, "r2");
  EXPECT_EQ(c.graduates[1].score, 0.0);
  EXPECT_EQ(c.openings.size(), scenario_openings(testing::tiny_scenario()).size());

  const Cohort with =
      cohort_from_csv(testing::tiny_scenario(), "id,programme\ng1,p1\n", "graduates.csv",
                      "id,enterprise,capacity,kind,ranking\n"
                      "o1,e2,3,internship,g1\n");
  ASSERT_EQ(with.openings.size(), 1u);
  EXPECT_EQ(with.openings[0].region, "r2");  // e2's region
  EXPECT_EQ(with.openings[0].kind, OpeningKind::kInternship);
  EXPECT_EQ(with.openings[0].ranking, (std::vector<std::string>{"g1"}));
}

TEST_F(PlacementIo, CohortErrorsNameTheFileAndLine) {
  EXPECT_EQ(error_of("id,programme\ng1,p1\ng2,nope\n", std::nullopt),
            "graduates.csv:3: programme 'nope' is not in the scenario");
  EXPECT_EQ(error_of("id,programme\ng1,p1\ng1,p2\n", std::nullopt),
            "graduates.csv:3: duplicate id");
  EXPECT_THAT(error_of("id,programme\ng1,p1\n",
                       std::string_view("id,enterprise,capacity,kind\no1,e1,2,gig\n")),
              HasSubstr("openings.csv:2"));
  EXPECT_THAT(
      error_of("id,programme\ng1,p1\n", std::string_view("id,enterprise,capacity\no1,e9,2\n")),
      HasSubstr("openings.csv:2: enterprise 'e9' is not in the scenario"));
  EXPECT_THAT(error_of("id\ng1\n", std::nullopt), HasSubstr("programme"));
}

TEST_F(PlacementIo, WrittenCohortsLoadBackTheSame) {
  const Scenario s = testing::tiny_scenario();
  const Cohort c = synthetic_cohort(s);
  write_cohort_csv(c, dir_ / "cohort");
  const std::vector<std::string> files = cohort_csv_files();
  ASSERT_EQ(files, (std::vector<std::string>{"graduates.csv", "openings.csv"}));
  const Cohort back = load_cohort_csv(s, dir_ / "cohort" / files[0], dir_ / "cohort" / files[1]);
  ASSERT_EQ(back.graduates.size(), c.graduates.size());
  for (std::size_t i = 0; i < c.graduates.size(); ++i) {
    EXPECT_EQ(back.graduates[i].id, c.graduates[i].id);
    EXPECT_EQ(back.graduates[i].home_region, c.graduates[i].home_region);
    EXPECT_EQ(back.graduates[i].score, c.graduates[i].score);
    EXPECT_EQ(back.graduates[i].preferences, c.graduates[i].preferences);
  }
  ASSERT_EQ(back.openings.size(), c.openings.size());
  for (std::size_t j = 0; j < c.openings.size(); ++j) {
    EXPECT_EQ(back.openings[j].id, c.openings[j].id);
    EXPECT_EQ(back.openings[j].capacity, c.openings[j].capacity);
    EXPECT_EQ(back.openings[j].kind, c.openings[j].kind);
    EXPECT_EQ(back.openings[j].occupation, c.openings[j].occupation);
  }
  EXPECT_THROW(load_cohort_csv(s, dir_ / "absent.csv"), IoError);
}

TEST_F(PlacementIo, ColumnsReadAsTheCsvFiles) {
  const Scenario s = testing::tiny_scenario();
  const CohortColumns graduates{"graduates (columns)",
                                {"programme", "id", "score", "preferences"},
                                {{"p2", "p3"}, {"g1", "g2"}, {"71.5", ""}, {"e3;e2", ""}}};
  const Cohort from_columns = load_cohort(s, graduates);
  const Cohort from_text = cohort_from_csv(s,
                                           "programme,id,score,preferences\n"
                                           "p2,g1,71.5,e3;e2\n"
                                           "p3,g2,,\n",
                                           "graduates.csv");
  ASSERT_EQ(from_columns.graduates.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(from_columns.graduates[i].id, from_text.graduates[i].id);
    EXPECT_EQ(from_columns.graduates[i].home_region, from_text.graduates[i].home_region);
    EXPECT_EQ(from_columns.graduates[i].score, from_text.graduates[i].score);
    EXPECT_EQ(from_columns.graduates[i].preferences, from_text.graduates[i].preferences);
  }
  EXPECT_EQ(from_columns.openings.size(), scenario_openings(s).size());

  // A file and columns mixed: openings as columns beside a graduates file.
  std::ofstream(dir_ / "graduates.csv") << "id,programme\ng1,p1\n";
  const CohortColumns openings{"openings (columns)",
                               {"id", "enterprise", "capacity", "kind", "ranking"},
                               {{"o1"}, {"e2"}, {"3"}, {"internship"}, {"g1"}}};
  const Cohort mixed = load_cohort(s, dir_ / "graduates.csv", CohortTable(openings));
  ASSERT_EQ(mixed.openings.size(), 1u);
  EXPECT_EQ(mixed.openings[0].region, "r2");
  EXPECT_EQ(mixed.openings[0].kind, OpeningKind::kInternship);

  auto error = [&](const CohortColumns& columns) -> std::string {
    try {
      (void)load_cohort(s, columns);
    } catch (const Error& e) {
      return e.what();
    }
    return "(no error)";
  };
  // Row r is named as line r + 2, the line of the CSV file the columns would export.
  EXPECT_EQ(error({"cohort", {"id", "programme"}, {{"g1", "g2"}, {"p1", "nope"}}}),
            "cohort:3: programme 'nope' is not in the scenario");
  EXPECT_THAT(error({"cohort", {"id", "programme", "score"}, {{"g1"}, {"p1"}, {"high"}}}),
              HasSubstr("cohort:2: column 'score'"));
  EXPECT_THAT(error({"cohort", {"id", "grade"}, {{"g1"}, {"1"}}}),
              HasSubstr("cohort:1: unknown column 'grade'"));
  EXPECT_THAT(error({"cohort", {"id", "programme"}, {{"g1", "g2"}, {"p1"}}}),
              HasSubstr("column 'programme' has 1 cells"));
  EXPECT_THAT(error({"cohort", {"id"}, {{"g1"}}}),
              HasSubstr("missing required column 'programme'"));
  EXPECT_THAT(error({"cohort", {"id", "programme"}, {{"g1"}}}), HasSubstr("2 column names for 1"));
}

TEST_F(PlacementIo, PlacementJsonAndAssignments) {
  const Scenario s = testing::tiny_scenario();
  const Cohort c = synthetic_cohort(s);
  const PlacementResult r = place(s, c);
  const Json j = Json::parse(placement_to_json(r, c, "tiny"));
  EXPECT_EQ(j["scenario"], "tiny");
  EXPECT_EQ(j["mode"], "optimal");
  EXPECT_EQ(j["graduates"], 160);
  EXPECT_EQ(j["placed"], r.placed);
  EXPECT_EQ(j["blocking_pairs"], static_cast<Count>(r.blocking_pairs.size()));
  EXPECT_LE(j["blocking_examples"].size(), 10u);
  EXPECT_EQ(j["certified"], true);
  ASSERT_EQ(j["programmes"].size(), 3u);
  EXPECT_EQ(j["programmes"][2]["programme"], "p3");
  EXPECT_EQ(j["programmes"][2]["name"], "");  // tiny-city labels no programme
  const ProgrammeNames names{{"p3", "西城 · 服装"}};
  const Json labelled = Json::parse(placement_to_json(r, c, "tiny", 2, names));
  EXPECT_EQ(labelled["programmes"][2]["name"], "西城 · 服装");
  EXPECT_EQ(labelled["programmes"][0]["name"], "");
  const Json summary = Json::parse(placement_summary_to_json(r));
  EXPECT_FALSE(summary.contains("clusters"));
  EXPECT_FALSE(summary.contains("programmes"));
  EXPECT_FALSE(summary.contains("blocking_examples"));
  EXPECT_EQ(summary["placed"], j["placed"]);

  write_assignments_csv(r, c, dir_ / "assignments.csv");
  std::istringstream rows(read(dir_ / "assignments.csv"));
  std::string line;
  std::getline(rows, line);
  EXPECT_EQ(line, "graduate,enterprise,opening,kind");
  Count lines = 0, placed = 0;
  while (std::getline(rows, line)) {
    const std::size_t g = static_cast<std::size_t>(lines++);
    EXPECT_EQ(line.substr(0, line.find(',')), c.graduates[g].id);
    if (r.opening_of[g] >= 0) {
      ++placed;
      EXPECT_THAT(line, HasSubstr(c.openings[static_cast<std::size_t>(r.opening_of[g])].id));
    } else {
      EXPECT_EQ(line, c.graduates[g].id + ",,,");
    }
  }
  EXPECT_EQ(lines, 160);
  EXPECT_EQ(placed, r.placed);
}

}  // namespace
}  // namespace sixlink
