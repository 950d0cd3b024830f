#include "text_cleanup.h"

#include <algorithm>
#include <array>

#include "text.h"

namespace treatysearch::ingest {

// ---------------------------------------------------------------------------------------------
// Lines

using core::decode_at;
using core::DecodedCodePoint;
using core::is_ascii_upper;
using core::kInvalidCodePoint;

bool starts_with_tab(std::string_view raw_line) {
  return !raw_line.empty() && raw_line.front() == '\t';
}

bool starts_with_space(std::string_view raw_line) {
  if (raw_line.empty()) return false;
  const char32_t first = decode_at(raw_line, 0).value;
  return first == U' ' || first == 0xA0 || first == 0x202F;
}

bool starts_with_footnote_mark(std::string_view raw_line) {
  std::size_t pos = 0;
  while (pos < raw_line.size()) {
    const DecodedCodePoint decoded = decode_at(raw_line, pos);
    if (decoded.value == U' ' || decoded.value == U'\t' || decoded.value == 0xA0) {
      pos += decoded.length;
      continue;
    }
    return decoded.value == 0xFFFD;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Cleaning

namespace {

// While cleaning, every field delimiter and footnote mark is first turned into this byte, so
// that the field-code scanner can see where a field's visible result starts; it is removed in
// the last step. Real control characters in the input become spaces in the first step, so the
// byte cannot be confused with input.
constexpr char kFieldMark = '\x01';

enum class Disposition { kKeep, kSpace, kDrop, kMark, kBullet };

Disposition disposition_of(char32_t cp) {
  if (cp == kInvalidCodePoint) return Disposition::kSpace;
  if (cp == 0xFFFD || cp == 0x13 || cp == 0x14 || cp == 0x15) return Disposition::kMark;
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return Disposition::kSpace;
  switch (cp) {
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return Disposition::kSpace;
    case 0xAD:
    case 0x180E:
    case 0x200B:
    case 0x200E:
    case 0x200F:
    case 0x2060:
    case 0x2061:
    case 0x2062:
    case 0x2063:
    case 0x2064:
    case 0xFEFF:
    case 0xFFFC:
      return Disposition::kDrop;
    case 0xF0B7:
    case 0xF0A7:
      return Disposition::kBullet;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return Disposition::kSpace;
  return Disposition::kKeep;
}

// Step 1: character-level mapping; the result is valid UTF-8 plus kFieldMark bytes.
std::string map_characters(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t pos = 0; pos < line.size();) {
    // Printable ASCII is kept as it is: most text is runs of it, copied at once.
    std::size_t run_end = pos;
    while (run_end < line.size() && static_cast<unsigned char>(line[run_end]) - 0x20u < 0x5Fu)
      ++run_end;
    out.append(line, pos, run_end - pos);
    pos = run_end;
    if (pos == line.size()) break;
    const DecodedCodePoint decoded = decode_at(line, pos);
    switch (disposition_of(decoded.value)) {
      case Disposition::kKeep:
        out.append(line.substr(pos, decoded.length));
        break;
      case Disposition::kSpace:
        out += ' ';
        break;
      case Disposition::kDrop:
        break;
      case Disposition::kMark:
        out += kFieldMark;
        break;
      case Disposition::kBullet:
        core::append_utf8(U'\u2022', &out);
        break;
    }
    pos += decoded.length;
  }
  return out;
}

enum class FieldKind { kHyperlink, kBookmarkReference, kSwitchesOnly, kSequence, kQuotedTarget };

struct FieldKeyword {
  std::string_view name;
  FieldKind kind;
};

constexpr std::array<FieldKeyword, 7> kFieldKeywords = {{
    {"HYPERLINK", FieldKind::kHyperlink},
    {"PAGEREF", FieldKind::kBookmarkReference},
    {"NOTEREF", FieldKind::kBookmarkReference},
    {"REF", FieldKind::kBookmarkReference},
    {"TOC", FieldKind::kSwitchesOnly},
    {"SEQ", FieldKind::kSequence},
    {"INCLUDEPICTURE", FieldKind::kQuotedTarget},
}};

struct FieldCode {
  std::size_t end = 0;  // one past the last byte of the code and its arguments
  FieldKind kind = FieldKind::kHyperlink;
  std::string_view target;  // HYPERLINK: the URL (first quoted argument not owned by a switch)
};

bool is_word_char(char c) { return core::is_ascii_alnum(c) || c == '_'; }

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

// Word field switches: \l "anchor", \o "tooltip", \t "frame", \* MERGEFORMAT, \h, \z, \u ...
// Returns the position after the switch, or npos when s[pos] does not start one.
std::size_t skip_switch(std::string_view s, std::size_t pos, bool& takes_argument) {
  if (pos + 1 >= s.size() || s[pos] != '\\') return std::string_view::npos;
  const char name = s[pos + 1];
  if (name == '*') {
    std::size_t end = skip_spaces(s, pos + 2);
    while (end < s.size() && is_word_char(s[end])) ++end;
    takes_argument = false;
    return end;
  }
  if (!core::is_ascii_alpha(name)) {
    return std::string_view::npos;
  }
  takes_argument = name == 'l' || name == 'o' || name == 't' || name == 'm' || name == 'b';
  return pos + 2;
}

// Recognises a field code starting at s[pos] (an upper-case letter at a word start).
bool match_field_code(std::string_view s, std::size_t pos, FieldCode& code) {
  std::size_t word_end = pos;
  while (word_end < s.size() && is_ascii_upper(s[word_end])) ++word_end;
  const std::string_view word = s.substr(pos, word_end - pos);
  const FieldKeyword* keyword = nullptr;
  for (const FieldKeyword& candidate : kFieldKeywords) {
    if (candidate.name == word) keyword = &candidate;
  }
  if (keyword == nullptr || word_end >= s.size() || s[word_end] != ' ') return false;

  code.kind = keyword->kind;
  std::size_t cursor = word_end;
  int arguments = 0;
  int switches = 0;
  bool next_quote_belongs_to_switch = false;
  while (true) {
    const std::size_t next = skip_spaces(s, cursor);
    if (next >= s.size()) break;
    if (s[next] == '"') {
      std::size_t close = s.find('"', next + 1);
      const std::size_t end = close == std::string_view::npos ? s.size() : close + 1;
      const std::size_t content_end = close == std::string_view::npos ? s.size() : close;
      if (!next_quote_belongs_to_switch && code.target.empty()) {
        code.target = s.substr(next + 1, content_end - next - 1);
      }
      next_quote_belongs_to_switch = false;
      cursor = end;
      ++arguments;
      continue;
    }
    bool takes_argument = false;
    const std::size_t after_switch = skip_switch(s, next, takes_argument);
    if (after_switch != std::string_view::npos) {
      next_quote_belongs_to_switch = takes_argument;
      cursor = after_switch;
      ++arguments;
      ++switches;
      continue;
    }
    const bool bare_argument_allowed =
        arguments == 0 &&
        (code.kind == FieldKind::kBookmarkReference || code.kind == FieldKind::kSequence);
    if (bare_argument_allowed && (code.kind != FieldKind::kBookmarkReference || s[next] == '_')) {
      std::size_t end = next;
      while (end < s.size() && is_word_char(s[end])) ++end;
      if (end == next) break;
      cursor = end;
      ++arguments;
      continue;
    }
    break;
  }
  code.end = cursor;

  // Only accept the shapes Word actually writes, so that ordinary words such as "REF" or "TOC"
  // in running text are never taken for field codes.
  switch (code.kind) {
    case FieldKind::kHyperlink:
    case FieldKind::kQuotedTarget:
      return arguments > 0 && (!code.target.empty() || switches > 0);
    case FieldKind::kBookmarkReference:
      return arguments > 0 && s[skip_spaces(s, word_end)] == '_';
    case FieldKind::kSwitchesOnly:
      return switches > 0;
    case FieldKind::kSequence:
      return arguments > 1 && switches > 0;
  }
  return false;
}

// Step 2: removes field codes, keeping a hyperlink's visible text exactly once.
std::string remove_field_codes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    const bool at_word_start = pos == 0 || s[pos - 1] == ' ' || s[pos - 1] == kFieldMark;
    FieldCode code;
    if (at_word_start && is_ascii_upper(s[pos]) && match_field_code(s, pos, code)) {
      const std::size_t after = skip_spaces(s, code.end);
      const bool visible_result_follows = after < s.size() && s[after] == kFieldMark;
      const bool target_printed_next =
          !code.target.empty() && s.substr(after).starts_with(code.target);
      if (code.kind == FieldKind::kHyperlink && !visible_result_follows && !target_printed_next) {
        out.append(code.target);
      }
      pos = code.end;
      continue;
    }
    out += s[pos];
    ++pos;
  }
  return out;
}

// Step 3: drops field marks, collapses space runs and trims.
std::string squeeze_spaces(std::string&& line) {
  const std::string_view s = line;
  // Most lines have nothing to squeeze: they are kept as they are.
  if (s.empty() ||
      (s.front() != ' ' && s.back() != ' ' && s.find(kFieldMark) == std::string_view::npos &&
       s.find("  ") == std::string_view::npos))
    return std::move(line);
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < s.size();) {
    if (s[pos] == kFieldMark || s[pos] == ' ') {
      pending_space = pending_space || (s[pos] == ' ' && !out.empty());
      ++pos;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    // The bytes up to the next space or mark go at once: most of a line is words.
    std::size_t end = pos + 1;
    while (end < s.size() && s[end] != ' ' && s[end] != kFieldMark) ++end;
    out.append(s, pos, end - pos);
    pos = end;
  }
  return out;
}

}  // namespace

std::string clean_inline(std::string_view line) {
  std::string mapped = map_characters(line);
  // Field codes are rare; skip the scanner when no keyword followed by a space is present (a
  // test for their first letters alone passed nearly every line: "State", "The", "In").
  const std::string_view text = mapped;
  const bool may_hold_field_code =
      std::any_of(kFieldKeywords.begin(), kFieldKeywords.end(), [text](const FieldKeyword& k) {
        for (std::size_t at = text.find(k.name); at != std::string_view::npos;
             at = text.find(k.name, at + 1))
          if (at + k.name.size() < text.size() && text[at + k.name.size()] == ' ') return true;
        return false;
      });
  if (!may_hold_field_code) return squeeze_spaces(std::move(mapped));
  return squeeze_spaces(remove_field_codes(mapped));
}

}  // namespace treatysearch::ingest
