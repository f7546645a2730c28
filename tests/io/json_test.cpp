#include "sixlink/io/json.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "sixlink/core/error.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

// The error message of loading the tiny scenario's JSON after `change`.
std::string error_after(const std::function<void(json&)>& change) {
  json j = json::parse(scenario_to_json(testing::tiny_scenario()));
  change(j);
  try {
    scenario_from_json(j.dump(), "tiny.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Json, RoundTripsTheTinyAndDefaultScenarios) {
  const Scenario tiny = testing::tiny_scenario();
  EXPECT_EQ(scenario_from_json(scenario_to_json(tiny)), tiny);
  EXPECT_EQ(scenario_from_json(scenario_to_json(tiny, -1)), tiny);
  const Scenario& taizhou = default_scenario();
  EXPECT_EQ(scenario_from_json(scenario_to_json(taizhou)), taizhou);
}

TEST(Json, WritesTheFormatVersionFirst) {
  const std::string text = scenario_to_json(testing::tiny_scenario(), -1);
  EXPECT_TRUE(text.starts_with("{\"sixlink\":1,\"name\":\"tiny\""));
}

TEST(Json, OptionalFieldsTakeTheirDefaults) {
  const Scenario s = scenario_from_json(R"({"sixlink": 1, "name": "min", "base_year": 2021,
      "regions": [{"id": "r"}], "schools": [{"id": "s", "region": "r", "level": "higher"}],
      "specialties": [{"id": "x", "level": "associate"}],
      "programmes": [{"id": "p", "school": "s", "specialty": "x", "intake": 10, "enrolled": 29,
                      "duration": 3, "completion_rate": 0.9}]})");
  EXPECT_EQ(s.programmes[0].min_intake, 0);
  EXPECT_EQ(s.programmes[0].max_intake, kMaxCount);
  EXPECT_FALSE(s.schools[0].double_high);
  EXPECT_TRUE(s.employment.empty());
}

TEST(Json, SyntaxErrorsNameTheSourceAndPosition) {
  try {
    scenario_from_json("{\"sixlink\": 1,,}", "bad.json");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_THAT(e.what(), HasSubstr("bad.json: parse error at line 1, column 15"));
    EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("json.exception")));
  }
  EXPECT_THROW(scenario_from_json("", "empty.json"), ParseError);
  // Found by fuzzing: a number beyond double's range is reported, not thrown raw.
  EXPECT_THAT([] {
    try {
      scenario_from_json("{\"sixlink\": 3e333}", "huge.json");
    } catch (const ParseError& e) {
      return std::string(e.what());
    }
    return std::string();
  }(), HasSubstr("huge.json: /sixlink: number overflow"));
  EXPECT_THAT(error_after([](json& j) { j = json::array(); }),
              HasSubstr("tiny.json: /: expected an object, got an array"));
}

TEST(Json, VersionIsRequiredAndChecked) {
  EXPECT_EQ(error_after([](json& j) { j.erase("sixlink"); }),
            "tiny.json: /: missing required field 'sixlink'");
  EXPECT_EQ(error_after([](json& j) { j["sixlink"] = 2; }),
            "tiny.json: /sixlink: unknown format version 2 (this sixlink reads version 1)");
  EXPECT_THAT(error_after([](json& j) { j["sixlink"] = "1"; }),
              HasSubstr("/sixlink: expected an integer, got a string"));
}

TEST(Json, WrongTypesMissingAndUnknownFields) {
  EXPECT_EQ(error_after([](json& j) { j["programmes"][0]["intake"] = "100"; }),
            "tiny.json: /programmes/0/intake: expected an integer, got a string (programme 'p1')");
  EXPECT_EQ(error_after([](json& j) { j["programmes"][0]["intake"] = 3.5; }),
            "tiny.json: /programmes/0/intake: expected an integer, got 3.5 (programme 'p1')");
  EXPECT_EQ(error_after([](json& j) { j["programmes"][1].erase("school"); }),
            "tiny.json: /programmes/1: missing required field 'school' (programme 'p2')");
  EXPECT_EQ(error_after([](json& j) { j["programmes"][0]["intkae"] = 5; }),
            "tiny.json: /programmes/0/intkae: unknown field 'intkae'");
  EXPECT_EQ(
      error_after([](json& j) { j["schools"][0]["level"] = "college"; }),
      "tiny.json: /schools/0/level: expected secondary or higher, got 'college' (school 's1')");
  EXPECT_THAT(error_after([](json& j) { j["regions"] = json::object(); }),
              HasSubstr("/regions: expected an array"));
  EXPECT_THAT(
      error_after([](json& j) { j["enterprises"][0]["large"] = 1; }),
      HasSubstr("/enterprises/0/large: expected true or false, got an integer (enterprise 'e1')"));
}

TEST(Json, ValidationErrorsCarryTheJsonPointer) {
  EXPECT_EQ(error_after([](json& j) { j["programmes"][0]["school"] = "nope"; }),
            "tiny.json: /programmes/0/school: programme 'p1' refers to unknown school 'nope'");
  EXPECT_EQ(error_after([](json& j) { j["regions"][1]["id"] = "r1"; }),
            "tiny.json: /regions/1/id: duplicate region id 'r1' (first at regions[0])");
  EXPECT_EQ(
      error_after([](json& j) { j["programmes"][2]["enrolled"] = -1; }),
      "tiny.json: /programmes/2/enrolled: programme 'p3': enrolled must not be negative, got -1");
  EXPECT_EQ(error_after([](json& j) { j["specialties"][0]["occupations"][1]["occupation"] = "x"; }),
            "tiny.json: /specialties/0/occupations/1/occupation: specialty '660103' refers to "
            "unknown occupation 'x'");
  EXPECT_EQ(error_after([](json& j) { j["enterprises"][2]["openings"][0]["count"] = -3; }),
            "tiny.json: /enterprises/2/openings/0/count: enterprise 'e3': count must not be "
            "negative, got -3");
}

TEST(Json, OverflowingNumbersAreRejected) {
  EXPECT_THAT(error_after([](json& j) { j["programmes"][0]["intake"] = 18446744073709551615ULL; }),
              HasSubstr("/programmes/0/intake: integer 18446744073709551615 is out of range"));
  EXPECT_THAT(error_after([](json& j) { j["programmes"][0]["intake"] = 1e300; }),
              HasSubstr("/programmes/0/intake: expected an integer"));
  EXPECT_THAT(error_after([](json& j) { j["programmes"][0]["intake"] = 2'000'000'000'000LL; }),
              HasSubstr("above the largest allowed count"));
  EXPECT_THAT(error_after([](json& j) { j["base_year"] = 5'000'000'000LL; }),
              HasSubstr("/base_year: integer 5000000000 is out of range"));
}

TEST(Json, SaveIsAtomicAndLoadsBack) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "sixlink-json-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "tiny.json";
  save_scenario_json(testing::tiny_scenario(), file);
  save_scenario_json(testing::tiny_scenario(), file);  // replaces
  EXPECT_EQ(load_scenario_json(file), testing::tiny_scenario());
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()),
            1);  // no temporaries left
  EXPECT_THROW(save_scenario_json(testing::tiny_scenario(), dir / "missing" / "x.json"), IoError);
  EXPECT_THROW(load_scenario_json(dir / "absent.json"), IoError);
  fs::remove_all(dir);
}

TEST(Json, SummaryHasNullRetentionWhenUnknown) {
  Scenario s;
  s.name = "empty";
  const json j = json::parse(summary_to_json(summarise(s)));
  EXPECT_TRUE(j["retention_rate"].is_null());
  EXPECT_EQ(j["enrolled"], 0);
}


// A text edit of the tiny scenario's JSON: the first `from` becomes `to`.
std::string error_after_text(const std::string& from, const std::string& to) {
  std::string text = scenario_to_json(testing::tiny_scenario(), -1);
  const std::size_t at = text.find(from);
  if (at == std::string::npos) return "(no such text)";
  text.replace(at, from.size(), to);
  try {
    scenario_from_json(text, "tiny.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Json, DuplicatedKeysAreLocatedErrors) {
  const std::string first = testing::tiny_scenario().programmes[1].id;
  EXPECT_EQ(error_after_text("\"id\":\"" + first + "\"",
                             "\"id\":\"" + first + "\",\"id\":\"" + first + "\""),
            "tiny.json: /programmes/1/id: the key 'id' is given twice in one object");
  EXPECT_EQ(error_after_text("{\"sixlink\":1", "{\"sixlink\":1,\"sixlink\":1"),
            "tiny.json: /sixlink: the key 'sixlink' is given twice in one object");
}

TEST(Json, NumbersBeyondDoubleRangeAreLocatedByPointer) {
  const Programme p = testing::tiny_scenario().programmes[2];
  EXPECT_THAT(error_after_text("\"intake\":" + std::to_string(p.intake), "\"intake\":1e400"),
              HasSubstr("tiny.json: /programmes/2/intake: number overflow"));
  // Keys holding '/' and '~' are escaped as RFC 6901 says.
  EXPECT_THAT(error_after_text("{\"sixlink\":1", "{\"sixlink\":1,\"a/b~c\":-1e999"),
              HasSubstr("tiny.json: /a~1b~0c: number overflow"));
}

TEST(Json, ControlCharactersInIdsAreEscapedInMessages) {
  const std::string id = testing::tiny_scenario().regions[0].id;
  const std::string error = error_after_text("\"id\":\"" + id + "\"", "\"id\":\"a\\u0000b\"");
  EXPECT_THAT(error, HasSubstr("a\\x00b"));
  EXPECT_EQ(error.find('\0'), std::string::npos);
}

}  // namespace
}  // namespace sixlink
