// Printing search results: text for people, JSON for programs. Kept out of the libraries, as
// ripgrep keeps its printers out of its searcher.
#pragma once

#include <ostream>

#include "treatysearch/types.h"

namespace treatysearch::cli {

struct TextStyle {
  bool bold = false;  // ANSI bold for matched words (on a terminal, unless NO_COLOR is set)
};

// Per hit: "rank. citation" line, the section heading path, and the snippet, indented; grouped
// results as a line per document ("symbol — State (date) — N passages") over its best
// passages; then the facets, one line per field, when asked for; a "Did you mean" line first
// when there is a suggestion. Control characters in them (file names and document text are
// untrusted) are shown as printable() shows them, never sent to the terminal.
void print_text(const SearchResult& result, const TextStyle& style, std::ostream& out);

// A passage read in its document (treaty-search --show): citation, document, section, then the
// passages before it, the passage itself (marked ▶) and those after it, each whole.
void print_passage_text(const PassageInContext& shown, std::ostream& out);

// One JSON object: {"query", "total", "hits": [{"rank", "score", "id", "citation",
// "paragraph", "section", "language", "pages", "text", "snippet", "highlights", "document":
// {...}}], "groups" (grouped results, or no hits), "facets" (when asked for), "suggestion",
// "warnings"}. Unknown values are null; "highlights" holds [start, end) offsets in Unicode code
// points into "snippet". Strings are exact (control characters escaped as JSON requires).
// README.md, "Output", documents the schema; keys are only ever added.
void print_json(const SearchResult& result, std::ostream& out);

// {"passage": hit, "before": [hits], "after": [hits]} for treaty-search --show --format json.
void print_passage_json(const PassageInContext& shown, std::ostream& out);

// A recommendation's history (treaty-search --history): one entry per passage, oldest first:
// date, relation, citation, then the passage's snippet and its link lines.
void print_history_text(const History& history, const TextStyle& style, std::ostream& out);

// {"citation", "history": [{"relation", "passage": hit}]} for --history --format json.
void print_history_json(const History& history, std::ostream& out);

}  // namespace treatysearch::cli
