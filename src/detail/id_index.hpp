// Position of each item by its id, for the analyses that join the scenario's
// tables. Views into the items: the vector must outlive the map.
#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "sixlink/core/types.hpp"

namespace sixlink::detail {

using IdIndex = std::unordered_map<std::string_view, Index>;

template <class T>
IdIndex index_by_id(const std::vector<T>& items) {
  IdIndex out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out.emplace(items[i].id, static_cast<Index>(i));
  return out;
}

/// The item's position, or -1 when no item has that id.
inline Index find_id(const IdIndex& index, std::string_view id) {
  const auto it = index.find(id);
  return it == index.end() ? -1 : it->second;
}

}  // namespace sixlink::detail
