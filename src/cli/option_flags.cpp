#include "cli/option_flags.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <string>

#include "detail/numbers.hpp"

namespace sixlink::cli {

// CLI11 checks the text as typed, so a message names the option and that text.
CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi) {
  const std::string range = "from " + std::to_string(lo) + " to " + std::to_string(hi);
  return CLI::Validator(
      [lo, hi, range](std::string& text) -> std::string {
        const std::string_view t = detail::trim(text);
        bool digits = !t.empty() && t.size() <= 20;
        for (const char c : t) digits = digits && c >= '0' && c <= '9';
        if (digits) {
          errno = 0;
          const unsigned long long v = std::strtoull(std::string(t).c_str(), nullptr, 10);
          if (errno != ERANGE && v >= lo && v <= hi) return {};
        }
        return "expected a whole number " + range + ", got '" + text + "'";
      },
      "whole number " + range);
}

CLI::Validator number_in(double lo, double hi) {
  const std::string range =
      "in [" + detail::format_number(lo) + ", " + detail::format_number(hi) + "]";
  return CLI::Validator(
      [lo, hi, range](std::string& text) -> std::string {
        const auto parsed = detail::parse_number(text).value;
        if (parsed && std::isfinite(*parsed) && *parsed >= lo && *parsed <= hi) return {};
        return "expected a number " + range + ", got '" + text + "'";
      },
      "number " + range);
}

namespace {

std::uint64_t largest(OptionKind kind) {
  switch (kind) {
    case OptionKind::kInt32:
      return static_cast<std::uint64_t>(std::numeric_limits<int>::max());
    case OptionKind::kInt64:
      return static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    default:
      return std::numeric_limits<std::uint64_t>::max();
  }
}

// A whole-number field has a validator when its range or its type (unsigned) bounds
// it; a field without either (the year, checked against the scenario) has none.
void check_whole_number(CLI::Option* option, const OptionInfo& info) {
  const OptionRange& r = info.range;
  if (r.empty() && info.kind != OptionKind::kUint64 && !info.cli_max) return;
  if (r.lo && *r.lo < 0)
    throw std::logic_error(info.flag + ": a whole-number flag cannot take negative values");
  const auto lo = static_cast<std::uint64_t>(r.lo.value_or(0.0));
  std::uint64_t hi = largest(info.kind);
  if (r.hi) hi = static_cast<std::uint64_t>(*r.hi) - (r.hi_open ? 1 : 0);
  if (info.cli_max && *info.cli_max < hi) hi = *info.cli_max;
  option->check(whole_number(lo, hi));
}

void check_real(CLI::Option* option, const OptionInfo& info) {
  const OptionRange& r = info.range;
  if (r.empty()) return;
  if (!r.lo || !r.hi || r.hi_open)
    throw std::logic_error(info.flag + ": a real flag needs a closed range");
  option->check(number_in(*r.lo, *r.hi));
}

}  // namespace

CLI::Option* add_option_flag(CLI::App& command, const OptionInfo& info,
                             std::function<void(const OptionValue&)> set) {
  if (info.flag.empty()) throw std::logic_error("option '" + info.name + "' has no flag");
  CLI::Option* option = nullptr;
  switch (info.kind) {
    case OptionKind::kInt32:
      option = command.add_option_function<int>(
          info.flag, [set](const int& v) { set(std::int64_t{v}); }, info.help);
      check_whole_number(option, info);
      break;
    case OptionKind::kInt64:
      option = command.add_option_function<std::int64_t>(
          info.flag, [set](const std::int64_t& v) { set(v); }, info.help);
      check_whole_number(option, info);
      break;
    case OptionKind::kUint64:
      option = command.add_option_function<std::uint64_t>(
          info.flag, [set](const std::uint64_t& v) { set(v); }, info.help);
      check_whole_number(option, info);
      break;
    case OptionKind::kReal:
      option = command.add_option_function<double>(
          info.flag, [set](const double& v) { set(v); }, info.help);
      check_real(option, info);
      break;
    case OptionKind::kChoice:
      option = command.add_option_function<std::string>(
          info.flag, [set](const std::string& v) { set(v); }, info.help);
      option->check(CLI::IsMember(info.choices));
      break;
    case OptionKind::kBool:
      throw std::logic_error(info.flag + ": flags of yes/no fields are the commands' own");
  }
  return option;
}

}  // namespace sixlink::cli
