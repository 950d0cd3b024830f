// Paragraphs of a PDF: the body lines of all pages, in reading order, joined into one block per
// paragraph. A new block starts where the layout says so: a printed paragraph number or
// sub-paragraph letter followed by a tab, a change of font size, a vertical gap wider than the
// line spacing, an indented first line, or a short line ending a sentence before it. A paragraph
// runs on across a page or column break unless it ended a clause on a line short of the margin,
// or the next line opens a numbered paragraph. Lines are joined with a space, and end-of-line
// hyphenation is undone (see append_line).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extracted_document.h"
#include "pdf_layout.h"

namespace treatysearch::ingest::pdf {

// The words of a document, lower-cased, as printed inside lines: what decides whether a word
// broken at a line end by a hyphen is a compound ("anti-discrimination" printed whole
// elsewhere) or one word hyphenated by the typesetter ("population" printed whole).
struct Vocabulary {
  std::unordered_set<std::string> words;
};

Vocabulary vocabulary_of(const std::vector<PageLayout>& pages);

// Appends the next line of a paragraph to `text`. A line ending in "-" after a letter, followed
// by a line starting with a lower-case letter, is a word broken by hyphenation unless the
// hyphenated form is a compound: printed whole elsewhere in the document, or made with a part
// that forms compounds ("non-", "-based"), or in a script without such a list and not printed
// whole elsewhere. A soft hyphen (U+00AD) always breaks a word. Before an upper-case letter or a
// digit the hyphen stays ("Afro-Brazilian", "COVID-19"), without a space.
void append_line(std::string* text, std::string_view next, const Vocabulary* vocabulary = nullptr);

// Body blocks (kParagraph) of the lines marked LineRole::kBody, with their pages and the
// footnote reference marks of their lines.
std::vector<Block> paragraph_blocks(const std::vector<PageLayout>& pages, double body_font);

}  // namespace treatysearch::ingest::pdf
