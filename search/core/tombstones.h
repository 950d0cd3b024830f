// Superseded passages of shards written without a term list.
//
// A new index is built without Xapian's term list table (DB_NO_TERMLIST) unless asked
// (IndexerOptions::term_lists): it took a quarter of the indexing CPU and two fifths of the
// index, and a local search can do without it. But Xapian 1.4
// cannot delete or replace a document without its term list, so an update of such a shard adds
// the file's new passages and leaves the old ones in place, marked dead, as Lucene marks deleted
// documents until a merge drops them:
//   - the passages of a file's later version carry the term G<file key>:<docid of its first
//     passage> (a file's first version needs none);
//   - the file's tombstone, a metadata key of its shard written in the same commit, names that
//     docid, 0 when the file was removed, and how many of the file's passages are dead;
//   - a searcher leaves out, for each tombstone, the passages of the file (K-term) without the
//     live version's term (IndexHandle::live), and counts them out of the index's passages.
// So there is one tombstone per file ever replaced or removed, however often, and a search's
// cost grows with the superseded passages of those files, not with the number of updates.
// A shard that has its term list (built with IndexerOptions::term_lists, or before this
// change) is updated in place, without tombstones.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metadata_keys.h"

namespace treatysearch::core {

inline constexpr const char* kVersionPrefix = "G";
// Keys: the prefix, the file key, "/", the live version's first docid (0: removed), "/", the
// dead passages. All in the key, so that reading a remote shard's tombstones is one walk.
inline constexpr const char* kTombstonePrefix = "treatysearch.dead:";

// The term of the passages of a later version of a file whose first passage is `first`.
std::string version_term(std::string_view file_key, Xapian::docid first);

struct Tombstone {
  std::string file_key;
  Xapian::docid live = 0;  // the first docid of the live version; 0: the file was removed
  std::uint64_t dead = 0;  // the file's passages superseded, in every earlier version

  std::string key() const;
  // The file's dead passages: its K-term without the live version's G-term.
  Xapian::Query query() const;
};

// The tombstones of one shard, in key order. Throws Xapian errors.
std::vector<Tombstone> read_tombstones(const Xapian::Database& shard, Backend backend);

// The tombstone of one file, if it has one. Throws Xapian errors.
std::optional<Tombstone> read_tombstone(const Xapian::Database& shard, std::string_view file_key);

// The ids in `shard` of the passages `tombstone` names dead, in increasing order: the file's
// K-term postings without the live version's G-term postings. Throws Xapian errors.
std::vector<Xapian::docid> superseded_docids(const Xapian::Database& shard,
                                             const Tombstone& tombstone);

// Whether the shard folder on this machine has Xapian's term list table.
bool has_term_list(const std::string& shard_dir);

}  // namespace treatysearch::core
