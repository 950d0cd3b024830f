// What an extractor hands to the segmenter: a document's text as ordered blocks, each with its
// page, what kind of block it is and the footnotes it cites, plus what the file says about
// itself (PDF Info, DOCX core.xml) and how it was read.
//
// Every format (text, PDF, OCR, DOCX, Word 97, HTML) produces this one model, so the segmenter
// labels paragraphs the same way whatever the file was, and a format that knows more (DOCX knows
// its footnote references for certain; PDF knows pages; OCR knows its confidence) says so here
// instead of imitating another format's artifacts.
//
// Conventions every extractor keeps:
//  - block text is UTF-8, without line ends, in logical order (Arabic as read, not as drawn);
//  - the printed label is part of the text as the reader sees it: Word's automatic numbering
//    ("12.", "(a)") is written out in front of the paragraph text, and also given in `label`;
//  - running headers and footers (page furniture) are left out, or given as kFurniture blocks,
//    which the segmenter ignores;
//  - footnote bodies are kFootnote blocks, labelled with their number, placed at the end of the
//    document in order of number (as Word's text export places them);
//  - a paragraph that runs over a page break is one block with `page` < `last_page`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace treatysearch::ingest {

enum class BlockKind : std::uint8_t {
  kParagraph,  // running text, including numbered paragraphs whose number is in the text
  kHeading,    // a heading; `heading_level` 1 is the outermost
  kListItem,   // a list item whose label came from the format's numbering (`label`)
  kTableCell,  // one cell of a table; `row_start` marks the first cell of each row
  kFootnote,   // a footnote body; `label` is its number ("3")
  kFurniture,  // running header or footer, page number, job number: never indexed
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
  std::string label;       // list item: "12.", "(a)"; footnote: "3"; else empty
  int heading_level = 0;   // headings only
  int page = 0;            // first page the block is on, from 1; 0 when the format has no pages
  int last_page = 0;       // last page (== page unless the block runs over a page break)
  bool row_start = false;  // table cells: this cell opens a row

  // How many blank lines stood before this block. Structured formats give 1 before each new
  // paragraph, 0 for a line that continues the block before it; the text extractor gives the
  // count it read (a letter's layout is in its blank lines).
  int gap_before = 1;

  // The line break before this block falls inside a sentence that this block continues (Word's
  // text export breaks a line where it removed a footnote reference mark). Where the file lost
  // its marks, such a break is where one stood (footnote_links.h).
  bool continues_sentence = false;

  // Labels of the footnotes whose reference marks stand in this block: certain from DOCX
  // footnote references and PDF superscripts; inferred (footnote_links.h) where the file lost
  // its marks, as Word's text export does, and then only where the evidence settles the place.
  // The segmenter links each footnote to the first passage whose blocks cite it.
  std::vector<std::string> footnote_refs;

  // OCR: the recogniser's mean word confidence for the block, 0-100; -1 when not OCR.
  float confidence = -1.0f;
};

// What a file says about itself outside its text. Hints only: the first page's text is read by
// metadata detection too, and the manifest overrides both.
struct MetadataHints {
  std::string title;    // PDF Info /Title, DOCX dc:title
  std::string subject;  // PDF Info /Subject, DOCX dc:subject (UN files often hold the symbol)
  std::string author;
  std::string created;   // ISO 8601 date, when the file records one
  std::string language;  // DOCX dc:language, HTML lang=, as given ("en-US")
};

struct ExtractedDocument {
  std::vector<Block> blocks;
  MetadataHints hints;
  std::string format;    // "text", "PDF", "DOCX", "Word 97-2003", "HTML"
  std::string encoding;  // text: the encoding read ("UTF-8", "UTF-16LE", "windows-1251")
  int pages = 0;         // number of pages, when the format has pages
  bool ocr = false;      // some or all text came from OCR
  int ocr_pages = 0;     // pages whose text came from OCR
  // Word's text export: the blocks that continue a sentence broken where the export removed a
  // footnote mark (continues_sentence; reported by the segmenter as footnote_sites).
  std::size_t removed_mark_sites = 0;
  // Things a user may want to know with -v that did not stop the extraction ("page 7: OCR timed
  // out", "2 pages had no text").
  std::vector<std::string> notes;
};

}  // namespace treatysearch::ingest
