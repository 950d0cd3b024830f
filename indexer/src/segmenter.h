// Paragraph segmentation: turns a document's plain text into the ordered list of citable
// passages, each with the label a lawyer cites ("18", "18 (b)", "32, recommendation 1", ...),
// its enclosing headings and its cleaned text.
//
// No std::regex: every recogniser is a hand-written scanner.
// segment() is deterministic, linear in the input size, and never throws on any input
// (binary garbage, huge single lines, empty text) other than std::bad_alloc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extracted_document.h"
#include "passage.h"

namespace treatysearch::ingest {

struct SegmentedText {
  // Document order; the footnotes ("footnote 1", ...) come last, in order of appearance.
  std::vector<Passage> passages;

  // True when the document prints a main sequence of at least kMinNumberedParagraphs paragraph
  // numbers. Otherwise every blank-line separated block is an ordinal passage "[n]", or, when
  // the document has pages, "p. 2, para. [3]": the third block that starts on page 2, which is
  // how a reader holding the printed page finds it.
  bool numbered = false;

  // Letterhead, reference, date and salutation lines of a letter, cleaned: metadata, never
  // passages.
  std::vector<std::string> front_matter;

  // An addressee block that the page layout printed inside the text (the "H.E. Mr. ... /
  // Permanent Representative ... / Geneva" block at the foot of a letter's first page). It
  // interrupts the running text and is not a passage; kept for the metadata extractor.
  std::vector<std::string> address_block;

  // Word's text export: places where a line break inside a sentence shows that the export
  // removed a footnote reference mark (ExtractedDocument::removed_mark_sites). Marks at the end
  // of a paragraph leave no such break, so there can be fewer sites than footnotes.
  std::size_t footnote_sites = 0;
  // Footnotes linked to their citing passage: those whose marks the format placed, or whose
  // place the extractor's alignment of footnotes onto sites and paragraph ends settled
  // (footnote_links.h). The others have an empty parent.
  std::size_t footnotes_linked = 0;
};

// A document needs at least this many numbered paragraphs in its main sequence to be cited by
// paragraph number; with fewer, the numbers are list items and blocks get ordinal labels.
inline constexpr std::size_t kMinNumberedParagraphs = 3;

// The highest paragraph number that can open a paragraph of the main sequence. A document may
// number far more than 9,999 paragraphs; this limit is out of reach of any file within the
// default size limit (10^8 numbered paragraphs need at least 10^8 x 12 bytes, "99999999. x" and
// a blank line: over 1 GB), keeps every number in an int, and keeps longer digit runs (amounts,
// identifiers) from ever counting as paragraph numbers. "100000000." is text of the paragraph
// before it. Tested at N and N+1.
inline constexpr int kMaxParagraphNumber = 99'999'999;

// The largest passage, in bytes of text. A longer paragraph (or block) is split into several
// passages with the same label, section and parent, each at most this long, cut after a sentence
// or between words when possible, never inside a UTF-8 sequence.
//
// Why a cap: every passage is one Xapian document whose record holds its text; Xapian cannot
// store a record of 128 MiB or more ("insanely large tags"), and a search pays, per hit, for
// the snippet, the phrase check and the decoding of the whole passage. Real treaty-body
// paragraphs are at most a few KB, so the cap only ever meets text whose paragraph breaks were
// lost (or a hostile file). Why split rather than cut: every word of the file stays searchable
// and each piece is still truthfully cited by its paragraph's label; only a phrase that spans a
// cut is missed. Tested at N and N+1.
inline constexpr std::size_t kMaxPassageBytes = 32 * 1024;

// Segments an extracted document (extracted_document.h), whatever its format: every passage's
// text is at most kMaxPassageBytes long, and a passage's pages are those of the blocks that
// gave it text.
SegmentedText segment(const ExtractedDocument& document);

// Segments a Word text export (UTF-8, LF line ends; CR and malformed bytes are tolerated):
// segment(document_from_text(text)), text_blocks.h.
SegmentedText segment(std::string_view text);

// Human-readable name of a passage kind, for test messages and tools.
std::string_view passage_kind_name(PassageKind kind);

}  // namespace treatysearch::ingest
