// Student placement: individual graduates to job and internship openings
// (the model is written down below; README.md shows its use).
//
// Problem. Graduates g (a cohort, see placement/cohort.hpp) are placed in
// openings o, each with a capacity, at most one opening per graduate. A pair is
// worth
//   v(g, o) = fit(s_g, occ_o) x (1 for a job, internship_weight for an internship)
//           + retention_bonus           if o is a job (every opening is in the city:
//                                       a job placement keeps the graduate there)
//           + home_bonus                if o lies in g's home region
//           + preference_weight x (L - r) / L
//                                       if o's enterprise is g's r-th (0-based) of L
//                                       preferences
// and a pair is a candidate when v > 0 and either the fit is positive or g
// prefers o's enterprise. The candidate graph is sparse: graduates of one
// programme with one home region form a group, and the group's pool is its best
// openings by v (without preferences) until their seats cover twice the group,
// at least `candidates` (k) of them; each graduate's candidates are the pool and
// every opening of the enterprises they prefer.
//
// Each graduate ranks their candidates by v (ties by opening index); each
// opening ranks graduates by its own ranking when it has one (ranked graduates
// first), otherwise by score, equal scores by a seeded lottery. Modes:
//   optimal   the placement of largest total v on the candidate graph, exactly:
//             a min-cost flow solved by the network simplex (costs -round(1e6 v))
//             from a crash basis with the openings under the sink, built small:
//             graduates of one group without preferred openings are
//             interchangeable and enter as supply, not as nodes; the groups of
//             one class (specialty, home region) rank the same openings and take
//             prefixes of that ranking, so a class is a chain of nodes, one per
//             distinct pool length, each with arcs to the openings its prefix adds
//             and a free arc down to the shorter one; graduates with preferred
//             openings keep a node with arcs to their chain node, their preferred
//             openings and the sink (unplaced). The same pairs at the same values
//             as the candidate lists, so the same optimum as one arc per pair
//             (placement_network.cpp shows why). Its potentials certify
//             optimality (verify/flow_certificate.hpp; `certified` records the
//             check). The graduates who reach a chain node, best score first
//             (then cohort order), send the best down the chain and take the
//             node's openings best value first; the rest stay unplaced. Any such
//             split is optimal: the openings are worth the same to all of them,
//             and an optimal flow never routes a graduate through the pool to an
//             enterprise they prefer (the direct arc is worth more).
//   stable    deferred acceptance on those preferences, graduates or openings
//             proposing (matching/stable_matching.hpp): no blocking pair
//   parallel  score-priority parallel choice (matching/parallel_choice.hpp):
//             one pass from the highest score down; the openings' own rankings
//             do not enter it (the audit still judges by them)
// Every mode's placement is audited against the same preferences: the blocking
// pairs (a graduate and an opening that would both rather be together) show what
// optimality costs in stability, and comparing total_value shows the welfare
// cost of stability.
//
// Report: placement rate (placed / graduates), local retention rate (placed in
// a job / graduates: the plan's 留台率), mean fit of the placed, fill per
// cluster (through the enterprise's sector), unplaced graduates by programme.
//
// Complexity: rankings O(classes x fitting openings x log), candidate lists
// O(L) for L candidate pairs (built after the optimal mode's solve, so that the
// network and the lists are not held together); optimal: network simplex on
// P + chains + O + 1 nodes and P (2 + preferred openings) + sum over classes of
// the longest pool + 2 chains + O arcs, for P graduates with preferred openings
// (the 10,000-programme province: 0.96M nodes and 12.5M arcs for 1.54M graduates
// and 73M candidate pairs; one node per graduate and per group gave 1.77M and
// 22.7M; 4.1M pivots from the crash basis against 9.1M from the artificial one);
// stable O(L); parallel O(G log G + L); the audit O(L).
//
// References: D. Gale, L. S. Shapley, "College admissions and the stability of
// marriage" (1962); A. E. Roth, M. Sotomayor, Two-Sided Matching (1990), ch. 5
// (many-to-one); R. K. Ahuja, T. L. Magnanti, J. B. Orlin, Network Flows (1993),
// ch. 12 (assignment as min-cost flow).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sixlink/core/progress.hpp"
#include "sixlink/core/types.hpp"
#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/matching/stable_matching.hpp"
#include "sixlink/model/scenario.hpp"
#include "sixlink/placement/cohort.hpp"

namespace sixlink {

enum class PlacementMode { kOptimal, kStable, kParallel };

std::string_view to_string(PlacementMode mode);
std::optional<PlacementMode> parse_placement_mode(std::string_view text);

struct PlacementOptions {
  PlacementMode mode = PlacementMode::kOptimal;
  Index candidates = 50;           ///< k: openings per graduate besides their preferences
  double preference_weight = 0.3;  ///< value of the first preference
  double retention_bonus = 0.2;    ///< value of a job (it keeps the graduate in the city)
  double home_bonus = 0.1;         ///< value of an opening in the home region
  double internship_weight = 0.5;  ///< share of the fit an internship is worth
  ProposingSide proposing = ProposingSide::kApplicants;  ///< stable mode
  std::uint64_t seed = 0;                                ///< lottery for equal scores
  /// Stages "candidates" (one step per graduate) and "placing" (the market, the
  /// mode's solve, the summary); see core/progress.hpp.
  Progress progress;
};

struct ClusterFill {
  std::string cluster;  ///< the enterprise sector's cluster ("(unclustered)" if none)
  Count seats = 0;
  Count filled = 0;
};

struct ProgrammePlacement {
  std::string programme;
  Count graduates = 0;
  Count placed = 0;
  Count jobs = 0;
};

struct PlacementResult {
  PlacementMode mode = PlacementMode::kOptimal;
  std::vector<Index> opening_of;  ///< per graduate: index into cohort.openings, or -1
  Count graduates = 0;
  Count placed = 0;
  Count jobs = 0;  ///< placed in a job (retained in the city)
  Count internships = 0;
  double placement_rate = 0.0;  ///< placed / graduates (0 without graduates)
  double retention_rate = 0.0;  ///< jobs / graduates
  double mean_fit = 0.0;        ///< over the placed
  double total_value = 0.0;     ///< sum of v over the placement
  Index candidate_pairs = 0;
  std::vector<std::pair<Index, Index>> blocking_pairs;  ///< (graduate, opening), sorted
  std::vector<ClusterFill> clusters;                    ///< in the scenario's order
  std::vector<ProgrammePlacement> programmes;           ///< in the scenario's order
  // Optimal mode: the flow's objective (-cost / 1e6: values rounded to 1e-6, so it
  // is within 5e-7 x placed of total_value) and its optimality certificate, checked.
  double flow_objective = 0.0;
  bool certified = false;
  std::string certificate_message;  ///< why the check failed (empty when it held)
  /// Optimal mode: the flow's solve. Every graduate may stay unplaced, so it is
  /// kOptimal unless values leave the engine's ranges (kOutOfRange); then nobody
  /// is placed and `message` says why. The other modes leave it kOptimal.
  FlowStatus status = FlowStatus::kOptimal;
  std::string message;
};

/// Places the cohort. Throws InvalidInput for a scenario that fails validate(), a
/// cohort that fails validate_cohort, or options out of range (candidates < 0,
/// weights outside [0, 1000] or NaN).
PlacementResult place(const Scenario& scenario, const Cohort& cohort,
                      const PlacementOptions& options = {});

/// The optimal mode's min-cost-flow network (unsolved), for solving or timing it
/// with another solver: its optimal cost is -1e6 x `flow_objective`. Throws as place().
MinCostFlow placement_network(const Scenario& scenario, const Cohort& cohort,
                              const PlacementOptions& options = {});

}  // namespace sixlink
