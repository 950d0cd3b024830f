// Word's plain-text export (and any UTF-8 text) as an extracted document: the reading of lines
// that the segmenter relied on when text was the only format.
#pragma once

#include <string_view>

#include "extracted_document.h"

namespace treatysearch::ingest {

// One block per line that holds more than white space, with the number of blank lines before
// it in gap_before. What the export left in a raw line is kept as the block's kind: a tab-led
// line is a table cell, a line led by the footnote mark U+FFFD a footnote body (unlabelled: the
// export dropped the numbers), and a space-led line is marked (block.space_led), since after a
// line break inside a sentence it is where a footnote mark was removed. Text is left raw: the
// segmenter cleans it (clean_inline). Format "text", encoding "UTF-8", no pages.
ExtractedDocument document_from_text(std::string_view text);

// A document's text as lines, for readers of text (metadata detection): each block that is not
// furniture on a line of its own, after its blank lines (gap_before). For a document made by
// document_from_text this is the text it was made from, less white space on blank lines.
std::string document_text(const ExtractedDocument& document);

// The text metadata detection reads: the first page whole, its running header and footer and
// its footnotes included (the symbol may stand in the header, the adoption session is in a
// footnote), then the rest of the document as document_text gives it. A document without pages
// gives document_text, with the footnotes its front matter cites placed after their citing
// blocks.
std::string metadata_text(const ExtractedDocument& document);

}  // namespace treatysearch::ingest
