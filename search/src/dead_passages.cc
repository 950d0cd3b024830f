#include "dead_passages.h"

#include <algorithm>
#include <string>

#include "schema.h"
#include "tombstones.h"

namespace treatysearch::search {

namespace {

// The ids in `shard` of `term`'s postings, in increasing order.
std::vector<Xapian::docid> postings_of(const Xapian::Database& shard, const std::string& term) {
  std::vector<Xapian::docid> ids;
  for (auto it = shard.postlist_begin(term); it != shard.postlist_end(term); ++it)
    ids.push_back(*it);
  return ids;
}

}  // namespace

std::shared_ptr<const DeadPassages> DeadPassages::read(const std::vector<Xapian::Database>& shards,
                                                       core::Backend backend) {
  auto dead = std::make_shared<DeadPassages>();
  const auto count = static_cast<Xapian::docid>(shards.size());
  std::vector<std::vector<core::Tombstone>> tombstones(shards.size());
  Xapian::docid last = 0;
  for (Xapian::docid k = 0; k < count; ++k) {
    tombstones[k] = core::read_tombstones(shards[k], backend);
    if (!tombstones[k].empty()) last = std::max(last, shards[k].get_lastdocid() * count);
  }
  if (last == 0) return dead;
  dead->ids = DocidSet(last);
  for (Xapian::docid k = 0; k < count; ++k) {
    for (const core::Tombstone& tombstone : tombstones[k]) {
      dead->count += tombstone.dead;
      dead->tombstones.push_back(tombstone);
      const std::vector<Xapian::docid> live =
          tombstone.live == 0
              ? std::vector<Xapian::docid>()
              : postings_of(shards[k], core::version_term(tombstone.file_key, tombstone.live));
      for (const Xapian::docid id :
           postings_of(shards[k], core::schema::file_term(tombstone.file_key)))
        if (!std::binary_search(live.begin(), live.end(), id))
          dead->ids.insert((id - 1) * count + k + 1);
    }
  }
  return dead;
}

Xapian::Query DeadPassages::query() const {
  if (tombstones.empty()) return {};
  std::vector<Xapian::Query> files;
  for (const core::Tombstone& tombstone : tombstones) files.push_back(tombstone.query());
  return Xapian::Query(Xapian::Query::OP_OR, files.begin(), files.end());
}

}  // namespace treatysearch::search
