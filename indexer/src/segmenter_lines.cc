// Lines of a document as segment() sees them, and what a line says at its start or end:
// sentence and clause ends, letter case, paragraph numbers, sub-paragraph markers, list items.
#include "segmenter_parts.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"
#include "text_cleanup.h"

namespace treatysearch::ingest::segmenter_detail {

using core::equals_ascii_ci;
using core::first_code_point;
using core::is_ascii_digit;
using core::is_ascii_lower;
using core::kInvalidCodePoint;
using core::last_code_point;
using core::trim;
using core::utf8_length;

// ---------------------------------------------------------------------------------------------
// Lines

namespace {

// Horizontal rules ("_____", "-----", "* * *") separate parts of a page; they carry no text.
bool is_rule_line(std::string_view text) {
  if (text.size() < 3) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == '_' || c == '-' || c == '=' || c == '*' || c == ' ';
  });
}

}  // namespace

std::vector<Line> lines_from_blocks(const ExtractedDocument& document) {
  std::vector<Line> lines;
  lines.reserve(document.blocks.size() * 2);
  for (const Block& block : document.blocks) {
    if (block.kind == BlockKind::kFurniture) continue;
    lines.resize(lines.size() + static_cast<std::size_t>(std::max(0, block.gap_before)));
    Line line;
    line.text = clean_inline(block.text);
    if (is_rule_line(line.text)) line.text.clear();
    line.tab_led = block.kind == BlockKind::kTableCell;
    line.space_led = block.space_led;
    line.footnote_led = block.kind == BlockKind::kFootnote;
    line.page = block.page;
    line.last_page = std::max(block.page, block.last_page);
    line.footnote_refs = block.footnote_refs;
    if (block.kind == BlockKind::kFootnote) line.footnote_label = block.label;
    // A footnote body is a line of its own even when its text was lost; every other empty
    // block is a blank line.
    if (!line.has_text() && !line.footnote_led) {
      lines.emplace_back();
      continue;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Character-level predicates on cleaned text

namespace {

bool is_closing_quote(char32_t cp) {
  return cp == U'"' || cp == U'\'' || cp == U'\u201D' || cp == U'\u2019' || cp == U'\u00BB' ||
         cp == U'\u203A';
}

bool is_opening_quote(char32_t cp) {
  return cp == U'"' || cp == U'\'' || cp == U'\u201C' || cp == U'\u2018' || cp == U'\u00AB' ||
         cp == U'\u201E' || cp == U'\u2039';
}

}  // namespace

// The last character that is not a closing quotation mark: "…rights.”" ends with '.'.
char32_t last_significant(std::string_view text) {
  while (!text.empty()) {
    const char32_t cp = last_code_point(text);
    if (cp == kInvalidCodePoint || !is_closing_quote(cp)) return cp;
    text.remove_suffix(utf8_length(cp));
  }
  return kInvalidCodePoint;
}

bool ends_sentence(std::string_view text) {
  const char32_t cp = last_significant(text);
  return cp == U'.' || cp == U'!' || cp == U'?' || cp == U'\u2026';
}

// A clause ends a line when the next line may start a list item or sub-paragraph.
bool ends_clause(std::string_view text) {
  const char32_t cp = last_significant(text);
  return ends_sentence(text) || cp == U':' || cp == U';';
}

// Headings never end with punctuation that continues or ends a sentence.
bool ends_with_sentence_punctuation(std::string_view text) {
  return ends_clause(text) || last_significant(text) == U',';
}

// A table item is complete when it ends a sentence or closes its "(Para. 8)" reference.
bool closes_table_item(std::string_view text) {
  const char32_t cp = last_code_point(text);
  return ends_sentence(text) || cp == U')' || is_closing_quote(cp);
}

bool starts_with_closing_punctuation(std::string_view text) {
  const char32_t cp = first_code_point(text);
  return cp == U'.' || cp == U',' || cp == U';' || cp == U':' || cp == U'!' || cp == U'?' ||
         cp == U')' || cp == U']' || cp == U'\u00BB' || cp == U'\u201D' || cp == U'\u2026';
}

bool starts_lowercase(std::string_view text) {
  return core::is_lower_letter(first_code_point(text));
}
bool starts_uppercase(std::string_view text) {
  return core::is_upper_letter(first_code_point(text));
}

namespace {

struct CaseCounts {
  std::size_t upper = 0;
  std::size_t lower = 0;
};

CaseCounts count_letter_case(std::string_view text) {
  CaseCounts counts;
  for (std::size_t pos = 0; pos < text.size();) {
    const core::DecodedCodePoint decoded = core::decode_at(text, pos);
    if (core::is_upper_letter(decoded.value)) ++counts.upper;
    if (core::is_lower_letter(decoded.value)) ++counts.lower;
    pos += decoded.length;
  }
  return counts;
}

}  // namespace

// "KAZAKHSTAN’S COMPLIANCE WITH ... (ICERD)": a few lower-case letters are tolerated.
bool is_mostly_upper_case(std::string_view text) {
  const CaseCounts counts = count_letter_case(text);
  return counts.upper >= 4 && counts.lower * 10 <= counts.upper;
}

// ---------------------------------------------------------------------------------------------
// Line-start recognisers

namespace {

constexpr std::size_t decimal_digits(int n) { return n < 10 ? 1 : 1 + decimal_digits(n / 10); }

// Enough digits for kMaxParagraphNumber (segmenter.h); more can never be a paragraph number.
constexpr std::size_t kMaxNumberDigits = decimal_digits(kMaxParagraphNumber);

}  // namespace

// "18. The Committee", "«1. The effective law", "3) text", "18." on its own.
std::optional<NumberedStart> parse_numbered(std::string_view text) {
  NumberedStart start;
  std::size_t pos = 0;
  const char32_t first = first_code_point(text);
  if (first != kInvalidCodePoint && is_opening_quote(first)) {
    start.quoted = true;
    pos = utf8_length(first);
  }
  const std::size_t digits_begin = pos;
  while (pos < text.size() && is_ascii_digit(text[pos])) ++pos;
  const std::size_t digits = pos - digits_begin;
  if (digits == 0 || digits > kMaxNumberDigits || text[digits_begin] == '0') return std::nullopt;
  if (pos >= text.size() || (text[pos] != '.' && text[pos] != ')')) return std::nullopt;
  start.delimiter = text[pos];
  ++pos;
  if (pos < text.size() && text[pos] != ' ') return std::nullopt;
  for (std::size_t i = digits_begin; i < digits_begin + digits; ++i) {
    start.number = start.number * 10 + (text[i] - '0');
  }
  start.rest = trim(text.substr(pos));
  return start;
}

constexpr std::size_t kMaxMarkerLetters = 5;

// "(a) The adequate quality", "a) plans to enact", "(iv) ...".
std::optional<SubParagraphMarker> parse_sub_marker(std::string_view text) {
  SubParagraphMarker marker;
  std::size_t pos = 0;
  if (!text.empty() && text.front() == '(') {
    marker.parenthesised = true;
    pos = 1;
  }
  const std::size_t letters_begin = pos;
  while (pos < text.size() && is_ascii_lower(text[pos])) ++pos;
  const std::size_t letters = pos - letters_begin;
  if (letters == 0 || letters > kMaxMarkerLetters) return std::nullopt;
  if (!marker.parenthesised && letters != 1) return std::nullopt;
  if (pos >= text.size() || text[pos] != ')') return std::nullopt;
  ++pos;
  if (pos < text.size() && text[pos] != ' ') return std::nullopt;
  marker.token = text.substr(letters_begin, letters);
  marker.rest = trim(text.substr(pos));
  return marker;
}

namespace {

// "(1) de jure stateless persons ...".
bool starts_with_parenthesised_number(std::string_view text) {
  if (text.size() < 3 || text.front() != '(') return false;
  std::size_t pos = 1;
  while (pos < text.size() && is_ascii_digit(text[pos])) ++pos;
  return pos > 1 && pos < text.size() && text[pos] == ')';
}

bool is_bullet(std::string_view text) {
  static constexpr std::array<char32_t, 14> kBullets = {
      U'-',      U'\u2013', U'\u2014', U'\u2022', U'\u00B7', U'\u25AA', U'\u25E6',
      U'\u2023', U'*',      U'\u25CB', U'\u25A0', U'\u25A1', U'\u27A2', U'\u25BA'};
  const char32_t first = first_code_point(text);
  if (std::find(kBullets.begin(), kBullets.end(), first) == kBullets.end()) return false;
  const std::size_t after = utf8_length(first);
  return after < text.size() && text[after] == ' ';
}

}  // namespace

// Lines that begin a list item inside a passage: never a wrapped continuation line.
bool starts_item(std::string_view text) {
  return is_bullet(text) || parse_numbered(text).has_value() ||
         parse_sub_marker(text).has_value() || starts_with_parenthesised_number(text);
}

// "RECOMMENDATION:", "RECOMMENDATIONS:", "Recommendations:" (a bare title-case
// "Recommendations" is a heading, not a marker).
bool is_recommendation_marker(std::string_view text) {
  text = trim(text);
  bool has_colon = false;
  if (!text.empty() && text.back() == ':') {
    has_colon = true;
    text = trim(text.substr(0, text.size() - 1));
  }
  if (text == "RECOMMENDATION" || text == "RECOMMENDATIONS") return true;
  return has_colon &&
         (equals_ascii_ci(text, "recommendation") || equals_ascii_ci(text, "recommendations"));
}

}  // namespace treatysearch::ingest::segmenter_detail
