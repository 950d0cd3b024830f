// Cleaning of Word text-export artifacts, one line at a time, and the facts about a raw line
// that the text extractor (text_blocks.h) reads before cleaning it.
//
// Hand-written scanners over the text module's decoder (text.h); no std::regex (banned in this
// project).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace treatysearch::ingest {

// ---------------------------------------------------------------------------------------------
// Lines (split_lines() and the UTF-8 and letter-case helpers are in the text module, text.h)

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
