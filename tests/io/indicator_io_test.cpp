// io/json.hpp and io/csv.hpp: the plan's indicator records, targets under the
// old and new names, and enterprises' 规上 flag, in both formats.
#include <gtest/gtest.h>

#include <string>

#include "sixlink/core/error.hpp"
#include "sixlink/io/csv.hpp"
#include "sixlink/io/json.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

Scenario with_indicator_fields() {
  Scenario s = testing::tiny_scenario();
  s.enterprises[0].above_designated_size = true;
  s.enterprises[1].above_designated_size = false;  // e3, e4 stay unset
  s.indicator_values = {{Indicator::kFundingRatio, 2020, 1.5},
                        {Indicator::kTechnicalServiceIncome, 2020, 20'000'000},
                        {Indicator::kAboveSizeParticipation, 2020, 0.6}};
  s.targets.push_back({Indicator::kMasterTeacherStudios, 2025, 40});
  return s;
}

TEST(IndicatorIo, JsonRoundTripsRecordsTargetsAndTheFlag) {
  const Scenario s = with_indicator_fields();
  const std::string text = scenario_to_json(s);
  EXPECT_NE(text.find("\"indicator_values\""), std::string::npos);
  EXPECT_NE(text.find("\"above_designated_size\": false"), std::string::npos);
  EXPECT_EQ(scenario_from_json(text), s);
}

TEST(IndicatorIo, CsvRoundTripsRecordsTargetsAndTheFlag) {
  const Scenario s = with_indicator_fields();
  const CsvFiles files = scenario_to_csv(s);
  EXPECT_EQ(files.at("indicator_values.csv"),
            "indicator,year,value\nfunding_ratio,2020,1.5\ntechnical_service_income,2020,2e+07"
            "\nabove_size_participation,2020,0.6\n");
  EXPECT_EQ(scenario_from_csv(files), s);
}

TEST(IndicatorIo, OlderFilesLoadWithTheirDefaults) {
  // No indicator_values, no above_designated_size, the old indicator name.
  Scenario s = testing::tiny_scenario();
  std::string text = scenario_to_json(s);
  EXPECT_EQ(text.find("indicator_values"), std::string::npos);
  EXPECT_EQ(text.find("above_designated_size"), std::string::npos);
  const std::string old_target = "\"indicator\": \"retention_rate\"";
  text.replace(text.find(old_target), old_target.size(),
               "\"indicator\": \"large_firm_participation\"");
  const Scenario loaded = scenario_from_json(text);
  EXPECT_TRUE(loaded.indicator_values.empty());
  for (const Enterprise& e : loaded.enterprises) EXPECT_FALSE(e.above_designated_size);
  EXPECT_EQ(loaded.targets[1].indicator, Indicator::kAboveSizeParticipation);

  CsvFiles files = scenario_to_csv(s);
  files.erase("indicator_values.csv");
  std::string& firms = files.at("enterprises.csv");
  firms = firms.substr(0, firms.find(",above_designated_size")) +
          firms.substr(firms.find('\n'));  // drop the header's last column
  for (std::size_t at = firms.find('\n'); at + 1 < firms.size(); at = firms.find('\n', at + 1))
    firms.erase(firms.find('\n', at + 1) - 1, 1);  // and each row's empty last cell
  EXPECT_EQ(scenario_from_csv(files), s);
}

TEST(IndicatorIo, BadRecordsAreRejectedWithTheirPlace) {
  const std::string text = scenario_to_json(with_indicator_fields());
  auto message = [&](const std::string& from, const std::string& to) {
    std::string bad = text;
    bad.replace(bad.find(from), from.size(), to);
    try {
      scenario_from_json(bad, "city.json");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_NE(message("\"funding_ratio\"", "\"funding\"").find("/indicator_values/0/indicator"),
            std::string::npos);
  EXPECT_NE(message("\"value\": 1.5", "\"value\": -1.5").find("/indicator_values/0/value"),
            std::string::npos);
  EXPECT_NE(message("\"value\": 0.6", "\"value\": 60").find("(a fraction)"), std::string::npos);
  EXPECT_NE(message("\"above_designated_size\": true", "\"above_designated_size\": 3")
                .find("above_designated_size"),
            std::string::npos);

  CsvFiles files = scenario_to_csv(with_indicator_fields());
  files["indicator_values.csv"] += "funding_ratio,2020,2\n";
  try {
    scenario_from_csv(files, "city");
    ADD_FAILURE() << "duplicate accepted";
  } catch (const InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("indicator_values.csv"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("given twice"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sixlink
