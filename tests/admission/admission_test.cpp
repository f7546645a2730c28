// admit(): the engines' results through the admission model, checked against
// brute force (every matching of small cohorts) and the stability audit.
#include "sixlink/admission/admission.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "detail/rng.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/matching/market.hpp"
#include "sixlink/verify/stability_audit.hpp"

namespace sixlink {
namespace {

// `institutions` institutions in two counties (even: county 0), capacities 1..2;
// `applicants` applicants with lists of up to 3 distinct institutions and
// integer scores 0..4 (ties for the lottery).
struct Small {
  AdmissionSeats seats;
  ApplicantTable applicants;
};

Small small_market(std::uint64_t seed, int institutions, int applicants) {
  detail::SplitMix64 rng(seed);
  Small m;
  m.seats.regions = {"c0", "c1"};
  m.seats.region_names = {"c0", "c1"};
  for (int s = 0; s < institutions; ++s) {
    AdmissionInstitution i;
    i.id = "i" + std::to_string(s);
    i.label = i.id;
    i.school = i.id;
    i.region = s % 2;
    i.kind = s % 3 == 0 ? SeatKind::kGeneral : SeatKind::kVocational;
    i.seats = 1 + static_cast<Count>(rng.next() % 2);
    m.seats.institutions.push_back(i);
  }
  for (int a = 0; a < applicants; ++a) {
    m.applicants.region.push_back(static_cast<Index>(rng.next() % 2));
    m.applicants.score.push_back(static_cast<double>(rng.next() % 5));
    std::vector<Index> all(static_cast<std::size_t>(institutions));
    std::iota(all.begin(), all.end(), Index{0});
    for (std::size_t k = all.size(); k > 1; --k) std::swap(all[k - 1], all[rng.next() % k]);
    all.resize(1 + rng.next() % 3);
    m.applicants.choices.add(all);
  }
  return m;
}

MatchingMarket market_of(const Small& m, const AdmissionOptions& o) {
  MatchingMarket market;
  market.applicant_prefs = m.applicants.choices;
  for (const auto& i : m.seats.institutions) market.capacities.push_back(i.seats);
  market.scores = m.applicants.score;
  market.seed = o.seed;
  if (o.county_limits) {
    market.applicant_group = m.applicants.region;
    for (std::size_t s = 0; s < m.seats.institutions.size(); ++s)
      market.quotas.push_back({static_cast<Index>(s), m.seats.institutions[s].region,
                               m.seats.institutions[s].seats});
  }
  return market;
}

// Every matching (each applicant unmatched or at one listed institution) that the
// audit calls stable.
std::vector<std::vector<Index>> all_stable(const Small& m, const MatchingMarket& market) {
  const Index n = m.applicants.size();
  std::vector<std::vector<Index>> out;
  std::vector<std::size_t> digit(static_cast<std::size_t>(n), 0);
  while (true) {
    std::vector<Index> match(static_cast<std::size_t>(n), -1);
    for (Index a = 0; a < n; ++a) {
      const auto list = m.applicants.choices.list(a);
      const std::size_t d = digit[static_cast<std::size_t>(a)];
      if (d > 0) match[static_cast<std::size_t>(a)] = list[d - 1];
    }
    if (audit_stability(market, match).stable()) out.push_back(match);
    Index a = 0;
    for (; a < n; ++a) {
      auto& d = digit[static_cast<std::size_t>(a)];
      if (++d <= m.applicants.choices.list(a).size()) break;
      d = 0;
    }
    if (a == n) break;
  }
  return out;
}

// The position of s in a's list (the list's length for unmatched: worst).
std::size_t rank_of(const ApplicantTable& t, Index a, Index s) {
  const auto list = t.choices.list(a);
  for (std::size_t k = 0; k < list.size(); ++k)
    if (list[k] == s) return k;
  return list.size();
}

TEST(Admission, StableModeIsTheApplicantOptimalStableMatchingByBruteForce) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    for (bool limits : {false, true}) {
      const Small m = small_market(seed, 4, 6);
      AdmissionOptions o;
      o.mode = AdmissionMode::kStable;
      o.county_limits = limits;
      o.seed = seed;
      o.choices = 3;
      const AdmissionOutcome out = admit(m.seats, m.applicants, o);
      EXPECT_TRUE(out.stable) << "seed " << seed;
      EXPECT_EQ(out.blocking_pairs, 0);
      const auto stable = all_stable(m, market_of(m, o));
      ASSERT_FALSE(stable.empty());
      bool found = false;
      for (const auto& match : stable) {
        found = found || match == out.applicant_match;
        for (Index a = 0; a < m.applicants.size(); ++a) {
          EXPECT_LE(rank_of(m.applicants, a, out.applicant_match[static_cast<std::size_t>(a)]),
                    rank_of(m.applicants, a, match[static_cast<std::size_t>(a)]))
              << "seed " << seed << " limits " << limits << " applicant " << a;
        }
      }
      EXPECT_TRUE(found) << "seed " << seed;
    }
  }
}

TEST(Admission, ParallelModeAdmitsByScoreFromTheTop) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    Small m = small_market(seed, 5, 8);
    for (std::size_t a = 0; a < m.applicants.score.size(); ++a)
      m.applicants.score[a] = static_cast<double>(a * 7 % 11);  // distinct scores
    AdmissionOptions o;
    o.mode = AdmissionMode::kParallel;
    o.choices = 3;
    const AdmissionOutcome out = admit(m.seats, m.applicants, o);
    // Serial dictatorship by hand.
    std::vector<Index> order(m.applicants.score.size());
    std::iota(order.begin(), order.end(), Index{0});
    std::sort(order.begin(), order.end(), [&](Index x, Index y) {
      return m.applicants.score[static_cast<std::size_t>(x)] >
             m.applicants.score[static_cast<std::size_t>(y)];
    });
    std::vector<Count> left;
    for (const auto& i : m.seats.institutions) left.push_back(i.seats);
    for (Index a : order) {
      Index got = -1;
      for (Index s : m.applicants.choices.list(a)) {
        if (left[static_cast<std::size_t>(s)] > 0) {
          --left[static_cast<std::size_t>(s)];
          got = s;
          break;
        }
      }
      EXPECT_EQ(out.applicant_match[static_cast<std::size_t>(a)], got) << "seed " << seed;
    }
    // A common priority without limits: parallel choice is stable too.
    EXPECT_EQ(out.blocking_pairs, 0);
  }
}

TEST(Admission, ParallelModeWithCountyLimitsAdmitsNobodyAcrossABorder) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const Small m = small_market(seed, 6, 10);
    AdmissionOptions o;
    o.mode = AdmissionMode::kParallel;
    o.county_limits = true;
    o.choices = 3;
    const AdmissionOutcome out = admit(m.seats, m.applicants, o);
    EXPECT_EQ(out.flows[1] + out.flows[2], 0) << "seed " << seed;  // c0->c1, c1->c0
  }
}

TEST(Admission, CountyLimitsInStableModeGiveOtherCountiesOnlyWhatTheOwnCountyLeaves) {
  Small m;
  m.seats.regions = {"home", "away"};
  m.seats.institutions = {{"s", "s", "s", 0, SeatKind::kVocational, 1, 0.3, -1}};
  m.applicants.region = {1, 0};
  m.applicants.score = {90, 10};  // the outsider scores higher
  m.applicants.choices.add(std::vector<Index>{0});
  m.applicants.choices.add(std::vector<Index>{0});
  AdmissionOptions o;
  o.county_limits = true;
  AdmissionOutcome limited = admit(m.seats, m.applicants, o);
  EXPECT_EQ(limited.applicant_match, (std::vector<Index>{-1, 0}));
  EXPECT_TRUE(limited.stable);
  o.county_limits = false;
  const AdmissionOutcome open = admit(m.seats, m.applicants, o);
  EXPECT_EQ(open.applicant_match, (std::vector<Index>{0, -1}));
  EXPECT_EQ(open.flows[1 * 2 + 0], 1);
  // Without a home applicant the seat is released to the outsider.
  m.applicants.choices = {};
  m.applicants.choices.add(std::vector<Index>{0});
  m.applicants.choices.add(std::vector<Index>{});
  o.county_limits = true;
  limited = admit(m.seats, m.applicants, o);
  EXPECT_EQ(limited.applicant_match, (std::vector<Index>{0, -1}));
}

TEST(Admission, TotalsAddUp) {
  const Small m = small_market(7, 6, 30);
  AdmissionOptions o;
  o.choices = 3;
  const AdmissionOutcome out = admit(m.seats, m.applicants, o);
  EXPECT_EQ(out.admitted + out.unplaced, out.applicants);
  EXPECT_EQ(out.vocational_admitted + out.general_admitted, out.admitted);
  EXPECT_EQ(std::accumulate(out.flows.begin(), out.flows.end(), Count{0}), out.admitted);
  Count filled = 0;
  for (const auto& f : out.institutions) {
    filled += f.filled;
    EXPECT_LE(f.filled, f.seats);
    if (f.filled > 0) {
      EXPECT_LE(f.min_score, f.median_score);
      EXPECT_LE(f.median_score, f.max_score);
    }
  }
  EXPECT_EQ(filled, out.admitted);
  EXPECT_EQ(out.seats - filled, out.unfilled);
}

TEST(Admission, RefusesListsLongerThanTheChoicesAllowed) {
  const Small m = small_market(3, 4, 5);
  AdmissionOptions o;
  o.choices = 1;
  bool longer = false;
  for (Index a = 0; a < m.applicants.size(); ++a) longer |= m.applicants.choices.list(a).size() > 1;
  ASSERT_TRUE(longer);
  EXPECT_THROW(admit(m.seats, m.applicants, o), InvalidInput);
  o.choices = 0;
  EXPECT_THROW(admit(m.seats, m.applicants, o), InvalidInput);
}

TEST(Admission, ModeNames) {
  EXPECT_EQ(parse_admission_mode("stable"), AdmissionMode::kStable);
  EXPECT_EQ(parse_admission_mode("parallel"), AdmissionMode::kParallel);
  EXPECT_FALSE(parse_admission_mode("optimal"));
  EXPECT_EQ(to_string(AdmissionMode::kParallel), "parallel");
}

}  // namespace
}  // namespace sixlink
