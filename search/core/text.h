// The text module: the one home of the small text helpers the analyzer, the segmenter and the
// metadata detector share. UTF-8 is decoded and encoded with ICU's macros (unicode/utf8.h) and
// letter case comes from ICU's character properties, so there is one answer to "what is this
// code point" in the whole project. Nothing here allocates unless it returns a std::string or a
// vector; nothing throws other than std::bad_alloc.
//
// No ICU type appears in this header: callers see char32_t and std::string_view only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::core {

// ---------------------------------------------------------------------------------------------
// UTF-8

inline constexpr char32_t kReplacementChar = 0xFFFD;

// What decode_at() returns for a malformed sequence; no code point has this value, and every
// predicate below answers false for it.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct DecodedCodePoint {
  char32_t value = kInvalidCodePoint;  // kInvalidCodePoint for a malformed sequence
  std::size_t length = 1;              // bytes consumed, at least 1 so that every loop advances
};

// Decodes the code point at text[pos] (pos < text.size()). Overlong forms, surrogates, values
// above U+10FFFF, truncated sequences and stray continuation bytes are malformed; a malformed
// sequence consumes its maximal ill-formed subpart (the bytes that could have started a
// well-formed sequence, at least one), as ICU and the Unicode Standard's "best practice for
// U+FFFD substitution" do: "\xE2\x82" followed by "A" is one error of two bytes, then "A".
DecodedCodePoint decode_at(std::string_view text, std::size_t pos) noexcept;

// decode_at() for loops that want a code point for every input: decodes at text[*offset],
// advances *offset past it, and returns kReplacementChar for a malformed sequence.
char32_t decode_utf8(std::string_view text, std::size_t* offset) noexcept;

// Appends the UTF-8 encoding of `cp`; a surrogate or a value above U+10FFFF is written as
// U+FFFD.
void append_utf8(char32_t cp, std::string* out);

// Bytes the UTF-8 encoding of a valid code point takes (1 to 4).
std::size_t utf8_length(char32_t cp) noexcept;

// Returns true if `text` is well-formed UTF-8. Otherwise sets *error_offset (if given) to the
// byte offset of the first bad sequence.
bool is_valid_utf8(std::string_view text, std::size_t* error_offset = nullptr) noexcept;

// True when every byte is < 0x80.
bool is_ascii(std::string_view text) noexcept;

// Number of code points; each malformed sequence (see decode_at) counts one.
std::size_t count_code_points(std::string_view text) noexcept;

// Largest prefix length <= max_bytes that does not cut a multi-byte sequence.
std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes) noexcept;

// First and last code point of a string; kInvalidCodePoint when it is empty or that code point
// is malformed.
char32_t first_code_point(std::string_view text) noexcept;
char32_t last_code_point(std::string_view text) noexcept;

// ---------------------------------------------------------------------------------------------
// Character classes and letter case (ICU's properties)

// General category Lu / Ll (u_isupper / u_islower). Caseless letters (Arabic, Han, ...) are
// neither; so are titlecase digraphs (ǅ) and kInvalidCodePoint.
bool is_upper_letter(char32_t cp) noexcept;
bool is_lower_letter(char32_t cp) noexcept;

// Any letter (general category L*), in any script.
bool is_letter(char32_t cp) noexcept;
// Whether `text` holds a letter of any script (malformed bytes are none).
bool has_letter(std::string_view text) noexcept;

// A combining mark (general category M*): part of the word its base letter is in.
bool is_mark(char32_t cp) noexcept;

// A letter, a combining mark or a decimal digit of any script.
bool is_word_character(char32_t cp) noexcept;

// A CJK ideograph (Unicode's Ideographic property): Chinese writes words without spaces.
bool is_ideograph(char32_t cp) noexcept;

// The simple lower-case mapping of `cp` (u_tolower); other code points come back unchanged.
char32_t to_lower(char32_t cp) noexcept;

// `text` with every code point through to_lower(); malformed bytes become U+FFFD.
std::string to_lower(std::string_view text);

// ---------------------------------------------------------------------------------------------
// ASCII

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
inline bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

// Space, tab, CR, LF and form feed.
inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

inline char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
inline char ascii_upper(char c) { return is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

// `text` with A-Z lowered; every other byte (UTF-8 included) unchanged.
std::string ascii_lowercase(std::string_view text);

// Comparisons that ignore ASCII case only.
bool starts_with_ascii_ci(std::string_view text, std::string_view prefix) noexcept;
bool equals_ascii_ci(std::string_view a, std::string_view b) noexcept;

// ---------------------------------------------------------------------------------------------
// Lines and words

// `text` without leading and trailing ASCII white space (is_ascii_space).
std::string_view trim(std::string_view text) noexcept;

// `text` on one line: runs of ASCII white space become one space, and leading and trailing
// white space goes.
std::string collapse_whitespace(std::string_view text);

// Splits a document into lines. LF ends a line; CRLF and a lone CR are accepted as line ends
// too. The views point into `text`. An empty input gives no lines; a final line end adds no
// empty line.
std::vector<std::string_view> split_lines(std::string_view text);

// Runs of bytes other than ASCII white space.
std::size_t count_words(std::string_view text) noexcept;

// ---------------------------------------------------------------------------------------------
// Dates

// The month (1-12) an English, French or Spanish month name gives, in any ASCII case ("March",
// "mars", "MARZO", "février" or "fevrier"), or 0.
int month_number(std::string_view word) noexcept;

// ---------------------------------------------------------------------------------------------
// Hashing

// 64-bit FNV-1a: stable across platforms and releases (std::hash is not).
inline constexpr std::uint64_t kFnv1aOffset = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kFnv1aPrime = 0x100000001b3ULL;

// One step: `value` is a byte, or a whole code point when hashing code points.
constexpr std::uint64_t fnv1a_step(std::uint64_t hash, std::uint32_t value) noexcept {
  return (hash ^ value) * kFnv1aPrime;
}

// FNV-1a of the bytes of `bytes`.
constexpr std::uint64_t fnv1a(std::string_view bytes) noexcept {
  std::uint64_t hash = kFnv1aOffset;
  for (const char c : bytes) hash = fnv1a_step(hash, static_cast<unsigned char>(c));
  return hash;
}

}  // namespace treatysearch::core
