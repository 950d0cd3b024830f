// Unsigned LEB128 varints: the integer encoding of every binary record treatysearch stores.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace treatysearch::core {

inline void put_varint(std::uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// A length-prefixed string: its size as a varint, then its bytes.
inline void put_length_prefixed(std::string_view bytes, std::string* out) {
  put_varint(bytes.size(), out);
  out->append(bytes);
}

// Reads a varint at bytes[*pos] and advances *pos. False (and *pos unspecified) if the bytes
// end inside it or it does not fit 64 bits.
inline bool get_varint(std::string_view bytes, std::size_t* pos, std::uint64_t* value) {
  *value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (*pos >= bytes.size()) return false;
    const auto byte = static_cast<unsigned char>(bytes[(*pos)++]);
    *value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace treatysearch::core
