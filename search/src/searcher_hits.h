// What the searcher's operations share: checking a page request, paging through tiers of
// queries ranked one after the other, and turning a passage into a cited Hit.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "query_parser.h"
#include "searcher_snapshot.h"
#include "shard_match.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

// Throws Error(kInvalidArgument) for a limit or window over QueryLimits or an empty year range.
void check_page_options(const SearchOptions& options);

// Hit::id of passage `ordinal` of a file: "<file key>:<ordinal>".
std::string passage_id(const std::string& file_key, std::uint32_t ordinal);

// One query of a ranking in tiers: every match of a tier ranks before every match of the next
// (passages with all the words before the others; other States' passages before the same
// State's). `make_check` (may be empty) makes the check that accepts or rejects candidates
// (passage_check.h), one per shard thread.
struct Tier {
  Xapian::Query query;
  CheckFactory make_check;
  // When set, matches the tier instead of match_shards(query, make_check, first, maxitems,
  // check_at_least), with the same contract (searcher_similar.cc).
  std::function<ShardedMSet(std::size_t first, std::size_t maxitems, std::size_t check_at_least)>
      match = {};
  // When set: the estimated matches of this tier and every later one together, which is the
  // page's total once this tier fills it (the later tiers are then not matched at all, and this
  // one's own count is not needed: `match` may leave a full page's `estimated` at 0). Why: each
  // estimate opens every posting list of the query again; one for the rest of the tiers instead
  // of one per tier.
  std::function<std::uint64_t()> estimate_from_here = {};
  // When the index has passages updates superseded (dead_passages.h), which `query` leaves out:
  // `query` with them, and their matches alone. Xapian's estimate for `query` assumes that its
  // matches are superseded as often as any passage, but a superseded passage is a copy of a
  // live one, and updates replace the same files again and again; so an estimated count is
  // that of `with_superseded` less the exact count of `superseded`.
  Xapian::Query with_superseded = {};
  Xapian::Query superseded = {};
};

// The matches of one tier shown on a page, with the rank of its first.
struct PageSlice {
  std::vector<ShardedMatch> matches;
  std::size_t first_rank = 1;
};

struct TieredPage {
  std::vector<PageSlice> slices;
  std::uint64_t total = 0;  // estimated matches of all tiers
};

// Matches offset+1 .. offset+limit of the tiers taken in order, over `shards` in parallel
// (shard_match.h), with `settings` (order, collapse) applied to each. A tier whose page is not
// filled gets an exact count (its check_at_least covers the page), so the next tier starts at
// the right rank.
TieredPage page_through_tiers(const std::vector<Xapian::Database>& shards,
                              const MatchSettings& settings, const std::vector<Tier>& tiers,
                              std::size_t offset, std::size_t limit);

// snippet_chars for make_hit: the snippet is the whole text, unhighlighted and not analysed.
inline constexpr std::size_t kWholeTextSnippet = static_cast<std::size_t>(-1);

// The passage of `doc` as a Hit with its citation, document, id and snippet; the links
// (cited_by, grades) come from add_citation_links, for a page of hits at once.
// Throws Error(kCorrupt) when its record cannot be read.
Hit make_hit(IndexHandle& handle, const std::string& index_dir, const Xapian::Document& doc,
             std::size_t rank, double score, const HighlightTerms& highlights,
             std::size_t snippet_chars);

// `query` restricted by `filter` (an empty filter restricts nothing).
Xapian::Query filtered(const Xapian::Query& query, const Xapian::Query& filter);

}  // namespace treatysearch::search
