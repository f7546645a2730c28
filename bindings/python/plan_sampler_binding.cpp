#include "plan_sampler_binding.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "options_binding.hpp"
#include "sixlink/analysis/plan_samples.hpp"
#include "sixlink/core/status.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace sixlink_python {
namespace {

template <class Out, class In>
py::array_t<Out> array_of(const std::vector<In>& values) {
  py::array_t<Out> out(static_cast<py::ssize_t>(values.size()));
  auto view = out.template mutable_unchecked<1>();
  for (std::size_t i = 0; i < values.size(); ++i)
    view(static_cast<py::ssize_t>(i)) = static_cast<Out>(values[i]);
  return out;
}

py::dict sample_dict(const sixlink::PlanSample& s) {
  py::dict out;
  out["sample"] = s.sample;
  out["status"] = std::string(sixlink::to_string(s.status));
  out["feasible"] = s.feasible();
  out["objective"] = s.objective;
  out["unmet"] = s.unmet;
  out["enrolment"] = s.enrolment;
  out["retention_rate"] = s.retention_rate;
  out["actions"] = array_of<std::int8_t>(s.actions);
  out["intakes"] = array_of<double>(s.intakes);
  return out;
}

}  // namespace

void bind_plan_sampler(py::module_& m) {
  const sixlink::RecommendOptions defaults;
  py::class_<sixlink::PlanSampler>(m, "PlanSampler",
                                   "The demand samples of sixlink.recommend, one at a time (see "
                                   "sixlink/analysis/plan_samples.hpp); solve() releases the GIL")
      .def(py::init([](const sixlink::Scenario& scenario, int year,
                       std::optional<double> total_enrolment, std::optional<double> budget,
                       std::optional<double> min_secondary_share,
                       std::optional<double> max_secondary_share, double max_change,
                       std::optional<double> outside_weight, double other_region_mobility,
                       bool open_candidates, std::uint64_t seed, double demand_noise,
                       double mix_noise, double fit_noise) {
             sixlink::RecommendOptions o;
             set_quota_arguments(o.quotas, year, total_enrolment, budget, min_secondary_share,
                                 max_secondary_share, max_change, outside_weight);
             o.quotas.market.other_region_mobility = other_region_mobility;
             o.open_candidates = open_candidates;
             o.seed = seed;
             o.demand_noise = demand_noise;
             o.mix_noise = mix_noise;
             o.fit_noise = fit_noise;
             py::gil_scoped_release release;
             return sixlink::PlanSampler(scenario, o);
           }),
           "scenario"_a, "year"_a = 0, "total_enrolment"_a = py::none(), "budget"_a = py::none(),
           "min_secondary_share"_a = py::none(), "max_secondary_share"_a = py::none(),
           "max_change"_a = defaults.quotas.max_change, "outside_weight"_a = py::none(),
           "other_region_mobility"_a = defaults.quotas.market.other_region_mobility,
           "open_candidates"_a = defaults.open_candidates, "seed"_a = defaults.seed,
           "demand_noise"_a = defaults.demand_noise, "mix_noise"_a = defaults.mix_noise,
           "fit_noise"_a = defaults.fit_noise)
      .def(
          "solve",
          [](const sixlink::PlanSampler& sampler, int sample) {
            sixlink::PlanSample s;
            {
              py::gil_scoped_release release;
              s = sampler.solve(sample);
            }
            return sample_dict(s);
          },
          "sample"_a, "Sample k's plan: status, objective, per-programme actions and intakes")
      .def(
          "solve_base",
          [](const sixlink::PlanSampler& sampler) {
            sixlink::PlanSample s;
            {
              py::gil_scoped_release release;
              s = sampler.solve_base();
            }
            return sample_dict(s);
          },
          "The unperturbed plan (sample -1), as solve() reports it")
      .def_property_readonly("programmes", &sixlink::PlanSampler::programmes)
      .def_property_readonly("demand_year", &sixlink::PlanSampler::demand_year)
      .def_property_readonly("outside_weight", [](const sixlink::PlanSampler& s) {
        return s.quotas().market.outside_weight.value_or(0.0);
      });
}

}  // namespace sixlink_python
