#include "result_tables.hpp"

#include <pybind11/numpy.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/report_numbers.hpp"
#include "io/result_json.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace sixlink_python {
namespace {

// One table: columns added one by one from a getter over the rows, in the order
// the JSON report lists the fields.
template <class Row>
class Table {
 public:
  explicit Table(const std::vector<Row>& rows) : rows_(rows) {}

  template <class Get>
  Table& text(const char* name, Get get) {
    py::list values(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i)
      values[i] = py::str(std::string_view(get(rows_[i])));
    out_[name] = numpy().attr("array")(values, "dtype"_a = "object");
    return *this;
  }
  template <class Get>
  Table& count(const char* name, Get get) {
    return fill<std::int64_t>(name,
                              [&](const Row& r) { return static_cast<std::int64_t>(get(r)); });
  }
  template <class Get>
  Table& flag(const char* name, Get get) {
    return fill<bool>(name, [&](const Row& r) { return static_cast<bool>(get(r)); });
  }
  /// Rounded as the report rounds; NaN where the report writes null.
  template <class Get>
  Table& number(const char* name, Get get) {
    return fill<double>(name, [&](const Row& r) { return reported(get(r)); });
  }
  /// A ratio: inf where it is not finite (zero demand).
  template <class Get>
  Table& ratio(const char* name, Get get) {
    return fill<double>(name, [&](const Row& r) {
      const double x = get(r);
      return std::isfinite(x) ? sixlink::detail::report_round(x)
                              : std::numeric_limits<double>::infinity();
    });
  }
  /// An optional number: a masked array, masked where absent.
  template <class Get>
  Table& optional(const char* name, Get get) {
    py::array_t<double> values(static_cast<py::ssize_t>(rows_.size()));
    py::array_t<bool> mask(static_cast<py::ssize_t>(rows_.size()));
    auto v = values.mutable_unchecked<1>();
    auto m = mask.mutable_unchecked<1>();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const std::optional<double> x = get(rows_[i]);
      v(static_cast<py::ssize_t>(i)) = x ? reported(*x) : 0.0;
      m(static_cast<py::ssize_t>(i)) = !x;
    }
    out_[name] = numpy().attr("ma").attr("array")(values, "mask"_a = mask);
    return *this;
  }
  /// An optional whole number (a year): a masked int64 array.
  template <class Get>
  Table& optional_count(const char* name, Get get) {
    py::array_t<std::int64_t> values(static_cast<py::ssize_t>(rows_.size()));
    py::array_t<bool> mask(static_cast<py::ssize_t>(rows_.size()));
    auto v = values.mutable_unchecked<1>();
    auto m = mask.mutable_unchecked<1>();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const std::optional<int> x = get(rows_[i]);
      v(static_cast<py::ssize_t>(i)) = x ? *x : 0;
      m(static_cast<py::ssize_t>(i)) = !x;
    }
    out_[name] = numpy().attr("ma").attr("array")(values, "mask"_a = mask);
    return *this;
  }
  /// An optional yes/no: an object array of True, False and None.
  template <class Get>
  Table& optional_flag(const char* name, Get get) {
    py::list values(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const std::optional<bool> x = get(rows_[i]);
      values[i] = x ? py::object(py::bool_(*x)) : py::object(py::none());
    }
    out_[name] = numpy().attr("array")(values, "dtype"_a = "object");
    return *this;
  }
  /// Unrounded (the plan's intake_lp); NaN where not finite.
  template <class Get>
  Table& unrounded(const char* name, Get get) {
    return fill<double>(name, [&](const Row& r) {
      const double x = get(r);
      return std::isfinite(x) ? x : std::numeric_limits<double>::quiet_NaN();
    });
  }
  /// Whole numbers as int64 when every row's is whole, else float64 (as the JSON report
  /// writes integers and decimals).
  template <class Get>
  Table& whole_or_number(const char* name, Get get) {
    bool all_whole = !rows_.empty();
    for (const Row& r : rows_) all_whole = all_whole && get(r).second;
    if (all_whole) return count(name, [&](const Row& r) { return get(r).first; });
    return number(name, [&](const Row& r) { return get(r).first; });
  }

  py::dict done() { return std::move(out_); }

 private:
  static py::module_ numpy() { return py::module_::import("numpy"); }
  static double reported(double x) {
    return std::isfinite(x) ? sixlink::detail::report_round(x)
                            : std::numeric_limits<double>::quiet_NaN();
  }
  template <class T, class Get>
  Table& fill(const char* name, Get get) {
    py::array_t<T> values(static_cast<py::ssize_t>(rows_.size()));
    auto v = values.template mutable_unchecked<1>();
    for (std::size_t i = 0; i < rows_.size(); ++i) v(static_cast<py::ssize_t>(i)) = get(rows_[i]);
    out_[name] = std::move(values);
    return *this;
  }

  const std::vector<Row>& rows_;
  py::dict out_;
};

using sixlink::to_string;

// Who continues study: the totals, and per programme and per pathway flow, columns.
py::dict progression_tables(const sixlink::Progression& p, const sixlink::ProgrammeNames& names) {
  py::dict out;
  out["graduates"] = p.graduates;
  out["progressed"] = p.progressed;
  out["progressed_local"] = p.progressed_local;
  out["job_seekers"] = p.job_seekers;
  out["programmes"] =
      Table(p.programmes)
          .text("programme", [](const auto& r) -> const std::string& { return r.programme; })
          .text("name", [&](const auto& r) { return sixlink::programme_name(names, r.programme); })
          .count("graduates", [](const auto& r) { return r.graduates; })
          .number("rate", [](const auto& r) { return r.rate; })
          .number("local_share", [](const auto& r) { return r.local_share; })
          .count("progressed", [](const auto& r) { return r.progressed; })
          .count("progressed_local", [](const auto& r) { return r.progressed_local; })
          .count("job_seekers", [](const auto& r) { return r.job_seekers; })
          .done();
  // "to" and "kind" are empty text where the JSON report writes null.
  out["pathways"] = Table(p.flows)
                        .text("from", [](const auto& f) -> const std::string& { return f.from; })
                        .text("to", [](const auto& f) -> const std::string& { return f.to; })
                        .text("route", [](const auto& f) { return to_string(f.route); })
                        .text("kind", [](const auto& f) -> const std::string& { return f.kind; })
                        .number("students", [](const auto& f) { return f.students; })
                        .done();
  return out;
}

}  // namespace

py::dict indicator_table(const std::vector<sixlink::IndicatorValue>& rows,
                         std::optional<std::string_view> lang) {
  using Row = sixlink::IndicatorValue;
  const auto info = [](const Row& i) -> const sixlink::IndicatorInfo& {
    return sixlink::indicator_info(i.indicator);
  };
  Table<Row> t(rows);
  t.text("name", [](const Row& i) { return to_string(i.indicator); })
      .optional("value", [](const Row& i) { return i.value; })
      .optional("target_2023", [](const Row& i) { return i.target_2023; })
      .optional("target_2025", [](const Row& i) { return i.target_2025; })
      .optional("gap_2023", [](const Row& i) { return i.gap_2023; })
      .optional("gap_2025", [](const Row& i) { return i.gap_2025; })
      .text("group_zh", [&](const Row& i) { return info(i).group_zh; })
      .text("group_en", [&](const Row& i) { return info(i).group_en; })
      .text("name_zh", [&](const Row& i) { return info(i).name_zh; })
      .text("name_en", [&](const Row& i) { return info(i).name_en; })
      .text("unit", [&](const Row& i) { return to_string(info(i).unit); })
      .text("unit_zh", [&](const Row& i) { return info(i).unit_zh; })
      .text("unit_en", [&](const Row& i) { return info(i).unit_en; })
      .flag("computed", [&](const Row& i) { return info(i).computed; })
      .count("year", [](const Row& i) { return i.year; })
      .optional_count("value_year", [](const Row& i) { return i.value_year; })
      .count("base_year", [](const Row& i) { return i.base_year; })
      .optional("base_value", [](const Row& i) { return i.base_value; })
      .optional_count("next_target_year", [](const Row& i) { return i.next_target_year; })
      .optional("next_target", [](const Row& i) { return i.next_target; })
      .optional("gap", [](const Row& i) { return i.gap; })
      .optional_flag("on_track", [](const Row& i) { return i.on_track; });
  if (lang) {  // sixlink.indicators: the labels in one language as well
    const bool zh = *lang == "zh";
    t.text("group", [&](const Row& i) { return zh ? info(i).group_zh : info(i).group_en; })
        .text("indicator", [&](const Row& i) { return zh ? info(i).name_zh : info(i).name_en; })
        .text("unit_label", [&](const Row& i) { return zh ? info(i).unit_zh : info(i).unit_en; });
  }
  return t.done();
}

py::dict gap_tables(const sixlink::GapJobResult& job) {
  const sixlink::GapReport& r = job.report;
  const sixlink::ProgrammeNames& names = job.programme_names;
  py::dict out;
  out["clusters"] = Table(r.clusters)
                        .text("id", [](const auto& c) -> const std::string& { return c.id; })
                        .text("name", [](const auto& c) -> const std::string& { return c.name; })
                        .number("supply", [](const auto& c) { return c.supply; })
                        .count("demand", [](const auto& c) { return c.demand; })
                        .count("matched", [](const auto& c) { return c.matched; })
                        .count("unmet", [](const auto& c) { return c.unmet; })
                        .ratio("ratio", [](const auto& c) { return c.ratio; })
                        .text("band", [](const auto& c) { return to_string(c.band); })
                        .done();
  out["cells"] = Table(r.cells)
                     .text("cluster", [](const auto& c) -> const std::string& { return c.cluster; })
                     .text("region", [](const auto& c) -> const std::string& { return c.region; })
                     .number("supply", [](const auto& c) { return c.supply; })
                     .count("demand", [](const auto& c) { return c.demand; })
                     .count("matched", [](const auto& c) { return c.matched; })
                     .count("unmet", [](const auto& c) { return c.unmet; })
                     .ratio("ratio", [](const auto& c) { return c.ratio; })
                     .text("band", [](const auto& c) { return to_string(c.band); })
                     .number("marginal_value", [](const auto& c) { return c.marginal_value; })
                     .done();
  out["occupations"] =
      Table(r.occupations)
          .text("occupation", [](const auto& o) -> const std::string& { return o.occupation; })
          .text("cluster", [](const auto& o) -> const std::string& { return o.cluster; })
          .text("region", [](const auto& o) -> const std::string& { return o.region; })
          .count("openings", [](const auto& o) { return o.demand; })
          .count("matched", [](const auto& o) { return o.matched; })
          .count("unmet", [](const auto& o) { return o.unmet; })
          .number("supply", [](const auto& o) { return o.supply; })
          .ratio("ratio", [](const auto& o) { return o.ratio; })
          .text("band", [](const auto& o) { return to_string(o.band); })
          .number("marginal_value", [](const auto& o) { return o.marginal_value; })
          .done();
  out["programmes"] =
      Table(r.programmes)
          .text("id", [](const auto& p) -> const std::string& { return p.id; })
          .text("name", [&](const auto& p) { return sixlink::programme_name(names, p.id); })
          .text("school", [](const auto& p) -> const std::string& { return p.school; })
          .text("specialty", [](const auto& p) -> const std::string& { return p.specialty; })
          .text("region", [](const auto& p) -> const std::string& { return p.region; })
          .count("graduates", [](const auto& p) { return p.graduates; })
          .count("placed_local", [](const auto& p) { return p.placed_local; })
          .count("leaving", [](const auto& p) { return p.leaving; })
          .count("surplus", [](const auto& p) { return p.surplus; })
          .number("marginal_value", [](const auto& p) { return p.marginal_value; })
          .done();
  out["regions"] = Table(r.regions)
                       .text("id", [](const auto& g) -> const std::string& { return g.id; })
                       .count("schools", [](const auto& g) { return g.schools; })
                       .count("graduates", [](const auto& g) { return g.graduates; })
                       .count("placed_local", [](const auto& g) { return g.placed_local; })
                       .count("placed_in_region", [](const auto& g) { return g.placed_in_region; })
                       .count("leaving", [](const auto& g) { return g.leaving; })
                       .count("surplus", [](const auto& g) { return g.surplus; })
                       .count("demand", [](const auto& g) { return g.demand; })
                       .count("matched", [](const auto& g) { return g.matched; })
                       .count("unmet", [](const auto& g) { return g.unmet; })
                       .number("retention_rate", [](const auto& g) { return g.retention_rate; })
                       .done();
  out["indicators"] = indicator_table(r.indicators, std::nullopt);
  out["progression"] = progression_tables(r.progression, names);
  return out;
}

py::dict plan_programme_table(const sixlink::PlanJobResult& result) {
  const sixlink::QuotaResult& plan = result.report.plan;
  std::vector<sixlink::detail::ShownIntake> shown;
  shown.reserve(plan.programmes.size());
  for (std::size_t i = 0; i < plan.programmes.size(); ++i)
    shown.push_back(sixlink::detail::shown_intake(plan, i, &result.rounding));
  const auto at = [&](const sixlink::QuotaProgramme& p) -> const sixlink::detail::ShownIntake& {
    return shown[static_cast<std::size_t>(&p - plan.programmes.data())];
  };
  return Table(plan.programmes)
      .text("id", [](const auto& p) -> const std::string& { return p.id; })
      .text("name",
            [&](const auto& p) { return sixlink::programme_name(result.programme_names, p.id); })
      .text("school", [](const auto& p) -> const std::string& { return p.school; })
      .text("specialty", [](const auto& p) -> const std::string& { return p.specialty; })
      .text("region", [](const auto& p) -> const std::string& { return p.region; })
      .flag("candidate", [](const auto& p) { return p.candidate; })
      .flag("open", [](const auto& p) { return p.open; })
      .number("current_intake", [](const auto& p) { return p.current_intake; })
      .whole_or_number("intake",
                       [&](const auto& p) { return std::pair(at(p).intake, at(p).whole_intake); })
      .unrounded("intake_lp", [](const auto& p) { return p.intake; })
      .whole_or_number("lower",
                       [&](const auto& p) { return std::pair(at(p).lower, at(p).whole_bounds); })
      .whole_or_number("upper",
                       [&](const auto& p) { return std::pair(at(p).upper, at(p).whole_bounds); })
      .number("graduates", [](const auto& p) { return p.graduates; })
      .number("placed_local", [](const auto& p) { return p.placed_local; })
      .number("leaving", [](const auto& p) { return p.leaving; })
      .number("students", [&](const auto& p) { return at(p).students; })
      .done();
}

py::dict place_tables(const sixlink::PlaceJobResult& job) {
  const sixlink::PlacementResult& r = job.placement;
  const sixlink::Cohort& cohort = job.cohort;
  py::dict out;
  out["clusters"] =
      Table(r.clusters)
          .text("cluster", [](const auto& c) -> const std::string& { return c.cluster; })
          .count("seats", [](const auto& c) { return c.seats; })
          .count("filled", [](const auto& c) { return c.filled; })
          .number("fill_rate",
                  [](const auto& c) {
                    return c.seats > 0
                               ? static_cast<double>(c.filled) / static_cast<double>(c.seats)
                               : std::numeric_limits<double>::quiet_NaN();
                  })
          .done();
  out["programmes"] =
      Table(r.programmes)
          .text("programme", [](const auto& p) -> const std::string& { return p.programme; })
          .text("name",
                [&](const auto& p) {
                  return sixlink::programme_name(job.programme_names, p.programme);
                })
          .count("graduates", [](const auto& p) { return p.graduates; })
          .count("placed", [](const auto& p) { return p.placed; })
          .count("jobs", [](const auto& p) { return p.jobs; })
          .count("unplaced", [](const auto& p) { return p.graduates - p.placed; })
          .done();
  // One row per graduate: where the graduate was placed (empty text when unplaced).
  const auto opening = [&](const sixlink::Graduate& g) -> const sixlink::PlacementOpening* {
    const auto k = static_cast<std::size_t>(&g - cohort.graduates.data());
    const sixlink::Index j = r.opening_of[k];
    return j >= 0 ? &cohort.openings[static_cast<std::size_t>(j)] : nullptr;
  };
  static const std::string none;
  out["assignments"] =
      Table(cohort.graduates)
          .text("graduate", [](const auto& g) -> const std::string& { return g.id; })
          .text("enterprise",
                [&](const auto& g) -> const std::string& {
                  const auto* o = opening(g);
                  return o ? o->enterprise : none;
                })
          .text("opening",
                [&](const auto& g) -> const std::string& {
                  const auto* o = opening(g);
                  return o ? o->id : none;
                })
          .text("kind",
                [&](const auto& g) -> std::string_view {
                  const auto* o = opening(g);
                  return o ? to_string(o->kind) : std::string_view();
                })
          .done();
  return out;
}

}  // namespace sixlink_python
