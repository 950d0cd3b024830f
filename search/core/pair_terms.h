// Terms for two and three common words at consecutive positions (schema.h W-terms), as Lucene's
// CommonGramsFilter makes them for two: a phrase of common words finds its candidates in the
// short posting lists of its pairs and triples, not in the AND of its words.
//
// Why: Xapian matches a phrase as the AND of its words, and the check then reads the position
// list of each candidate (passage_check.h). For "the State party" on the 200 MB benchmark
// corpus that AND holds 256,357 passages of 270,000 and the phrase 12,022: a facet count read
// every position list and pair signature of the index (about 2,100 blocks of 32 KiB a query),
// 25 ms. The pairs "the state" and "state party" are in 50,500 and 14,132 passages. Only pairs
// of common words get a term: a phrase with a rarer word already has few candidates (its
// word's), and a term for every pair would double the postings.
//
// Triples (version 2): a pair's term cannot prove a longer phrase ("the State" and "State party"
// may be apart), so "the State party" still read some 12,000 position lists for a facet count,
// a value block each (18 ms). A phrase of exactly two or three common words is its W-term,
// which Xapian matches exactly: no position list is read. Three common words in a row are rarer
// than two: per passage of the benchmark corpus, 2.2 distinct triples against 8.6 pairs.
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

// The version of the W-terms (schema::kPairWordsKey's value in an index made with them): "1",
// the pairs of the word list below; "2", its pairs and triples (the same list).
inline constexpr std::string_view kPairWordsVersion = "2";

// True if `surface` (a word's folded form, schema.h) is one of the common words of the list.
bool is_pair_word(std::string_view surface);
// The list, sorted (for tests).
std::span<const std::string_view> pair_words();

// The W-term of `first` followed by `second` (folded forms; both pair words).
std::string pair_term(std::string_view first, std::string_view second);
// The W-term of three pair words in a row.
std::string triple_term(std::string_view first, std::string_view second, std::string_view third);

// How many words in a row the W-terms of an index whose schema::kPairWordsKey holds `stored`
// go up to: 3 (pairs and triples), 2 (pairs), or 0 (no W-terms: an index made before them, or
// by a later version whose list this one does not know).
inline unsigned pair_term_words(std::string_view stored) {
  return stored == kPairWordsVersion ? 3 : stored == "1" ? 2 : 0;
}

}  // namespace treatysearch::core
