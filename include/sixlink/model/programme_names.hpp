// sixlink/model/programme_names.hpp — the labels reports print beside programme ids.
//
// A Programme may carry a `name`, the label a reader knows it by ("天台 · 电子商务";
// the built-in scenario sets one on every programme). The analyses' results name
// programmes by id only; the reports' writers look the label up here, so every
// programme-level table lists it beside the id: JSON, CSV and Python give it as set
// ("" when the scenario sets none), the text tables show it, or the id where it is
// unset. A plan's candidates are labelled like the programmes of their school
// (candidates.hpp) when the scenario labels its programmes.
//
// Lookups are O(log n) in the number of labelled programmes.
#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "sixlink/model/scenario.hpp"

namespace sixlink {

/// Programme::name by programme id, for the programmes whose name is set.
using ProgrammeNames = std::map<std::string, std::string, std::less<>>;

/// The labels `scenario` sets, and those of `more` (a plan's candidates).
ProgrammeNames programme_names(const Scenario& scenario, std::span<const Programme> more = {});

/// The label of programme `id`; "" when it has none (or is not in `names`).
const std::string& programme_name(const ProgrammeNames& names, std::string_view id);

}  // namespace sixlink
