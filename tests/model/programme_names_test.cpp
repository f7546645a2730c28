#include "sixlink/model/programme_names.hpp"

#include <gtest/gtest.h>

#include "sixlink/model/default_scenario.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

TEST(ProgrammeNames, OnlyTheLabelsTheScenarioSets) {
  Scenario s = testing::tiny_scenario();
  EXPECT_TRUE(programme_names(s).empty());  // tiny-city labels none
  s.programmes[1].name = "东城 · 护理";
  const ProgrammeNames names = programme_names(s);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(programme_name(names, s.programmes[1].id), "东城 · 护理");
  EXPECT_EQ(programme_name(names, s.programmes[0].id), "");
  EXPECT_EQ(programme_name(names, "no-such-programme"), "");
}

TEST(ProgrammeNames, TheBuiltInScenarioLabelsEveryProgramme) {
  const Scenario s = default_scenario();
  const ProgrammeNames names = programme_names(s);
  EXPECT_EQ(names.size(), s.programmes.size());
  for (const Programme& p : s.programmes) {
    EXPECT_EQ(programme_name(names, p.id), p.name);
    EXPECT_NE(p.name.find(" · "), std::string::npos) << p.id << ": " << p.name;
  }
}

}  // namespace
}  // namespace sixlink
