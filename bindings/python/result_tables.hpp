// The analyses' result tables as dicts of numpy arrays, filled straight from the
// C++ result vectors (one column per field, no JSON in between). Numbers follow the
// JSON reports' rule (io/report_numbers.hpp: 6 decimals, counts as int64), so a
// table holds the values `sixlink gap --json` prints; text columns are object arrays,
// a ratio that is not finite is inf, a target the scenario does not set is masked.
#pragma once

#include <pybind11/pybind11.h>

#include <optional>
#include <string_view>
#include <vector>

#include "sixlink/jobs/gap_job.hpp"
#include "sixlink/jobs/place_job.hpp"
#include "sixlink/jobs/plan_job.hpp"

namespace sixlink_python {

/// "clusters", "cells", "occupations", "programmes", "regions", "indicators" and
/// "progression" (its totals, and "programmes" and "pathways" tables); the programme
/// tables' "name" is the label the job looked up (model/programme_names.hpp).
pybind11::dict gap_tables(const sixlink::GapJobResult& job);

/// The plan's indicator table (the JSON rows' fields); with `lang` ("zh" or "en")
/// also "group", "indicator" and "unit_label" in that language.
pybind11::dict indicator_table(const std::vector<sixlink::IndicatorValue>& rows,
                               std::optional<std::string_view> lang);

/// The quota plan's "programmes" table (whole intakes as the JSON report shows them).
pybind11::dict plan_programme_table(const sixlink::PlanJobResult& result);

/// "clusters", "programmes" and "assignments" (one row per graduate).
pybind11::dict place_tables(const sixlink::PlaceJobResult& job);

}  // namespace sixlink_python
