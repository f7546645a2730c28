// sixlink/sixlink.hpp — everything public, for convenience. Prefer the
// individual headers in libraries.
#pragma once

#include "sixlink/assignment/assignment.hpp"
#include "sixlink/config.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/core/types.hpp"
#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/flow/transportation.hpp"
#include "sixlink/io/csv.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/matching/market.hpp"
#include "sixlink/matching/parallel_choice.hpp"
#include "sixlink/matching/stable_matching.hpp"
#include "sixlink/model/catalogue.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "sixlink/model/scenario.hpp"
#include "sixlink/model/summary.hpp"
#include "sixlink/model/validate.hpp"
#include "sixlink/verify/assignment_certificate.hpp"
#include "sixlink/verify/flow_certificate.hpp"
#include "sixlink/verify/stability_audit.hpp"
