// A small hand-made scenario whose summary can be computed by hand.
#pragma once

#include "sixlink/model/scenario.hpp"

namespace sixlink::testing {

// Two regions, two clusters; one specialty fits both clusters, one fits only
// "health"; the enterprises demand 30 machinists (auto) and 10 + 20 nurses.
inline Scenario tiny_scenario() {
  Scenario s;
  s.name = "tiny";
  s.base_year = 2020;
  s.regions = {{"r1", "Region one"}, {"r2", "Region two"}};
  s.clusters = {{"auto", "Automobiles", 0.05, 0.04}, {"health", "Health care", 0.06, 0.05}};
  s.sectors = {{"36", "汽车制造业", "auto"}, {"84", "卫生", "health"}, {"18", "服装", ""}};
  s.occupations = {{"machinist", "Machinist"}, {"nurse", "Nurse"}, {"tailor", "Tailor"}};
  s.specialties = {
      {"660103", "数控技术应用", SpecialtyLevel::kSecondary, {{"machinist", 1.0}, {"nurse", 0.5}}},
      {"720201", "护理", SpecialtyLevel::kSecondary, {{"nurse", 1.0}}},
      {"680402", "服装设计与工艺", SpecialtyLevel::kSecondary, {{"tailor", 1.0}}},
  };
  s.schools = {{"s1", "School one", "r1", SchoolLevel::kSecondary, true, 2000, 300},
               {"s2", "School two", "r2", SchoolLevel::kHigher, false, 1000, 0}};
  s.programmes = {
      {"p1", "s1", "660103", 100, 290, 3, 0.9, 30, 150, 16000.0},
      {"p2", "s1", "720201", 50, 140, 3, 1.0, 30, 80, 17000.0},
      {"p3", "s2", "680402", 20, 60, 3, 1.0, 0, 40, 15000.0},
  };
  s.enterprises = {
      {"e1", "Auto firm", "r1", "36", 1200, true, true, 24, {{"machinist", 30}}},
      {"e2", "Hospital", "r2", "84", 800, false, false, 0, {{"nurse", 10}}},
      {"e3", "Care home", "r1", "84", 100, false, true, 2, {{"nurse", 20}}},
      {"e4", "Workshop", "r2", "", 20, false, false, 0, {}},
  };
  s.employment = {
      {"p1", 2020, "e1", "", false, 40},     {"p1", 2020, "", "", true, 50},
      {"p2", 2020, "", "health", false, 30}, {"p2", 2020, "", "", true, 20},
      {"p3", 2019, "", "", true, 99},  // another year: not counted in the base-year retention
  };
  s.targets = {{Indicator::kEnrolment, 2023, 600}, {Indicator::kRetentionRate, 2025, 0.55}};
  return s;
}

}  // namespace sixlink::testing
