#include "searcher_hits.h"

#include <algorithm>

#include "citation_links.h"

#include "passage_lookup.h"
#include "passage_record.h"
#include "snippet.h"

namespace treatysearch::search {

void check_page_options(const SearchOptions& options) {
  if (options.limit > QueryLimits::kMaxPageSize)
    throw Error(ErrorCode::kInvalidArgument, "limit " + std::to_string(options.limit) +
                                                 " is over the maximum of " +
                                                 std::to_string(QueryLimits::kMaxPageSize));
  // limit is at most kMaxPageSize here, so this cannot wrap around as offset + limit could.
  if (options.offset > QueryLimits::kMaxWindow - options.limit)
    throw Error(ErrorCode::kInvalidArgument, "offset " + std::to_string(options.offset) +
                                                 " + limit " + std::to_string(options.limit) +
                                                 " is over the maximum of " +
                                                 std::to_string(QueryLimits::kMaxWindow));
  if (options.filters.year_from && options.filters.year_to &&
      *options.filters.year_from > *options.filters.year_to)
    throw Error(ErrorCode::kInvalidArgument,
                "year range is empty: " + std::to_string(*options.filters.year_from) + ".." +
                    std::to_string(*options.filters.year_to));
}

std::string passage_id(const std::string& file_key, std::uint32_t ordinal) {
  return file_key + ":" + std::to_string(ordinal);
}

namespace {

// Superseded matches counted exactly at most (Tier::superseded): a bound on the correction's
// cost when updates superseded that many passages of one query.
constexpr std::size_t kMaxSupersededCounted = 1'000'000;

}  // namespace

Xapian::Query filtered(const Xapian::Query& query, const Xapian::Query& filter) {
  return filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

TieredPage page_through_tiers(const std::vector<Xapian::Database>& shards,
                              const MatchSettings& settings, const std::vector<Tier>& tiers,
                              std::size_t offset, std::size_t limit) {
  TieredPage page;
  // A tier's estimated count (`estimated`), corrected for its superseded matches
  // (Tier::superseded).
  const auto live_estimate = [&](const Tier& tier, std::uint64_t estimated) {
    if (tier.superseded.empty() || tier.match) return estimated;
    const std::uint64_t all =
        match_shards(shards, tier.with_superseded, settings, tier.make_check, 0, 0, 0).estimated;
    const std::uint64_t dead = match_shards(shards, tier.superseded, settings, tier.make_check, 0,
                                            0, kMaxSupersededCounted)
                                   .estimated;
    return all > dead ? all - dead : 0;
  };
  std::size_t skip = offset;  // matches still to skip, counted from the current tier
  std::size_t wanted = limit;
  std::uint64_t before = 0;  // matches of the tiers before the current one
  for (const Tier& tier : tiers) {
    const auto match = [&](std::size_t first, std::size_t maxitems, std::size_t check_at_least) {
      return tier.match ? tier.match(first, maxitems, check_at_least)
                        : match_shards(shards, tier.query, settings, tier.make_check, first,
                                       maxitems, check_at_least);
    };
    if (wanted == 0) {
      // The page is full: this tier only adds to the estimated total.
      if (tier.estimate_from_here) {
        page.total += tier.estimate_from_here();
        return page;
      }
      page.total += live_estimate(tier, match(0, 0, 0).estimated);
      continue;
    }
    ShardedMSet mset = match(skip, wanted, skip + wanted);
    // When this page is not filled, fewer than skip + wanted passages match this tier, and
    // check_at_least made their count exact.
    const std::size_t shown = mset.matches.size();
    // (Exact when the page is not filled; else an estimate, corrected.)
    const std::uint64_t count =
        shown < wanted ? mset.estimated
                       : std::max<std::uint64_t>(live_estimate(tier, mset.estimated), skip + shown);
    wanted -= std::min<std::size_t>(wanted, shown);
    if (shown > 0)
      page.slices.push_back({std::move(mset.matches), static_cast<std::size_t>(before) + skip + 1});
    if (wanted == 0 && tier.estimate_from_here) {
      // Never fewer than the passages ranked so far, whatever the estimate.
      page.total =
          std::max<std::uint64_t>(page.total + tier.estimate_from_here(), before + skip + shown);
      return page;
    }
    skip = skip > count ? skip - static_cast<std::size_t>(count) : 0;
    before += count;
    page.total += count;
  }
  return page;
}

Hit make_hit(IndexHandle& handle, const std::string& index_dir, const Xapian::Document& doc,
             std::size_t rank, double score, const HighlightTerms& highlights,
             std::size_t snippet_chars) {
  core::PassageRecord record = decode_or_throw(handle, doc, index_dir);
  Hit hit;
  hit.rank = rank;
  hit.score = score;
  hit.id = passage_id(record.file_key, record.ordinal);
  hit.document = handle.document_info(record.file_key);
  hit.citation = std::move(record.citation);
  hit.paragraph = std::move(record.label);
  hit.section = std::move(record.section);
  hit.first_page = static_cast<int>(record.first_page);
  hit.last_page = static_cast<int>(record.last_page);
  hit.language = record.language.empty() ? hit.document.language : std::move(record.language);
  if (snippet_chars == kWholeTextSnippet)
    hit.snippet.text = record.text;
  else
    hit.snippet =
        make_snippet(record.text, hit.language, highlights, handle.analyzer, snippet_chars);
  hit.text = std::move(record.text);
  for (core::Reference& reference : record.references) {
    CitedReference cited;
    cited.citation =
        reference.symbol.empty()
            ? (reference.document.empty() ? "unidentified document" : reference.document)
            : reference.symbol;
    if (!reference.label.empty()) cited.citation += ", para. " + reference.label;
    cited.symbol = std::move(reference.symbol);
    cited.paragraph = std::move(reference.label);
    cited.grade = std::move(reference.grade);
    cited.inferred = reference.inferred;
    hit.cites.push_back(std::move(cited));
  }
  return hit;
}

}  // namespace treatysearch::search
