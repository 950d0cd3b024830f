#include "dead_passages.h"

#include <algorithm>
#include <string>

#include "index_layout.h"

namespace treatysearch::search {

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
      last = std::max(last, core::layout::combined_docid(k, shards[k].get_lastdocid(), count));
    DocidSet ids(last);
    for (Xapian::docid k = 0; k < count; ++k)
      for (const core::Tombstone& tombstone : tombstones_[k])
        for (const Xapian::docid id : core::superseded_docids(shards[k], tombstone))
          ids.insert(core::layout::combined_docid(k, id, count));
    ids_ = std::move(ids);
  }
  return ids_->contains(docid);
}

}  // namespace treatysearch::search
