#include "dead_passages.h"

#include <algorithm>
#include <string>

#include "schema.h"

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
  for (const Xapian::Database& shard : shards) {
    dead->tombstones_.push_back(core::read_tombstones(shard, backend));
    for (const core::Tombstone& tombstone : dead->tombstones_.back())
      dead->count_ += tombstone.dead;
  }
  if (std::all_of(dead->tombstones_.begin(), dead->tombstones_.end(),
                  [](const auto& in_shard) { return in_shard.empty(); }))
    dead->tombstones_.clear();
  return dead;
}

Xapian::Query DeadPassages::query() const {
  std::vector<Xapian::Query> files;
  for (const auto& in_shard : tombstones_)
    for (const core::Tombstone& tombstone : in_shard) files.push_back(tombstone.query());
  if (files.empty()) return {};
  return Xapian::Query(Xapian::Query::OP_OR, files.begin(), files.end());
}

bool DeadPassages::contains(Xapian::docid docid,
                            const std::vector<Xapian::Database>& shards) const {
  if (tombstones_.empty()) return false;
  std::lock_guard lock(ids_mutex_);
  if (!ids_) {
    const auto count = static_cast<Xapian::docid>(shards.size());
    Xapian::docid last = 0;
    for (Xapian::docid k = 0; k < count; ++k)
      last = std::max(last, shards[k].get_lastdocid() * count);
    DocidSet ids(last);
    for (Xapian::docid k = 0; k < count; ++k) {
      for (const core::Tombstone& tombstone : tombstones_[k]) {
        const std::vector<Xapian::docid> live =
            tombstone.live == 0
                ? std::vector<Xapian::docid>()
                : postings_of(shards[k], core::version_term(tombstone.file_key, tombstone.live));
        for (const Xapian::docid id :
             postings_of(shards[k], core::schema::file_term(tombstone.file_key)))
          if (!std::binary_search(live.begin(), live.end(), id))
            ids.insert((id - 1) * count + k + 1);
      }
    }
    ids_ = std::move(ids);
  }
  return ids_->contains(docid);
}

}  // namespace treatysearch::search
