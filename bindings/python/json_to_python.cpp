#include "json_to_python.hpp"

#include <cmath>
#include <string>

namespace py = pybind11;

namespace sixlink_python {

py::object to_python(const nlohmann::ordered_json& value) {
  using Type = nlohmann::ordered_json::value_t;
  switch (value.type()) {
    case Type::object: {
      py::dict out;
      for (const auto& [key, item] : value.items()) out[py::str(key)] = to_python(item);
      return out;  // a py::object by implicit move
    }
    case Type::array: {
      py::list out(value.size());
      std::size_t i = 0;
      for (const auto& item : value) out[i++] = to_python(item);
      return out;  // a py::object by implicit move
    }
    case Type::string:
      return py::str(value.get_ref<const std::string&>());
    case Type::boolean:
      return py::bool_(value.get<bool>());
    case Type::number_integer:
      return py::int_(value.get<std::int64_t>());
    case Type::number_unsigned:
      return py::int_(value.get<std::uint64_t>());
    case Type::number_float: {
      // The text path wrote NaN and infinities as null; keep what Python saw.
      const double x = value.get<double>();
      return std::isfinite(x) ? py::object(py::float_(x)) : py::object(py::none());
    }
    default:  // null, and the binary/discarded kinds a result tree never holds
      return py::none();
  }
}

}  // namespace sixlink_python
