// The built-in scenario's share of the plan's indicator table: its 规上 flags
// and partners, and the table's 2020 values and 2023 / 2025 targets (from
// data/taizhou/plan_indicators.csv, embedded). Internal to default_scenario.cpp.
#pragma once

#include "sixlink/model/scenario.hpp"

namespace sixlink::detail {

/// Marks each enterprise 规上 or not (illustrative rule, data/README.md: an
/// industrial sector, GB/T 4754 divisions 06–46, and at least 50 staff, standing
/// in for the 20-million-yuan revenue line), then makes exactly round(share × n)
/// of the n 规上 firms partners (by a hash of their ids) and the others not.
/// Other firms keep their partner flags.
void set_above_size_partners(Scenario& scenario, double share);

/// Sets the scenario's targets and base-year indicator values to the plan's
/// table (every row, units converted to the library's: fractions, counts,
/// yuan), plus the text's figures (双师型 >= 90 %, practical teaching >= 50 %, by 2025).
void add_plan_indicator_table(Scenario& scenario);

}  // namespace sixlink::detail
