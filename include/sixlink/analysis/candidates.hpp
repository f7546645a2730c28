// sixlink/analysis/candidates.hpp — specialties a region could open.
//
// A candidate is a catalogue specialty of the scenario that no school in a
// region offers, whose occupations the region's short demand nodes ask for. On
// the gap analysis of the demand year (current intakes), each (specialty s,
// region r) pair scores
//     score(s, r) = sum over nodes n in r with unmet demand: unmet_n fit(s, o_n)
// over the occupation-level demand nodes n = (occupation o_n, cluster, region)
// (projection.hpp). Candidates are chosen greedily, best remaining score first,
// up to `max_candidates`: a chosen candidate claims the unmet openings of the
// nodes it names, so no two candidates give the same openings as their reason,
// and a pair whose nodes are all claimed drops out. Each becomes a programme at
// the region's school of the specialty's level (secondary specialties at
// secondary schools, the others at higher ones) with the most free places (a new
// campus counts once it is open in the intake year, School::opens_in_year);
// duration and completion rate are those of the school's first programme, cost
// per student its mean, the intake bounds the options'; its label, when the
// scenario labels its programmes, that of the school's programmes ("天台 · …", or
// the school's name for a new campus) with the specialty's name. O(max_candidates x
// pairs x their nodes).
#pragma once

#include <vector>

#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

struct CandidateOptions {
  Count min_intake = 30;  ///< smallest viable cohort of a new programme
  Count max_intake = 60;  ///< largest first intake
  int max_candidates = 10;
  /// The intake year: schools (new campuses) whose opens_in_year is later take no
  /// candidate. 0: every school may.
  int intake_year = 0;
};

struct OpenCandidate {
  Programme programme;  ///< intake 0; id "<school>-<specialty>"
  std::string region;
  double score = 0.0;
  /// "occupation · cluster@region" nodes it would feed (claimed by it), best first
  std::vector<std::string> short_nodes;
};

/// Candidates on a gap report of the demand year (see the header), best first.
std::vector<OpenCandidate> open_candidates(const Scenario& scenario, const GapReport& market,
                                           const CandidateOptions& options = {});

}  // namespace sixlink
