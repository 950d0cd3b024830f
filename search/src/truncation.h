// Truncated words (discriminat*, discriminat!, organi?ation): a pattern of folded pieces, matched
// against the index's own words. A pattern never reaches Xapian: it becomes the list of the
// index's words it matches (at most QueryLimits::kMaxExpansions, the most frequent), searched as
// forms of one word.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "vocabulary.h"

namespace treatysearch::search {

struct WildcardPattern {
  // Folded literal pieces; one character ('?') stands between consecutive pieces.
  std::vector<std::string> pieces;
  bool open_end = false;  // ended with * or !: any rest
};

// True if `word` is written as a truncation: a '*', '!' or '?' in a word that has a letter or a
// digit (a lone "?" is punctuation, as before).
bool is_truncation(std::string_view word);

// Reads `word` into *out with `analyzer`'s folding. Returns an empty string, or what is wrong
// ("* and ! may only end a word", "needs at least 3 letters before the first wildcard", "must
// be one word").
std::string parse_wildcard(std::string_view word, core::Analyzer& analyzer, WildcardPattern* out);

// True if the folded form `surface` fits the pattern.
bool wildcard_matches(const WildcardPattern& pattern, std::string_view surface);

struct Expansion {
  std::vector<std::string> surfaces;  // the words kept, most frequent first
  std::vector<std::string> terms;     // their word terms: surfaces and E-variants (schema.h)
  std::size_t matched = 0;            // words of the index that fit (before the limit)
  bool scan_cut = false;              // more than `max_scan` index words had the prefix
};

// The index words that fit `pattern`: the folded forms posted in `db`, with their spellings
// (E-variants, from `vocabulary`), ranked by the number of passages holding them, at most
// `limit` kept.
Expansion expand_wildcard(const Xapian::Database& db, const core::Vocabulary& vocabulary,
                          const WildcardPattern& pattern, std::size_t limit, std::size_t max_scan);

}  // namespace treatysearch::search
