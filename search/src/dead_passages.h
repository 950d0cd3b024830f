// The passages of an index that updates superseded but could not delete (core/tombstones.h),
// as a searcher leaves them out: one value per snapshot, shared by its handles.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "docid_set.h"
#include "metadata_keys.h"
#include "tombstones.h"

namespace treatysearch::search {

struct DeadPassages {
  // Every shard's tombstones (tombstones.h). Not as a Xapian::Query: Xapian counts a query's
  // references without atomics, so one query shared by threads corrupts its count.
  std::vector<core::Tombstone> tombstones;
  // Their documents, by id in the database of all shards (shard k's document d is
  // (d - 1) * shards + k + 1, as Xapian interleaves them).
  DocidSet ids;
  std::uint64_t count = 0;  // as the tombstones count them

  // The OR of the tombstones' queries, for one thread; empty when there are none.
  Xapian::Query query() const;

  // The dead passages of `shards` (in the index's order) at their current revisions. A remote
  // shard sends each dead version's posting list. Throws Xapian errors.
  static std::shared_ptr<const DeadPassages> read(const std::vector<Xapian::Database>& shards,
                                                  core::Backend backend);
};

}  // namespace treatysearch::search
