#include "sixlink/io/admission_io.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sixlink/core/error.hpp"
#include "support/tiny_scenario.hpp"

namespace sixlink {
namespace {

AdmissionSeats tiny_seats() {
  const Scenario s = testing::tiny_scenario();
  return admission_seats(s, default_admission_data(s));
}

std::string error_of(const std::string& csv, int choices = 3) {
  try {
    applicants_from_csv(csv, "applicants.csv", tiny_seats(), choices);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(AdmissionIo, ReadsApplicants) {
  const ApplicantTable t = applicants_from_csv(
      "id,region,score,choices\nx,r1,500,p1;r1-gh1\ny,r2,480.5,\n", "a.csv", tiny_seats(), 3);
  ASSERT_EQ(t.size(), 2);
  EXPECT_EQ(t.id(0), "x");
  EXPECT_EQ(t.region, (std::vector<Index>{0, 1}));
  EXPECT_EQ(t.score[1], 480.5);
  EXPECT_EQ(t.choices.list(0).size(), 2u);
  EXPECT_EQ(t.choices.list(1).size(), 0u);
}

TEST(AdmissionIo, LocatesBadApplicants) {
  EXPECT_EQ(error_of("id,region,score,choices\nx,r1,500,p1\ny,r1,500,p9\n"),
            "applicants.csv:3: column 'choices': institution 'p9' is not a programme or high "
            "school (applicant 'y')");
  EXPECT_EQ(error_of("id,region,score,choices\nx,r1,500,p1;p2;p1\n"),
            "applicants.csv:2: column 'choices': institution 'p1' is listed twice (applicant 'x')");
  EXPECT_EQ(error_of("id,region,score,choices\nx,r1,500,p1;p2;r1-gh1\n", 2),
            "applicants.csv:2: column 'choices': 3 choices, more than the 2 allowed (--choices) "
            "(applicant 'x')");
  EXPECT_EQ(error_of("id,region,score,choices\nx,r9,500,p1\n"),
            "applicants.csv:2: column 'region': region 'r9' is not in the scenario (applicant 'x')");
  EXPECT_EQ(error_of("id,region,score,choices\nx,r1,500,p1\nx,r1,400,p2\n"),
            "applicants.csv:3: column 'id': applicant id 'x' repeats an earlier row's (applicant 'x')");
  EXPECT_NE(error_of("id,region,score,choices\nx,r1,,p1\n"), "");
  EXPECT_NE(error_of("id,region,choices\nx,r1,p1\n"), "");  // no score column
}

TEST(AdmissionIo, LocatesBadHighSchoolsAndCohorts) {
  const Scenario s = testing::tiny_scenario();
  const auto dir = std::filesystem::temp_directory_path() / "sixlink_admission_io_test";
  std::filesystem::create_directories(dir);
  const auto hs = dir / "hs.csv", cohorts = dir / "cohorts.csv";
  std::ofstream(hs) << "id,name,region,capacity,tier\nh1,One,r1,100,1\nh2,Two,r2,-5,2\n";
  try {
    load_admission_data(s, hs, std::nullopt);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()), hs.string() + ":3: capacity -5 must be from 0 to 10^12");
  }
  std::ofstream(hs) << "id,name,region,capacity,tier\nh1,One,r1,100,1\n";
  std::ofstream(cohorts) << "region,year,size\nr1,2021,300\nr1,2021,200\n";
  try {
    load_admission_data(s, hs, cohorts);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()), cohorts.string() + ":3: a second cohort for year 2021");
  }
  std::ofstream(cohorts) << "region,year,size\nr1,2021,300\nr2,2021,20\n";
  const AdmissionData data = load_admission_data(s, hs, cohorts);
  ASSERT_EQ(data.high_schools.size(), 1u);
  EXPECT_EQ(data.cohorts[1].size, 20);
  EXPECT_EQ(data.cohorts[1].score_mean, 480.0);
  // High schools without cohorts: default cohorts sized to these seats (150 + 100).
  const AdmissionData sized = load_admission_data(s, hs, std::nullopt);
  EXPECT_EQ(sized.cohorts[0].size, 258);
  std::filesystem::remove_all(dir);
}

TEST(AdmissionIo, AssignmentsCsv) {
  const AdmissionSeats seats = tiny_seats();
  const ApplicantTable t = applicants_from_csv(
      "id,region,score,choices\nx,r1,500,p1\ny,r2,480,\n", "a.csv", seats, 3);
  AdmissionOptions o;
  const AdmissionOutcome out = admit(seats, t, o);
  EXPECT_EQ(admission_assignments_csv(seats, t, out),
            "applicant,region,score,institution,kind,school,institution_region\n"
            "x,r1,500,p1,vocational,s1,r1\ny,r2,480,,,,\n");
}

}  // namespace
}  // namespace sixlink
