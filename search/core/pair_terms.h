// Terms for two common words at consecutive positions (schema.h W-terms), as Lucene's
// CommonGramsFilter makes them: a phrase of common words finds its candidates in the short
// posting lists of its pairs, not in the AND of its words.
//
// Why: Xapian matches a phrase as the AND of its words, and the check then reads the position
// list of each candidate (passage_check.h). For "the State party" on the 200 MB benchmark
// corpus that AND holds 256,357 passages of 270,000 and the phrase 12,022: a facet count read
// every position list and pair signature of the index (about 2,100 blocks of 32 KiB a query),
// 25 ms. The pairs "the state" and "state party" are in 50,500 and 14,132 passages. Only pairs
// of common words get a term: a phrase with a rarer word already has few candidates (its
// word's), and a term for every pair would double the postings.
//
// Which words are common is a fixed list (kPairWords, its version stored in each new index's
// metadata, schema::kPairWordsKey), not the index's own frequencies: every passage of an index
// must be given the pairs of one list, whichever file came first and however the index grows, and
// a query must know that list. A new list is a new version; queries use the pairs only of the
// version an index names, and an index that names none (made before) has no pairs.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace treatysearch::core {

// The version of the word list below (schema::kPairWordsKey's value in an index made with it).
inline constexpr std::string_view kPairWordsVersion = "1";

// True if `surface` (a word's folded form, schema.h) is one of the common words of the list.
bool is_pair_word(std::string_view surface);
// The list, sorted (for tests).
std::span<const std::string_view> pair_words();

// The W-term of `first` followed by `second` (folded forms; both pair words).
std::string pair_term(std::string_view first, std::string_view second);

// True if an index whose schema::kPairWordsKey holds `stored` has the W-terms of this list.
inline bool has_pair_terms(std::string_view stored) { return stored == kPairWordsVersion; }

}  // namespace treatysearch::core
