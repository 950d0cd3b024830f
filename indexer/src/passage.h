// A passage: the unit a lawyer cites and the unit the index stores (one Xapian document each).
#pragma once

#include <string>
#include <vector>

namespace treatysearch::ingest {

enum class PassageKind {
  kParagraph,       // a numbered paragraph of the main sequence: label "18"
  kSubParagraph,    // a lettered sub-paragraph: label "18 (b)"
  kRecommendation,  // a RECOMMENDATION(S): block after a paragraph: "6, recommendation",
                    // "32, recommendation 1"
  kTable,           // a table cell/row after a paragraph: "32, table entry 3"
  kUnnumbered,      // text in a document without printed numbers: "[5]" (ordinal, 1-based)
  kFootnote,        // "footnote 12"
};

struct Passage {
  PassageKind kind = PassageKind::kParagraph;
  std::string label;                      // exactly as cited after "para. " (see citation.h)
  std::vector<std::string> section_path;  // enclosing headings, outermost first
  std::string text;                       // cleaned text, single spaces, no artifacts
  std::vector<std::string> footnotes;     // labels of the footnotes this passage cites
  std::string parent;                     // sub-paragraph/recommendation/table: its paragraph's
                                          // label; footnote: label of the passage citing it
  std::string language;                   // ISO 639-1; empty = the document's language
};

}  // namespace treatysearch::ingest
