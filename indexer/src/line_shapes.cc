// What a line of cleaned text says at its start or end: sentence and clause ends, letter case,
// paragraph numbers, sub-paragraph markers, list items, "RECOMMENDATIONS:" markers. Shared by
// the segmenter and the text extractor, which reads the same shapes to undo the line breaks of
// Word's text export.
#include "line_shapes.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "segmenter.h"
#include "segmenter_words.h"
#include "text.h"

namespace treatysearch::ingest {

using core::first_code_point;
using core::is_ascii_digit;
using core::is_ascii_lower;
using core::kInvalidCodePoint;
using core::last_code_point;
using core::trim;
using core::utf8_length;

// ---------------------------------------------------------------------------------------------
// Rules and wrapped lines

bool is_rule_line(std::string_view text) {
  if (text.size() < 3) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == '_' || c == '-' || c == '=' || c == '*' || c == ' ';
  });
}

// No space before closing punctuation: a line starting with "." or "," is the rest of a sentence
// whose footnote mark was removed.
void join_wrapped_text(std::string& text, std::string_view continuation) {
  if (continuation.empty()) return;
  if (!text.empty() && !starts_with_closing_punctuation(continuation)) text += ' ';
  text.append(continuation);
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

// The counts, or those of a prefix once stop(counts, bytes left) is true.
template <typename Stop>
CaseCounts count_letter_case(std::string_view text, Stop&& stop) {
  CaseCounts counts;
  for (std::size_t pos = 0; pos < text.size();) {
    const core::DecodedCodePoint decoded = core::decode_at(text, pos);
    if (core::is_upper_letter(decoded.value)) ++counts.upper;
    if (core::is_lower_letter(decoded.value)) ++counts.lower;
    pos += decoded.length;
    if (stop(counts, text.size() - pos)) break;
  }
  return counts;
}

CaseCounts count_letter_case(std::string_view text) {
  return count_letter_case(text, [](const CaseCounts&, std::size_t) { return false; });
}

}  // namespace

// "KAZAKHSTAN’S COMPLIANCE WITH ... (ICERD)": a few lower-case letters are tolerated.
bool is_mostly_upper_case(std::string_view text) {
  // Asked of every paragraph: one in running text is settled by its first words, once even
  // every byte left being an upper-case letter could not make up for the lower-case ones.
  const CaseCounts counts = count_letter_case(text, [](const CaseCounts& so_far, std::size_t left) {
    return so_far.lower * 10 > so_far.upper + left;
  });
  return counts.upper >= 4 && counts.lower * 10 <= counts.upper;
}

// ---------------------------------------------------------------------------------------------
// Plain headings

namespace {

constexpr std::size_t kMaxPlainHeadingBytes = 300;
constexpr std::size_t kMaxPlainHeadingWords = 45;

}  // namespace

// An unnumbered heading line: "Hate speech", "Recommendations on emigration issues",
// "Conflict between Kazakhs and Tajiks (February 2015, ...)". Context (a blank line or a
// sentence end before it, a boundary after it) is checked by the callers.
bool looks_like_plain_heading(std::string_view text) {
  if (text.empty() || text.size() > kMaxPlainHeadingBytes) return false;
  if (!starts_uppercase(text) || ends_with_sentence_punctuation(text)) return false;
  if (core::count_words(text) > kMaxPlainHeadingWords) return false;
  return !is_recommendation_marker(text);
}

// ---------------------------------------------------------------------------------------------
// Line-start recognisers

namespace {

constexpr std::size_t decimal_digits(int n) { return n < 10 ? 1 : 1 + decimal_digits(n / 10); }

// Enough digits for kMaxParagraphNumber (segmenter.h); more can never be a paragraph number.
constexpr std::size_t kMaxNumberDigits = decimal_digits(kMaxParagraphNumber);

// An appendix heading names the members whose opinion follows; longer lines are text.
constexpr std::size_t kMaxAppendixHeadingBytes = 300;
// Enough of a line to hold the longest kAppendixHeadingStarts word, lower-cased.
constexpr std::size_t kMaxAppendixStartBytes = 64;

// Longer lines are never a marker: the longest word is a few dozen bytes.
constexpr std::size_t kMaxRecommendationMarkerBytes = 64;

}  // namespace

namespace {

// Digits of one level of a dotted number after the first ("4" of "6.4"): Views number at most a
// few dozen paragraphs per part.
constexpr std::size_t kMaxMinorDigits = 3;

// Reads a number at text[*pos] (digits of any script read by digit_at, no leading zero, at most
// max_digits); advances *pos. Sets *all_ascii false when a digit is not ASCII.
std::optional<int> read_number(std::string_view text, std::size_t* pos, std::size_t max_digits,
                               bool* all_ascii) {
  int value = 0;
  std::size_t digits = 0;
  while (const auto digit = digit_at(text, *pos)) {
    if (digits == 0 && digit->value == 0) return std::nullopt;
    if (++digits > max_digits) return std::nullopt;
    value = value * 10 + digit->value;
    if (!digit->ascii) *all_ascii = false;
    *pos += digit->length;
  }
  if (digits == 0) return std::nullopt;
  return value;
}

bool is_arabic_letter(char32_t cp) { return cp >= 0x0600 && cp <= 0x06FF && core::is_letter(cp); }

// Directional marks, embeddings and isolates (LRM, RLM, LRE ... PDF, LRI ... PDI): PDF text of
// Arabic documents wraps numbers in them ("\u202B\u202A-١\u202C text"); they are not part of the
// number.
bool is_bidi_control(char32_t cp) {
  return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

// Skips bidi controls (and spaces between them when `spaces`) from text[pos].
std::size_t skip_bidi_controls(std::string_view text, std::size_t pos, bool spaces = false) {
  while (pos < text.size()) {
    if (spaces && text[pos] == ' ') {
      ++pos;
      continue;
    }
    const core::DecodedCodePoint decoded = core::decode_at(text, pos);
    if (!is_bidi_control(decoded.value)) break;
    pos += decoded.length;
  }
  return pos;
}

// The text after a paragraph number; a hyphen ends numbers in Arabic documents only: "1- "
// elsewhere is not a paragraph number. `right_to_left` is true when bidi controls led the line
// (the number of a right-to-left page, alone on its line).
std::optional<NumberedStart> finish_numbered(std::string_view text, std::size_t pos,
                                             bool arabic_digits, bool right_to_left,
                                             NumberedStart start) {
  std::string_view rest = trim(text.substr(pos));
  start.rest = rest.substr(skip_bidi_controls(rest, 0, true));
  const bool arabic =
      arabic_digits || right_to_left || is_arabic_letter(first_code_point(start.rest));
  if (start.delimiter == '-' && !arabic) return std::nullopt;
  return start;
}

}  // namespace

// "18. The Committee", "«1. The effective law", "3) text", "18." on its own; "6.4 The", "6.4.
// The", "3.5.1 The" (Views); "١٢. ..." and "١٢- ..." (Arabic documents, whose numbers end with
// a hyphen).
std::optional<NumberedStart> parse_paragraph_number(std::string_view text) {
  NumberedStart start;
  std::size_t pos = skip_bidi_controls(text, 0, /*spaces=*/true);
  const bool right_to_left = trim(text.substr(0, pos)).size() > 0;
  const char32_t first = first_code_point(text.substr(pos));
  if (first != kInvalidCodePoint && is_opening_quote(first)) {
    start.quoted = true;
    pos += utf8_length(first);
  }
  // "-١٢ text": the hyphen of an Arabic paragraph number stored before its digits, as the PDF
  // text of right-to-left pages often has it.
  bool leading_hyphen = false;
  if (!start.quoted && pos + 1 < text.size() && text[pos] == '-') {
    const std::size_t digits = text[pos + 1] == ' ' ? pos + 2 : pos + 1;  // "- 6" too
    if (digit_at(text, digits)) {
      leading_hyphen = true;
      pos = digits;
    }
  }
  bool all_ascii = true;
  const auto major = read_number(text, &pos, kMaxNumberDigits, &all_ascii);
  if (!major) return std::nullopt;
  start.number = *major;
  start.levels[0] = *major;
  start.label = std::to_string(*major);
  // Further levels: ".4", ".4.1", each a number right after a dot.
  while (start.depth < kMaxNumberLevels && pos + 1 < text.size() && text[pos] == '.' &&
         digit_at(text, pos + 1)) {
    std::size_t next = pos + 1;
    const auto minor = read_number(text, &next, kMaxMinorDigits, &all_ascii);
    if (!minor) return std::nullopt;  // "2.05": a decimal, not a paragraph number
    start.levels[static_cast<std::size_t>(start.depth++)] = *minor;
    start.label += "." + std::to_string(*minor);
    pos = next;
  }
  const std::size_t number_end = pos;
  pos = skip_bidi_controls(text, pos);
  // A bidi control after the number separates it from the text as a space does.
  const bool separated = pos != number_end;
  if (leading_hyphen) {
    if (start.depth > 1) return std::nullopt;
    start.delimiter = '-';
  } else if (start.depth > 1) {
    if (pos < text.size() && text[pos] == '.') ++pos;  // "6.4." as older Views print it
  } else {
    if (pos >= text.size()) return std::nullopt;
    const char delimiter = text[pos];
    if (delimiter != '.' && delimiter != ')' && delimiter != '-') return std::nullopt;
    start.delimiter = delimiter;
    const std::size_t after_delimiter = pos + 1;
    pos = skip_bidi_controls(text, after_delimiter);
    if (pos != after_delimiter)
      return finish_numbered(text, pos, !all_ascii, right_to_left, std::move(start));
  }
  if (pos < text.size() && text[pos] != ' ' && !separated) return std::nullopt;
  return finish_numbered(text, pos, !all_ascii, right_to_left, std::move(start));
}

std::optional<NumberedStart> parse_numbered(std::string_view text) {
  auto start = parse_paragraph_number(text);
  if (!start || start->depth > 1) return std::nullopt;
  return start;
}

constexpr std::size_t kMaxMarkerLetters = 5;

// "(a) The adequate quality", "a) plans to enact", "(iv) ...", "б) ...", "(أ) ...".
std::optional<SubParagraphMarker> parse_sub_marker(std::string_view text) {
  SubParagraphMarker marker;
  // PDF text of right-to-left pages wraps the marker in bidi embeddings ("\u202B(أ)\u202C").
  std::size_t pos = skip_bidi_controls(text, 0);
  if (pos < text.size() && text[pos] == '(') {
    marker.parenthesised = true;
    ++pos;
  }
  const std::size_t letters_begin = pos;
  while (pos < text.size() && is_ascii_lower(text[pos])) ++pos;
  std::size_t letters = pos - letters_begin;
  if (letters == 0) {
    letters = non_latin_letter_length(text.substr(pos));
    pos += letters;
  } else if (letters > kMaxMarkerLetters || (!marker.parenthesised && letters != 1)) {
    return std::nullopt;
  }
  if (letters == 0) return std::nullopt;
  if (pos >= text.size() || text[pos] != ')') return std::nullopt;
  const std::size_t after = pos + 1;
  pos = skip_bidi_controls(text, after);
  if (pos < text.size() && text[pos] != ' ' && pos == after) return std::nullopt;
  marker.token = text.substr(letters_begin, letters);
  const std::string_view rest = trim(text.substr(pos));
  marker.rest = rest.substr(skip_bidi_controls(rest, 0, true));
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

}  // namespace

// "- text", "• text", "– text": a bullet and a space.
bool starts_with_bullet(std::string_view text) {
  static constexpr std::array<char32_t, 14> kBullets = {
      U'-',      U'\u2013', U'\u2014', U'\u2022', U'\u00B7', U'\u25AA', U'\u25E6',
      U'\u2023', U'*',      U'\u25CB', U'\u25A0', U'\u25A1', U'\u27A2', U'\u25BA'};
  const char32_t first = first_code_point(text);
  if (std::find(kBullets.begin(), kBullets.end(), first) == kBullets.end()) return false;
  const std::size_t after = utf8_length(first);
  return after < text.size() && text[after] == ' ';
}

// Lines that begin a list item inside a passage: never a wrapped continuation line.
bool starts_item(std::string_view text) {
  return starts_with_bullet(text) || parse_numbered(text).has_value() ||
         parse_sub_marker(text).has_value() || starts_with_parenthesised_number(text);
}

namespace {

// A colon ending a marker: ":", with French typography's space before it, or the full-width
// colon of Chinese.
bool strip_colon(std::string_view* text) {
  for (const std::string_view colon : {std::string_view(":"), std::string_view("\uFF1A")}) {
    if (text->ends_with(colon)) {
      *text = trim(text->substr(0, text->size() - colon.size()));
      return true;
    }
  }
  return false;
}

}  // namespace

// "RECOMMENDATIONS", "Recommendations:", "Recommandations :", "Recomendaciones:",
// "РЕКОМЕНДАЦИИ", "التوصيات:" (kRecommendationWords): the word in capitals, or in any case with
// a colon. A bare title-case "Recommendations" is a heading, not a marker.
bool is_recommendation_marker(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > kMaxRecommendationMarkerBytes) return false;
  const bool has_colon = strip_colon(&text);
  // Without a colon only capitals make the word a marker (never in caseless scripts).
  const CaseCounts counts = count_letter_case(text);
  if (!has_colon && (counts.lower > 0 || counts.upper == 0)) return false;
  const std::string lower = core::to_lower(text);
  for (const RecommendationWords& words : kRecommendationWords) {
    if (lower == words.singular || (!words.plural.empty() && lower == words.plural)) return true;
  }
  return false;
}

// A heading that opens an appendix or an individual opinion (kAppendixHeadingStarts): short,
// without a sentence end.
bool is_appendix_heading(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > kMaxAppendixHeadingBytes || ends_clause(text)) return false;
  const std::string lower = core::to_lower(text.substr(0, kMaxAppendixStartBytes));
  return std::any_of(kAppendixHeadingStarts.begin(), kAppendixHeadingStarts.end(),
                     [&](std::string_view start) { return lower.starts_with(start); });
}

}  // namespace treatysearch::ingest
