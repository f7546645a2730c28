// sixlink._core: the compiled half of the sixlink Python package. Users import
// `sixlink`, whose __init__.py re-exports what is public. Every sixlink::Error
// becomes sixlink.Error, a subclass of ValueError, with the same message the
// command line prints.
//
// Long calls run in a worker thread while the calling thread, GIL released,
// waits in short slices and checks for signals between them: Ctrl-C sets
// sixlink's interrupt flag (sixlink/core/interrupt.hpp), the worker stops at its
// engine's next poll, and the call raises KeyboardInterrupt (see
// call_interruptibly).
#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "jobs/job_json.hpp"
#include "json_to_python.hpp"
#include "options_binding.hpp"
#include "plan_sampler_binding.hpp"
#include "progress_sink.hpp"
#include "result_tables.hpp"
#include "sixlink/analysis/gap_analysis.hpp"
#include "sixlink/analysis/recommendations.hpp"
#include "sixlink/analysis/rolling_plan.hpp"
#include "sixlink/assignment/assignment.hpp"
#include "sixlink/config.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/core/interrupt.hpp"
#include "sixlink/flow/min_cost_flow.hpp"
#include "sixlink/io/gap_report_io.hpp"
#include "sixlink/io/json.hpp"
#include "sixlink/io/placement_io.hpp"
#include "sixlink/io/plan_report_io.hpp"
#include "sixlink/io/scenario_io.hpp"
#include "sixlink/jobs/admit_job.hpp"
#include "sixlink/jobs/gap_job.hpp"
#include "sixlink/jobs/place_job.hpp"
#include "sixlink/jobs/plan_job.hpp"
#include "sixlink/jobs/report_job.hpp"
#include "sixlink/matching/parallel_choice.hpp"
#include "sixlink/matching/stable_matching.hpp"
#include "sixlink/model/default_scenario.hpp"
#include "sixlink/model/summary.hpp"
#include "sixlink/placement/placement.hpp"
#include "sixlink/verify/stability_audit.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace {

// How often a waiting call looks for signals: Ctrl-C is answered within this
// plus the time the engine takes to reach its next poll.
constexpr auto kSignalSlice = std::chrono::milliseconds(50);

// Runs `work` (which must not touch Python objects) in a worker thread with the
// GIL released, and returns its result or rethrows its exception. Meanwhile the
// calling thread wakes every kSignalSlice, takes the GIL and runs Python's
// signal handlers (PyErr_CheckSignals). When a handler raises (Ctrl-C:
// KeyboardInterrupt), the worker is told to stop (request_interrupt), joined,
// the flag cleared, and the handler's exception propagates: no thread is left
// running. `inline_work` runs small problems on the calling thread instead
// (still without the GIL): they finish in milliseconds, and a thread costs
// more than the solve (tens of microseconds).
template <class F>
std::invoke_result_t<F&> call_interruptibly(F&& work, bool inline_work = false) {
  using Result = std::invoke_result_t<F&>;
  if (inline_work) {
    py::gil_scoped_release release;
    return work();
  }
  std::packaged_task<Result()> task(std::forward<F>(work));
  std::future<Result> done = task.get_future();
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  {
    py::gil_scoped_release release;
    std::thread worker(std::move(task));
    while (done.wait_for(kSignalSlice) != std::future_status::ready) {
      py::gil_scoped_acquire acquire;
      if (PyErr_CheckSignals() != 0) {
        PyErr_Fetch(&type, &value, &traceback);
        break;
      }
    }
    if (type != nullptr) sixlink::request_interrupt();
    worker.join();
    if (type != nullptr) sixlink::clear_interrupt();
  }
  if (type != nullptr) {
    PyErr_Restore(type, value, traceback);
    throw py::error_already_set();
  }
  return done.get();
}

// Scalar arguments of the Scenario methods, checked here so that a wrong type
// is a TypeError naming the parameter (pybind11's own message lists overloads).
int int_argument(const char* name, const py::object& value) {
  if (!PyLong_Check(value.ptr()) || PyBool_Check(value.ptr())) {
    throw py::type_error(std::string(name) + " must be an integer, got " +
                         std::string(py::str(py::type::of(value).attr("__name__"))));
  }
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
  if (overflow != 0 || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
    throw py::value_error(std::string(name) + " is out of range, got " +
                          std::string(py::str(value)));
  return static_cast<int>(v);
}

// A str (or, with `path`, an os.PathLike giving a str).
std::string text_argument(const char* name, const py::object& value, bool path) {
  py::object text = value;
  if (path && !py::isinstance<py::str>(value) && py::hasattr(value, "__fspath__"))
    text = value.attr("__fspath__")();
  if (!py::isinstance<py::str>(text)) {
    throw py::type_error(std::string(name) + " must be a str" + (path ? " or os.PathLike" : "") +
                         ", got " + std::string(py::str(py::type::of(value).attr("__name__"))));
  }
  return text.cast<std::string>();
}

template <class T>
py::array_t<T> to_array(const std::vector<T>& values) {
  py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
  std::copy(values.begin(), values.end(), out.mutable_data());
  return out;
}

py::dict summary_dict(const sixlink::ScenarioSummary& s) {
  py::dict counts;
  counts["regions"] = s.counts.regions;
  counts["clusters"] = s.counts.clusters;
  counts["sectors"] = s.counts.sectors;
  counts["occupations"] = s.counts.occupations;
  counts["specialties"] = s.counts.specialties;
  counts["schools"] = s.counts.schools;
  counts["programmes"] = s.counts.programmes;
  counts["enterprises"] = s.counts.enterprises;
  counts["employment_records"] = s.counts.employment_records;
  counts["targets"] = s.counts.targets;

  std::vector<std::string> ids;
  std::vector<std::string> names;
  std::vector<double> graduates;
  std::vector<std::int64_t> openings;
  for (const auto& c : s.clusters) {
    ids.push_back(c.id);
    names.push_back(c.name);
    graduates.push_back(c.graduates);
    openings.push_back(c.openings);
  }
  py::module_ np = py::module_::import("numpy");
  py::dict clusters;
  clusters["id"] = np.attr("array")(py::cast(ids), "dtype"_a = "object");
  clusters["name"] = np.attr("array")(py::cast(names), "dtype"_a = "object");
  clusters["graduates"] = to_array(graduates);
  clusters["openings"] = to_array(openings);

  py::dict out;
  out["scenario"] = s.name;
  out["base_year"] = s.base_year;
  out["counts"] = counts;
  out["enrolled"] = s.enrolled;
  out["intake"] = s.intake;
  out["graduates"] = s.graduates;
  out["openings"] = s.openings;
  out["internship_slots"] = s.internship_slots;
  out["unattributed_graduates"] = s.unattributed_graduates;
  out["retention_rate"] =
      s.retention_rate ? py::object(py::float_(*s.retention_rate)) : py::object(py::none());
  out["clusters"] = clusters;
  return out;
}

using Int64Array = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

std::span<const std::int64_t> view(const Int64Array& a) {
  if (a.ndim() != 1) throw sixlink::InvalidInput("expected one-dimensional arrays");
  return {a.data(), static_cast<std::size_t>(a.size())};
}

py::dict flow_result_dict(sixlink::MinCostFlowResult r) {
  py::dict out;
  out["status"] = std::string(sixlink::to_string(r.status));
  out["cost"] = r.cost;
  out["flow"] = to_array(r.flow);
  out["potential"] = to_array(r.potential);
  out["iterations"] = r.iterations;
  out["algorithm"] = std::string(sixlink::to_string(r.algorithm));
  out["message"] = r.message;
  if (r.cut) {
    py::dict cut;
    cut["side"] =
        r.cut->side == sixlink::InfeasibilityCut::Side::kSupplyCannotLeave ? "supply" : "demand";
    cut["nodes"] = to_array(r.cut->nodes);
    cut["net_supply"] = r.cut->net_supply;
    cut["cut_capacity"] = r.cut->cut_capacity;
    out["cut"] = cut;
  } else {
    out["cut"] = py::none();
  }
  out["negative_cycle"] = to_array(r.negative_cycle);
  return out;
}

sixlink::AssignmentOptions assignment_options(bool maximize, const std::string& algorithm,
                                              const std::string& mode, int threads) {
  sixlink::AssignmentOptions options;
  options.maximize = maximize;
  const auto parsed_algorithm = sixlink::parse_assignment_algorithm(algorithm);
  if (!parsed_algorithm) {
    throw sixlink::InvalidInput(
        "algorithm must be 'auto', 'jonker_volgenant', 'shortest_path', 'auction' or "
        "'sparse_shortest_path', got '" +
        algorithm + "'");
  }
  const auto parsed_mode = sixlink::parse_assignment_mode(mode);
  if (!parsed_mode)
    throw sixlink::InvalidInput("mode must be 'full' or 'partial', got '" + mode + "'");
  if (threads < 0)
    throw sixlink::InvalidInput("threads must be 0 (the default) or more, got " +
                                std::to_string(threads));
  options.algorithm = *parsed_algorithm;
  options.mode = *parsed_mode;
  options.threads = threads;
  return options;
}

// The market dict sixlink/_matching.py builds (int64 and float64 arrays, None
// for what is not given) read in place for stable_matching:
// numpy's arrays are viewed, not copied (a million lists of ten are 80 MB, and
// copying them into fresh pages cost a third of the solve). `held` keeps the
// arrays, converted ones included, alive while `view` is read.
struct BorrowedMarket {
  std::vector<py::array> held;
  std::vector<sixlink::GroupQuota> quotas;
  sixlink::MatchingMarketView view;
};

void borrow_market(const py::dict& d, BorrowedMarket& out) {
  auto array = [&d, &out](const char* key, auto cast) {
    using Span = std::span<const typename decltype(cast(py::object()))::value_type>;
    if (!d.contains(key) || d[key].is_none()) return Span();
    const auto a = cast(d[key]);
    if (a.ndim() != 1) throw sixlink::InvalidInput(std::string(key) + " must be one-dimensional");
    out.held.push_back(a);
    return Span(a.data(), static_cast<std::size_t>(a.size()));
  };
  auto ints = [&array](const char* key) {
    return array(key, [](const py::object& o) { return o.cast<Int64Array>(); });
  };
  auto doubles = [&array](const char* key) {
    return array(key, [](const py::object& o) {
      return o.cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
    });
  };
  sixlink::MatchingMarketView& m = out.view;
  m.applicant_prefs = {ints("prefs_indptr"), ints("prefs_indices")};
  m.capacities = ints("capacities");
  if (d.contains("institution_indptr") && !d["institution_indptr"].is_none())
    m.institution_prefs = {ints("institution_indptr"), ints("institution_indices")};
  m.scores = doubles("scores");
  m.entry_scores = doubles("entry_scores");
  const std::string tie_break =
      d.contains("tie_break") ? d["tie_break"].cast<std::string>() : "single";
  if (tie_break != "single" && tie_break != "multiple")
    throw sixlink::InvalidInput("tie_break must be 'single' or 'multiple', got '" + tie_break +
                                "'");
  m.tie_break = tie_break == "single" ? sixlink::TieBreak::kSingle : sixlink::TieBreak::kMultiple;
  m.seed = d.contains("seed") ? d["seed"].cast<std::uint64_t>() : 0;
  m.applicant_group = ints("groups");
  const auto institution = ints("quota_institution"), group = ints("quota_group"),
             seats = ints("quota_seats");
  for (std::size_t q = 0; q < institution.size(); ++q)
    out.quotas.push_back({institution[q], group[q], seats[q]});
  m.quotas = out.quotas;
}

// The same market copied into owned vectors, for the calls that keep it.
sixlink::MatchingMarket market_from(const py::dict& d) {
  BorrowedMarket borrowed;
  borrow_market(d, borrowed);
  const sixlink::MatchingMarketView& v = borrowed.view;
  auto owned = [](auto span) { return std::vector(span.begin(), span.end()); };
  sixlink::MatchingMarket m;
  m.applicant_prefs.indptr = owned(v.applicant_prefs.indptr);
  m.applicant_prefs.indices = owned(v.applicant_prefs.indices);
  m.capacities = owned(v.capacities);
  m.institution_prefs.indptr = owned(v.institution_prefs.indptr);
  m.institution_prefs.indices = owned(v.institution_prefs.indices);
  m.scores = owned(v.scores);
  m.entry_scores = owned(v.entry_scores);
  m.tie_break = v.tie_break;
  m.seed = v.seed;
  m.applicant_group = owned(v.applicant_group);
  m.quotas = borrowed.quotas;
  return m;
}

// A market small enough to match on the calling thread (milliseconds).
bool small_market(const sixlink::MatchingMarketView& m) {
  return m.applicant_prefs.indices.size() + m.institution_prefs.indices.size() +
             m.entry_scores.size() <
         (std::size_t{1} << 16);
}

// Solves with the GIL released, interruptibly; the result is converted once
// it is back. Below 2^16 weights a solve takes about a millisecond at most.
template <class Weights>
sixlink::AssignmentResult solve_released(const Weights& weights,
                                         const sixlink::AssignmentOptions& options,
                                         std::int64_t entries) {
  return call_interruptibly([&] { return sixlink::solve_assignment(weights, options); },
                            entries < (std::int64_t{1} << 16));
}

py::dict assignment_dict(const sixlink::AssignmentResult& r) {
  py::dict out;
  out["status"] = std::string(sixlink::to_string(r.status));
  out["row_to_col"] = to_array(r.row_to_col);
  out["col_to_row"] = to_array(r.col_to_row);
  out["objective"] = r.objective;
  out["row_dual"] = to_array(r.row_dual);
  out["col_dual"] = to_array(r.col_dual);
  out["algorithm"] = std::string(sixlink::to_string(r.algorithm));
  out["message"] = r.message;
  return out;
}

template <class Weights>
py::dict solve_dense(const Eigen::Ref<const Weights>& weights, bool maximize,
                     const std::string& algorithm, const std::string& mode, int threads) {
  return assignment_dict(solve_released(weights,
                                        assignment_options(maximize, algorithm, mode, threads),
                                        static_cast<std::int64_t>(weights.size())));
}

// The Scenario class and the ways to get one.
void bind_scenario(py::module_& m) {
  py::class_<sixlink::Scenario>(m, "Scenario", "One city's six-industry linkage in a base year")
      .def_readonly("name", &sixlink::Scenario::name)
      .def_readonly("base_year", &sixlink::Scenario::base_year)
      .def(
          "to_json",
          [](const sixlink::Scenario& s, const py::object& indent) {
            return sixlink::scenario_to_json(s, int_argument("indent", indent));
          },
          "indent"_a = 2, "The scenario as JSON text (format version 1)")
      .def(
          "save",
          [](const sixlink::Scenario& s, const py::object& path) {
            sixlink::save_scenario(s, text_argument("path", path, true));
          },
          "path"_a, "Write the scenario: JSON when path ends in .json, else a folder of CSV files")
      .def(
          "summary", [](const sixlink::Scenario& s) { return summary_dict(sixlink::summarise(s)); },
          "Counts, enrolment, graduates and openings, as plain values and numpy arrays")
      .def_static(
          "from_json",
          [](const py::object& text_object, const py::object& source_object) {
            const std::string text = text_argument("text", text_object, false);
            const std::string source = text_argument("source", source_object, false);
            py::gil_scoped_release release;
            return sixlink::scenario_from_json(text, source);
          },
          "text"_a, "source"_a = "<json>", "Parse and validate a scenario from JSON text")
      .def("__eq__", [](const sixlink::Scenario& a, const sixlink::Scenario& b) { return a == b; })
      .def("__repr__",
           [](const sixlink::Scenario& s) {
             return "<sixlink.Scenario '" + s.name + "' " + std::to_string(s.base_year) + ": " +
                    std::to_string(s.programmes.size()) + " programmes, " +
                    std::to_string(s.enterprises.size()) + " enterprises>";
           })
      .def(py::pickle(
          [](const sixlink::Scenario& s) { return sixlink::scenario_to_json(s, -1); },
          [](const std::string& text) { return sixlink::scenario_from_json(text, "<pickle>"); }));

  m.def(
      "default_scenario", []() { return sixlink::default_scenario(); },
      "The built-in taizhou-2020 scenario");
  m.def(
      "load_scenario",
      [](const std::filesystem::path& path) {
        py::gil_scoped_release release;
        return sixlink::load_scenario(path);
      },
      "path"_a, "Read a scenario from a JSON file or a folder of CSV files");
  m.def(
      "resolve_scenario",
      [](const std::string& name_or_path) {
        py::gil_scoped_release release;
        return sixlink::resolve_scenario(name_or_path);
      },
      "name_or_path"_a, "A built-in scenario by name, else a path given to load_scenario");
}

// A job's result as a dict: its scalar parts converted from the job's JSON value
// (built in C++, no text), its tables the numpy columns of result_tables.hpp, each in
// the place the JSON report gives it.
template <class JobResult>
py::dict with_tables(const JobResult& job, const py::dict& tables) {
  nlohmann::ordered_json value = job;  // jobs/job_json.hpp
  for (const auto& [name, table] : tables) value[name.template cast<std::string>()] = nullptr;
  py::dict out = sixlink_python::to_python(value);
  for (const auto& [name, table] : tables) out[name] = table;
  return out;
}

// The gap analysis and the quota plan: the jobs, their results as Python objects.
void bind_analyses(py::module_& m) {
  m.def(
      "gap_report",
      [](const sixlink::Scenario& scenario, int year, std::optional<double> outside_weight,
         double other_region_mobility, double outside_share, int outside_tiers, int threads,
         const std::string& retention) {
        sixlink::GapOptions options;
        const auto definition = sixlink::parse_retention_definition(retention);
        if (!definition)
          throw sixlink::InvalidInput("retention must be labour_market or all_graduates, got '" +
                                      retention + "'");
        options.retention = *definition;
        options.year = year;
        options.outside_weight = outside_weight;
        options.other_region_mobility = other_region_mobility;
        options.outside_share = outside_share;
        options.outside_tiers = outside_tiers;
        options.threads = threads;
        const sixlink::GapJobResult job =
            call_interruptibly([&] { return sixlink::run_gap_job(scenario, options); });
        return with_tables(job, sixlink_python::gap_tables(job));
      },
      // Defaults from the struct, as the wrappers' come from its registry.
      "scenario"_a, "year"_a = sixlink::GapOptions{}.year, "outside_weight"_a = py::none(),
      "other_region_mobility"_a = sixlink::GapOptions{}.other_region_mobility,
      "outside_share"_a = sixlink::GapOptions{}.outside_share,
      "outside_tiers"_a = sixlink::GapOptions{}.outside_tiers,
      "threads"_a = sixlink::GapOptions{}.threads, "retention"_a = "labour_market",
      "The gap analysis as dicts and lists (see sixlink.gap_analysis)");

  m.def(
      "indicators",
      [](const sixlink::Scenario& scenario, std::optional<int> year, const std::string& lang) {
        if (lang != "zh" && lang != "en")
          throw sixlink::InvalidInput("lang: '" + lang + "' is not zh or en");
        sixlink::GapOptions options;
        options.year = year.value_or(scenario.base_year);
        const sixlink::GapJobResult job =
            call_interruptibly([&] { return sixlink::run_gap_job(scenario, options); });
        py::dict out;
        out["scenario"] = job.scenario_name;
        out["year"] = options.year;
        out["indicators"] = sixlink_python::indicator_table(job.report.indicators, lang);
        return out;
      },
      "scenario"_a, "year"_a = py::none(), "lang"_a = "zh",
      "The plan's indicator table for a year (see sixlink.indicators)");

  m.def(
      "write_report",
      [](const sixlink::Scenario& scenario, const std::string& path, int year,
         const std::string& lang) {
        const auto language = sixlink::parse_report_language(lang);
        if (!language) throw sixlink::InvalidInput("lang: '" + lang + "' is not zh or en");
        call_interruptibly([&] {
          const sixlink::ReportJobResult job = sixlink::run_report_job(scenario, {year, *language});
          sixlink::write_report_html(job, path);
          return 0;
        });
      },
      "scenario"_a, "path"_a, "year"_a = 0, "lang"_a = "zh",
      "Writes the HTML report (see sixlink.report)");

  m.def(
      "plan_report",
      [](const sixlink::Scenario& scenario, int year, std::optional<double> total_enrolment,
         std::optional<double> budget, std::optional<double> min_secondary_share,
         std::optional<double> max_secondary_share, double max_change,
         std::optional<double> outside_weight, bool recommendations, bool open_candidates,
         int samples, std::uint64_t seed, double demand_noise, double mix_noise, double fit_noise,
         int threads, bool horizon, const std::string& export_mps, const py::object& progress) {
        sixlink::PlanJobOptions options;
        options.recommendations = recommendations;
        options.horizon = horizon;
        set_quota_arguments(options.recommend.quotas, year, total_enrolment, budget,
                            min_secondary_share, max_secondary_share, max_change, outside_weight);
        options.recommend.open_candidates = open_candidates;
        options.recommend.samples = samples;
        options.recommend.seed = seed;
        options.recommend.demand_noise = demand_noise;
        options.recommend.mix_noise = mix_noise;
        options.recommend.fit_noise = fit_noise;
        options.recommend.threads = threads;
        sixlink_python::PythonProgress python_progress(progress);
        options.recommend.progress = python_progress.sink();
        const sixlink::PlanJobResult job =
            sixlink_python::with_python_progress(python_progress, [&] {
              return call_interruptibly([&] {
                sixlink::PlanJobResult result = sixlink::run_plan_job(scenario, options);
                if (!export_mps.empty())
                  sixlink::export_quota_mps(scenario, result.report.options, result.report.plan,
                                            export_mps);
                return result;
              });
            });
        py::dict tables;
        tables["programmes"] = sixlink_python::plan_programme_table(job);
        return with_tables(job, tables);
      },
      "scenario"_a, "year"_a = 0, "total_enrolment"_a = py::none(), "budget"_a = py::none(),
      "min_secondary_share"_a = py::none(), "max_secondary_share"_a = py::none(),
      "max_change"_a = sixlink::QuotaOptions{}.max_change, "outside_weight"_a = py::none(),
      "recommendations"_a = true, "open_candidates"_a = true, "samples"_a = 0, "seed"_a = 0,
      "demand_noise"_a = sixlink::RecommendOptions{}.demand_noise,
      "mix_noise"_a = sixlink::RecommendOptions{}.mix_noise,
      "fit_noise"_a = sixlink::RecommendOptions{}.fit_noise, "threads"_a = 0, "horizon"_a = false,
      "export_mps"_a = "", "progress"_a = py::none(),
      "The quota plan (and recommendations) as dicts and lists (see sixlink.optimise_quotas)");
}

// Student placement: the place job.
// A cohort input from Python: None or "" (not given), a CSV path, or columns as
// (source, names, cells) with one list of text cells per column.
std::optional<sixlink::CohortTable> cohort_table(const py::object& value) {
  if (value.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(value)) {
    const auto path = value.cast<std::string>();
    if (path.empty()) return std::nullopt;
    return sixlink::CohortTable(std::filesystem::path(path));
  }
  auto [source, names, cells] = value.cast<
      std::tuple<std::string, std::vector<std::string>, std::vector<std::vector<std::string>>>>();
  return sixlink::CohortTable(
      sixlink::CohortColumns{std::move(source), std::move(names), std::move(cells)});
}

void bind_placement(py::module_& m) {
  m.def(
      "place_report",
      [](const sixlink::Scenario& scenario, const std::string& mode, const py::object& cohort,
         const py::object& openings, std::uint64_t seed, sixlink::Index candidates,
         const std::string& proposing, const py::object& progress) {
        const auto parsed_mode = sixlink::parse_placement_mode(mode);
        if (!parsed_mode)
          throw sixlink::InvalidInput("mode must be optimal, stable or parallel, got '" + mode +
                                      "'");
        const auto side = sixlink::parse_proposing_side(proposing);
        if (!side)
          throw sixlink::InvalidInput("proposing must be applicants or institutions, got '" +
                                      proposing + "'");
        sixlink::PlacementOptions placement;
        placement.mode = *parsed_mode;
        placement.proposing = *side;
        placement.seed = seed;
        placement.candidates = candidates;
        sixlink_python::PythonProgress python_progress(progress);
        placement.progress = python_progress.sink();
        const auto graduates = cohort_table(cohort), opening_table = cohort_table(openings);
        sixlink::PlaceJobOptions sources;  // only which inputs are given matters to the check
        if (graduates) sources.graduates = "cohort";
        if (opening_table) sources.openings = "openings";
        sixlink::check_cohort_sources(sources);
        sixlink::PlaceJobOptions synthetic;  // no inputs: a cohort drawn with the seed
        synthetic.placement = placement;
        const sixlink::PlaceJobResult job =
            sixlink_python::with_python_progress(python_progress, [&] {
              return call_interruptibly([&] {
                return graduates ? sixlink::run_place_job(
                                       scenario,
                                       sixlink::load_cohort(scenario, *graduates, opening_table),
                                       placement)
                                 : sixlink::run_place_job(scenario, synthetic);
              });
            });
        return with_tables(job, sixlink_python::place_tables(job));
      },
      "scenario"_a, "mode"_a = "optimal", "cohort"_a = py::none(), "openings"_a = py::none(),
      "seed"_a = 0, "candidates"_a = sixlink::PlacementOptions{}.candidates,
      "proposing"_a = "applicants", "progress"_a = py::none(),
      "Student placement as dicts and lists (see sixlink.place)");
}

// Admission of junior-high graduates: the admit job. The result is the JSON report's
// tree as Python objects plus "assignments": numpy arrays, one entry per applicant
// (institution: an index into the run's "institutions", -1 without a place).
void bind_admission(py::module_& m) {
  m.def(
      "admit_report",
      [](const sixlink::Scenario& scenario, int year, const std::string& mode, bool county_limits,
         bool compare, int choices, std::uint64_t seed, const std::string& high_schools,
         const std::string& cohorts, const std::string& applicants) {
        const auto parsed_mode = sixlink::parse_admission_mode(mode);
        if (!parsed_mode)
          throw sixlink::InvalidInput("mode must be stable or parallel, got '" + mode + "'");
        sixlink::AdmitJobOptions options;
        options.admission.year = year;
        options.admission.mode = *parsed_mode;
        options.admission.county_limits = county_limits;
        options.admission.choices = choices;
        options.admission.seed = seed;
        options.compare = compare;
        options.high_schools = high_schools;
        options.cohorts = cohorts;
        options.applicants = applicants;
        const sixlink::AdmitJobResult job =
            call_interruptibly([&] { return sixlink::run_admit_job(scenario, options); });
        py::dict assignments;
        std::vector<std::string> ids;
        ids.reserve(static_cast<std::size_t>(job.applicants.size()));
        for (sixlink::Index a = 0; a < job.applicants.size(); ++a) ids.push_back(job.applicants.id(a));
        assignments["applicant"] = py::array(py::cast(ids));
        assignments["region"] = to_array(job.applicants.region);
        assignments["score"] = to_array(job.applicants.score);
        assignments["institution"] = to_array(job.outcome.applicant_match);
        if (job.open) assignments["institution_open"] = to_array(job.open->applicant_match);
        py::dict tables;
        tables["assignments"] = assignments;
        return with_tables(job, tables);
      },
      "scenario"_a, "year"_a = 0, "mode"_a = "stable", "county_limits"_a = false,
      "compare"_a = false, "choices"_a = 10, "seed"_a = 0, "high_schools"_a = "",
      "cohorts"_a = "", "applicants"_a = "",
      "One admission batch as dicts, lists and numpy arrays (see sixlink.admit)");
}

// Dense and sparse assignment.
void bind_assignment(py::module_& m) {
  // Dense assignment: float64 weights, or int64 weights solved exactly.
  const char* dense_doc =
      "Dense linear sum assignment on a C-contiguous float64 or int64 matrix (see "
      "sixlink.solve_assignment)";
  m.def("solve_assignment", &solve_dense<sixlink::DenseWeights>, "weights"_a.noconvert(),
        "maximize"_a = false, "algorithm"_a = "auto", "mode"_a = "full", "threads"_a = 0,
        dense_doc);
  m.def("solve_assignment", &solve_dense<sixlink::IntegerWeights>, "weights"_a.noconvert(),
        "maximize"_a = false, "algorithm"_a = "auto", "mode"_a = "full", "threads"_a = 0,
        dense_doc);

  m.def(
      "solve_sparse_assignment",
      [](std::int64_t rows, std::int64_t cols, const Int64Array& indptr, const Int64Array& indices,
         const py::array_t<double, py::array::c_style | py::array::forcecast>& values,
         bool maximize, const std::string& algorithm, const std::string& mode) {
        if (values.ndim() != 1) throw sixlink::InvalidInput("values must be one-dimensional");
        const sixlink::SparseWeights weights{
            rows,
            cols,
            view(indptr),
            view(indices),
            {values.data(), static_cast<std::size_t>(values.size())}};
        const sixlink::AssignmentOptions options = assignment_options(maximize, algorithm, mode, 0);
        return assignment_dict(
            solve_released(weights, options, static_cast<std::int64_t>(values.size())));
      },
      "rows"_a, "cols"_a, "indptr"_a, "indices"_a, "values"_a, "maximize"_a = false,
      "algorithm"_a = "auto", "mode"_a = "full",
      "Sparse (CSR) linear sum assignment (see sixlink.min_weight_full_bipartite_matching)");
}

// Stable matching, parallel choice, the stability audit and min-cost flow.
void bind_matching_and_flow(py::module_& m) {
  m.def(
      "stable_matching",
      [](const py::dict& market, const std::string& proposing) {
        const auto side = sixlink::parse_proposing_side(proposing);
        if (!side) {
          throw sixlink::InvalidInput("proposing must be 'applicants' or 'institutions', got '" +
                                      proposing + "'");
        }
        BorrowedMarket borrowed;
        borrow_market(market, borrowed);
        const sixlink::MatchingMarketView& problem = borrowed.view;
        const auto r =
            call_interruptibly([&] { return sixlink::solve_stable_matching(problem, {*side}); },
                               small_market(problem));
        return to_array(r.applicant_match);
      },
      "market"_a, "proposing"_a = "applicants",
      "Deferred acceptance (see sixlink.solve_stable_matching)");
  m.def(
      "read_matching_market",
      [](const py::dict& market) {
        BorrowedMarket borrowed;
        borrow_market(market, borrowed);
        py::gil_scoped_release release;
        sixlink::validate(borrowed.view);
      },
      "market"_a,
      "Reads and validates a market dict as stable_matching does before its engine runs "
      "(the call's own overhead, timed by benchmarks/stable_families.py)");
  m.def(
      "parallel_choice_admission",
      [](const py::dict& market, const std::optional<std::vector<double>>& min_score) {
        const sixlink::MatchingMarket problem = market_from(market);
        sixlink::AdmissionRules rules;
        if (min_score) rules.min_score = *min_score;
        const auto r =
            call_interruptibly([&] { return sixlink::parallel_choice_admission(problem, rules); },
                               small_market(problem));
        return to_array(r.applicant_match);
      },
      "market"_a, "min_score"_a = py::none(),
      "Parallel-choice admission (see sixlink.parallel_choice_admission)");
  m.def(
      "audit_stability",
      [](const py::dict& market, const Int64Array& match) {
        const sixlink::MatchingMarket problem = market_from(market);
        if (match.ndim() != 1) throw sixlink::InvalidInput("match must be one-dimensional");
        sixlink::StabilityAudit audit;
        {
          py::gil_scoped_release release;
          audit = sixlink::audit_stability(problem, view(match));
        }
        py::dict out;
        py::list pairs;
        for (const auto& [a, s] : audit.blocking_pairs) pairs.append(py::make_tuple(a, s));
        out["blocking_pairs"] = pairs;
        out["over_capacity"] = to_array(audit.over_capacity);
        out["unacceptable"] = to_array(audit.unacceptable);
        out["justified_envy"] = audit.justified_envy;
        return out;
      },
      "market"_a, "match"_a, "Stability audit (see sixlink.audit_stability)");

  m.attr("INFINITE_CAPACITY") = sixlink::kInfiniteCapacity;
  m.def(
      "min_cost_flow",
      [](std::int64_t nodes, const Int64Array& tail, const Int64Array& head,
         const Int64Array& capacity, const Int64Array& cost, const Int64Array& supply,
         std::optional<Int64Array> lower, const std::string& mode, const std::string& algorithm) {
        const auto parsed = sixlink::parse_supply_mode(mode);
        if (!parsed) {
          throw sixlink::InvalidInput(
              "supply_mode must be 'exact', 'supply_at_most' or 'demand_at_most', got '" + mode +
              "'");
        }
        sixlink::MinCostFlowOptions options;
        const auto chosen = sixlink::parse_flow_algorithm(algorithm);
        if (!chosen) {
          throw sixlink::InvalidInput(
              "algorithm must be 'auto', 'network_simplex' or 'cost_scaling', got '" +
              algorithm + "'");
        }
        options.algorithm = *chosen;
        const auto lower_view = lower ? view(*lower) : std::span<const std::int64_t>();
        // Below 2^14 nodes and arcs a solve takes a few milliseconds at most.
        const bool small = nodes + tail.size() < (std::int64_t{1} << 14);
        return flow_result_dict(call_interruptibly(
            [&] {
              return sixlink::solve_min_cost_flow(nodes, view(tail), view(head), view(capacity),
                                                  view(cost), view(supply), lower_view, *parsed,
                                                  options);
            },
            small));
      },
      "nodes"_a, "tail"_a, "head"_a, "capacity"_a, "cost"_a, "supply"_a, "lower"_a = py::none(),
      "supply_mode"_a = "exact", "algorithm"_a = "auto",
      "Min-cost flow over int64 arrays (see sixlink.min_cost_flow)");
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "sixlink's compiled core; import the sixlink package instead";
  m.attr("__version__") = SIXLINK_VERSION_INFO;
  py::register_exception<sixlink::Error>(m, "Error", PyExc_ValueError);
  // An engine stopped by the interrupt flag without this call having seen the
  // signal (Ctrl-C while another thread's call waited for it): the same outcome.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const sixlink::Interrupted&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    }
  });
  // The options registries (option_fields): the wrappers' keyword defaults come from them.
  bind_options(m);
  bind_scenario(m);
  bind_analyses(m);
  bind_placement(m);
  bind_admission(m);
  bind_assignment(m);
  bind_matching_and_flow(m);
  sixlink_python::bind_plan_sampler(m);
}
