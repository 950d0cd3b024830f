// Text helpers of metadata detection: space variants, loose matching, cells, word boundaries.
#include "metadata_rules.h"

#include <algorithm>
#include <cstring>  // memmem
#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace treatysearch::ingest::metadata_detail {

// ---------------------------------------------------------------------------------------------
// Small text helpers. Everything here is byte-oriented: the markers we look for are ASCII, and
// the few non-ASCII characters that matter (no-break spaces, ’) are handled explicitly.

// std::string_view::find() stops at every occurrence of the needle's first byte; glibc's memmem()
// skips ahead by pairs of bytes, several times faster on the 8 KB front matter for needles like
// "shadow report" whose first letter is common.
std::size_t find_bytes(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (from > haystack.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  const void* hit =
      memmem(haystack.data() + from, haystack.size() - from, needle.data(), needle.size());
  return hit == nullptr ? std::string_view::npos
                        : static_cast<std::size_t>(static_cast<const char*>(hit) - haystack.data());
}

bool contains(std::string_view haystack, std::string_view needle) {
  return find_bytes(haystack, needle) != std::string_view::npos;
}

namespace {

// Length of the space character at text[pos] that normalize_spaces() turns into ' ' (1 for ' '
// itself), or 0.
std::size_t space_length_at(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte == ' ') return 1;
  if (byte == 0xC2 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0xA0) {
    return 2;  // U+00A0 NO-BREAK SPACE
  }
  if (byte == 0xE2 && pos + 2 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0x80) {
    const auto third = static_cast<unsigned char>(text[pos + 2]);
    // U+2002..U+200A (en, em, thin, ... spaces) and U+202F NARROW NO-BREAK SPACE.
    if ((third >= 0x82 && third <= 0x8A) || third == 0xAF) return 3;
  }
  return 0;
}

}  // namespace

// Word processors scatter no-break and narrow spaces through UN documents ("12\u00A0September",
// "para.\u00A018"); they must compare as ordinary spaces. Tabs are kept: they separate the cells
// of the front-page layout table.
std::string normalize_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;  // text[copied, i) is still to be appended as it is
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte != 0xC2 && byte != 0xE2) continue;
    const std::size_t length = space_length_at(text, i);
    if (length == 0) continue;
    out.append(text.substr(copied, i - copied));
    out += ' ';
    i += length - 1;
    copied = i + 1;
  }
  out.append(text.substr(copied));
  return out;
}

// Length of the match of `pattern` (lower-case ASCII) at text[pos], or 0: ASCII case is ignored
// and a ' ' in the pattern matches any one space character normalize_spaces() would turn into
// ' '. The same as matching in core::ascii_lowercase(normalize_spaces(text)), without copying the
// text.
std::size_t match_loose(std::string_view text, std::size_t pos, std::string_view pattern) {
  std::size_t i = pos;
  for (char expected : pattern) {
    if (i >= text.size()) return 0;
    if (expected == ' ') {
      const std::size_t space = space_length_at(text, i);
      if (space == 0) return 0;
      i += space;
      continue;
    }
    if (core::ascii_lower(text[i]) != expected) return 0;
    ++i;
  }
  return i - pos;
}

// The first position at or after `from` where match_loose() matches `pattern`, or npos.
std::size_t find_loose(std::string_view text, std::string_view pattern, std::size_t from) {
  if (pattern.empty()) return from <= text.size() ? from : std::string_view::npos;
  const char first = pattern.front();  // a letter in every pattern used here
  for (std::size_t i = from; i < text.size(); ++i) {
    if (core::ascii_lower(text[i]) == first && match_loose(text, i, pattern) > 0) return i;
  }
  return std::string_view::npos;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

// Cells of a front-page line: the Word layout table comes out as tab-separated text, and
// sometimes as runs of spaces.
std::vector<std::string_view> split_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t i = 0;
  std::size_t cell_start = 0;
  while (i < line.size()) {
    const bool tab = line[i] == '\t';
    const bool double_space = line[i] == ' ' && i + 1 < line.size() && line[i + 1] == ' ';
    if (tab || double_space) {
      cells.push_back(core::trim(line.substr(cell_start, i - cell_start)));
      while (i < line.size() && (line[i] == '\t' || line[i] == ' ')) ++i;
      cell_start = i;
    } else {
      ++i;
    }
  }
  cells.push_back(core::trim(line.substr(cell_start)));
  std::erase_if(cells, [](std::string_view cell) { return cell.empty(); });
  return cells;
}

bool is_bidi_control(char32_t cp) {
  return cp == 0x200E || cp == 0x200F || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

std::string without_bidi_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t cp = core::decode_utf8(text, &i);
    if (!is_bidi_control(cp)) out.append(text.substr(start, i - start));
  }
  return out;
}

// Removes what Word leaves after a title or symbol: "*" footnote asterisks, daggers, the U+FFFD
// that replaced a footnote reference mark, and white space.
std::string_view strip_trailing_marks(std::string_view text) {
  static constexpr std::string_view kMarks[] = {"\xEF\xBF\xBD", "\xE2\x80\xA0",
                                                "\xE2\x80\xA1"};  // � † ‡
  while (true) {
    text = core::trim(text);
    if (!text.empty() && text.back() == '*') {
      text.remove_suffix(1);
      continue;
    }
    bool removed = false;
    for (std::string_view mark : kMarks) {
      if (text.ends_with(mark)) {
        text.remove_suffix(mark.size());
        removed = true;
      }
    }
    // A footnote asterisk set in the Symbol font comes out of PDFs as a private-use character
    // (U+F02A), and right-to-left versions end Latin runs with bidi controls.
    const char32_t last = text.empty() ? 0 : core::last_code_point(text);
    if ((last >= 0xE000 && last <= 0xF8FF) || is_bidi_control(last)) {
      text.remove_suffix(core::utf8_length(last));
      removed = true;
    }
    if (!removed) return text;
  }
}

namespace {

// Letters, marks and digits of every script (as ICU classes them). Punctuation (quotes,
// guillemets, ’) and spaces are boundaries; the hyphen is not, so that "Guinea" is not found
// inside "Guinea-Bissau".
bool is_name_character(char32_t cp) { return cp == U'-' || core::is_word_character(cp); }

}  // namespace

bool word_boundary_before(std::string_view text, std::size_t pos) {
  return pos == 0 || !is_name_character(core::last_code_point(text.substr(0, pos)));
}

bool word_boundary_after(std::string_view text, std::size_t pos) {
  return pos >= text.size() || !is_name_character(core::decode_at(text, pos).value);
}

namespace {

// The base letter of a Latin-1 letter, or 0: "é" -> 'e', "Ñ" -> 'n'.
char32_t latin1_base_letter(char32_t cp) {
  // One entry per code point U+00C0..U+00FF; '_' for Æ, Ð, ×, Þ, ß, æ, ð, ÷, þ.
  static constexpr std::string_view kBase =
      "aaaaaa_ceeeeiiii_nooooo_ouuuuy__aaaaaa_ceeeeiiii_nooooo_ouuuuy_y";
  if (cp < 0xC0 || cp > 0xFF) return 0;
  const char base = kBase[cp - 0xC0];
  return base == '_' ? 0 : static_cast<char32_t>(base);
}

}  // namespace

// For comparing labels and values: lower case in every script, Latin-1 accents removed, ’ as ',
// white space trimmed and collapsed. "Type de document", "TIPO DE DOCUMENTO", "País", "Comité",
// "РУССКИЙ" -> "type de document", "tipo de documento", "pais", "comite", "русский".
std::string fold_label(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = core::decode_utf8(text, &i);
    if (cp < 0x80 && core::is_ascii_space(static_cast<char>(cp))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (cp == U'\u2019') cp = U'\'';
    if (const char32_t base = latin1_base_letter(cp); base != 0) cp = base;
    core::append_utf8(core::to_lower(cp), &out);
  }
  return out;
}

bool contains_word(std::string_view text, std::string_view word) {
  for (std::size_t pos = text.find(word); pos != std::string_view::npos;
       pos = text.find(word, pos + 1)) {
    const bool starts = pos == 0 || !core::is_ascii_alpha(text[pos - 1]);
    const std::size_t end = pos + word.size();
    if (starts && (end == text.size() || !core::is_ascii_alpha(text[end]))) return true;
  }
  return false;
}

}  // namespace treatysearch::ingest::metadata_detail

namespace treatysearch::ingest::metadata_detail {

std::string fold_words(std::string_view text) {
  const std::string folded = fold_label(normalize_spaces(text));
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t start = i;
    char32_t cp = core::decode_utf8(folded, &i);
    if (cp < 0x80) {
      out += folded[start];
      continue;
    }
    if (cp == U'\u0623' || cp == U'\u0625' || cp == U'\u0622') cp = U'\u0627';  // أ إ آ -> ا
    if (cp == U'\u0629') cp = U'\u0647';                                        // ة -> ه
    if (cp == U'\u0649') cp = U'\u064A';                                        // ى -> ي
    if (cp == U'\u0451') cp = U'\u0435';                                        // ё -> е
    if ((cp >= U'\u064B' && cp <= U'\u0652') || cp == U'\u0640') continue;      // harakat, tatweel
    core::append_utf8(cp, &out);
  }
  // PDF text layers often give the lam-alef ligature as alef before lam ("األشخاص" for
  // "الأشخاص"): "اال" (after the hamza folding above) is no Arabic spelling, "الا" is.
  constexpr std::string_view kAlefAlefLam = "\xD8\xA7\xD8\xA7\xD9\x84";
  constexpr std::string_view kAlefLamAlef = "\xD8\xA7\xD9\x84\xD8\xA7";
  for (std::size_t pos = out.find(kAlefAlefLam); pos != std::string::npos;
       pos = out.find(kAlefAlefLam, pos + kAlefLamAlef.size())) {
    out.replace(pos, kAlefAlefLam.size(), kAlefLamAlef);
  }
  return out;
}

}  // namespace treatysearch::ingest::metadata_detail
