// Reading one entity from a record, shared by the JSON and CSV loaders.
//
// `F` is a field source (JsonFields or CsvFields) with:
//   std::string id(kind)                    required "id"; names the item in errors
//   std::string text(key, required)
//   Count count(key, fallback)              fallback empty: required
//   int integer(key, fallback)
//   double number(key, fallback)
//   bool flag(key, fallback)
//   E choice<E>(key, parse, allowed)        an enum by name
// Range checks happen later, in validate(), which knows the same locations.
#pragma once

#include <optional>

#include "sixlink/core/types.hpp"
#include "sixlink/model/scenario.hpp"

namespace sixlink::detail {

inline constexpr bool kRequired = true;
inline constexpr bool kOptional = false;
inline constexpr std::optional<Count> kNeeded = std::nullopt;

template <class F>
Region read_region(F& f) {
  Region r;
  r.id = f.id("region");
  r.name = f.text("name", kOptional);
  return r;
}

template <class F>
Cluster read_cluster(F& f) {
  Cluster c;
  c.id = f.id("cluster");
  c.name = f.text("name", kOptional);
  c.growth_rate = f.number("growth_rate", 0.0);
  c.replacement_rate = f.number("replacement_rate", 0.0);
  return c;
}

template <class F>
Sector read_sector(F& f) {
  Sector s;
  s.id = f.id("sector");
  s.name = f.text("name", kOptional);
  s.cluster = f.text("cluster", kOptional);
  return s;
}

template <class F>
Occupation read_occupation(F& f) {
  Occupation o;
  o.id = f.id("occupation");
  o.name = f.text("name", kOptional);
  return o;
}

template <class F>
Specialty read_specialty(F& f) {
  Specialty s;
  s.id = f.id("specialty");
  s.name = f.text("name", kOptional);
  s.level = f.template choice<SpecialtyLevel>("level", parse_specialty_level,
                                              "secondary, associate or bachelor");
  return s;
}

template <class F>
OccupationFit read_occupation_fit(F& f) {
  OccupationFit o;
  o.occupation = f.text("occupation", kRequired);
  o.fit = f.number("fit", std::nullopt);
  return o;
}

template <class F>
School read_school(F& f) {
  School s;
  s.id = f.id("school");
  s.name = f.text("name", kOptional);
  s.region = f.text("region", kRequired);
  s.level = f.template choice<SchoolLevel>("level", parse_school_level, "secondary or higher");
  s.double_high = f.flag("double_high", false);
  s.capacity = f.count("capacity", 0);
  s.social_training = f.count("social_training", 0);
  s.opens_in_year = f.integer("opens_in_year", 0);
  return s;
}

template <class F>
Programme read_programme(F& f) {
  Programme p;
  p.id = f.id("programme");
  p.school = f.text("school", kRequired);
  p.specialty = f.text("specialty", kRequired);
  p.intake = f.count("intake", kNeeded);
  p.enrolled = f.count("enrolled", kNeeded);
  p.duration = f.integer("duration", std::nullopt);
  p.completion_rate = f.number("completion_rate", std::nullopt);
  p.min_intake = f.count("min_intake", 0);
  p.max_intake = f.count("max_intake", kMaxCount);
  p.cost_per_student = f.number("cost_per_student", 0.0);
  p.name = f.text("name", kOptional);
  return p;
}

template <class F>
Enterprise read_enterprise(F& f) {
  Enterprise e;
  e.id = f.id("enterprise");
  e.name = f.text("name", kOptional);
  e.region = f.text("region", kRequired);
  e.sector = f.text("sector", kOptional);
  e.employees = f.count("employees", 0);
  e.large = f.flag("large", false);
  e.partner = f.flag("partner", false);
  // Unset stays unset (the indicator then falls back to `large`): a field that
  // reads the same under both fallbacks is present.
  const bool above_if_absent = f.flag("above_designated_size", true);
  if (above_if_absent == f.flag("above_designated_size", false))
    e.above_designated_size = above_if_absent;
  e.internship_slots = f.count("internship_slots", 0);
  return e;
}

template <class F>
Opening read_opening(F& f) {
  Opening o;
  o.occupation = f.text("occupation", kRequired);
  o.count = f.count("count", kNeeded);
  return o;
}

template <class F>
EmploymentRecord read_employment(F& f) {
  EmploymentRecord r;
  r.programme = f.text("programme", kRequired);
  r.year = f.integer("year", std::nullopt);
  r.enterprise = f.text("enterprise", kOptional);
  r.cluster = f.text("cluster", kOptional);
  r.outside = f.flag("outside", false);
  r.count = f.count("count", kNeeded);
  r.progressed = f.flag("progressed", false);
  return r;
}

template <class F>
Pathway read_pathway(F& f) {
  Pathway p;
  p.from = f.text("from", kRequired);
  p.to = f.text("to", kRequired);
  p.kind = f.template choice<PathwayKind>("kind", parse_pathway_kind,
                                          "five_year, three_plus_two or bachelor_link");
  p.reserved_seats = f.count("reserved_seats", Count{0});
  return p;
}

// A target or a recorded value: {indicator, year, value}.
template <class Row, class F>
Row read_indicator_row(F& f) {
  Row t;
  t.indicator = f.template choice<Indicator>(
      "indicator", parse_indicator,
      "an indicator id of the plan's table (enrolment, retention_rate, "
      "above_size_participation, ...; `sixlink indicators --lang en` lists them)");
  t.year = f.integer("year", std::nullopt);
  t.value = f.number("value", std::nullopt);
  return t;
}

template <class F>
PlanTarget read_target(F& f) {
  return read_indicator_row<PlanTarget>(f);
}

template <class F>
IndicatorRecord read_indicator_record(F& f) {
  return read_indicator_row<IndicatorRecord>(f);
}

}  // namespace sixlink::detail
