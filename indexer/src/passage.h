// A passage: the unit a lawyer cites and the unit the index stores (one Xapian document each).
#pragma once

#include <string>
#include <vector>

#include "schema.h"

namespace treatysearch::ingest {

// What a passage is; stored in the index, so its values are fixed in core (schema.h).
using core::schema::PassageKind;

struct Passage {
  PassageKind kind = PassageKind::kParagraph;
  std::string label;                      // exactly as cited after "para. " (see citation.h)
  std::vector<std::string> section_path;  // enclosing headings, outermost first
  std::string text;                       // cleaned text, single spaces, no artifacts
  std::vector<std::string> footnotes;     // labels of the footnotes this passage cites
  std::string parent;                     // sub-paragraph/recommendation/table: its paragraph's
                                          // label; footnote: label of the passage citing it
  std::string language;                   // ISO 639-1; empty = the document's language
  // A table entry: the heading of its column (the table's first row), which may say what its
  // references refer to ("Recommendations ... of the fourth and fifth periodic reports (2010)").
  std::string column_heading;
  int first_page = 0;  // pages the passage's text is on, from 1;
  int last_page = 0;   // 0 when the format has no pages
};

}  // namespace treatysearch::ingest
