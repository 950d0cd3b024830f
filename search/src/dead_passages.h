// The passages of an index that updates superseded but could not delete (core/tombstones.h),
// as a searcher leaves them out: one value per snapshot, shared by its handles.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "docid_set.h"
#include "metadata_keys.h"
#include "tombstones.h"

namespace treatysearch::search {

class DeadPassages {
 public:
  // The tombstones of `shards` (in the index's order) at their current revisions: one walk of
  // each shard's metadata keys. Throws Xapian errors.
  static std::shared_ptr<const DeadPassages> read(const std::vector<Xapian::Database>& shards,
                                                  core::Backend backend);

  bool empty() const { return tombstones_.empty(); }
  std::uint64_t count() const { return count_; }  // as the tombstones count them

  // The OR of the tombstones' queries, for one thread; empty when there are none. (Built per
  // handle, not shared: Xapian counts a query's references without atomics.)
  Xapian::Query query() const;

  // Whether document `docid` of the database combining `shards` (shard k's document d is
  // (d - 1) * shards + k + 1) is dead. The ids are read from `shards`' posting lists at the
  // first call (most searches never ask), then shared; thread-safe, if each caller passes
  // shards of its own at this snapshot's revisions. Throws Xapian errors (and reads again at
  // the next call).
  bool contains(Xapian::docid docid, const std::vector<Xapian::Database>& shards) const;

 private:
  std::vector<std::vector<core::Tombstone>> tombstones_;  // per shard
  std::uint64_t count_ = 0;
  mutable std::mutex ids_mutex_;
  mutable std::optional<DocidSet> ids_;
};

}  // namespace treatysearch::search
