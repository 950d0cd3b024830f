// The byte encodings of Xapian 1.4's glass format that the segment writer needs (written from
// the format as Xapian's common/pack.h and backends/glass/ read it; no Xapian code here).
// Header-only: these run for every posting.
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

namespace treatysearch::ingest::glass {

// Little-endian base-128 with a continuation bit (pack_uint): the numbers inside tags.
inline void append_uint(std::string& out, std::uint64_t value) {
  while (value >= 128) {
    out.push_back(static_cast<char>(static_cast<unsigned char>(value) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

// The low bytes first and no length (pack_uint_last): only ever the last thing in a key, as in
// the value statistics keys. Zero is no byte at all.
inline void append_uint_last(std::string& out, std::uint64_t value) {
  for (; value != 0; value >>= 8) out.push_back(static_cast<char>(value & 0xff));
}

// A number whose bytes sort as the number does (pack_uint_preserving_sort): the docids in keys.
// Below 0x8000 two big-endian bytes; above, 3 to 5 bytes (for 32 bits) whose first byte's
// leading ones give the length, so that the first byte is never 0xff.
inline void append_sortable_uint(std::string& out, std::uint32_t docid) {
  const std::uint64_t value = docid;
  if (value < 0x8000) {
    out.push_back(static_cast<char>(value >> 8));
    out.push_back(static_cast<char>(value & 0xff));
    return;
  }
  const unsigned length = (69 - static_cast<unsigned>(std::countl_zero(value))) / 7;
  const unsigned marker = 0xffu << (10 - length);
  out.push_back(static_cast<char>(((value >> (8 * (length - 1))) | marker) & 0xff));
  for (unsigned i = length - 1; i-- > 0;)
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

inline void append_bool(std::string& out, bool value) { out.push_back(value ? '1' : '0'); }

// A length, then the bytes (pack_string).
inline void append_string(std::string& out, std::string_view value) {
  append_uint(out, value.size());
  out.append(value);
}

// A term as a key (pack_string_preserving_sort without its terminator): each zero byte is
// followed by 0xff, so that "term\0<docid>" keys of later chunks sort between the term and any
// longer term. Plain byte order of terms is the order of their escaped forms.
inline void append_escaped_term(std::string& out, std::string_view term) {
  for (const char c : term) {
    out.push_back(c);
    if (c == '\0') out.push_back('\xff');
  }
}

inline std::size_t escaped_term_length(std::string_view term) {
  std::size_t zeros = 0;
  for (const char c : term) zeros += (c == '\0');
  return term.size() + zeros;
}

// Big-endian integers in block headers and items.
inline void store_u16(unsigned char* p, unsigned value) {
  p[0] = static_cast<unsigned char>(value >> 8);
  p[1] = static_cast<unsigned char>(value);
}
inline void store_u32(unsigned char* p, std::uint32_t value) {
  p[0] = static_cast<unsigned char>(value >> 24);
  p[1] = static_cast<unsigned char>(value >> 16);
  p[2] = static_cast<unsigned char>(value >> 8);
  p[3] = static_cast<unsigned char>(value);
}

// Key prefixes of the postlist table (glass_postlist.h, glass_values.cc): they start with a zero
// byte so sort before every term (a term starting with a zero byte is escaped to "\0\xff").
inline constexpr std::string_view kValueStatsPrefix{"\0\xd0", 2};
inline constexpr std::string_view kValueChunkPrefix{"\0\xd8", 2};
inline constexpr std::string_view kDoclenPrefix{"\0\xe0", 2};

}  // namespace treatysearch::ingest::glass
