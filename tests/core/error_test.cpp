// core/error.hpp: one exception family, one-line messages.
#include "sixlink/core/error.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <type_traits>

namespace sixlink {
namespace {

TEST(Error, OneFamilyUnderRuntimeError) {
  static_assert(std::is_base_of_v<std::runtime_error, Error>);
  static_assert(std::is_base_of_v<Error, InvalidInput>);
  static_assert(std::is_base_of_v<Error, ParseError>);
  static_assert(std::is_base_of_v<Error, IoError>);
  // A caller catching Error sees every kind, with its message intact.
  for (int kind = 0; kind < 3; ++kind) {
    try {
      if (kind == 0) throw InvalidInput("programmes[3].school: unknown school 'x'");
      if (kind == 1) throw ParseError("city.json: /regions/0: expected an object");
      throw IoError("city.json: no such file or folder");
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(':'), std::string::npos) << kind;
    }
  }
}

TEST(Error, EscapesControlCharactersToKeepOneLine) {
  EXPECT_EQ(escape_control_characters("plain text, 台州"), "plain text, 台州");
  EXPECT_EQ(escape_control_characters("a\nb\tc\rd"), "a\\nb\\tc\\rd");
  EXPECT_EQ(escape_control_characters(std::string("x\0y", 3)), "x\\x00y");
  EXPECT_EQ(escape_control_characters("\x1b[1m\x7f"), "\\x1b[1m\\x7f");
  EXPECT_EQ(escape_control_characters(""), "");
}

TEST(Error, MessagesAreKeptEscaped) {
  const InvalidInput e(std::string("id 'a\0b\n' is bad", 16));
  EXPECT_STREQ(e.what(), "id 'a\\x00b\\n' is bad");
  const ParseError p("line 1\nline 2");
  EXPECT_EQ(std::string(p.what()).find('\n'), std::string::npos);
}

}  // namespace
}  // namespace sixlink
