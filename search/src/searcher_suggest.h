// Did you mean: a close spelling for a query word that is rare or absent in the index, taken
// from the index's own word terms and their frequencies (any language, no word list).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "vocabulary.h"

namespace treatysearch::search {

struct SuggestLimits {
  // A word is looked at only when it matches at most this many passages...
  static constexpr std::uint64_t kMaxRareFrequency = 3;
  // ...and a spelling replaces it only when it matches at least this many times as many (and
  // at least kMinCandidateFrequency).
  static constexpr std::uint64_t kCommonRatio = 10;
  static constexpr std::uint64_t kMinCandidateFrequency = 2;
  // Words shorter than this (in characters) are never corrected: too many words are one edit
  // away from a short one.
  static constexpr std::size_t kMinWordChars = 4;
  // Edits allowed (insertion, deletion, substitution, transposition of neighbours): one, two
  // from this many characters on.
  static constexpr std::size_t kTwoEditsFromChars = 8;
  // Words of one query looked at, at most (each costs a walk over the index's terms that share
  // its first letter).
  static constexpr std::size_t kMaxWords = 8;
};

// The edit distance between `a` and `b` (optimal string alignment: insertions, deletions,
// substitutions, transpositions of neighbours), or max + 1 when it is over `max`.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t max);

// `query` with each rare or absent word (see SuggestLimits) replaced by the most frequent word
// term of `db` within its edit budget that shares its first letter; empty when no word was
// replaced. Operators, field names, #exact words and truncated words are left alone.
// `languages` are the index's, for the stems a word is also found by. Throws Xapian errors.
std::string suggest_query(std::string_view query, const Xapian::Database& db,
                          const core::Vocabulary& vocabulary, core::Analyzer& analyzer,
                          const std::vector<std::string>& languages);

}  // namespace treatysearch::search
