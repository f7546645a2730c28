// cli/option_flags.hpp — command-line flags generated from the options registries.
//
// A field with a flag (core/options.hpp) becomes one CLI11 option that writes the
// parsed value into the options struct, with a validator made from its range, so
// that the message names the flag and the text as typed:
//   whole numbers  "--seed: expected a whole number from 0 to ..., got '-1'"
//                  (from the range's lower bound, or 0, to the command line's cap,
//                  the range's upper bound, or the type's largest value)
//   reals          "--mobility: expected a number in [0, 1], got 'x'" (finite)
//   choices        CLI11's IsMember ("--mode: x not in {optimal,stable,parallel}")
// The validators serve the command's own flags too (--top).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string_view>

#include "sixlink/core/options.hpp"

namespace sixlink::cli {

/// Accepts the digits of a whole number from lo to hi.
CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi);

/// Accepts a finite number in [lo, hi].
CLI::Validator number_in(double lo, double hi);

/// One field's flag on `command`; `set` receives the parsed value.
CLI::Option* add_option_flag(CLI::App& command, const OptionInfo& info,
                             std::function<void(const OptionValue&)> set);

/// The flags of the fields called `names`, in that order (the order of --help),
/// each writing into `options` (which must outlive the parse).
template <class Options>
void add_option_flags(CLI::App& command, const OptionRegistry<Options>& registry, Options& options,
                      std::initializer_list<std::string_view> names) {
  for (const std::string_view name : names) {
    const OptionField<Options>& field = registry.field(name);
    add_option_flag(command, field.info,
                    [&options, set = field.set](const OptionValue& v) { set(options, v); });
  }
}

}  // namespace sixlink::cli
