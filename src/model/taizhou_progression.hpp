// The built-in scenario's progression (升学) and 3+2 links: illustrative shares by
// level, documented in data/README.md. Private to build_taizhou.
#pragma once

#include "sixlink/model/scenario.hpp"

namespace sixlink::detail {

/// Share of a level's graduates who continue study, and the share of those who do
/// so in the city.
struct LevelProgression {
  double rate = 0.0;
  double local_share = 0.0;
};
inline constexpr LevelProgression kSecondaryProgression{0.60, 0.55};  // to 高职 (3+2, 单招)
inline constexpr LevelProgression kAssociateProgression{0.12, 0.30};  // 专升本
/// Seats a 3+2 link reserves: this share of the local progression it carries, the
/// links into one programme together reserving at most kReservedCap of its intake.
inline constexpr double kReservedShare = 0.5;
inline constexpr double kReservedCap = 0.3;

/// Rewrites the base year's records of a scenario whose records count every
/// graduate as a job record: each programme's graduates become job-seekers and
/// study records by its level's shares; the job records are re-apportioned so that
/// `retention` of the job-seekers stay (the labour-market 留台率, model/retention.hpp),
/// in the clusters they were recorded in. Then links every secondary programme of
/// the plan's priority groups (汽车, 模具, 机电, 建筑: classes 6601, 6603, 6607, 7002,
/// 6403, 6404) to the largest associate programme of its class one level up, as
/// "3+2" with kReservedShare of its local progression reserved (scaled down where the
/// links into one programme would reserve more than kReservedCap of its intake).
void add_taizhou_progression(Scenario& scenario, double retention);

}  // namespace sixlink::detail
