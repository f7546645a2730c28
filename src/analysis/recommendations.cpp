#include "sixlink/analysis/recommendations.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>

#include "analysis/market_network.hpp"
#include "detail/numbers.hpp"
#include "sixlink/analysis/analysis_options.hpp"
#include "sixlink/analysis/plan_samples.hpp"
#include "sixlink/analysis/progression.hpp"
#include "sixlink/analysis/projection.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/core/interrupt.hpp"
#include "sixlink/flow/supply_shift.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace sixlink {
namespace {

using detail::MarketNetwork;

constexpr int kNoAction = kSampleNoAction;

std::vector<int> actions(const QuotaResult& plan, double min_change) {
  std::vector<int> out;
  out.reserve(plan.programmes.size());
  for (const auto& p : plan.programmes)
    out.push_back(plan.status == QuotaStatus::kOptimal ? planned_action(p, min_change) : kNoAction);
  return out;
}

// `threads`, or OpenMP's default for 0.
int resolve_threads(int threads) {
#ifdef _OPENMP
  return threads > 0 ? threads : omp_get_max_threads();
#else
  (void)threads;
  return 1;
#endif
}

// A market re-solve that is not optimal, carried out of the explanations to
// become the report's status.
struct NotOptimal {
  FlowStatus status;
  std::string message;
};

// The market of the demand year with every programme at its planned cohort,
// solved once (the reference); a programme's cohort is then moved from the plan
// back to its current size by successive shortest paths from that optimum
// (flow/supply_shift.hpp), which reads only the arcs near the programme.
class Market {
 public:
  // `market`: the demand year's market at the current intakes (PlanSampler::market(),
  // which outlives this object); the network's supplies are set to the plan's cohorts.
  Market(const Scenario& all, const SupplyDemandGraph& market, const QuotaOptions& q,
         const QuotaResult& plan)
      : graph_(market) {
    std::vector<std::string> ids;
    for (const auto& p : all.programmes) ids.push_back(p.id);
    detail::MarketOptions options;
    options.outside_weight = plan.outside_weight;
    options.tiers = {1, 0.0};
    // The plan's objective: a filled opening also saves its unmet penalty rho.
    options.demand_bonus = q.unmet_penalty;
    model_ = MarketNetwork(graph_, ids, options);
    planned_.resize(graph_.graduates.size());
    for (Index p = 0; p < model_.programmes(); ++p) {
      const QuotaProgramme& row = plan.programmes[static_cast<std::size_t>(p)];
      planned_[static_cast<std::size_t>(p)] = row.open ? std::llround(row.graduates) : 0;
      model_.set_graduates(p, planned_[static_cast<std::size_t>(p)]);
      planned_total_ += static_cast<double>(planned_[static_cast<std::size_t>(p)]);
    }
  }

  // Solves the reference (every programme at its planned cohort). Throws NotOptimal.
  void solve() {
    MinCostFlowResult r = model_.solve();
    if (r.status != FlowStatus::kOptimal)
      throw NotOptimal{r.status, "recommendations: market model not optimal: " + r.message};
    node_matched_.resize(static_cast<std::size_t>(model_.nodes()));
    for (Index n = 0; n < model_.nodes(); ++n)
      node_matched_[static_cast<std::size_t>(n)] =
          static_cast<double>(r.flow[static_cast<std::size_t>(model_.node_arc(n))]);
    matched_ = 0.0;
    for (double m : node_matched_) matched_ += m;
    shift_.emplace(model_.problem(), r);
  }

  // Programme p at `graduates`, every other at its planned cohort: the flow
  // changes against the reference, ascending by arc, and the cost change per
  // unit as the cohort moves there from the plan (segments, in that order).
  // `paths`: a copy of paths() per thread (its scratch arrays are its own).
  SupplyShiftResult from_plan(SupplyShift& paths, Index p, Count graduates) const {
    const Count planned = planned_[static_cast<std::size_t>(p)];
    if (graduates == planned) return {};
    SupplyShiftResult r = graduates > planned ? paths.move(p, model_.sink(), graduates - planned)
                                              : paths.move(model_.sink(), p, planned - graduates);
    if (r.status != FlowStatus::kOptimal)
      throw NotOptimal{r.status, "recommendations: market model not optimal: " + r.message};
    return r;
  }
  SupplyShift paths() const { return *shift_; }
  Count planned(Index p) const { return planned_[static_cast<std::size_t>(p)]; }
  Count current(Index p) const { return graph_.graduates[static_cast<std::size_t>(p)]; }
  const SupplyDemandGraph& graph() const { return graph_; }
  const MarketNetwork& model() const { return model_; }
  // The reference flow on an arc, with a change from from_plan() added.
  Flow flow(Index arc, const SupplyShiftResult& change) const {
    const auto it = std::lower_bound(change.flow_change.begin(), change.flow_change.end(),
                                     std::pair<Index, Flow>{arc, std::numeric_limits<Flow>::min()});
    const Flow delta = it != change.flow_change.end() && it->first == arc ? it->second : 0;
    return shift_->flow(arc) + delta;
  }
  const std::vector<double>& node_matched() const { return node_matched_; }
  // Openings filled, in the reference or with a change.
  double matched() const { return matched_; }
  double matched(const SupplyShiftResult& change) const {
    double sum = matched_;
    const Index first = model_.node_arc(0), end = first + model_.nodes();
    for (const auto& [arc, delta] : change.flow_change)
      if (arc >= first && arc < end) sum += static_cast<double>(delta);
    return sum;
  }
  // All graduates with programme p at `graduates`.
  double graduates_total(Index p, Count graduates) const {
    return planned_total_ + static_cast<double>(graduates - planned(p));
  }

 private:
  const SupplyDemandGraph& graph_;  // graduates: the cohorts of the current intakes
  std::vector<Count> planned_;      // the plan's cohorts
  MarketNetwork model_;
  std::optional<SupplyShift> shift_;  // from the reference optimum
  std::vector<double> node_matched_;
  double matched_ = 0.0;
  double planned_total_ = 0.0;
};

double value_of(Cost cost) { return MarketNetwork::value(cost); }

// " (at the new campus <name>, open from <year>)" for a school that opens in a stated year.
std::string new_campus(const Scenario& all, const std::string& school) {
  for (const School& k : all.schools)
    if (k.id == school && k.opens_in_year != 0)
      return " (at the new campus " + (k.name.empty() ? k.id : k.name) + ", open from " +
             std::to_string(k.opens_in_year) + ")";
  return {};
}

// The binding constraints that make a graduate of this programme cost more (a
// shrink or closure may be theirs): the budget (when it costs anything), the
// level-mix bound on its side, its school's capacity. Enrolment floors never do.
std::vector<std::string> held_by(const QuotaResult& plan, const Programme& prog, bool secondary) {
  std::vector<std::string> out;
  for (const QuotaConstraint& c : plan.constraints) {
    if (!c.binding || (c.shadow_price && *c.shadow_price <= 1e-12)) continue;
    if ((c.name == "budget" && prog.cost_per_student > 0) ||
        (c.name == "max_secondary_share" && secondary) ||
        (c.name == "min_secondary_share" && !secondary) ||
        c.name == "school_capacity:" + prog.school)
      out.push_back(c.name);
  }
  return out;
}

// The consistency rule (header) in a shrink's or closure's reason: the binding
// constraints that hold it are named; close-fit openings it leaves unmet without
// one can only come from the training cost (or a closure the pass could not undo).
std::string consistency_note(const Recommendation& rec, const std::string& eta) {
  if (!rec.held_by.empty()) {
    std::string names;
    for (std::size_t i = 0; i < rec.held_by.size(); ++i)
      names += (i ? " and " : "") + rec.held_by[i];
    return "; " + names + (rec.held_by.size() == 1 ? " binds" : " bind");
  }
  if (rec.close_fit_unmet <= 0) return {};
  const std::string openings = detail::format_count(rec.close_fit_unmet) +
                               (rec.close_fit_unmet == 1 ? " opening" : " openings");
  if (rec.action == Action::kClose)
    return "; closing it leaves " + openings + " in " + rec.region + " that it fits closely unmet";
  return "; " + openings + " in " + rec.region +
         " that it fits closely stay unmet, but training a graduate costs more (" + eta +
         ") than one placed there gains";
}

// The cost change per graduate at g0 in the direction of the change (up: from g0
// to g0 + 1; down: from g0 - 1 to g0), and how many graduates it holds for
// towards the plan: the last run of `before`'s segments, which end at g0.
std::pair<Cost, Count> marginal(const Market& market, SupplyShift& paths, Index p, Count g0,
                                bool up, const SupplyShiftResult& before) {
  const Count target = market.planned(p);
  const Count reach = std::max<Count>(0, up ? target - g0 : g0 - target);
  if (reach > 0) {
    const SupplyShiftSegment& last = before.segments.back();
    // Up, the last unit moved takes g0 + 1 to g0; down, g0 - 1 to g0.
    return {up ? -last.unit_cost : last.unit_cost, std::min(reach, last.units)};
  }
  // g0 on the other side of the plan (or at it): one unit more along the same path.
  if (up) return {market.from_plan(paths, p, g0 + 1).segments.back().unit_cost, 0};
  if (g0 == 0) return {0, 0};
  return {-market.from_plan(paths, p, g0 - 1).segments.back().unit_cost, 0};
}

void explain(Recommendation& rec, Index p, const Market& market, SupplyShift& paths,
             std::span<const double> plan_matched, double eta, double lambda, double completion,
             const Scenario& all) {
  const auto& g = market.graph();
  const Count g0 = market.current(p);
  const Count target = market.planned(p);
  const bool up = rec.action == Action::kExpand || rec.action == Action::kOpen;
  // `before`: programme p at its current cohort; `after`: the plan (the reference).
  const SupplyShiftResult before = market.from_plan(paths, p, g0);
  const auto [step, range] = marginal(market, paths, p, g0, up, before);
  rec.marginal_value = value_of(step) - eta;
  rec.range = static_cast<double>(range) / completion;

  // Effect of this change alone, and the nodes it moves.
  rec.close_fit_unmet = std::llround(detail::close_fit_unmet(g, p, plan_matched, lambda));
  const double total_before = market.graduates_total(p, g0);
  const double total_after = market.graduates_total(p, target);
  const double matched_before = market.matched(before);
  const double matched_after = market.matched();
  rec.unmet_change = -(matched_after - matched_before);
  rec.retention_change = (total_after > 0 ? matched_after / total_after : 0.0) -
                         (total_before > 0 ? matched_before / total_before : 0.0);
  const auto* outer = g.weight.outerIndexPtr();
  const auto* column = g.weight.innerIndexPtr();
  const MarketNetwork& net = market.model();
  auto local = [&](auto k) { return net.first_local(p) + static_cast<Index>(k - outer[p]); };
  const SupplyShiftResult plan_flow;  // no change: the reference
  std::vector<std::pair<Flow, std::string>> moved;
  for (auto k = outer[p]; k < outer[p + 1]; ++k) {
    const Flow delta = market.flow(local(k), plan_flow) - market.flow(local(k), before);
    if ((up && delta > 0) || (!up && delta < 0)) {
      const auto n = static_cast<std::size_t>(column[k]);
      // The node named as the occupation's openings at a cluster in a region.
      moved.emplace_back(-std::abs(delta),
                         all.occupations[static_cast<std::size_t>(g.node_occupation[n])].name +
                             " · " + g.cluster_ids[static_cast<std::size_t>(g.node_cluster[n])] +
                             "@" + all.regions[static_cast<std::size_t>(g.node_region[n])].id);
    }
  }
  std::sort(moved.begin(), moved.end());
  for (auto& m : moved) rec.drivers.push_back(std::move(m.second));
  const Flow leaving_before = market.flow(net.outside_arc(p), before);
  if (!up && leaving_before > 0) rec.drivers.insert(rec.drivers.begin(), "outside");

  Flow placed_before = 0;
  for (auto k = outer[p]; k < outer[p + 1]; ++k) placed_before += market.flow(local(k), before);
  const Count nowhere = std::max<Count>(0, g0 - placed_before - leaving_before);
  // Reason texts: whole counts with thousands separators and a singular where one,
  // values to 3 decimals without a "-0"; a list is named only when it has entries.
  auto list = [&](std::size_t most) {
    std::string text;
    for (std::size_t i = 0; i < rec.drivers.size() && i < most; ++i)
      text += (i ? ", " : "") + rec.drivers[i];
    if (rec.drivers.size() > most)
      text += " and " + std::to_string(rec.drivers.size() - most) + " more";
    return text;
  };
  auto count = [](Count n, const char* one, const char* many) {
    return detail::format_count(n) + " " + (n == 1 ? one : many);
  };
  auto value = [](double x) { return detail::format_number(std::round(x * 1000) / 1000 + 0.0); };
  const auto filled = static_cast<Count>(std::llround(-rec.unmet_change));
  switch (rec.action) {
    case Action::kExpand:
    case Action::kOpen:
      rec.reason =
          (rec.action == Action::kOpen
               ? "no school in " + rec.region + " offers it" + new_campus(all, rec.school) + "; "
               : std::string()) +
          (rec.drivers.empty() ? std::string("its graduates outvalue their training")
           : filled > 0        ? "unmet demand at " + list(3) + " (" +
                              count(filled, "more opening", "more openings") + " filled)"
                        : "it fits " + list(3) + " better than the graduates placed there now") +
          "; each graduate adds " + value(rec.marginal_value) + " net";
      break;
    case Action::kShrink:
    case Action::kClose: {
      std::string why;
      if (leaving_before > 0)
        why = detail::format_count(leaving_before) + " of its " +
              count(g0, "graduate", "graduates") + (leaving_before == 1 ? " leaves" : " leave") +
              " the city";
      else if (!rec.drivers.empty())
        why = "its graduates displace better-fitting ones at " + list(3);
      else if (nowhere > 0 && nowhere == g0)
        why = g0 == 1 ? "its one graduate finds no opening"
                      : "none of its " + count(g0, "graduate", "graduates") + " finds an opening";
      else if (nowhere > 0)
        why = detail::format_count(nowhere) + " of its " + count(g0, "graduate", "graduates") +
              (nowhere == 1 ? " finds" : " find") + " no opening";
      else
        why = "a graduate costs more to train than the place it fills is worth";
      rec.reason = why + "; each graduate fewer changes the value by " + value(-rec.marginal_value);
      rec.reason += consistency_note(rec, value(eta));
      break;
    }
  }
}

}  // namespace

std::string_view to_string(Action action) {
  switch (action) {
    case Action::kExpand:
      return "expand";
    case Action::kShrink:
      return "shrink";
    case Action::kOpen:
      return "open";
    case Action::kClose:
      return "close";
  }
  return "?";
}

namespace {

// Whether the plan's `occupations` are the market's demand nodes, in its order.
bool same_nodes(const std::vector<QuotaOpening>& rows, const SupplyDemandGraph& g,
                const Scenario& all) {
  if (rows.size() != static_cast<std::size_t>(g.nodes())) return false;
  for (std::size_t n = 0; n < rows.size(); ++n)
    if (rows[n].occupation != all.occupations[static_cast<std::size_t>(g.node_occupation[n])].id ||
        rows[n].cluster != g.cluster_ids[static_cast<std::size_t>(g.node_cluster[n])] ||
        rows[n].region != all.regions[static_cast<std::size_t>(g.node_region[n])].id)
      return false;
  return true;
}

// One recommendation per programme whose change is an action, explained by the
// market. A market model that is not optimal stops the explanations; those of
// the programmes before it stay. The explanations are independent given the
// plan's market, so they run in parallel (`threads`), each thread with its own
// copy of the paths' scratch, and come out in programme order at any thread count.
// Reports progress as stage "explaining", one step per recommendation.
void explain_actions(RecommendationReport& report, const QuotaResult& plan,
                     const std::vector<int>& chosen, Market& market, const Scenario& all,
                     int threads, const Progress& sink) {
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < plan.programmes.size(); ++i)
    if (chosen[i] != kNoAction) todo.push_back(i);
  ProgressReporter progress(sink, "explaining", static_cast<std::int64_t>(todo.size()));
  const std::vector<double> job_seeker_rate = job_seeker_rates(all);  // seats per graduate
  std::unordered_map<std::string_view, bool> secondary_specialty;
  for (const Specialty& sp : all.specialties)
    secondary_specialty.emplace(sp.id, sp.level == SpecialtyLevel::kSecondary);
  std::vector<bool> secondary;
  for (const Programme& prog : all.programmes)
    secondary.push_back(secondary_specialty.at(prog.specialty));
  try {
    if (!todo.empty()) market.solve();
  } catch (const NotOptimal& e) {
    report.market_status = e.status;
    report.market_message = e.message;
    todo.clear();
  }
  // Openings filled per node as the plan's `occupations` report them (where
  // equally good placements differ, the one the user reads).
  std::vector<double> plan_matched = market.node_matched();
  if (same_nodes(plan.occupations, market.graph(), all))
    for (std::size_t n = 0; n < plan_matched.size(); ++n)
      plan_matched[n] = plan.occupations[n].matched;

  const auto count = static_cast<std::int64_t>(todo.size());
  std::vector<Recommendation> recs(todo.size());
  std::int64_t failed_at = count;  // the first recommendation whose market was not optimal
  std::optional<NotOptimal> failure;
  std::exception_ptr error;
#pragma omp parallel num_threads(threads) if (count > 1)
  if (count > 0) {  // else there are no paths: the market was not solved
    SupplyShift paths = market.paths();
#pragma omp for schedule(dynamic, 16)
    for (std::int64_t k = 0; k < count; ++k) {
      if (interrupt_requested() || progress.stopped()) continue;  // thrown after the region
      const std::size_t i = todo[static_cast<std::size_t>(k)];
      const QuotaProgramme& p = plan.programmes[i];
      Recommendation& rec = recs[static_cast<std::size_t>(k)];
      rec.programme = p.id;
      rec.school = p.school;
      rec.specialty = p.specialty;
      rec.region = p.region;
      rec.action = static_cast<Action>(chosen[i]);
      rec.current_intake = p.current_intake;
      rec.intake = p.intake;
      if (rec.action == Action::kShrink || rec.action == Action::kClose)
        rec.held_by = held_by(plan, all.programmes[i], secondary[i]);
      if (rec.action == Action::kOpen) {
        rec.capacity = all.programmes[i].max_intake;
        rec.opening_year = plan.year;
      }
      try {
        explain(rec, static_cast<Index>(i), market, paths, plan_matched, plan.training_cost,
                plan.outside_weight, job_seeker_rate[i], all);
        progress.advance();
      } catch (const NotOptimal& e) {
#pragma omp critical(sixlink_explain_failure)
        if (k < failed_at) {
          failed_at = k;
          failure = e;
        }
      } catch (...) {
#pragma omp critical(sixlink_explain_failure)
        if (!error) error = std::current_exception();
      }
    }
  }
  if (error) std::rethrow_exception(error);
  throw_if_interrupted();
  progress.check();  // a sink that threw stops here
  if (failure) {
    report.market_status = failure->status;
    report.market_message = failure->message;
  }
  for (std::int64_t k = 0; k < failed_at; ++k)
    report.recommendations.push_back(std::move(recs[static_cast<std::size_t>(k)]));
  progress.finish();
}

// The plans of the demand samples: each sample's actions, objective and feasibility.
struct SampledPlans {
  std::vector<std::vector<int>> actions;
  std::vector<double> objective;
  std::vector<char> feasible;
};

// Each sample solved on its own by the sampler (identical at any thread count,
// and to a PlanSampler's solve(k) anywhere else).
SampledPlans solve_samples(const PlanSampler& sampler, const RecommendOptions& options) {
  const auto n = static_cast<std::size_t>(options.samples);
  SampledPlans out{std::vector<std::vector<int>>(n), std::vector<double>(n, 0.0),
                   std::vector<char>(n, 0)};
  const int threads = resolve_threads(options.threads);
  std::string failure;
  ProgressReporter progress(options.progress, "samples", options.samples);
#pragma omp parallel for schedule(dynamic) num_threads(threads)
  for (int k = 0; k < options.samples; ++k) {
    if (interrupt_requested() || progress.stopped()) continue;  // Ctrl-C: throw after the region
    try {
      PlanSample r = sampler.solve(k);
      out.actions[static_cast<std::size_t>(k)] = std::move(r.actions);
      out.feasible[static_cast<std::size_t>(k)] = r.feasible();
      out.objective[static_cast<std::size_t>(k)] = r.objective;
      progress.advance();
    } catch (const std::exception& e) {
#pragma omp critical
      failure = e.what();
    }
  }
  throw_if_interrupted();  // an interrupted sample is no failure
  progress.check();        // nor is one skipped because the progress sink threw
  if (!failure.empty()) throw std::runtime_error("recommendations: a sample failed: " + failure);
  progress.finish();
  return out;
}

// The samples' median objective, the infeasible ones, and each recommendation's agreement.
void score_samples(RecommendationReport& report, const QuotaResult& plan,
                   const SampledPlans& sampled) {
  const auto samples = static_cast<int>(sampled.actions.size());
  std::vector<double> good;
  for (int k = 0; k < samples; ++k) {
    if (sampled.feasible[static_cast<std::size_t>(k)])
      good.push_back(sampled.objective[static_cast<std::size_t>(k)]);
    else
      ++report.infeasible_samples;
  }
  if (!good.empty()) {
    std::sort(good.begin(), good.end());
    report.sample_objective_median = good[good.size() / 2];
  }
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < plan.programmes.size(); ++i) index.emplace(plan.programmes[i].id, i);
  for (auto& rec : report.recommendations) {
    const std::size_t i = index.at(rec.programme);
    int agree = 0;
    for (const auto& a : sampled.actions)
      agree += a.size() > i && a[i] == static_cast<int>(rec.action);
    rec.agreement = static_cast<double>(agree) / samples;
  }
}

}  // namespace

RecommendationReport recommend(const Scenario& s, const RecommendOptions& options) {
  // Lambda fixed once for every plan solved, the candidates from the gap of the
  // demand year at the current intakes, and that year's market: the sampler's.
  const PlanSampler sampler(s, options);
  QuotaOptions q = sampler.quotas();
  q.market.threads = options.quotas.market.threads;  // the samples run one thread each
  RecommendationReport report;
  report.seed = options.seed;
  report.samples = options.samples;
  report.plan = optimise_quotas(s, q);
  report.options = q;
  const QuotaResult& plan = report.plan;
  if (plan.status != QuotaStatus::kOptimal) return report;

  const Scenario& all = sampler.with_candidates();
  Market market(all, sampler.market(), q, plan);
  explain_actions(report, plan, actions(plan, options.min_change), market, all,
                  resolve_threads(options.threads), options.progress);
  if (options.samples > 0) score_samples(report, plan, solve_samples(sampler, options));
  std::stable_sort(report.recommendations.begin(), report.recommendations.end(),
                   [](const Recommendation& a, const Recommendation& b) {
                     return std::abs(a.marginal_value * (a.intake - a.current_intake)) >
                            std::abs(b.marginal_value * (b.intake - b.current_intake));
                   });
  return report;
}

}  // namespace sixlink
