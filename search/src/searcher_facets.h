// Facets: counts by committee, State, type, year and language over every passage a query
// accepts, whatever page is shown.
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "shard_match.h"
#include "treatysearch/types.h"

namespace treatysearch::search {

// The facet values of every passage of one shard at one revision, as columns in memory: for
// each field, the ordinal of each document's value, indexed by the shard's document id. (Per
// shard, because each shard is counted alone, by its own document ids.)
// Reading five values per candidate through Xapian's value table (a B-tree lookup and copies for
// each) was most of the cost of facets; one pass over each value stream at the first facet call of
// a snapshot replaces it with array lookups. Two bytes per passage and field (about 2.7 MB for
// 270,000 passages). Immutable once built: shared by the threads of a snapshot.
struct FacetColumns {
  static constexpr std::size_t kFields = 5;  // committee, State, type, year, language
  // More distinct values than this in one field (never in treaty-body documents) and the
  // columns are not built: counting reads each candidate's values instead.
  static constexpr std::size_t kMaxValues = 65535;

  // values[field][ordinal]; ordinal 0 is "no value".
  std::array<std::vector<std::string>, kFields> values;
  std::array<std::vector<std::uint16_t>, kFields> ordinals;  // [field][docid]
  bool usable = false;

  // Reads every value stream of `db` once. Throws Xapian errors.
  static FacetColumns build(const Xapian::Database& db);
};

// Counts the passages `query` matches and the checks `make_check` makes (empty: none, all)
// accept, in one pass over every match of each shard, the shards in parallel, so a phrase's
// rejected candidates are never counted. `columns[k]` (of shards[k] at its revision; empty:
// none; unused for remote shards) makes each count an array lookup. Sets *accepted to the number of
// passages counted. Throws Xapian errors.
//
// Local shards count their matches as a set of ids read from the postings (docid_set.h: no
// result set is built, and Xapian's matcher runs only for what postings cannot answer), each
// checked in increasing id order. Remote shards can run nothing of ours (xapian-tcpsrv refuses
// a MatchDecider, and would send every posting): without a check, Xapian's built-in
// ValueCountMatchSpy counts on the server; with one, every candidate is fetched, checked and
// counted here, which costs a transfer per candidate. Both are exact, so a remote index gives
// the counts a local index of the same files gives.
Facets count_facets(const std::vector<Xapian::Database>& shards, bool remote,
                    const Xapian::Query& query, const CheckFactory& make_check,
                    const std::vector<FacetColumns>& columns, std::uint64_t* accepted);

}  // namespace treatysearch::search
