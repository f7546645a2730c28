#include "sixlink/model/catalogue.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace sixlink {
namespace {

TEST(Catalogue, HoldsThe2021CatalogueCounts) {
  const auto entries = specialty_catalogue();
  EXPECT_EQ(entries.size(), 1349u);
  int secondary = 0, associate = 0, bachelor = 0, k_codes = 0;
  std::set<std::pair<SpecialtyLevel, std::string>> seen;
  for (const auto& e : entries) {
    secondary += e.level == SpecialtyLevel::kSecondary;
    associate += e.level == SpecialtyLevel::kAssociate;
    bachelor += e.level == SpecialtyLevel::kBachelor;
    k_codes += e.code.ends_with('K');
    EXPECT_TRUE(seen.emplace(e.level, e.code).second) << e.code;
    EXPECT_EQ(e.code.substr(0, 4), e.class_code);
    EXPECT_EQ(e.code.substr(0, 2), e.category_code);
  }
  EXPECT_EQ(secondary, 358);
  EXPECT_EQ(associate, 744);
  EXPECT_EQ(bachelor, 247);
  EXPECT_EQ(k_codes, 47);
}

TEST(Catalogue, FindsEntriesByLevelAndCode) {
  const CatalogueEntry* e = find_catalogue_entry(SpecialtyLevel::kSecondary, "660103");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "数控技术应用");
  EXPECT_EQ(e->class_name, "机械设计制造类");
  EXPECT_EQ(e->category_name, "装备制造大类");
  EXPECT_EQ(find_catalogue_entry(SpecialtyLevel::kAssociate, "660103"), nullptr);
  const CatalogueEntry* k = find_catalogue_entry(SpecialtyLevel::kAssociate, "520101K");
  ASSERT_NE(k, nullptr);
}

}  // namespace
}  // namespace sixlink
