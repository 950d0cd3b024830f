// Printing search results: text for people, JSON for programs. Kept out of the libraries, as
// ripgrep keeps its printers out of its searcher.
#pragma once

#include <ostream>

#include "treatysearch/types.h"

namespace treatysearch::cli {

struct TextStyle {
  bool bold = false;  // ANSI bold for matched words (on a terminal, unless NO_COLOR is set)
};

// Per hit: "rank. citation" line, the section heading path, and the snippet, indented. Control
// characters in them (file names and document text are untrusted) are shown as printable()
// shows them, never sent to the terminal.
void print_text(const SearchResult& result, const TextStyle& style, std::ostream& out);

// One JSON object: {"query", "total", "hits": [{"rank", "score", "citation", "paragraph",
// "section", "language", "text", "snippet", "highlights", "document": {...}}]}. Unknown values are
// null; "highlights" holds [start, end) offsets in Unicode code points into "snippet". Strings
// are exact (control characters escaped as JSON requires).
void print_json(const SearchResult& result, std::ostream& out);

}  // namespace treatysearch::cli
