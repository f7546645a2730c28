// Number formatting and strict parsing shared by the readers and writers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sixlink/core/types.hpp"

namespace sixlink::detail {

/// Shortest text that reads back to the same double ("0.3787", "1e-07", "NaN").
std::string format_number(double x);

/// "88,700": an integer with thousands separators, for tables people read.
std::string format_count(Count x);

/// Outcome of parsing a cell: the value, or why it is not one.
template <class T>
struct Parsed {
  std::optional<T> value;
  std::string error;  ///< set when value is empty
};

/// A whole-cell integer ("42", "+42", "-3"); rejects "4.2", "1e3" and overflow.
Parsed<Count> parse_count(std::string_view text);

/// A whole-cell decimal number; "nan" and "inf" parse (validation rejects them).
Parsed<double> parse_number(std::string_view text);

/// true/false, yes/no, 1/0 (any case).
Parsed<bool> parse_flag(std::string_view text);

/// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

}  // namespace sixlink::detail
