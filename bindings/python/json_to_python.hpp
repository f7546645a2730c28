// json_to_python.hpp — a job's nlohmann result tree as Python objects, built in C++ so that
// no JSON text passes between the library and Python. The mapping is json.loads's: objects
// become dicts in the tree's key order, arrays lists, integers int, doubles float, and a
// non-finite double (which nlohmann writes as null) None.
#pragma once

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>

namespace sixlink_python {

/// Call with the GIL held.
pybind11::object to_python(const nlohmann::ordered_json& value);

}  // namespace sixlink_python
