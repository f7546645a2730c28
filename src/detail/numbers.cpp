#include "detail/numbers.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace sixlink::detail {

std::string format_number(double x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
  return std::string(buffer.data(), result.ptr);
}

std::string format_count(Count x) {
  std::string digits = std::to_string(x < 0 ? -x : x);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return x < 0 ? "-" + out : out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

namespace {
std::string shown(std::string_view text) { return "'" + std::string(text) + "'"; }
}  // namespace

Parsed<Count> parse_count(std::string_view text) {
  text = trim(text);
  if (text.starts_with('+')) text.remove_prefix(1);
  Count value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range)
    return {std::nullopt, "integer " + shown(text) + " is out of range"};
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    return {std::nullopt, "expected an integer, got " + shown(text)};
  }
  return {value, {}};
}

Parsed<double> parse_number(std::string_view text) {
  text = trim(text);
  if (text.starts_with('+')) text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range)
    return {std::nullopt, "number " + shown(text) + " is out of range"};
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    return {std::nullopt, "expected a number, got " + shown(text)};
  }
  return {value, {}};
}

Parsed<bool> parse_flag(std::string_view text) {
  text = trim(text);
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "true" || lower == "yes" || lower == "1") return {true, {}};
  if (lower == "false" || lower == "no" || lower == "0") return {false, {}};
  return {std::nullopt, "expected true or false, got " + shown(text)};
}

}  // namespace sixlink::detail
