// Distinct strings numbered densely (0, 1, 2, ... in the order first added), found again through
// an open-addressing table: the hot lookups of indexing (a passage's distinct terms, a shard's
// term numbers) without a node, a copy of the key or a second hash per lookup.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::core {

// Not thread-safe. The string_views it gives stay valid until the next insert() or clear().
class StringIndex {
 public:
  static constexpr std::uint32_t kNotFound = UINT32_MAX;

  // The id of `key`, added with the next id if new (then *added is true, if given).
  std::uint32_t insert(std::string_view key, bool* added = nullptr);
  // The id of `key`, or kNotFound.
  std::uint32_t find(std::string_view key) const;
  std::string_view key(std::uint32_t id) const {
    return {arena_.data() + entries_[id].offset, entries_[id].length};
  }
  std::size_t size() const { return entries_.size(); }
  // Forgets every key (the memory is kept for reuse).
  void clear();

 private:
  struct Entry {
    std::size_t offset;  // into arena_
    std::uint32_t length;
    std::size_t hash;
  };
  // The slot holding `key`, or the free slot where it would go.
  std::size_t slot_of(std::string_view key, std::size_t hash) const;
  void grow();

  // A slot: the key's id + 1 in its low 32 bits (0: free), the high 32 bits of its hash in its
  // high ones, so that a probe passing other keys reads only the table.
  static std::uint64_t slot_value(std::uint32_t id, std::size_t hash) {
    return (static_cast<std::uint64_t>(hash) & 0xFFFFFFFF00000000u) | (id + 1);
  }

  std::string arena_;
  std::vector<Entry> entries_;
  std::vector<std::uint64_t> slots_;  // a power of 2 of them, at most half full
};

}  // namespace treatysearch::core
