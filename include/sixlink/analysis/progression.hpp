// sixlink/analysis/progression.hpp — graduates who continue study (升学) and the
// vertical pathways (纵向贯通) they take.
//
// Problem. The plan links secondary, higher-vocational and vocational-bachelor
// study: 五年一贯制, 中职与高职 "3+2", 高职与本科 "3+2", "中—高—本—硕". Most secondary
// graduates continue study instead of seeking a job; they are not supply to the
// year's labour market, and they become intake of a programme one level up.
//
// Rates. For programme p the base year's records (EmploymentRecord) give J_p
// graduates who took a job (in or outside the city) and S_p = S_p^local +
// S_p^outside who continued study. Its progression rate is pi_p = S_p / (J_p + S_p)
// and its local share l_p = S_p^local / S_p. A programme without records of study
// has pi_p = 0: all its graduates seek jobs (the model before pathways). Of a
// year's g_p = round(intake_p x completion_p) graduates, s_p = round(pi_p g_p)
// continue study, round(l_p s_p) of them in the city; the other g_p - s_p enter the
// labour market (the projection's supply, projection.hpp).
//
// Where local progression goes, in this order:
//   1. explicit links (Scenario::pathways) from p: shared over the linked
//      programmes in proportion to their reserved seats (equally when none
//      reserves any);
//   2. by catalogue class: the city's programmes one level up whose specialty's
//      class code is p's class code minus 2000, shared in proportion to their
//      intake. In the 2021 catalogue each of the 88 secondary classes has the
//      same-named higher-vocational class 2000 lower (6601 电子与信息大类's
//      电子信息类 -> 4601 …), and each of the 90 bachelor classes the same-named
//      associate class 2000 higher (4601 -> 2601); 7 associate classes have no
//      bachelor class. Specialty ids are catalogue codes: the class is the first
//      four digits;
//   3. neither: no local programme can take them ("no local pathway"); they are
//      reported so and counted among those who study outside the city.
//
// Complexity: O(programmes + links + records), with one hash index per table.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "sixlink/core/types.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// How a flow of progressing graduates was routed.
enum class ProgressionRoute {
  kLink,       ///< an explicit pathway (its kind in `kind`)
  kCatalogue,  ///< a programme of the corresponding class one level up
  kNoLocal,    ///< no local programme to enter: studies outside the city
  kOutside,    ///< recorded as studying outside the city
};
std::string_view to_string(ProgressionRoute route);

struct ProgrammeProgression {
  std::string programme;
  Count graduates = 0;         ///< g_p, a steady-state cohort
  double rate = 0.0;           ///< pi_p
  double local_share = 0.0;    ///< l_p
  Count progressed = 0;        ///< s_p, continue study
  Count progressed_local = 0;  ///< of those, on a programme in the city
  Count job_seekers = 0;       ///< g_p - s_p, enter the labour market
};

/// A yearly flow of progressing graduates from a programme to another one level
/// up (`to` empty: outside the city), in students (fractions from the shares).
struct ProgressionFlow {
  std::string from;
  std::string to;
  ProgressionRoute route = ProgressionRoute::kCatalogue;
  std::string kind;  ///< the link's PathwayKind name for kLink, else empty
  double students = 0.0;
};

struct Progression {
  std::vector<ProgrammeProgression> programmes;  ///< in the scenario's programme order
  std::vector<ProgressionFlow> flows;            ///< by `from` in programme order
  Count graduates = 0;
  Count progressed = 0;
  Count progressed_local = 0;  ///< routed to a local programme
  Count job_seekers = 0;
};

/// Per programme, job-seekers per student of intake: completion_rate x (1 - pi_p),
/// the rate at which the quota model turns intake into labour-market supply. A
/// programme all of whose graduates continue study keeps 1 % of its completion rate
/// (kMinJobSeekerShare): the model divides by the rate, and its intake then has a
/// negligible, not an undefined, effect on the market.
inline constexpr double kMinJobSeekerShare = 0.01;
inline double job_seeker_rate(double completion_rate, double progression_rate) {
  return completion_rate * std::max(1.0 - progression_rate, kMinJobSeekerShare);
}
/// job_seeker_rate of every programme, its pi_p from recorded_progression
/// (model/retention.hpp, which reads pi_p and l_p off the base year's records).
std::vector<double> job_seeker_rates(const Scenario& scenario);

/// Per programme, the intake seats its incoming pathway links commit it to: the
/// sum of their reserved seats (3+2 and 五年一贯制 places are promised when the lower
/// programme admits). The quota plan keeps each programme's intake at least this
/// (within its upper bound); progressing graduates beyond the reserved seats, and
/// progression by catalogue class, compete for ordinary seats and commit none.
std::vector<double> committed_seats(const Scenario& scenario);

/// The same for one year of a rolling plan: `graduating_intake[p]` is the intake
/// of programme p's cohort that graduates that year (the links' flows scale with it
/// from the scenario's intake).
std::vector<double> committed_seats(const Scenario& scenario,
                                    const std::vector<double>& graduating_intake);

/// "4601" for "6601" (secondary to associate), "2601" for "4601" (associate to
/// bachelor); empty for a bachelor class or a code that is not four digits.
std::string next_level_class(std::string_view class_code);

/// Progression of a validated scenario's steady-state cohorts.
Progression project_progression(const Scenario& scenario);

}  // namespace sixlink
