// sixlink/core/error.hpp — the one exception family for caller errors.
//
// Outcomes of well-formed problems (infeasible, unbounded, ...) are statuses in
// result structs, never exceptions. Malformed input throws a sixlink::Error whose
// message names what is wrong and where: the file, the JSON pointer or CSV line,
// and the id or field at fault. The Python bindings turn every sixlink::Error
// into ValueError with the same message, and the CLI prints it on one line.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace sixlink {

/// `text` with control characters escaped (NUL as \x00, newline as \n, ...):
/// ids from a user's file may hold them, and a message must stay one whole
/// line (what() is a C string, which a NUL would cut short).
inline std::string escape_control_characters(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    }
  }
  return out;
}

/// Base of every exception sixlink throws on purpose. The message is kept
/// with its control characters escaped.
class Error : public std::runtime_error {
 public:
  explicit Error(std::string_view what)
      : std::runtime_error(escape_control_characters(what)) {}
};

/// A value, reference or shape that breaks the documented contract
/// (unknown id, negative count, NaN, lower bound above upper bound, ...).
class InvalidInput : public Error {
 public:
  using Error::Error;
};

/// A file that cannot be read or parsed (broken JSON or CSV, wrong type,
/// missing field, unknown format version).
class ParseError : public Error {
 public:
  using Error::Error;
};

/// A file that cannot be opened, read or written.
class IoError : public Error {
 public:
  using Error::Error;
};

}  // namespace sixlink
