// How much one term says about one passage, decided when the passage is indexed and stored as
// the term's wdf: a quantised BM25 term-frequency part ("impact", as PISA and Lucene's impact
// indexes store scores), with the passage's length already taken into account.
//
// Why: Xapian 1.4's BM25 reads every candidate passage's length from the document-length list
// while it matches; on 270,000 passages that lookup was two thirds of a word query's matching
// time. With the length folded in here, the searcher weighs a passage by the wdf alone, times
// each word's idf (search/src/ranking.h): no length is read, and only built-in Xapian weights
// are used, which Xapian's remote backend also knows.
//
// The normalisation uses a fixed pivot length instead of the index's average passage length:
// the average changes as files are added, and a file must give the same postings whenever it
// is indexed (an updated index equals a fresh build).
#pragma once

#include <cstdint>

namespace treatysearch::core {

struct ImpactModel {
  static constexpr double kK1 = 1.2;   // BM25 term-frequency saturation
  static constexpr double kB = 0.75;   // BM25 length normalisation
  // Words of a passage of typical length: the median passage has 94 to 103 words in the
  // benchmark corpora and the UNHRDB paragraphs.
  static constexpr double kPivotWords = 100;
  // Impacts are 1..kMaxImpact: below 128 a wdf takes one byte in a glass posting.
  static constexpr std::uint32_t kMaxImpact = 100;
};

// The impact of a term found `count` times (at least 1) in a passage of `passage_words` words:
// BM25's count * (k1 + 1) / (count + k1 * (1 - b + b * words / pivot)), scaled from its range
// (0, k1 + 1) onto 1..kMaxImpact. Never 0 (a wdf of 0 marks boolean terms), never above the max.
std::uint32_t term_impact(std::uint32_t count, std::uint32_t passage_words);

}  // namespace treatysearch::core
