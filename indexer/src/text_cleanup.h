// Cleaning of Word text-export artifacts, one line at a time, plus the small UTF-8 and
// character-class helpers that the segmenter's hand-written scanners share.
//
// Pure standard library: no ICU and no std::regex (banned in this project).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::ingest {

// ---------------------------------------------------------------------------------------------
// UTF-8

// Returned by decode_utf8 for a byte that does not start a well-formed sequence.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct DecodedCodePoint {
  char32_t value = kInvalidCodePoint;  // kInvalidCodePoint for malformed input
  std::size_t length = 1;              // bytes consumed; at least 1 so callers always advance
};

// Decodes the code point starting at text[pos] (pos < text.size()). Overlong forms, surrogates
// and values above U+10FFFF are malformed; a malformed sequence consumes exactly one byte.
DecodedCodePoint decode_utf8(std::string_view text, std::size_t pos);

// Appends the UTF-8 encoding of a valid code point.
void append_utf8(std::string& out, char32_t code_point);

// Letter case for the scripts the corpus uses (Latin, Greek, Cyrillic). Other characters,
// including letters of caseless scripts (Arabic, CJK), are neither upper nor lower.
bool is_upper_letter(char32_t code_point);
bool is_lower_letter(char32_t code_point);

// First and last code point of a string, kInvalidCodePoint when empty or malformed.
char32_t first_code_point(std::string_view text);
char32_t last_code_point(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Lines

// Splits a document into lines. LF ends a line; CRLF and a lone CR are accepted as line ends
// too, so that a file with stray Windows or old Mac line ends still yields clean lines. The
// views point into `text`. An empty input gives no lines; a final line end adds no empty line.
std::vector<std::string_view> split_lines(std::string_view text);

// True when the raw line starts with a tab: Word exports table cells as tab-led lines.
bool starts_with_tab(std::string_view raw_line);

// True when the raw line starts with a space (U+0020, U+00A0 or U+202F). After a line break
// inside a sentence this is where Word dropped a footnote reference mark.
bool starts_with_space(std::string_view raw_line);

// True when the raw line's first visible character is the footnote reference mark U+FFFD:
// Word text exports print each footnote body as such a line at the end of the document.
bool starts_with_footnote_mark(std::string_view raw_line);

// ---------------------------------------------------------------------------------------------
// Cleaning

// Cleans one line of Word-exported text so that only printed text remains:
//   - U+FFFD (the export's footnote reference mark and field delimiter) and the raw Word field
//     characters U+0013/U+0014/U+0015 are removed;
//   - field codes are removed: `HYPERLINK "url"` followed by its visible result keeps the
//     visible text once; a HYPERLINK code without a visible result is replaced by its URL;
//     PAGEREF/NOTEREF/REF/TOC/SEQ/INCLUDEPICTURE codes are dropped;
//   - tabs, vertical tabs, form feeds, CR/LF, other control characters and the Unicode space
//     characters (U+00A0, U+202F, U+2000..U+200A, U+3000, ...) become a plain space;
//   - soft hyphens (U+00AD) and invisible format characters (U+200B, U+200E, U+200F, U+2060,
//     U+FEFF, U+FFFC) are removed. ZWJ/ZWNJ (U+200D/U+200C) are kept: they are part of the
//     spelling of Persian, Indic scripts and emoji, not artifacts;
//   - Symbol-font bullets from the private use area (U+F0B7, U+F0A7) become "•";
//   - malformed UTF-8 bytes become a space, so the result is always valid UTF-8;
//   - runs of spaces collapse to one, and leading and trailing spaces are trimmed.
// All other characters, in any script, are passed through unchanged. The function is
// idempotent: clean_inline(clean_inline(x)) == clean_inline(x).
std::string clean_inline(std::string_view line);

}  // namespace treatysearch::ingest
