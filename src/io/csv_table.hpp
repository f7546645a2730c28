// One CSV table with a known set of columns, and typed reading of its cells with
// errors that name the file, line and column. Shared by the scenario's CSV
// folders and the placement cohort files.
#pragma once

#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/csv_reader.hpp"
#include "detail/numbers.hpp"
#include "io/entity_reader.hpp"
#include "sixlink/core/error.hpp"
#include "sixlink/core/types.hpp"

namespace sixlink::detail {

// One parsed CSV file: its header and records.
struct CsvTable {
  std::string source;  // "folder/programmes.csv"
  std::unordered_map<std::string, std::size_t> column;
  std::vector<CsvRecord> records;
};

/// Parses `text` (named `source` in errors) whose header may name any of
/// `columns`, in any order. Throws ParseError for text that is not UTF-8, a
/// missing header, an unknown or repeated column, or a record whose field count
/// differs from the header's.
CsvTable parse_csv_table(std::string_view text, const std::string& source,
                         std::span<const std::string_view> columns);

/// The same table from columns (`names[c]` heads `cells[c]`), with the same
/// checks on the column names; row r gets line r + 2, the line it would have in
/// the CSV file the columns would export. Throws ParseError for columns of
/// different lengths.
CsvTable csv_table_from_columns(const std::string& source, std::span<const std::string> names,
                                std::span<const std::vector<std::string>> cells,
                                std::span<const std::string_view> columns);

// The cells of one CSV record, read with errors that name file, line and column.
class CsvFields {
 public:
  CsvFields(const CsvTable& table, const CsvRecord& record) : table_(table), record_(record) {}

  std::string id(std::string_view kind) {
    std::string value = text("id", kRequired);
    who_ = " (" + std::string(kind) + " '" + value + "')";
    return value;
  }

  std::string text(std::string_view key, bool required) {
    const std::string* cell = find(key, required);
    return cell == nullptr ? std::string() : std::string(trim(*cell));
  }

  Count count(std::string_view key, std::optional<Count> fallback) {
    const std::string* cell = find(key, !fallback.has_value());
    if (cell == nullptr) return *fallback;
    return take(key, parse_count(*cell));
  }

  int integer(std::string_view key, std::optional<int> fallback) {
    const Count value = count(key, fallback ? std::optional<Count>(*fallback) : std::nullopt);
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
      fail(key, "integer " + std::to_string(value) + " is out of range");
    }
    return static_cast<int>(value);
  }

  double number(std::string_view key, std::optional<double> fallback) {
    const std::string* cell = find(key, !fallback.has_value());
    if (cell == nullptr) return *fallback;
    return take(key, parse_number(*cell));
  }

  bool flag(std::string_view key, bool fallback) {
    const std::string* cell = find(key, false);
    if (cell == nullptr) return fallback;
    return take(key, parse_flag(*cell));
  }

  template <class E>
  E choice(std::string_view key, std::optional<E> (*parse)(std::string_view),
           std::string_view allowed) {
    const std::string name = text(key, kRequired);
    const std::optional<E> value = parse(name);
    if (!value) fail(key, "expected " + std::string(allowed) + ", got '" + name + "'");
    return *value;
  }

  [[noreturn]] void fail(std::string_view key, const std::string& what) const {
    throw ParseError(table_.source + ":" + std::to_string(record_.line) + ": column '" +
                     std::string(key) + "': " + what + who_);
  }

 private:
  // The cell, or nullptr when the column is absent or the cell blank.
  const std::string* find(std::string_view key, bool required) const {
    const auto it = table_.column.find(std::string(key));
    if (it == table_.column.end()) {
      if (required) {
        throw ParseError(table_.source + ":1: missing required column '" + std::string(key) + "'");
      }
      return nullptr;
    }
    const std::string& cell = record_.fields[it->second];
    if (trim(cell).empty()) {
      if (required) fail(key, "missing value");
      return nullptr;
    }
    return &cell;
  }

  template <class T>
  T take(std::string_view key, Parsed<T> parsed) const {
    if (!parsed.value) fail(key, parsed.error);
    return *parsed.value;
  }

  const CsvTable& table_;
  const CsvRecord& record_;
  std::string who_;
};

}  // namespace sixlink::detail
