#include "sixlink/model/catalogue.hpp"

#include <stdexcept>
#include <vector>

#include "detail/csv_reader.hpp"

namespace sixlink {
namespace detail {
extern const std::string_view kCatalogueCsv;  // data/vocational-catalog-2021.csv, embedded
}

namespace {

std::vector<CatalogueEntry> parse_catalogue() {
  const auto records = detail::parse_csv(detail::kCatalogueCsv, "vocational-catalog-2021.csv");
  std::vector<CatalogueEntry> entries;
  // Columns: catalogCode, educationLevel, categoryCode, categoryName, classCode,
  // className, majorCode, majorName, parentCode, itemLevel, source.
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& f = records[r].fields;
    if (f.size() != 11) throw std::logic_error("embedded catalogue: bad row");
    if (f[9] != "MAJOR") continue;
    CatalogueEntry e;
    if (f[1] == "VOCATIONAL_SECONDARY") {
      e.level = SpecialtyLevel::kSecondary;
    } else if (f[1] == "VOCATIONAL_ASSOCIATE") {
      e.level = SpecialtyLevel::kAssociate;
    } else {
      e.level = SpecialtyLevel::kBachelor;
    }
    e.category_code = f[2];
    e.category_name = f[3];
    e.class_code = f[4];
    e.class_name = f[5];
    e.code = f[6];
    e.name = f[7];
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace

std::span<const CatalogueEntry> specialty_catalogue() {
  static const std::vector<CatalogueEntry> kEntries = parse_catalogue();
  return kEntries;
}

const CatalogueEntry* find_catalogue_entry(SpecialtyLevel level, std::string_view code) {
  for (const auto& e : specialty_catalogue()) {
    if (e.level == level && e.code == code) return &e;
  }
  return nullptr;
}

}  // namespace sixlink
