// One admission batch over the matching engines (admission/admission.hpp): the
// market is built here, solved by deferred acceptance or parallel choice, and
// audited; nothing here matches by itself.
#include "sixlink/admission/admission.hpp"

#include <algorithm>
#include <string>

#include "sixlink/core/error.hpp"
#include "sixlink/matching/market.hpp"
#include "sixlink/matching/parallel_choice.hpp"
#include "sixlink/matching/stable_matching.hpp"
#include "sixlink/verify/stability_audit.hpp"

namespace sixlink {
namespace {

std::size_t at(Index k) { return static_cast<std::size_t>(k); }

// The market over the applicants' own arrays (a view: the lists are not
// copied), with the capacities and, under county limits, one quota per
// institution reserving all its seats for its county.
struct Market {
  std::vector<Count> capacities;
  std::vector<GroupQuota> quotas;
  MatchingMarketView view;
};

void build_market(Market& m, const AdmissionSeats& seats, const ApplicantTable& applicants,
                  const AdmissionOptions& options) {
  m.capacities.reserve(seats.institutions.size());
  for (const AdmissionInstitution& i : seats.institutions) m.capacities.push_back(i.seats);
  if (options.county_limits) {
    for (std::size_t s = 0; s < seats.institutions.size(); ++s) {
      const AdmissionInstitution& i = seats.institutions[s];
      if (i.seats > 0) m.quotas.push_back({static_cast<Index>(s), i.region, i.seats});
    }
  }
  m.view.applicant_prefs = RankedListsView(applicants.choices);
  m.view.capacities = m.capacities;
  m.view.scores = applicants.score;
  m.view.tie_break = TieBreak::kSingle;
  m.view.seed = options.seed;
  if (options.county_limits) m.view.applicant_group = applicants.region;
  m.view.quotas = m.quotas;
}

double median_of(std::vector<double>& v) {
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  return v[mid];
}

}  // namespace

std::string_view to_string(AdmissionMode mode) {
  return mode == AdmissionMode::kStable ? "stable" : "parallel";
}

std::optional<AdmissionMode> parse_admission_mode(std::string_view text) {
  if (text == "stable") return AdmissionMode::kStable;
  if (text == "parallel") return AdmissionMode::kParallel;
  return std::nullopt;
}

AdmissionOutcome admit(const AdmissionSeats& seats, const ApplicantTable& applicants,
                       const AdmissionOptions& options) {
  if (options.choices < 1)
    throw InvalidInput("choices " + std::to_string(options.choices) + " must be >= 1");
  const Index n = applicants.size();
  if (applicants.choices.size() != n || static_cast<Index>(applicants.score.size()) != n)
    throw InvalidInput("applicants: region, score and choices differ in length");
  const auto regions = static_cast<Index>(seats.regions.size());
  for (Index a = 0; a < n; ++a) {
    const Index r = applicants.region[at(a)];
    if (r < 0 || r >= regions)
      throw InvalidInput("applicants[" + std::to_string(a) + "] ('" + applicants.id(a) +
                         "'): region index out of range");
    if (static_cast<Index>(applicants.choices.list(a).size()) > options.choices)
      throw InvalidInput("applicants[" + std::to_string(a) + "] ('" + applicants.id(a) +
                         "'): " + std::to_string(applicants.choices.list(a).size()) +
                         " choices, more than --choices " + std::to_string(options.choices));
  }
  Market built;
  build_market(built, seats, applicants, options);
  const MatchingMarketView& market = built.view;
  validate(market);

  AdmissionOutcome out;
  out.options = options;
  if (options.mode == AdmissionMode::kStable) {
    StableMatchingResult r = solve_stable_matching(market);
    out.applicant_match = std::move(r.applicant_match);
    out.proposals = r.proposals;
  } else {
    AdmissionResult r = parallel_choice_admission(market);
    out.applicant_match = std::move(r.applicant_match);
  }
  StabilityAuditOptions audit_options;
  audit_options.count_justified_envy = options.count_justified_envy;
  const StabilityAudit audit = audit_stability(market, out.applicant_match, audit_options);
  out.blocking_pairs = static_cast<Count>(audit.blocking_pairs.size());
  out.justified_envy = audit.justified_envy;
  out.stable = audit.stable();

  const std::size_t n_inst = seats.institutions.size();
  out.institutions.resize(n_inst);
  out.flows.assign(at(regions) * at(regions), 0);
  out.unplaced_by_county.assign(at(regions), 0);
  out.cohort_by_county.assign(at(regions), 0);
  std::vector<std::vector<double>> scores(n_inst);
  out.applicants = n;
  for (Index a = 0; a < n; ++a) {
    const Index home = applicants.region[at(a)];
    ++out.cohort_by_county[at(home)];
    const Index s = out.applicant_match[at(a)];
    if (s < 0) {
      ++out.unplaced_by_county[at(home)];
      ++out.unplaced;
      continue;
    }
    const AdmissionInstitution& inst = seats.institutions[at(s)];
    InstitutionFill& f = out.institutions[at(s)];
    ++f.filled;
    if (inst.region != home) ++f.from_other_counties;
    ++out.flows[at(home) * at(regions) + at(inst.region)];
    scores[at(s)].push_back(applicants.score[at(a)]);
    ++out.admitted;
    ++(inst.kind == SeatKind::kVocational ? out.vocational_admitted : out.general_admitted);
  }
  for (std::size_t s = 0; s < n_inst; ++s) {
    InstitutionFill& f = out.institutions[s];
    f.seats = seats.institutions[s].seats;
    out.seats += f.seats;
    (seats.institutions[s].kind == SeatKind::kVocational ? out.vocational_seats
                                                         : out.general_seats) += f.seats;
    out.unfilled += std::max<Count>(0, f.seats - f.filled);
    std::vector<double>& v = scores[s];
    if (v.empty()) continue;
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    f.min_score = *lo;
    f.max_score = *hi;
    f.median_score = median_of(v);
  }
  out.vocational_share = out.admitted == 0 ? 0.0
                                           : static_cast<double>(out.vocational_admitted) /
                                                 static_cast<double>(out.admitted);
  out.roughly_equal = out.admitted > 0 && std::abs(out.vocational_share - 0.5) <= kRoughlyEqualBand;
  return out;
}

}  // namespace sixlink
