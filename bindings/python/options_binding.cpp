// sixlink._core.option_fields(name): the fields of an options struct as its registry
// declares them (core/options.hpp), so that the Python wrappers take their keyword
// arguments' defaults from the C++ structs rather than repeat them. Each field is a
// dict:
//   name      the keyword ("other_region_mobility")
//   kind      "int32", "int64", "uint64", "real", "bool" or "choice"
//   default   the struct's default: int, float, bool, str, or None (optional: derived)
//   lo, hi    the valid range (int for integer kinds, float for reals), None: no bound
//   hi_open   True when hi itself is excluded
//   optional  True when None is accepted
//   choices   the words of a choice field ([] otherwise)
//   flag      the command-line flag ("" when none)
//   help      one sentence, shared with the command line's --help
//   checked   False when the field is checked elsewhere than by its own struct's check
// The registries are named by option_registries: "gap", "quota", "recommend",
// "placement", "cohort".
#include "options_binding.hpp"

#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "sixlink/analysis/analysis_options.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/placement/placement_options.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace {

py::object to_python(const sixlink::OptionValue& value) {
  struct Convert {
    py::object operator()(std::monostate) const { return py::none(); }
    py::object operator()(std::int64_t v) const { return py::int_(v); }
    py::object operator()(std::uint64_t v) const { return py::int_(v); }
    py::object operator()(double v) const { return py::float_(v); }
    py::object operator()(bool v) const { return py::bool_(v); }
    py::object operator()(const std::string& v) const { return py::str(v); }
  };
  return std::visit(Convert{}, value);
}

bool is_integer(sixlink::OptionKind kind) {
  return kind == sixlink::OptionKind::kInt32 || kind == sixlink::OptionKind::kInt64 ||
         kind == sixlink::OptionKind::kUint64;
}

py::object bound(const sixlink::OptionInfo& info, const std::optional<double>& b) {
  if (!b) return py::none();
  if (is_integer(info.kind)) return py::int_(static_cast<std::int64_t>(*b));
  return py::float_(*b);
}

py::dict to_dict(const sixlink::OptionInfo& info) {
  py::dict d;
  d["name"] = info.name;
  d["kind"] = std::string(sixlink::to_string(info.kind));
  d["default"] = to_python(info.default_value);
  d["lo"] = bound(info, info.range.lo);
  d["hi"] = bound(info, info.range.hi);
  d["hi_open"] = info.range.hi_open;
  d["optional"] = info.optional;
  d["choices"] = info.choices;
  d["flag"] = info.flag;
  d["help"] = info.help;
  d["checked"] = info.checked;
  return d;
}

const std::vector<std::string> kRegistries = {"gap", "quota", "recommend", "placement", "cohort"};

std::vector<sixlink::OptionInfo> describe(const std::string& name) {
  if (name == "gap") return sixlink::gap_option_registry().describe();
  if (name == "quota") return sixlink::quota_option_registry().describe();
  if (name == "recommend") return sixlink::recommend_option_registry().describe();
  if (name == "placement") return sixlink::placement_option_registry().describe();
  if (name == "cohort") return sixlink::cohort_option_registry().describe();
  throw sixlink::InvalidInput("name must be gap, quota, recommend, placement or cohort, got '" +
                              name + "'");
}

}  // namespace

void bind_options(py::module_& m) {
  m.def(
      "option_fields",
      [](const std::string& name) {
        py::list out;
        for (const auto& info : describe(name)) out.append(to_dict(info));
        return out;
      },
      "name"_a,
      "The fields of an options struct as its registry declares them: a list of dicts "
      "(name, kind, default, lo, hi, hi_open, optional, choices, flag, help, checked)");
  m.attr("option_registries") = py::tuple(py::cast(kRegistries));
}
