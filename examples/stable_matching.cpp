// The README's stable-matching example: three students, two schools; school 0
// keeps one of its two seats for students from its own county (group 0).
#include <cstdio>
#include <sixlink/matching/parallel_choice.hpp>
#include <sixlink/matching/stable_matching.hpp>
#include <sixlink/verify/stability_audit.hpp>

int main() {
  sixlink::MatchingMarket market;
  market.applicant_prefs.add(std::vector<sixlink::Index>{0, 1});  // student 0: school 0, then 1
  market.applicant_prefs.add(std::vector<sixlink::Index>{0});
  market.applicant_prefs.add(std::vector<sixlink::Index>{0, 1});
  market.capacities = {2, 1};
  market.scores = {612, 590, 575};      // exam scores: higher first at every school
  market.applicant_group = {-1, -1, 0};  // student 2 lives in school 0's county
  market.quotas = {{0, 0, 1}};           // school 0 reserves 1 seat for group 0

  const auto stable = sixlink::solve_stable_matching(market);
  const auto audit = sixlink::audit_stability(market, stable.applicant_match);
  std::printf("deferred acceptance: %lld %lld %lld, blocking pairs %zu\n",
              static_cast<long long>(stable.applicant_match[0]),
              static_cast<long long>(stable.applicant_match[1]),
              static_cast<long long>(stable.applicant_match[2]), audit.blocking_pairs.size());
  const auto admitted = sixlink::parallel_choice_admission(market);
  std::printf("parallel choice: %lld %lld %lld\n",
              static_cast<long long>(admitted.applicant_match[0]),
              static_cast<long long>(admitted.applicant_match[1]),
              static_cast<long long>(admitted.applicant_match[2]));
  return stable.applicant_match == std::vector<sixlink::Index>{0, -1, 0} && audit.stable() ? 0 : 1;
}
