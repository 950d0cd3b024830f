#include "text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace treatysearch::core {

// ---------------------------------------------------------------------------------------------
// UTF-8

DecodedCodePoint decode_at(std::string_view text, std::size_t pos) noexcept {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  // ICU indexes with int32_t: decode from a window of at most 4 bytes, so that texts of any
  // size are safe.
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data() + pos);
  const auto window = static_cast<std::int32_t>(std::min<std::size_t>(4, text.size() - pos));
  std::int32_t consumed = 0;
  UChar32 cp = 0;
  U8_NEXT(bytes, consumed, window, cp);
  if (cp < 0) return {kInvalidCodePoint, static_cast<std::size_t>(consumed)};
  return {static_cast<char32_t>(cp), static_cast<std::size_t>(consumed)};
}

char32_t decode_utf8(std::string_view text, std::size_t* offset) noexcept {
  const DecodedCodePoint decoded = decode_at(text, *offset);
  *offset += decoded.length;
  return decoded.value == kInvalidCodePoint ? kReplacementChar : decoded.value;
}

namespace {

bool is_scalar_value(char32_t cp) { return cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF); }

}  // namespace

void append_utf8(char32_t cp, std::string* out) {
  if (!is_scalar_value(cp)) cp = kReplacementChar;
  std::array<std::uint8_t, U8_MAX_LENGTH> bytes{};
  std::int32_t length = 0;
  U8_APPEND_UNSAFE(bytes.data(), length, static_cast<UChar32>(cp));
  out->append(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(length));
}

std::size_t utf8_length(char32_t cp) noexcept {
  return static_cast<std::size_t>(U8_LENGTH(static_cast<UChar32>(cp)));
}

bool is_valid_utf8(std::string_view text, std::size_t* error_offset) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    // Skip ASCII quickly: most of our input is ASCII.
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const DecodedCodePoint decoded = decode_at(text, i);
    if (decoded.value == kInvalidCodePoint) {
      if (error_offset) *error_offset = i;
      return false;
    }
    i += decoded.length;
  }
  return true;
}

bool is_ascii(std::string_view text) noexcept {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::size_t count_code_points(std::string_view text) noexcept {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) i += decode_at(text, i).length;
  return count;
}

std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes) noexcept {
  if (max_bytes >= text.size()) return text.size();
  std::size_t n = max_bytes;
  while (n > 0 && U8_IS_TRAIL(static_cast<unsigned char>(text[n]))) --n;
  return n;
}

char32_t first_code_point(std::string_view text) noexcept {
  if (text.empty()) return kInvalidCodePoint;
  return decode_at(text, 0).value;
}

char32_t last_code_point(std::string_view text) noexcept {
  if (text.empty()) return kInvalidCodePoint;
  std::size_t start = text.size() - 1;
  // Step back over at most three continuation bytes to the lead byte.
  for (int steps = 0; steps < 3 && start > 0; ++steps) {
    if (!U8_IS_TRAIL(static_cast<unsigned char>(text[start]))) break;
    --start;
  }
  const DecodedCodePoint decoded = decode_at(text, start);
  if (start + decoded.length != text.size()) return kInvalidCodePoint;
  return decoded.value;
}

// ---------------------------------------------------------------------------------------------
// Character classes and letter case

namespace {

// kInvalidCodePoint and other values past U+10FFFF would reach ICU as negative or unassigned
// UChar32 values; answer for them here.
bool in_range(char32_t cp) { return cp <= 0x10FFFF; }

std::int8_t category(char32_t cp) { return u_charType(static_cast<UChar32>(cp)); }

}  // namespace

bool is_upper_letter(char32_t cp) noexcept {
  if (cp < 0x80) return cp >= U'A' && cp <= U'Z';
  return in_range(cp) && u_isupper(static_cast<UChar32>(cp));
}

bool is_lower_letter(char32_t cp) noexcept {
  if (cp < 0x80) return cp >= U'a' && cp <= U'z';
  return in_range(cp) && u_islower(static_cast<UChar32>(cp));
}

bool is_letter(char32_t cp) noexcept {
  if (cp < 0x80) return (cp | 0x20U) >= U'a' && (cp | 0x20U) <= U'z';
  return in_range(cp) && u_isalpha(static_cast<UChar32>(cp));
}

bool has_letter(std::string_view text) noexcept {
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedCodePoint decoded = decode_at(text, pos);
    if (is_letter(decoded.value)) return true;
    pos += decoded.length;
  }
  return false;
}

bool is_mark(char32_t cp) noexcept {
  if (cp < 0x80 || !in_range(cp)) return false;
  const std::int8_t type = category(cp);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

bool is_word_character(char32_t cp) noexcept {
  if (cp < 0x80) return is_ascii_alnum(static_cast<char>(cp));
  return is_letter(cp) || is_mark(cp) || (in_range(cp) && category(cp) == U_DECIMAL_DIGIT_NUMBER);
}

bool is_ideograph(char32_t cp) noexcept {
  return cp >= 0x2E80 && in_range(cp) &&
         u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_IDEOGRAPHIC);
}

char32_t to_lower(char32_t cp) noexcept {
  if (cp < 0x80) return static_cast<char32_t>(ascii_lower(static_cast<char>(cp)));
  if (!in_range(cp)) return cp;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

std::string to_lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out += ascii_lower(text[i++]);
      continue;
    }
    append_utf8(to_lower(decode_utf8(text, &i)), &out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// ASCII

std::string ascii_lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool starts_with_ascii_ci(std::string_view text, std::string_view prefix) noexcept {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[i]) != ascii_lower(prefix[i])) return false;
  }
  return true;
}

bool equals_ascii_ci(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && starts_with_ascii_ci(a, b);
}

// ---------------------------------------------------------------------------------------------
// Lines and words

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (is_ascii_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\n' && c != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

std::size_t count_words(std::string_view text) noexcept {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = is_ascii_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// Dates

namespace {

struct MonthName {
  std::string_view name;  // lower case
  int month;
};

constexpr MonthName kMonths[] = {
    // English
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    // French (with and without accents: exports and OCR drop them)
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"mai", 5},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    // Spanish
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
};

}  // namespace

int month_number(std::string_view word) noexcept {
  for (const MonthName& month : kMonths) {
    if (equals_ascii_ci(month.name, word)) return month.month;
  }
  return 0;
}

}  // namespace treatysearch::core
