// The options registries for Python: sixlink._core.option_fields(name).
#pragma once

#include <pybind11/pybind11.h>

/// Adds option_fields(name) and option_registries to the module (see options_binding.cpp).
void bind_options(pybind11::module_& m);
