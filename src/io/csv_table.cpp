#include "io/csv_table.hpp"

#include <algorithm>

namespace sixlink::detail {

namespace {

// Maps each named column to its position; blank names are skipped.
void add_columns(CsvTable& table, std::span<const std::string> names,
                 std::span<const std::string_view> columns) {
  for (std::size_t c = 0; c < names.size(); ++c) {
    const std::string name(trim(names[c]));
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
}

}  // namespace

CsvTable parse_csv_table(std::string_view text, const std::string& source,
                         std::span<const std::string_view> columns) {
  CsvTable table;
  table.source = source;
  if (const std::size_t bad = first_invalid_utf8_line(text); bad != 0) {
    const std::string encoding = looks_like_gbk(text)
                                     ? "GBK-encoded (a Chinese spreadsheet export), not UTF-8"
                                     : "not valid UTF-8";
    throw ParseError(table.source + ":" + std::to_string(bad) + ": " + encoding +
                     " (save the file as \"CSV UTF-8\" from the spreadsheet)");
  }
  std::vector<CsvRecord> records = parse_csv(text, table.source);
  if (records.empty()) throw ParseError(table.source + ":1: missing header row");
  const CsvRecord& header = records.front();
  add_columns(table, header.fields, columns);
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

CsvTable csv_table_from_columns(const std::string& source, std::span<const std::string> names,
                                std::span<const std::vector<std::string>> cells,
                                std::span<const std::string_view> columns) {
  CsvTable table;
  table.source = source;
  if (names.size() != cells.size()) {
    throw ParseError(source + ": " + std::to_string(names.size()) + " column names for " +
                     std::to_string(cells.size()) + " columns");
  }
  add_columns(table, names, columns);
  const std::size_t rows = cells.empty() ? 0 : cells.front().size();
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (cells[c].size() != rows) {
      throw ParseError(source + ": column '" + names[c] + "' has " +
                       std::to_string(cells[c].size()) + " cells, column '" + names[0] + "' " +
                       std::to_string(rows));
    }
  }
  table.records.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    table.records[r].line = r + 2;  // the header is line 1
    table.records[r].fields.reserve(cells.size());
    for (const auto& column : cells) table.records[r].fields.push_back(column[r]);
  }
  return table;
}

}  // namespace sixlink::detail
