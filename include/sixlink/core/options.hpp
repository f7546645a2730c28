// sixlink/core/options.hpp — one registry per options struct: each field declared once.
//
// Problem. An option such as the mobility across regions has a name, a default, a
// valid range, a help sentence and, for some options, a command-line flag. Written
// out by hand, each of these lives in several places (the struct, the library's range
// check, the CLI's flag and validator, the Python keyword argument), and a default or
// a bound changed in one place silently disagrees with the others. As in HiGHS's
// options registry, the fields are instead declared once, in a registry beside the
// struct, and everything else is generated from it:
//   - the range checks and their messages (OptionRegistry::check):
//       "outside_share must be in [0, 1], got 1.5", "threads must be >= 0, got -1";
//   - the command line's flags, their validators and --help text (src/cli reads
//     OptionInfo::flag, range and help);
//   - a machine-readable description for Python's keyword arguments
//     (OptionRegistry::describe: name, kind, default or None, lo, hi, help).
//
// Conventions. The struct's member initialisers stay the source of every default:
// the registry reads them from a default-constructed struct and never repeats a
// number. A field's range is closed [lo, hi], half-open [lo, hi), or one-sided
// (lo <= x, which for a real also demands a finite x); a field without a range is
// not checked. An optional field (std::optional<double>) is valid when empty: empty
// means "derive it" (Python's None). A choice field is an enum with a word per
// value. Help sentences may hold {default}, {lo}, {hi} and {choices}, expanded from
// the struct and the range, so that "(default {default})" follows the member
// initialiser.
//
// Checks run in the order the fields are declared, each field's own range first and
// then its cross-field rule, if any (the band thresholds of GapOptions), so that the
// first message is the one the hand-written checks gave. A field may be `unchecked`:
// it is described (flag, range, help) but checked where it is used (the mobility by
// the projection, after the year; a nested struct's fields by that struct's own
// registry), so the generated checker reports exactly what the library reports.
//
// The registries of the library's options live beside their structs
// (analysis/analysis_options.hpp, placement/placement_options.hpp); this header is
// the machinery, and depends on nothing above core.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "sixlink/core/error.hpp"

namespace sixlink {

/// A field's type as Python and the command line see it.
enum class OptionKind { kInt32, kInt64, kUint64, kReal, kBool, kChoice };
/// "int32", "int64", "uint64", "real", "bool", "choice".
std::string_view to_string(OptionKind kind);

/// A field's value: integers as int64 (uint64 for kUint64), reals, flags, a choice's
/// word; std::monostate for an optional field left empty.
using OptionValue =
    std::variant<std::monostate, std::int64_t, std::uint64_t, double, bool, std::string>;

/// Valid values: lo <= x, and x <= hi (x < hi when `hi_open`); a missing bound is no
/// limit. A real with a lower bound alone must also be finite.
struct OptionRange {
  std::optional<double> lo;
  std::optional<double> hi;
  bool hi_open = false;

  bool empty() const { return !lo && !hi; }
};

/// What a field is, without the struct: what the CLI, the checks and Python read.
struct OptionInfo {
  std::string name;  ///< the field's name, also Python's keyword and the message's subject
  OptionKind kind = OptionKind::kReal;
  bool optional = false;             ///< std::optional: may be empty (None), meaning "derive it"
  OptionValue default_value;         ///< read from a default-constructed struct
  OptionRange range;                 ///< valid values (empty: not checked)
  std::vector<std::string> choices;  ///< kChoice: the words, in the enum's order
  std::string flag;                  ///< command-line flag ("--mobility"); empty: none
  std::string help;                  ///< one sentence, {default}, {lo}, {hi} expanded
  /// Replaces "must be in [lo, hi]" in the message ("must not be negative").
  std::string requirement;
  /// A tighter upper bound on the command line only (a whole-number field).
  std::optional<std::uint64_t> cli_max;
  bool checked = true;  ///< the registry's check covers it (see the header)
};

/// The shortest text that reads back to the same double ("0.75", "1e+12", "inf").
std::string format_option_number(double x);
/// A value as the messages and help show it: numbers as above, None, true/false, words.
std::string format_option_value(const OptionValue& value);
/// "NAME must be in [lo, hi], got X" (or the field's requirement), "" when valid.
std::string option_range_error(const OptionInfo& info, const OptionValue& value);
/// "in [0, 1]", "in [1, 64]", "in [0, 1)", ">= 0", or a choice's words ("optimal,
/// stable or parallel"): what a valid value is, as the messages show it.
std::string format_option_range(const OptionInfo& info);
/// `text` with {default}, {lo}, {hi} and {choices} ("optimal (default), stable or
/// parallel") replaced from `info`; another key is a std::logic_error.
std::string expand_option_help(std::string_view text, const OptionInfo& info);

namespace options_detail {

template <class T>
struct Traits;  // how a member type maps onto an OptionValue
template <>
struct Traits<int> {
  static constexpr OptionKind kind = OptionKind::kInt32;
  static OptionValue get(int v) { return std::int64_t{v}; }
  static int set(const OptionValue& v) { return static_cast<int>(std::get<std::int64_t>(v)); }
};
template <>
struct Traits<std::int64_t> {
  static constexpr OptionKind kind = OptionKind::kInt64;
  static OptionValue get(std::int64_t v) { return v; }
  static std::int64_t set(const OptionValue& v) { return std::get<std::int64_t>(v); }
};
template <>
struct Traits<std::uint64_t> {
  static constexpr OptionKind kind = OptionKind::kUint64;
  static OptionValue get(std::uint64_t v) { return v; }
  static std::uint64_t set(const OptionValue& v) { return std::get<std::uint64_t>(v); }
};
template <>
struct Traits<double> {
  static constexpr OptionKind kind = OptionKind::kReal;
  static OptionValue get(double v) { return v; }
  static double set(const OptionValue& v) { return std::get<double>(v); }
};
template <>
struct Traits<bool> {
  static constexpr OptionKind kind = OptionKind::kBool;
  static OptionValue get(bool v) { return v; }
  static bool set(const OptionValue& v) { return std::get<bool>(v); }
};

}  // namespace options_detail

/// One declared field of `Options`: its description and how to read and write it.
/// The chained setters are how a registry declares it.
template <class Options>
struct OptionField {
  OptionInfo info;
  std::string help_template;  ///< the help before expansion
  std::function<OptionValue(const Options&)> get;
  /// Writes a value of the field's kind (an empty value empties an optional field).
  std::function<void(Options&, const OptionValue&)> set;
  /// A check across fields, run right after this field's own.
  std::function<void(const Options&)> rule;

  OptionField& flag(std::string text) {
    info.flag = std::move(text);
    return *this;
  }
  OptionField& help(std::string text) {
    help_template = std::move(text);
    return *this;
  }
  OptionField& in(double lo, double hi) {  ///< [lo, hi]
    info.range = {lo, hi, false};
    return *this;
  }
  OptionField& in_half_open(double lo, double hi) {  ///< [lo, hi)
    info.range = {lo, hi, true};
    return *this;
  }
  OptionField& at_least(double lo) {  ///< lo <= x (and finite)
    info.range = {lo, std::nullopt, false};
    return *this;
  }
  OptionField& requirement(std::string text) {
    info.requirement = std::move(text);
    return *this;
  }
  OptionField& cli_max(std::uint64_t hi) {
    info.cli_max = hi;
    return *this;
  }
  OptionField& unchecked() {
    info.checked = false;
    return *this;
  }
  OptionField& then_check(std::function<void(const Options&)> check) {
    rule = std::move(check);
    return *this;
  }
};

/// The fields of one options struct, in the order they are checked.
template <class Options>
class OptionRegistry {
 public:
  explicit OptionRegistry(std::string name) : name_(std::move(name)) {}

  const std::string& name() const { return name_; }

  /// Declares a plain field (int, int64, uint64, double, bool, std::optional<double>).
  template <class T>
  OptionField<Options>& add(std::string name, T Options::*member) {
    OptionField<Options>& f = push(std::move(name));
    if constexpr (std::is_same_v<T, std::optional<double>>) {
      f.info.kind = OptionKind::kReal;
      f.info.optional = true;
      f.get = [member](const Options& o) -> OptionValue {
        if (!(o.*member)) return std::monostate{};
        return *(o.*member);
      };
      f.set = [member](Options& o, const OptionValue& v) {
        if (std::holds_alternative<std::monostate>(v)) {
          (o.*member).reset();
        } else {
          o.*member = std::get<double>(v);
        }
      };
    } else {
      using Traits = options_detail::Traits<T>;
      f.info.kind = Traits::kind;
      f.get = [member](const Options& o) { return Traits::get(o.*member); };
      f.set = [member](Options& o, const OptionValue& v) { o.*member = Traits::set(v); };
    }
    f.info.default_value = f.get(Options{});
    return f;
  }

  /// Declares an enum field by its words, in the enum's order (value i: word i).
  template <class E>
  OptionField<Options>& add_choice(std::string name, E Options::*member,
                                   std::vector<std::pair<std::string, E>> words) {
    OptionField<Options>& f = push(std::move(name));
    f.info.kind = OptionKind::kChoice;
    for (const auto& [word, value] : words) f.info.choices.push_back(word);
    f.get = [member, words](const Options& o) -> OptionValue {
      for (const auto& [word, value] : words)
        if (o.*member == value) return word;
      return std::string("?");
    };
    // An unknown word: "mode must be optimal, stable or parallel, got 'x'".
    f.set = [member, words, info = f.info](Options& o, const OptionValue& v) {
      const auto& text = std::get<std::string>(v);
      for (const auto& [word, value] : words) {
        if (word == text) {
          o.*member = value;
          return;
        }
      }
      throw InvalidInput(info.name + " must be " + format_option_range(info) + ", got '" + text +
                         "'");
    };
    f.info.default_value = f.get(Options{});
    return f;
  }

  /// Declares the field `name` of a nested struct (`member`) as a field of this one,
  /// with its range and help; unchecked here (the nested struct's registry checks it
  /// where the library uses the nested struct). Its help may be replaced.
  template <class Inner>
  OptionField<Options>& nest(const OptionRegistry<Inner>& inner, Inner Options::*member,
                             std::string_view name) {
    const OptionField<Inner>& from = inner.field(name);
    OptionField<Options>& f = push(from.info.name);
    f.info = from.info;
    f.info.checked = false;
    f.help_template = from.help_template;
    f.get = [member, get = from.get](const Options& o) { return get(o.*member); };
    f.set = [member, set = from.set](Options& o, const OptionValue& v) { set(o.*member, v); };
    f.info.default_value = f.get(Options{});
    return f;
  }

  /// Expands every help text; call once, after the last declaration.
  OptionRegistry& seal() {
    for (auto& f : fields_) f.info.help = expand_option_help(f.help_template, f.info);
    return *this;
  }

  const std::deque<OptionField<Options>>& fields() const { return fields_; }

  /// The field called `name`; throws std::out_of_range for an unknown name.
  const OptionField<Options>& field(std::string_view name) const {
    for (const auto& f : fields_)
      if (f.info.name == name) return f;
    throw std::out_of_range("options '" + name_ + "' have no field '" + std::string(name) + "'");
  }

  /// The fields without the struct, for Python and documentation.
  std::vector<OptionInfo> describe() const {
    std::vector<OptionInfo> out;
    out.reserve(fields_.size());
    for (const auto& f : fields_) out.push_back(f.info);
    return out;
  }

  /// Throws InvalidInput naming the first field out of range (see the header).
  void check(const Options& options) const {
    for (const auto& f : fields_) {
      if (f.info.checked) {
        std::string error = option_range_error(f.info, f.get(options));
        if (!error.empty()) throw InvalidInput(error);
      }
      if (f.rule) f.rule(options);
    }
  }

 private:
  OptionField<Options>& push(std::string name) {
    for (const auto& f : fields_)
      if (f.info.name == name)
        throw std::logic_error("options '" + name_ + "' declare '" + name + "' twice");
    fields_.emplace_back();
    fields_.back().info.name = std::move(name);
    return fields_.back();
  }

  std::string name_;
  std::deque<OptionField<Options>> fields_;  // a deque: declared fields keep their address
};

}  // namespace sixlink
