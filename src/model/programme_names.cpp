#include "sixlink/model/programme_names.hpp"

namespace sixlink {

ProgrammeNames programme_names(const Scenario& scenario, std::span<const Programme> more) {
  ProgrammeNames names;
  for (const Programme& p : scenario.programmes)
    if (!p.name.empty()) names.emplace(p.id, p.name);
  for (const Programme& p : more)
    if (!p.name.empty()) names.emplace(p.id, p.name);
  return names;
}

const std::string& programme_name(const ProgrammeNames& names, std::string_view id) {
  static const std::string none;
  const auto it = names.find(id);
  return it == names.end() ? none : it->second;
}

}  // namespace sixlink
