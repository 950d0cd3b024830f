// Text files (mostly Word's plain-text export) as an extracted document, and an extracted
// document as text for the readers of text (metadata detection).
#pragma once

#include <string_view>

#include "extracted_document.h"

namespace treatysearch::ingest {

// The extractor of text files, which are mostly Word's plain-text export. Lines are cleaned
// (clean_inline) and read for what the export left of the document's structure:
//  - a tab-led line is a table cell;
//  - the trailing run of blocks led by the footnote mark U+FFFD is the footnote zone: each such
//    line opens a footnote body (lines after it continue it), numbered in order "1", "2", ...
//    since the export drops the printed numbers;
//  - every other line is a paragraph block, with the number of blank lines before it in
//    gap_before (a letter's layout is in its blank lines);
//  - a line that continues a sentence broken where the export removed a reference mark (it
//    starts with a space or closing punctuation, or in lower case after a line without clause
//    punctuation; never a line opening a number, item or marker) is marked continues_sentence:
//    the break is a site where a footnote mark stood (removed_mark_sites counts them);
//  - footnotes are placed on those sites and on block ends by infer_footnote_refs
//    (footnote_links.h), where the evidence settles their place: footnote_refs of the blocks.
// Format "text", encoding "UTF-8", no pages. Never throws other than std::bad_alloc.
ExtractedDocument document_from_text(std::string_view text);

// A document's text as lines, for readers of text (metadata detection): each block that is not
// furniture on a line of its own, after its blank lines (gap_before). For a document made by
// document_from_text this is the text it was made from, cleaned, with the footnote bodies
// joined to one line each.
std::string document_text(const ExtractedDocument& document);

// The text metadata detection reads: the first page whole, its running header and footer and
// its footnotes included (the symbol may stand in the header, the adoption session is in a
// footnote), then the rest of the document as document_text gives it. A document without pages
// gives document_text, with the footnotes its front matter cites placed after their citing
// blocks.
std::string metadata_text(const ExtractedDocument& document);

}  // namespace treatysearch::ingest
