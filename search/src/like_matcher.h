// The matching of one tier of similar passages (Searcher::similar): the OR of a passage's
// telling words within the tier, ranked by Xapian, found quickly on local shards.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "shard_match.h"
#include "similarity_scores.h"

namespace treatysearch::search {

// A tier of similar passages: the passages `filter` admits (empty: all) that `exclusion` does
// not match.
struct SimilarTier {
  Xapian::Query filter;
  Xapian::Query exclusion;
};

// `words` (the OR of the telling words, or passages scored by them) within a tier.
Xapian::Query tier_query(const Xapian::Query& words, const SimilarTier& tier);

// Matches a tier of similar passages as match_shards(tier_query(like, tier), ...) would: the
// same page, to the last bit of each weight, and the same total, whatever the shards.
//
// A full page's total is the OR's estimate before matching (an estimate-only match), not
// what a match that stops at the page has estimated by then, which depends on how it got
// there: so both ways of finding the page give the same total.
//
// Local shards: the words' scores, added up on each shard (similarity_scores.h), rank the tier's
// passages. A passage's score and Xapian's weight differ only by the rounding of their sums
// (kRounding), so only the tier's passages scored at least (1 - kRounding) times the
// `first + maxitems`-th score can be on the page: Xapian's OR weighs just those, and ranks them
// as it would rank the whole tier. When that bar ties more passages than were scored (copies of
// one paragraph), they are taken from the scores, of any tier, as long as they are at most
// kMaxCandidates; past that, the OR matches the tier.
//
// Not thread-safe (one call at a time); `shards` must outlive it. The constructor and match()
// throw Xapian errors.
class LikeMatcher {
 public:
  // The query `like` is similarity_query(words). `remote`: the shards are served by
  // xapian-tcpsrv (no scores: the OR matches every tier).
  LikeMatcher(const std::vector<Xapian::Database>& shards, const std::vector<WeighedWord>& words,
              bool remote);

  const Xapian::Query& like() const { return like_; }

  // Matches first+1 .. first+maxitems of `tier`, with at least check_at_least passages looked
  // at, as match_shards does (an estimate only when maxitems is 0). A full page's `estimated`
  // is estimate(tier), or 0 when `estimate_full_page` is false (the caller estimates the tiers
  // left at once: Tier::estimate_from_here).
  ShardedMSet match(const SimilarTier& tier, std::size_t first, std::size_t maxitems,
                    std::size_t check_at_least, bool estimate_full_page = true) const;
  // The OR's estimate of the passages of `tier` (an estimate-only match: every word's posting
  // list opened on every shard, none read).
  std::uint64_t estimate(const SimilarTier& tier) const;

  // Relative difference allowed between a passage's score and its weight: far above the
  // rounding of a sum of ResultLimits::kSimilarTerms products of doubles (about 1e-15).
  static constexpr double kRounding = 1e-9;
  // Passages scored past the page, so that the last one is below the page's lowest score
  // (ties aside).
  static constexpr std::size_t kSpareCandidates = 10;
  // Passages Xapian's OR weighs at most (past this, the OR matches the tier).
  static constexpr std::size_t kMaxCandidates = 2000;

 private:
  ShardedMSet match_by_scores(const SimilarTier& tier, const Xapian::Query& by_words,
                              std::size_t first, std::size_t maxitems,
                              std::size_t check_at_least) const;

  const std::vector<Xapian::Database>& shards_;
  Xapian::Query like_;
  std::string serialised_like_;
  std::vector<std::shared_ptr<const ShardScores>> scores_;  // empty: remote shards
};

}  // namespace treatysearch::search
