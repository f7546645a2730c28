// matching/market.hpp: ranked lists in compressed form, and validate() naming
// the applicant, institution or quota at fault.
#include "sixlink/matching/market.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sixlink/core/error.hpp"
#include "support/matching_markets.hpp"

namespace sixlink {
namespace {

using ::testing::HasSubstr;
using testing::lists;

std::string error_of(const MatchingMarket& m) {
  try {
    validate(m);
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(RankedLists, AddAndReadBack) {
  RankedLists r;
  EXPECT_EQ(r.size(), 0);
  r.add(std::vector<Index>{2, 0});
  r.add(std::vector<Index>{});
  r.add(std::vector<Index>{1});
  EXPECT_EQ(r.size(), 3);
  EXPECT_EQ(r.indptr, (std::vector<Index>{0, 2, 2, 3}));
  EXPECT_EQ(r.indices, (std::vector<Index>{2, 0, 1}));
  EXPECT_THAT(r.list(0), ::testing::ElementsAre(2, 0));
  EXPECT_TRUE(r.list(1).empty());
  EXPECT_THAT(r.list(2), ::testing::ElementsAre(1));
}

TEST(MatchingMarket, CountsAndTieBreakNames) {
  MatchingMarket m;
  m.applicant_prefs = lists({{0}, {1, 0}, {}});
  m.capacities = {1, 2};
  EXPECT_EQ(m.applicant_count(), 3);
  EXPECT_EQ(m.institution_count(), 2);
  EXPECT_EQ(to_string(TieBreak::kSingle), "single");
  EXPECT_EQ(to_string(TieBreak::kMultiple), "multiple");
}

TEST(MatchingMarket, ValidateNamesTheCulprit) {
  MatchingMarket m;
  m.applicant_prefs = lists({{0, 1}, {1}});
  m.capacities = {1, 1};
  m.scores = {1.0, 2.0};
  EXPECT_EQ(error_of(m), "(no error)");

  MatchingMarket bad = m;
  bad.applicant_prefs.indptr = {1, 2, 3};
  EXPECT_THAT(error_of(bad), HasSubstr("indptr must start with 0"));
  bad = m;
  bad.applicant_prefs.indptr = {0, 2, 1};
  EXPECT_THAT(error_of(bad), HasSubstr("indptr"));
  bad.applicant_prefs.indptr = {0, 5, 3};  // a list past the entries is caught before it is read
  EXPECT_THAT(error_of(bad), HasSubstr("indptr runs past the entries at applicant 0"));
  bad = m;
  bad.capacities = {1, -2};
  EXPECT_THAT(error_of(bad), HasSubstr("institution 1 has capacity -2"));
  bad = m;
  bad.scores.clear();
  EXPECT_THAT(error_of(bad), HasSubstr("no institution priority"));
  bad = m;
  bad.applicant_group = {0};
  EXPECT_THAT(error_of(bad), HasSubstr("applicant_group has 1 entries for 2 applicants"));
  bad.applicant_group = {0, -2};
  EXPECT_THAT(error_of(bad), HasSubstr("applicant 1 has group -2"));
  bad = m;
  bad.entry_scores = {1.0, 2.0};  // as well as scores, and too few
  EXPECT_THAT(error_of(bad), HasSubstr("give one institution priority"));
  bad.scores.clear();
  EXPECT_THAT(error_of(bad), HasSubstr("entry_scores has 2 entries for 3 list entries"));
  bad = m;
  bad.quotas = {{0, 0, -1}};
  EXPECT_NE(error_of(bad), "(no error)");
}

TEST(MatchingMarket, EmptyMarketsAreValid) {
  EXPECT_EQ(error_of(MatchingMarket{}), "(no error)");
  MatchingMarket seats_only;
  seats_only.capacities = {0, 3};
  EXPECT_EQ(error_of(seats_only), "(no error)");  // nobody to rank: no priority needed
}

}  // namespace
}  // namespace sixlink
