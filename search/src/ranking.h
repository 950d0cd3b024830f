// How every ranked search weighs a passage (search, groups, similar passages): the sum, over
// the query's words, of the word's idf times its impact in the passage (term_impact.h).
//
// Xapian applies the impact (a wdf-proportional weight, TfIdfWeight "nnn": no idf, no length);
// the idf is a constant factor per word (OP_SCALE_WEIGHT) computed from the whole index's
// statistics when the query is built. So the same query scores a passage identically whichever
// shard holds it, and each shard can be searched alone, in a thread of its own (shard_match.h),
// with scores that merge exactly. Both are built-in Xapian operations, which the remote backend
// also knows.
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "metadata_keys.h"

namespace treatysearch::search {

// The weighting scheme of every ranked Enquire.
inline Xapian::TfIdfWeight ranking_weight() { return Xapian::TfIdfWeight("nnn"); }

// The number of passages holding each of `terms` in `db`. Remote shards: from one match, where
// Xapian gathers the statistics of a query's terms from every shard at once, one exchange per
// shard (asking term by term costs an exchange per term and shard). Local shards: term by
// term, a B-tree lookup each, where the match would open every term's posting list on every
// shard first (a tenth of a one-word query's time). Throws Xapian errors.
using TermFrequencies = std::unordered_map<std::string, Xapian::doccount>;
TermFrequencies term_frequencies(const Xapian::Database& db, const std::vector<std::string>& terms,
                                 core::Backend backend);

// The share of all passages of `db` that hold a word that any of `terms` stands for, estimated
// as if the terms occurred independently (as Xapian estimates an OR); 0 for an empty `db`. A
// term's frequency comes from `known` when it holds it, else from `db`.
double word_share(const Xapian::Database& db, const std::vector<std::string>& terms,
                  const TermFrequencies* known = nullptr);

// BM25's idf (Robertson-Sparck Jones, kept positive as Xapian's BM25Weight keeps it) of a word
// that any of `terms` stands for, over all passages of `db` (word_share).
double word_idf(const Xapian::Database& db, const std::vector<std::string>& terms,
                const TermFrequencies* known = nullptr);

// `leaf` (the query for one word: a term or a synonym group of its forms) weighed by the
// word's idf over `db` (frequencies from `known` where it has them).
Xapian::Query weighed_word(const Xapian::Database& db, const Xapian::Query& leaf,
                           const std::vector<std::string>& terms,
                           const TermFrequencies* known = nullptr);

}  // namespace treatysearch::search
