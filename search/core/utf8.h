// UTF-8 helpers used on hot paths (no ICU, no allocation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace treatysearch::core {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point at `text[*offset]`, advancing *offset past it. Invalid, overlong,
// surrogate or truncated sequences decode as kReplacementChar and advance by one byte, so every
// loop over arbitrary bytes terminates.
char32_t decode_utf8(std::string_view text, std::size_t* offset) noexcept;

// Appends the UTF-8 encoding of `cp` (an invalid code point is written as U+FFFD).
void append_utf8(char32_t cp, std::string* out);

// Returns true if `text` is well-formed UTF-8. Otherwise sets *error_offset (if given) to the
// byte offset of the first bad sequence.
bool is_valid_utf8(std::string_view text, std::size_t* error_offset = nullptr) noexcept;

// True when every byte is < 0x80.
bool is_ascii(std::string_view text) noexcept;

// Number of code points (invalid bytes count one each).
std::size_t count_code_points(std::string_view text) noexcept;

// `text` on one line: runs of ASCII white space (space, tab, CR, LF, FF) become one space, and
// leading and trailing white space goes.
std::string collapse_whitespace(std::string_view text);

// Largest prefix length <= max_bytes that does not cut a multi-byte sequence.
std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes) noexcept;

}  // namespace treatysearch::core
