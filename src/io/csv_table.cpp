#include "io/csv_table.hpp"

#include <algorithm>

namespace sixlink::detail {

CsvTable parse_csv_table(std::string_view text, const std::string& source,
                         std::span<const std::string_view> columns) {
  CsvTable table;
  table.source = source;
  if (const std::size_t bad = first_invalid_utf8_line(text); bad != 0) {
    const std::string encoding =
        looks_like_gbk(text) ? "GBK-encoded (a Chinese spreadsheet export), not UTF-8"
                             : "not valid UTF-8";
    throw ParseError(table.source + ":" + std::to_string(bad) + ": " + encoding +
                     " (save the file as \"CSV UTF-8\" from the spreadsheet)");
  }
  std::vector<CsvRecord> records = parse_csv(text, table.source);
  if (records.empty()) throw ParseError(table.source + ":1: missing header row");
  const CsvRecord& header = records.front();
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string name(trim(header.fields[c]));
    if (name.empty()) continue;  // spreadsheets add unnamed trailing columns
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
      std::string expected;
      for (auto col : columns) expected += (expected.empty() ? "" : ", ") + std::string(col);
      throw ParseError(table.source + ":1: unknown column '" + name + "' (expected " + expected +
                       ")");
    }
    if (!table.column.emplace(name, c).second) {
      throw ParseError(table.source + ":1: column '" + name + "' appears twice");
    }
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].fields.size() != header.fields.size()) {
      throw ParseError(table.source + ":" + std::to_string(records[r].line) + ": expected " +
                       std::to_string(header.fields.size()) + " fields as in the header, got " +
                       std::to_string(records[r].fields.size()));
    }
  }
  records.erase(records.begin());
  table.records = std::move(records);
  return table;
}

}  // namespace sixlink::detail
