// The weighting every ranked search uses (search, groups, similar passages).
#pragma once

#include <xapian.h>

namespace treatysearch::search {

// BM25 over the impacts the indexer stored as wdf (term_impact.h): the length normalisation
// and saturation are in the impact already, so b = 0 (no document-length lookup while matching)
// and a k1 so large that the impact counts linearly (within 1 % at the largest impact). The
// weight is BM25's idf times the impact. A built-in weight, which Xapian's remote backend
// knows by name.
inline Xapian::BM25Weight ranking_weight() {
  constexpr double kK1 = 10000;
  constexpr double kK2 = 0;  // no query-length correction
  constexpr double kK3 = 1;  // a word repeated in the query counts as written (BM25's default)
  constexpr double kB = 0;
  constexpr double kMinNormLen = 0.5;  // unused with b = 0
  return Xapian::BM25Weight(kK1, kK2, kK3, kB, kMinNormLen);
}

}  // namespace treatysearch::search
