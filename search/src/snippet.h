// Snippets and highlighting from our own analyzer's token offsets (Xapian's MSet::snippet
// re-tokenizes by other rules and cannot see our terms).
#pragma once

#include <cstddef>
#include <string_view>

#include "analyzer.h"
#include "query_parser.h"
#include "treatysearch/types.h"

namespace treatysearch::search {

// Only this many bytes at the start of a passage are analysed for its snippet: more than any
// passage indexed now holds (kMaxPassageBytes, indexer/src/segmenter.h, is 32 KiB), so this
// only bounds what a hit costs on an index built before passages were capped, whose passages
// can be hundreds of MB (a match past it is then not highlighted).
inline constexpr std::size_t kMaxSnippetSourceBytes = 64 * 1024;

// Picks the stretch of `text` (about `max_chars` characters, cut at word boundaries) holding the
// most distinct matched words, and marks every word whose surface form or stem (in `language`)
// is one of `terms`. The whole text is returned when it is short enough.
Snippet make_snippet(std::string_view text, std::string_view language, const HighlightTerms& terms,
                     core::Analyzer& analyzer, std::size_t max_chars);

}  // namespace treatysearch::search
