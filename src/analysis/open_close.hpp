// The greedy open/close pass of the quota optimiser (private; see
// quota_optimisation.hpp). Opening and closing are not convex, so after the LP
// the pass tests single decisions at the LP's final multipliers: it closes
// programmes pinned at their lower bound, most of whose graduates leave, when
// closure raises the Lagrangian value (at most 200 tests, least-retained
// first), and opens candidate programmes whose opening raises it. The LP is then
// solved again with those decisions fixed, and they are kept only if that LP is
// feasible and no worse; otherwise the decisions are undone and the LP solved
// again as it was. Kept closures that leave close-fit openings of their region
// unmet at a value above leaving are reopened (market_network.hpp, close_fit_unmet). A heuristic: the LP given the decisions is exact.
//
// Each test is one warm-started flow solve at unchanged prices (the engine sets
// no cost again), so the pass costs about as many solves as it tests.
#pragma once

#include "analysis/quota_model.hpp"
#include "sixlink/analysis/quota_optimisation.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink::detail {

/// Runs the pass after `lp`, the LP of the model's current decisions; leaves the
/// model with the decisions kept and `lp` with their LP. Does nothing unless
/// `lp` is optimal. Counts the flow solves.
void open_and_close(PlanModel& m, const Scenario& all, const QuotaOptions& options, QuotaLp& lp,
                    int& solves);

}  // namespace sixlink::detail
