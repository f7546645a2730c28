// A strict RFC 4180 CSV tokenizer that remembers each record's line number.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sixlink::detail {

struct CsvRecord {
  std::size_t line = 0;  ///< 1-based line on which the record starts
  std::vector<std::string> fields;
};

/// Splits `text` into records. Skips a UTF-8 byte-order mark and records that
/// are entirely empty; accepts LF and CRLF. Throws ParseError("<source>:<line>:
/// ...") on an unterminated quote or text after a closing quote.
std::vector<CsvRecord> parse_csv(std::string_view text, std::string_view source);

/// The 1-based line of the first byte that breaks UTF-8 in `text`, or 0 when
/// `text` is valid UTF-8. (Spreadsheets in China often save CSV as GBK.)
std::size_t first_invalid_utf8_line(std::string_view text);

/// True when `text` is not UTF-8 but reads as GBK (GB 2312 / GB18030 two-byte
/// characters: a lead byte 0x81-0xFE and a trail byte 0x40-0xFE other than 0x7F)
/// and holds at least one such character: the encoding of Chinese spreadsheet
/// exports.
bool looks_like_gbk(std::string_view text);

/// One field, quoted when it holds a comma, quote, line break or edge spaces.
std::string csv_escape(std::string_view field);

}  // namespace sixlink::detail
