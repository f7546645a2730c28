#include "sixlink/analysis/plan_samples.hpp"

#include <utility>

#include "analysis/market_samples.hpp"
#include "sixlink/analysis/analysis_options.hpp"
#include "sixlink/analysis/candidates.hpp"
#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink {
namespace {

// What recommend() plans with: lambda fixed once, the candidates of the demand year's gap.
QuotaOptions fixed_quotas(const Scenario& s, const RecommendOptions& options) {
  QuotaOptions q = options.quotas;
  q.market.outside_weight = quota_outside_weight(s, q);
  const int year = q.year == 0 ? s.base_year + 1 : q.year;
  if (options.open_candidates && q.candidates.empty()) {
    GapOptions market = q.market;
    market.year = quota_demand_year(s, year);
    CandidateOptions candidates = options.candidates;
    if (candidates.intake_year == 0) candidates.intake_year = year;
    for (auto& c : open_candidates(s, gap_analysis(s, market), candidates))
      q.candidates.push_back(std::move(c.programme));
  }
  return q;
}

}  // namespace

int planned_action(const QuotaProgramme& p, double min_change) {
  if (p.candidate)
    return p.open && p.intake > 0 ? static_cast<int>(Action::kOpen) : kSampleNoAction;
  if (!p.open) return static_cast<int>(Action::kClose);
  if (p.intake >= p.current_intake + min_change) return static_cast<int>(Action::kExpand);
  if (p.intake <= p.current_intake - min_change) return static_cast<int>(Action::kShrink);
  return kSampleNoAction;
}

PlanSampler::PlanSampler(const Scenario& scenario, const RecommendOptions& options)
    : scenario_(scenario), options_(options) {
  validate_recommend_options(options_);
  quotas_ = fixed_quotas(scenario_, options_);
  all_ = scenario_;
  for (const auto& c : quotas_.candidates) all_.programmes.push_back(c);
  const int year = quotas_.year == 0 ? scenario_.base_year + 1 : quotas_.year;
  market_ =
      project_supply_demand(all_, {quota_demand_year(scenario_, year),
                                   quotas_.market.other_region_mobility, quotas_.market.threads});
  if (!quotas_.openings.empty()) market_.openings = quotas_.openings;
  quotas_.market.threads = 1;  // as recommend()'s samples: one thread each
  for (const auto& p : all_.programmes) programmes_.push_back(p.id);
}

PlanSample PlanSampler::solved(int sample, const QuotaOptions& quotas) const {
  const QuotaResult r = optimise_quotas(scenario_, quotas);
  PlanSample out;
  out.sample = sample;
  out.status = r.status;
  out.objective = r.objective;
  out.unmet = r.unmet;
  out.enrolment = r.enrolment;
  out.retention_rate = r.retention_rate;
  out.actions.reserve(r.programmes.size());
  out.intakes.reserve(r.programmes.size());
  for (const auto& p : r.programmes) {
    out.actions.push_back(r.status == QuotaStatus::kOptimal ? planned_action(p, options_.min_change)
                                                            : kSampleNoAction);
    out.intakes.push_back(p.intake);
  }
  return out;
}

PlanSample PlanSampler::solve(int sample) const {
  if (sample < 0) throw InvalidInput("sample must be >= 0, got " + std::to_string(sample));
  const detail::MarketNoise noise{options_.demand_noise, options_.mix_noise, options_.fit_noise};
  detail::MarketSample drawn = detail::sample_market(market_, all_, options_.seed, sample, noise);
  QuotaOptions q = quotas_;
  q.openings = std::move(drawn.openings);
  q.weights = std::move(drawn.weights);
  return solved(sample, q);
}

PlanSample PlanSampler::solve_base() const { return solved(-1, quotas_); }

}  // namespace sixlink
