// sixlink/model/catalogue.hpp — the Ministry of Education's 2021 vocational
// specialty catalogue (职业教育专业目录（2021年）), compiled into the library.
//
// 1,349 specialties: 358 secondary (中职), 744 higher-vocational associate
// (高职专科) and 247 vocational bachelor (高职本科), each with its class (专业类)
// and category (专业大类). Source and checks: data/README.md.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "sixlink/model/scenario.hpp"

namespace sixlink {

struct CatalogueEntry {
  SpecialtyLevel level = SpecialtyLevel::kSecondary;
  std::string code;  ///< six digits, some associate codes end in 'K'
  std::string name;
  std::string class_code;  ///< 专业类, four digits
  std::string class_name;
  std::string category_code;  ///< 专业大类, two digits
  std::string category_name;
};

/// Every specialty of the catalogue, in catalogue order.
std::span<const CatalogueEntry> specialty_catalogue();

/// The entry with this level and code, or nullptr.
const CatalogueEntry* find_catalogue_entry(SpecialtyLevel level, std::string_view code);

}  // namespace sixlink
