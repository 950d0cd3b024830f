// One ranked match run on each shard alone, the shards in parallel threads, and merged.
//
// Why: Xapian 1.4 matches the shards of a combined database one after the other in one
// thread. Scores do not depend on the shard (ranking.h: each word's idf is a factor computed
// from the whole index), so each shard can be matched alone and the results merged exactly as
// the combined database orders them: by weight (or date, then weight), then by the combined
// document id. Each thread gets its own copy of the query (rebuilt from its serialised form:
// Xapian counts references without atomics) and its own passage check.
//
// The passage check (passage_check.h: phrases, connectors) runs here, in the client, on the
// candidates Xapian ranks, never inside Xapian as a MatchDecider: Xapian 1.4's remote backend
// refuses a MatchDecider, and a stock xapian-tcpsrv can run nothing of ours. Candidates are
// checked in rank order, in windows that grow, until the page is full, so the page is what a
// decider would have given; the total is exact when every candidate was checked and otherwise
// the candidates' estimate scaled by the share accepted (SearchResult::total is an estimate).
// Local and remote shards take the same path, so they give the same results.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

#include "passage_check.h"
#include "shard_workers.h"

namespace treatysearch::search {

// `per_shard(k)` for each shard k < count, on this thread and the process's shard workers
// (shard_workers.h; all in this thread, one after the other, when `in_parallel` is false); the
// results in shard order. What a shard throws is rethrown here, once every shard has finished.
// Whatever per_shard touches of Xapian's must be its own shard's or its own copy (Xapian counts
// references without atomics): pass a query as its serialised form.
template <typename PerShard>
auto on_each_shard(std::size_t count, PerShard per_shard, bool in_parallel = true) {
  using Result = std::invoke_result_t<PerShard&, std::size_t>;
  std::vector<std::optional<Result>> done(count);
  const std::function<void(std::size_t)> task = [&](std::size_t k) {
    done[k].emplace(per_shard(k));
  };
  if (in_parallel) {
    ShardWorkers::instance().run(count, task);
  } else {
    for (std::size_t k = 0; k < count; ++k) task(k);
  }
  std::vector<Result> results;
  results.reserve(count);
  for (std::optional<Result>& result : done) results.push_back(std::move(*result));
  return results;
}

// Makes a passage check for one thread's use (a check is not thread-safe); an empty factory
// means no check.
using CheckFactory = std::function<std::unique_ptr<PassageCheck>()>;

enum class MatchOrder { kRelevance, kDateDescending, kDateAscending };

struct MatchSettings {
  MatchOrder order = MatchOrder::kRelevance;  // dates: then by relevance
  bool one_per_file = false;                  // collapse on the file key (a file is in one shard)
  bool remote = false;                        // the shards are remote (xapian-tcpsrv)
};

struct ShardedMatch {
  Xapian::Document document;  // from its own shard
  double weight = 0;
  std::size_t shard = 0;    // index into the shards matched
  Xapian::docid docid = 0;  // in that shard
};

struct ShardedMSet {
  std::vector<ShardedMatch> matches;  // ranks first + 1 .. first + matches.size()
  std::uint64_t estimated = 0;        // matches of all shards; exact when below check_at_least
};

// The matches of one Enquire that a check accepted, in the Enquire's order.
struct CheckedMatch {
  Xapian::Document document;
  double weight = 0;
  Xapian::docid docid = 0;  // in the Enquire's database
};
struct CheckedMSet {
  std::vector<CheckedMatch> matches;
  std::uint64_t estimated = 0;  // exact when every candidate was checked
};

// The first `wanted` matches of `enquire` (its query, weighting and order set) that `check`
// accepts (all matches when `check` is null), with at least `check_at_least` candidates
// checked. `collapse_slot` (or Xapian::BAD_VALUENO) keeps only the first accepted match of
// each value of that slot, as Enquire::set_collapse_key(slot, 1) would after a decider.
// Throws what Xapian throws.
CheckedMSet checked_mset(Xapian::Enquire& enquire, const PassageCheck* check, std::size_t wanted,
                         std::size_t check_at_least, Xapian::valueno collapse_slot);

// Matches first+1 .. first+maxitems of `query` over `shards`, with at least `check_at_least`
// looked at in each shard (so the estimate is exact when fewer match). Throws what Xapian
// throws (from whichever shard failed).
ShardedMSet match_shards(const std::vector<Xapian::Database>& shards, const Xapian::Query& query,
                         const MatchSettings& settings, const CheckFactory& make_check,
                         std::size_t first, std::size_t maxitems, std::size_t check_at_least);

// The query of shard k, made in the thread that matches it (from serialised forms, or with
// objects of that shard's own: similarity_scores.h).
using ShardQueries = std::function<Xapian::Query(std::size_t shard)>;

// As above, each shard matching its own query.
ShardedMSet match_shards(const std::vector<Xapian::Database>& shards, const ShardQueries& query_of,
                         const MatchSettings& settings, const CheckFactory& make_check,
                         std::size_t first, std::size_t maxitems, std::size_t check_at_least);

}  // namespace treatysearch::search
