#include "shard_match.h"

#include <algorithm>
#include <string>

#include "ranking.h"
#include "result_values.h"
#include "schema.h"

namespace treatysearch::search {

namespace {

struct Candidate {
  ShardedMatch match;
  std::string date;         // MatchOrder by date only
  Xapian::docid combined;   // the id the shards opened as one database give it
};

struct ShardResult {
  std::vector<Candidate> candidates;
  std::uint64_t estimated = 0;
};

// Before `b` in the combined database's order.
bool ranks_before(const Candidate& a, const Candidate& b, MatchOrder order) {
  if (order != MatchOrder::kRelevance && a.date != b.date)
    return order == MatchOrder::kDateDescending ? a.date > b.date : a.date < b.date;
  if (a.match.weight != b.match.weight) return a.match.weight > b.match.weight;
  return a.combined < b.combined;
}

}  // namespace

ShardedMSet match_shards(const std::vector<Xapian::Database>& shards, const Xapian::Query& query,
                         const MatchSettings& settings, const DeciderFactory& make_decider,
                         std::size_t first, std::size_t maxitems, std::size_t check_at_least) {
  const std::string serialised = query.serialise();
  const std::size_t count = shards.size();
  const auto match_shard = [&](std::size_t k) {
    Xapian::Enquire enquire(shards[k]);
    enquire.set_query(Xapian::Query::unserialise(serialised));
    enquire.set_weighting_scheme(ranking_weight());
    if (settings.order != MatchOrder::kRelevance)
      enquire.set_sort_by_value_then_relevance(
          core::schema::kDateSlot, settings.order == MatchOrder::kDateDescending);
    if (settings.one_per_file) enquire.set_collapse_key(core::schema::kFileKeySlot, 1);
    const std::unique_ptr<Xapian::MatchDecider> decider =
        make_decider ? make_decider() : nullptr;
    const auto wanted = static_cast<Xapian::doccount>(first + maxitems);
    const Xapian::MSet mset =
        enquire.get_mset(0, wanted, static_cast<Xapian::doccount>(check_at_least), nullptr,
                         decider.get());
    ShardResult result;
    result.estimated = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Candidate candidate;
      candidate.match.document = it.get_document();
      candidate.match.weight = it.get_weight();
      if (settings.order != MatchOrder::kRelevance)
        candidate.date = candidate.match.document.get_value(core::schema::kDateSlot);
      candidate.combined = static_cast<Xapian::docid>((*it - 1) * count + k + 1);
      result.candidates.push_back(std::move(candidate));
    }
    return result;
  };

  // An estimate alone (nothing to look at) is too cheap to be worth a thread.
  std::vector<ShardResult> results =
      on_each_shard(count, match_shard, maxitems > 0 || check_at_least > 0);

  ShardedMSet merged;
  std::vector<Candidate> all;
  for (ShardResult& result : results) {
    merged.estimated += result.estimated;
    for (Candidate& candidate : result.candidates) all.push_back(std::move(candidate));
  }
  std::sort(all.begin(), all.end(), [&settings](const Candidate& a, const Candidate& b) {
    return ranks_before(a, b, settings.order);
  });
  for (std::size_t i = first; i < all.size() && i < first + maxitems; ++i)
    merged.matches.push_back(std::move(all[i].match));
  return merged;
}

}  // namespace treatysearch::search
