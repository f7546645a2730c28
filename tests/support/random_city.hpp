// Small seeded random cities for the analyses' tests: regions, clusters,
// occupations, specialties with a few fits, schools (some with tight
// capacities), programmes and openings.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "sixlink/model/scenario.hpp"
#include "sixlink/model/validate.hpp"

namespace sixlink::testing {

inline Scenario random_city(std::uint64_t seed) {
  std::uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto uniform = [&](int lo, int hi) { return lo + static_cast<int>(next() % (hi - lo + 1)); };
  Scenario s;
  s.name = "random";
  s.base_year = 2020;
  const int regions = uniform(1, 3), clusters = uniform(1, 3), occupations = uniform(3, 6);
  for (int r = 0; r < regions; ++r) s.regions.push_back({"r" + std::to_string(r), "R"});
  for (int c = 0; c < clusters; ++c)
    s.clusters.push_back({"c" + std::to_string(c), "C", 0.02 * uniform(0, 3), 0.04});
  for (int c = 0; c < clusters; ++c)
    s.sectors.push_back({"s" + std::to_string(c), "S", "c" + std::to_string(c)});
  for (int o = 0; o < occupations; ++o) s.occupations.push_back({"o" + std::to_string(o), "O"});
  const int specialties = uniform(2, 5);
  for (int k = 0; k < specialties; ++k) {
    const bool associate = k % 2 == 1;
    Specialty sp{std::to_string((associate ? 460100 : 660100) + k),
                 "Sp",
                 associate ? SpecialtyLevel::kAssociate : SpecialtyLevel::kSecondary,
                 {}};
    const int fits = uniform(1, 3);
    for (int f = 0; f < fits; ++f) {
      const std::string occ = "o" + std::to_string((k + f * 2) % occupations);
      bool seen = false;
      for (const auto& x : sp.occupations) seen = seen || x.occupation == occ;
      if (!seen) sp.occupations.push_back({occ, 0.3 + 0.1 * uniform(0, 7)});
    }
    s.specialties.push_back(std::move(sp));
  }
  const int schools = uniform(1, 4);
  int programme = 0;
  for (int k = 0; k < schools; ++k) {
    const std::string id = "sch" + std::to_string(k);
    const int offered = uniform(1, specialties);
    Count students = 0;
    for (int j = 0; j < offered; ++j) {
      const Count intake = 20 * uniform(1, 8);
      const int spec = (k + j) % specialties;
      s.programmes.push_back({"p" + std::to_string(programme++), id,
                              s.specialties[static_cast<std::size_t>(spec)].id, intake, 3 * intake,
                              3, 0.9, std::min<Count>(10 * uniform(0, 6), intake), 2 * intake,
                              1000.0 * uniform(10, 20)});
      students += 3 * intake;
    }
    // Some schools full, some with room.
    const Count capacity = uniform(0, 2) == 0 ? students : students + students / 2;
    s.schools.push_back({id, "School", "r" + std::to_string(k % regions),
                         k % 2 ? SchoolLevel::kHigher : SchoolLevel::kSecondary, false, capacity,
                         0});
  }
  const int enterprises = uniform(2, 8);
  for (int e = 0; e < enterprises; ++e) {
    Enterprise firm{"e" + std::to_string(e),
                    "Firm",
                    "r" + std::to_string(uniform(0, regions - 1)),
                    "s" + std::to_string(uniform(0, clusters - 1)),
                    100,
                    false,
                    false,
                    0,
                    {}};
    const int kinds = uniform(1, 3);
    for (int j = 0; j < kinds; ++j) {
      const std::string occ = "o" + std::to_string(uniform(0, occupations - 1));
      bool seen = false;
      for (const auto& x : firm.openings) seen = seen || x.occupation == occ;
      if (!seen) firm.openings.push_back({occ, 5 * uniform(1, 30)});
    }
    s.enterprises.push_back(std::move(firm));
  }
  validate(s);
  return s;
}

}  // namespace sixlink::testing
