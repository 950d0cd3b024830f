#include "like_matcher.h"

#include <algorithm>

#include "searcher_hits.h"

namespace treatysearch::search {

Xapian::Query tier_query(const Xapian::Query& words, const SimilarTier& tier) {
  return Xapian::Query(Xapian::Query::OP_AND_NOT, filtered(words, tier.filter), tier.exclusion);
}

LikeMatcher::LikeMatcher(const std::vector<Xapian::Database>& shards,
                         const std::vector<WeighedWord>& words, bool remote)
    : shards_(shards), like_(similarity_query(words)), serialised_like_(like_.serialise()) {
  if (remote) return;
  scores_ = on_each_shard(shards.size(),
                          [&](std::size_t k) { return ShardScores::add_up(shards[k], words); });
}

std::uint64_t LikeMatcher::estimate(const SimilarTier& tier) const {
  return match_shards(shards_, tier_query(like_, tier), MatchSettings{}, {}, 0, 0, 0).estimated;
}

ShardedMSet LikeMatcher::match(const SimilarTier& tier, std::size_t first, std::size_t maxitems,
                               std::size_t check_at_least, bool estimate_full_page) const {
  if (maxitems == 0) return {{}, estimate_full_page ? estimate(tier) : 0};
  const Xapian::Query by_words = tier_query(like_, tier);
  ShardedMSet page =
      scores_.empty()
          ? match_shards(shards_, by_words, MatchSettings{}, {}, first, maxitems, check_at_least)
          : match_by_scores(tier, by_words, first, maxitems, check_at_least);
  if (page.matches.size() == maxitems) page.estimated = estimate_full_page ? estimate(tier) : 0;
  return page;
}

ShardedMSet LikeMatcher::match_by_scores(const SimilarTier& tier, const Xapian::Query& by_words,
                                         std::size_t first, std::size_t maxitems,
                                         std::size_t check_at_least) const {
  const std::size_t needed = first + maxitems;
  const std::string filter = tier.filter.empty() ? std::string() : tier.filter.serialise();
  const std::string exclusion = tier.exclusion.serialise();
  // The tier's constraints, rebuilt in each shard's thread (Xapian counts references without
  // atomics), around `words`.
  const auto in_tier = [&](const Xapian::Query& words) {
    return tier_query(words, {filter.empty() ? Xapian::Query() : Xapian::Query::unserialise(filter),
                              Xapian::Query::unserialise(exclusion)});
  };
  const std::size_t asked = std::max<std::size_t>(2 * needed, needed + kSpareCandidates);
  if (asked > kMaxCandidates)
    return match_shards(shards_, by_words, MatchSettings{}, {}, first, maxitems, check_at_least);
  // The tier's passages by score, a few past the page.
  const ShardedMSet scored = match_shards(
      shards_,
      [&](std::size_t k) {
        return in_tier(Xapian::Query((new ListedPassages(scores_[k]))->release()));
      },
      MatchSettings{}, {}, 0, asked, asked);
  std::vector<std::vector<Xapian::docid>> listed(shards_.size());
  const bool whole_tier = scored.matches.size() < asked;
  const double lowest = whole_tier ? 0 : scored.matches[needed - 1].weight * (1 - kRounding);
  if (whole_tier || scored.matches.back().weight < lowest) {
    for (const ShardedMatch& match : scored.matches) listed[match.shard].push_back(match.docid);
  } else {
    // Ties (copies of one paragraph) down past the last one scored: every passage scored as
    // high, of any tier (the query keeps the tier's), if there are not too many.
    std::size_t count = 0;
    for (std::size_t k = 0; k < shards_.size(); ++k) {
      const ShardScores& shard = *scores_[k];
      for (std::size_t i = 0; i < shard.docids.size(); ++i)
        if (shard.scores[i] >= lowest) listed[k].push_back(shard.docids[i]);
      count += listed[k].size();
    }
    if (count > kMaxCandidates)
      return match_shards(shards_, by_words, MatchSettings{}, {}, first, maxitems, check_at_least);
  }
  std::vector<std::shared_ptr<const ShardScores>> candidates;
  for (std::vector<Xapian::docid>& docids : listed) {
    std::sort(docids.begin(), docids.end());
    candidates.push_back(ShardScores::listing(std::move(docids)));
  }
  ShardedMSet page = match_shards(
      shards_,
      [&](std::size_t k) {
        return Xapian::Query(Xapian::Query::OP_FILTER,
                             in_tier(Xapian::Query::unserialise(serialised_like_)),
                             Xapian::Query((new ListedPassages(candidates[k]))->release()));
      },
      MatchSettings{}, {}, first, maxitems, check_at_least);
  // Every passage of the tier was scored: its count is exact, as the OR's would be.
  if (whole_tier) page.estimated = scored.estimated;
  return page;
}

}  // namespace treatysearch::search
