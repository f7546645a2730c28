#include "sixlink/admission/admission_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "sixlink/core/error.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

Count vocational_seats(const AdmissionSeats& seats) {
  Count n = 0;
  for (const auto& i : seats.institutions)
    if (i.kind == SeatKind::kVocational) n += i.seats;
  return n;
}

TEST(AdmissionData, TaizhouDefaultsAreRoughlyEqualAndLabelled) {
  const Scenario& s = default_scenario();
  const AdmissionData data = default_admission_data(s);
  EXPECT_EQ(data.high_schools.size(), 30u);  // three per county-level region
  EXPECT_FALSE(data.notes.empty());
  const AdmissionSeats seats = admission_seats(s, data);
  Count general = 0;
  for (const auto& h : data.high_schools) general += h.capacity;
  EXPECT_EQ(general, vocational_seats(seats));  // 大体相当 by construction
  Count cohort = 0;
  for (const auto& c : data.cohorts) {
    EXPECT_EQ(c.year, 2020);
    cohort += c.size;
  }
  EXPECT_NEAR(static_cast<double>(cohort), 1.03 * 2.0 * static_cast<double>(general), 10.0);
  // Only secondary-level programmes of schools open in 2020 take junior-high graduates.
  for (const auto& i : seats.institutions) EXPECT_GT(i.seats, 0) << i.id;
}

TEST(AdmissionData, OtherScenariosGetGeneralSeatsPerCounty) {
  const Scenario s = testing::tiny_scenario();
  const AdmissionData data = default_admission_data(s);
  const AdmissionSeats seats = admission_seats(s, data);
  // p1 and p2 (s1, secondary, region r1): 150 seats; p3 is at a higher-vocational school.
  EXPECT_EQ(vocational_seats(seats), 150);
  ASSERT_EQ(data.high_schools.size(), 1u);
  EXPECT_EQ(data.high_schools[0].region, "r1");
  EXPECT_EQ(data.high_schools[0].capacity, 150);
  ASSERT_EQ(data.cohorts.size(), 2u);
  EXPECT_EQ(data.cohorts[0].size, 309);
  EXPECT_EQ(data.cohorts[1].size, 0);
}

TEST(AdmissionData, SyntheticApplicantsAreDeterministicAndWellFormed) {
  const Scenario& s = default_scenario();
  const AdmissionData data = default_admission_data(s);
  const AdmissionSeats seats = admission_seats(s, data);
  const ApplicantTable a = synthetic_applicants(seats, data, 2020, 6, 42);
  const ApplicantTable b = synthetic_applicants(seats, data, 2020, 6, 42);
  const ApplicantTable c = synthetic_applicants(seats, data, 2020, 6, 43);
  EXPECT_EQ(a.choices.indices, b.choices.indices);
  EXPECT_EQ(a.score, b.score);
  EXPECT_NE(a.score, c.score);
  Count cohort = 0;
  for (const auto& k : data.cohorts) cohort += k.size;
  EXPECT_EQ(a.size(), cohort);
  Count own_county = 0, entries = 0;
  for (Index i = 0; i < a.size(); ++i) {
    const auto list = a.choices.list(i);
    EXPECT_LE(list.size(), 6u);
    EXPECT_EQ(std::set<Index>(list.begin(), list.end()).size(), list.size());
    EXPECT_GE(a.score[static_cast<std::size_t>(i)], 0.0);
    EXPECT_LE(a.score[static_cast<std::size_t>(i)], kMaxExamScore);
    for (Index k : list) {
      ++entries;
      own_county += seats.institutions[static_cast<std::size_t>(k)].region ==
                    a.region[static_cast<std::size_t>(i)];
    }
  }
  EXPECT_GT(own_county, entries / 2);  // distance: most choices close to home
  EXPECT_LT(own_county, entries);      // but not all
}

TEST(AdmissionData, SyntheticApplicantsNeedACohortOfTheYear) {
  const Scenario& s = default_scenario();
  const AdmissionData data = default_admission_data(s);
  const AdmissionSeats seats = admission_seats(s, data);
  try {
    synthetic_applicants(seats, data, 2031, 10, 0);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "no junior-high cohort for year 2031 (cohorts: 2020)");
  }
  EXPECT_THROW(synthetic_applicants(seats, data, 2020, 0, 0), InvalidInput);
}

TEST(AdmissionData, ValidationNamesTheEntryAtFault) {
  const Scenario s = testing::tiny_scenario();
  AdmissionData data = default_admission_data(s);
  data.high_schools[0].capacity = -5;
  try {
    validate_admission_data(data, s);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "high_schools[0] ('r1-gh1'): capacity -5 must be from 0 to 10^12");
  }
  data = default_admission_data(s);
  data.high_schools.push_back(data.high_schools[0]);
  EXPECT_THROW(validate_admission_data(data, s), InvalidInput);
  data = default_admission_data(s);
  data.high_schools[0].region = "nowhere";
  EXPECT_THROW(validate_admission_data(data, s), InvalidInput);
  data = default_admission_data(s);
  data.high_schools[0].id = "p1";  // a programme's id
  EXPECT_THROW(validate_admission_data(data, s), InvalidInput);
  data = default_admission_data(s);
  data.cohorts.push_back(data.cohorts[0]);
  EXPECT_THROW(validate_admission_data(data, s), InvalidInput);
}

}  // namespace
}  // namespace sixlink
