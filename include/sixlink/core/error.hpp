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

namespace sixlink {

/// Base of every exception sixlink throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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
