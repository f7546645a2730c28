// Deferred acceptance on correlated preference families (issue 19): popular
// institutions (a quality plus noise) and lists shared by many applicants. A
// common priority (one score per applicant, single lottery, no quotas) is
// solved as serial dictatorship; these tests hold it to the general engine run
// on the same priority written as per-entry scores, to the brute-force set of
// every stable matching on tiny markets, and to the stability audit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

#include "sixlink/matching/stable_matching.hpp"
#include "sixlink/verify/stability_audit.hpp"

namespace sixlink {
namespace {

enum class Family { kIndependent, kPopularity, kRepeated };

// `applicants` lists of up to `length` distinct institutions: drawn uniformly,
// by popularity (institution j drawn with weight exp(2 q_j), q_j standard
// normal: a top-k Plackett-Luce list, what quality plus Gumbel noise gives),
// or copied from `applicants / 8 + 1` distinct uniform lists.
RankedLists family_lists(std::mt19937_64& rng, Family family, Index applicants, Index institutions,
                         Index length) {
  std::vector<double> weight(static_cast<std::size_t>(institutions), 1.0);
  std::normal_distribution<double> quality(0.0, 1.0);
  if (family == Family::kPopularity)
    for (double& w : weight) w = std::exp(2.0 * quality(rng));
  std::discrete_distribution<Index> pick(weight.begin(), weight.end());
  auto draw = [&] {
    std::vector<Index> list;
    const Index want = std::min(length, institutions);
    for (int attempt = 0; static_cast<Index>(list.size()) < want && attempt < 1000; ++attempt) {
      const Index s = pick(rng);
      if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
    }
    return list;
  };
  RankedLists out;
  std::vector<std::vector<Index>> shared;
  if (family == Family::kRepeated)
    for (Index d = 0; d < applicants / 8 + 1; ++d) shared.push_back(draw());
  for (Index a = 0; a < applicants; ++a)
    out.add(family == Family::kRepeated ? shared[rng() % shared.size()] : draw());
  return out;
}

MatchingMarket family_market(std::mt19937_64& rng, Family family, Index applicants,
                             Index institutions, Index length, int score_range) {
  MatchingMarket m;
  m.applicant_prefs = family_lists(rng, family, applicants, institutions, length);
  for (Index a = 0; a < applicants; ++a)
    m.scores.push_back(static_cast<double>(rng() % static_cast<unsigned>(score_range)));
  for (Index s = 0; s < institutions; ++s) m.capacities.push_back(static_cast<Count>(rng() % 6));
  m.seed = rng();
  return m;
}

// The same priority as one score per entry: the general engine's path.
MatchingMarket as_entry_scores(const MatchingMarket& m) {
  MatchingMarket out = m;
  out.scores.clear();
  for (Index a = 0; a < m.applicant_count(); ++a)
    for (std::size_t t = 0; t < m.applicant_prefs.list(a).size(); ++t)
      out.entry_scores.push_back(m.scores[static_cast<std::size_t>(a)]);
  return out;
}

TEST(StableMatchingFamilies, CommonPriorityEqualsTheGeneralEngineOnEveryFamily) {
  std::mt19937_64 rng(31);
  for (int trial = 0; trial < 36; ++trial) {
    const auto family = static_cast<Family>(trial % 3);
    // Few score values: most priorities are decided by the lottery.
    const MatchingMarket m =
        family_market(rng, family, 2000 + 97 * trial, 60 + trial, 1 + trial % 10, 1 + trial % 7);
    const MatchingMarket general = as_entry_scores(m);
    for (const ProposingSide side : {ProposingSide::kApplicants, ProposingSide::kInstitutions}) {
      const auto fast = solve_stable_matching(m, {side});
      const auto reference = solve_stable_matching(general, {side});
      ASSERT_EQ(fast.applicant_match, reference.applicant_match)
          << "trial " << trial << ", " << to_string(side) << " propose";
      EXPECT_EQ(fast.filled, reference.filled) << "trial " << trial;
      EXPECT_TRUE(audit_stability(m, fast.applicant_match).stable()) << "trial " << trial;
      EXPECT_EQ(audit_stability(m, fast.applicant_match).justified_envy, 0) << "trial " << trial;
    }
    // Applicants propose down to their match either way: the same proposals.
    EXPECT_EQ(solve_stable_matching(m).proposals, solve_stable_matching(general).proposals)
        << "trial " << trial;
  }
}

// Distinct scores give every institution one strict order; written as ranked
// lists it is the input of the brute force, whose stable set must be exactly
// the matching found (a common priority has one stable matching).
TEST(StableMatchingFamilies, CommonPriorityIsTheOnlyStableMatchingOnTinyMarkets) {
  std::mt19937_64 rng(37);
  for (int trial = 0; trial < 1500; ++trial) {
    const auto family = static_cast<Family>(trial % 3);
    const Index n = 1 + static_cast<Index>(rng() % 6), institutions = 1 + trial % 3;
    MatchingMarket m = family_market(rng, family, n, institutions, 1 + trial % 3, 1);
    std::vector<Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Index{0});
    std::shuffle(order.begin(), order.end(), rng);
    for (Index r = 0; r < n; ++r)
      m.scores[static_cast<std::size_t>(order[static_cast<std::size_t>(r)])] =
          static_cast<double>(n - r);
    for (Count& c : m.capacities) c = std::min<Count>(c, 2);
    MatchingMarket ranked = m;  // every institution lists everyone, best score first
    ranked.scores.clear();
    for (Index s = 0; s < institutions; ++s) ranked.institution_prefs.add(order);
    // Every matching of applicants to listed institutions or nobody, kept if stable.
    std::vector<std::vector<Index>> stable_set;
    std::vector<Index> match(static_cast<std::size_t>(n), -1);
    auto search = [&](auto&& self, Index a) -> void {
      if (a == n) {
        if (audit_stability(ranked, match).stable()) stable_set.push_back(match);
        return;
      }
      match[static_cast<std::size_t>(a)] = -1;
      self(self, a + 1);
      for (const Index s : ranked.applicant_prefs.list(a)) {
        match[static_cast<std::size_t>(a)] = s;
        self(self, a + 1);
      }
      match[static_cast<std::size_t>(a)] = -1;
    };
    search(search, 0);
    ASSERT_EQ(stable_set.size(), 1u) << "trial " << trial;
    EXPECT_EQ(solve_stable_matching(m).applicant_match, stable_set.front()) << "trial " << trial;
    EXPECT_EQ(solve_stable_matching(m, {ProposingSide::kInstitutions}).applicant_match,
              stable_set.front())
        << "trial " << trial;
    EXPECT_EQ(solve_stable_matching(ranked).applicant_match, stable_set.front())
        << "trial " << trial;
  }
}

// Per-entry scores on correlated lists: both sides stable, the applicants'
// side never worse for any applicant than the institutions' side.
TEST(StableMatchingFamilies, InstitutionSpecificPrioritiesOnCorrelatedLists) {
  std::mt19937_64 rng(41);
  for (int trial = 0; trial < 18; ++trial) {
    const auto family = static_cast<Family>(trial % 3);
    MatchingMarket m = family_market(rng, family, 3000, 80, 6, 100);
    m.scores.clear();
    for (std::size_t k = 0; k < m.applicant_prefs.indices.size(); ++k)
      m.entry_scores.push_back(static_cast<double>(rng() % 40));
    m.tie_break = trial % 2 == 0 ? TieBreak::kSingle : TieBreak::kMultiple;
    const auto mine = solve_stable_matching(m);
    const auto theirs = solve_stable_matching(m, {ProposingSide::kInstitutions});
    EXPECT_TRUE(audit_stability(m, mine.applicant_match).stable()) << "trial " << trial;
    EXPECT_TRUE(audit_stability(m, theirs.applicant_match).stable()) << "trial " << trial;
    for (Index a = 0; a < m.applicant_count(); ++a) {
      const auto list = m.applicant_prefs.list(a);
      auto place = [&](Index s) {
        return s < 0 ? static_cast<Index>(list.size())
                     : static_cast<Index>(std::find(list.begin(), list.end(), s) - list.begin());
      };
      ASSERT_LE(place(mine.applicant_match[static_cast<std::size_t>(a)]),
                place(theirs.applicant_match[static_cast<std::size_t>(a)]))
          << "trial " << trial << ", applicant " << a;
    }
  }
}

TEST(StableMatchingFamilies, AuditWithoutEnvyReportsTheSameBlockingPairs) {
  std::mt19937_64 rng(43);
  for (int trial = 0; trial < 12; ++trial) {
    const MatchingMarket m =
        family_market(rng, static_cast<Family>(trial % 3), 1500, 50, 5, 1 + trial % 4);
    std::vector<Index> any(static_cast<std::size_t>(m.applicant_count()), -1);
    for (Index a = 0; a < m.applicant_count(); ++a) {
      const auto l = m.applicant_prefs.list(a);
      if (!l.empty() && rng() % 2 == 0) any[static_cast<std::size_t>(a)] = l[rng() % l.size()];
    }
    const StabilityAudit full = audit_stability(m, any);
    const StabilityAudit quick = audit_stability(m, any, {false});
    EXPECT_EQ(quick.blocking_pairs, full.blocking_pairs) << "trial " << trial;
    EXPECT_EQ(quick.over_capacity, full.over_capacity) << "trial " << trial;
    EXPECT_EQ(quick.unacceptable, full.unacceptable) << "trial " << trial;
    EXPECT_EQ(quick.justified_envy, 0);
    EXPECT_GT(full.justified_envy, 0) << "trial " << trial;  // a random matching has envy
  }
}

// A view of arrays held elsewhere (what the Python binding passes) solves as
// the market it views, from either side and with either priority.
TEST(StableMatchingFamilies, AViewOfHeldArraysSolvesAsTheMarket) {
  std::mt19937_64 rng(47);
  for (int trial = 0; trial < 6; ++trial) {
    MatchingMarket m = family_market(rng, static_cast<Family>(trial % 3), 800, 40, 4, 30);
    if (trial % 2 == 1) m = as_entry_scores(m);
    const std::vector<Index> indptr = m.applicant_prefs.indptr, indices = m.applicant_prefs.indices;
    const std::vector<Count> capacities = m.capacities;
    MatchingMarketView view;
    view.applicant_prefs = {indptr, indices};
    view.capacities = capacities;
    view.scores = m.scores;
    view.entry_scores = m.entry_scores;
    view.seed = m.seed;
    for (const ProposingSide side : {ProposingSide::kApplicants, ProposingSide::kInstitutions}) {
      EXPECT_EQ(solve_stable_matching(view, {side}).applicant_match,
                solve_stable_matching(m, {side}).applicant_match)
          << "trial " << trial;
    }
  }
}

}  // namespace
}  // namespace sixlink
