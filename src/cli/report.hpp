// Text tables for people reading a terminal.
#pragma once

#include <string>

#include "sixlink/model/summary.hpp"

namespace sixlink::cli {

/// The scenario summary as aligned text (the `sixlink run` report).
std::string format_summary(const ScenarioSummary& summary);

}  // namespace sixlink::cli
