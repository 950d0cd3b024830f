#include "string_index.h"

#include <algorithm>
#include <functional>

namespace treatysearch::core {

std::size_t StringIndex::slot_of(std::string_view key, std::size_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t high = static_cast<std::uint64_t>(hash) & 0xFFFFFFFF00000000u;
  std::size_t slot = hash & mask;
  for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if ((slots_[slot] & 0xFFFFFFFF00000000u) != high) continue;
    const auto id = static_cast<std::uint32_t>(slots_[slot]) - 1;
    if (entries_[id].hash == hash && this->key(id) == key) break;
  }
  return slot;
}

std::uint32_t StringIndex::insert(std::string_view key, bool* added) {
  if (2 * (entries_.size() + 1) > slots_.size()) grow();
  const std::size_t hash = std::hash<std::string_view>{}(key);
  const std::size_t slot = slot_of(key, hash);
  const bool is_new = slots_[slot] == 0;
  if (is_new) {
    entries_.push_back({arena_.size(), static_cast<std::uint32_t>(key.size()), hash});
    arena_.append(key);
    slots_[slot] = slot_value(static_cast<std::uint32_t>(entries_.size() - 1), hash);
  }
  if (added) *added = is_new;
  return static_cast<std::uint32_t>(slots_[slot]) - 1;
}

std::uint32_t StringIndex::find(std::string_view key) const {
  if (slots_.empty()) return kNotFound;
  const std::size_t slot = slot_of(key, std::hash<std::string_view>{}(key));
  return slots_[slot] == 0 ? kNotFound : static_cast<std::uint32_t>(slots_[slot]) - 1;
}

void StringIndex::grow() {
  slots_.assign(std::max<std::size_t>(64, slots_.size() * 2), 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t id = 0; id < entries_.size(); ++id) {
    std::size_t slot = entries_[id].hash & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = slot_value(id, entries_[id].hash);
  }
}

void StringIndex::clear() {
  if (entries_.size() * 8 < slots_.size()) {
    // A table once grown for many keys and cleared for few (a builder's, per passage): only
    // the slots in use are zeroed, not the whole table each time.
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t id = 0; id < entries_.size(); ++id) {
      std::size_t slot = entries_[id].hash & mask;
      while (static_cast<std::uint32_t>(slots_[slot]) != id + 1) slot = (slot + 1) & mask;
      slots_[slot] = 0;
    }
  } else {
    std::fill(slots_.begin(), slots_.end(), 0);
  }
  arena_.clear();
  entries_.clear();
}

}  // namespace treatysearch::core
