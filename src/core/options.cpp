#include "sixlink/core/options.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace sixlink {

namespace {

bool is_integer(OptionKind kind) {
  return kind == OptionKind::kInt32 || kind == OptionKind::kInt64 || kind == OptionKind::kUint64;
}

// A bound as the messages show it: integers in digits ("1000000", never "1e+06").
std::string format_bound(const OptionInfo& info, double bound) {
  if (is_integer(info.kind)) return std::to_string(static_cast<std::int64_t>(bound));
  return format_option_number(bound);
}

std::string join_choices(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

bool in_range(const OptionRange& r, double x) {
  if (r.lo && !(x >= *r.lo)) return false;
  if (r.hi) return r.hi_open ? x < *r.hi : x <= *r.hi;
  return std::isfinite(x) || !r.lo;  // a lower bound alone: finite too
}

}  // namespace

std::string_view to_string(OptionKind kind) {
  switch (kind) {
    case OptionKind::kInt32:
      return "int32";
    case OptionKind::kInt64:
      return "int64";
    case OptionKind::kUint64:
      return "uint64";
    case OptionKind::kReal:
      return "real";
    case OptionKind::kBool:
      return "bool";
    case OptionKind::kChoice:
      return "choice";
  }
  return "?";
}

// The same text as detail::format_number, which core cannot include (it sits below
// detail): the shortest that reads back to the same double.
std::string format_option_number(double x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
  return std::string(buffer.data(), result.ptr);
}

std::string format_option_value(const OptionValue& value) {
  struct Format {
    std::string operator()(std::monostate) const { return "None"; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(std::uint64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return format_option_number(v); }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(const std::string& v) const { return v; }
  };
  return std::visit(Format{}, value);
}

std::string format_option_range(const OptionInfo& info) {
  if (info.kind == OptionKind::kChoice) return join_choices(info.choices);
  const OptionRange& r = info.range;
  if (r.lo && r.hi)
    return "in [" + format_bound(info, *r.lo) + ", " + format_bound(info, *r.hi) +
           (r.hi_open ? ")" : "]");
  if (r.lo) return ">= " + format_bound(info, *r.lo);
  if (r.hi) return (r.hi_open ? "< " : "<= ") + format_bound(info, *r.hi);
  return "";
}

std::string option_range_error(const OptionInfo& info, const OptionValue& value) {
  if (info.range.empty()) return "";
  double x = 0.0;
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    x = static_cast<double>(*i);
  } else if (const auto* u = std::get_if<std::uint64_t>(&value)) {
    x = static_cast<double>(*u);
  } else if (const auto* d = std::get_if<double>(&value)) {
    x = *d;
  } else {
    return "";  // an empty optional, a flag or a word: nothing to compare
  }
  if (in_range(info.range, x)) return "";
  const std::string requirement =
      info.requirement.empty() ? "must be " + format_option_range(info) : info.requirement;
  return info.name + " " + requirement + ", got " + format_option_value(value);
}

std::string expand_option_help(std::string_view text, const OptionInfo& info) {
  std::string out;
  while (!text.empty()) {
    const auto open = text.find('{');
    const auto close = text.find('}', open);
    if (open == std::string_view::npos || close == std::string_view::npos) break;
    out += text.substr(0, open);
    const std::string_view key = text.substr(open + 1, close - open - 1);
    if (key == "default") {
      out += format_option_value(info.default_value);
    } else if (key == "choices" && info.kind == OptionKind::kChoice) {
      // "optimal (default), stable or parallel"
      std::vector<std::string> words = info.choices;
      for (auto& word : words)
        if (OptionValue(word) == info.default_value) word += " (default)";
      out += join_choices(words);
    } else if (key == "lo" && info.range.lo) {
      out += format_bound(info, *info.range.lo);
    } else if (key == "hi" && info.range.hi) {
      out += format_bound(info, *info.range.hi);
    } else {
      throw std::logic_error("option '" + info.name + "': unknown help key {" + std::string(key) +
                             "}");
    }
    text.remove_prefix(close + 1);
  }
  out += text;
  return out;
}

}  // namespace sixlink
