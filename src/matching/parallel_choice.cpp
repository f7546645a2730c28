// Score-priority parallel-choice admission (平行志愿): one pass over the
// applicants from the highest score down, each admitted to the first listed
// institution with a seat for them whose rules they meet. See
// matching/parallel_choice.hpp.
#include "sixlink/matching/parallel_choice.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "matching/priority.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/core/interrupt.hpp"

namespace sixlink {
namespace {
std::size_t at(Index k) { return static_cast<std::size_t>(k); }
}  // namespace

AdmissionResult parallel_choice_admission(const MatchingMarketView& market,
                                          const AdmissionRules& rules) {
  validate(market);
  const Index applicants = market.applicant_count(), institutions = market.institution_count();
  if (market.scores.empty() && applicants > 0) {
    throw InvalidInput(
        "parallel-choice admission orders applicants by one score each: give scores (one per "
        "applicant)");
  }
  if (!rules.min_score.empty() && static_cast<Index>(rules.min_score.size()) != institutions) {
    throw InvalidInput("min_score has " + std::to_string(rules.min_score.size()) + " entries for " +
                       std::to_string(institutions) + " institutions");
  }
  for (std::size_t s = 0; s < rules.min_score.size(); ++s) {
    if (std::isnan(rules.min_score[s]))
      throw InvalidInput("min_score of institution " + std::to_string(s) + " is NaN");
  }
  AdmissionResult out;
  out.order.resize(at(applicants));
  std::iota(out.order.begin(), out.order.end(), Index{0});
  std::vector<detail::PriorityKey> keys(at(applicants));
  for (Index a = 0; a < applicants; ++a) {  // score first, then one lottery draw per applicant
    keys[at(a)] = {detail::descending(market.scores[at(a)]),
                   detail::Priorities::single_lottery(market.seed, a),
                   static_cast<std::uint32_t>(a)};
  }
  std::sort(out.order.begin(), out.order.end(),
            [&keys](Index x, Index y) { return keys[at(x)] < keys[at(y)]; });

  // Seats: per institution the open seats (capacity minus every reservation),
  // per quota its reserved seats.
  std::vector<Count> open(market.capacities.begin(), market.capacities.end());
  std::vector<Count> reserved_left(market.quotas.size());
  std::vector<std::vector<std::size_t>> quotas_of(at(institutions));
  for (std::size_t q = 0; q < market.quotas.size(); ++q) {
    open[at(market.quotas[q].institution)] -= market.quotas[q].seats;
    reserved_left[q] = market.quotas[q].seats;
    quotas_of[at(market.quotas[q].institution)].push_back(q);
  }
  out.applicant_match.assign(at(applicants), -1);
  out.filled.assign(at(institutions), 0);
  for (const Index a : out.order) {
    throw_if_interrupted();
    const double score = market.scores[at(a)];
    const Index group = market.applicant_group.empty() ? -1 : market.applicant_group[at(a)];
    for (const Index s : market.applicant_prefs.list(a)) {
      if (!rules.min_score.empty() && score < rules.min_score[at(s)]) continue;
      Count* seat = nullptr;
      for (const std::size_t q : quotas_of[at(s)]) {
        if (market.quotas[q].group == group && reserved_left[q] > 0) seat = &reserved_left[q];
      }
      if (seat == nullptr && open[at(s)] > 0) seat = &open[at(s)];
      if (seat == nullptr) continue;
      --*seat;
      out.applicant_match[at(a)] = s;
      ++out.filled[at(s)];
      break;
    }
  }
  return out;
}

}  // namespace sixlink
