// Where an index is read from: a local folder, or shards served by xapian-tcpsrv (remote).
//
// Xapian's remote backend serves what a search needs (postings, documents, values, metadata,
// match spies) but not everything: no revision numbers (each shard's writer records a commit
// number in its metadata instead, schema::kCommitKey) and no synonym table (the vocabulary is in
// metadata, vocabulary.h). Its connection sees one revision until reopened, as a local handle
// does, so snapshots work alike.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "treatysearch/search.h"

namespace treatysearch::search {

struct IndexSource {
  std::string dir;                  // a local index folder; empty when remote
  std::vector<RemoteShard> remote;  // shard k at remote[k]
  RemoteOptions options;

  static IndexSource local(std::string dir);
  static IndexSource served(std::vector<RemoteShard> shards, const RemoteOptions& options);

  bool is_remote() const { return !remote.empty(); }
  // For messages: the folder, or "remote index HOST:PORT,...".
  std::string name() const;

  // Shard k, opened (the local folder's shard k, or a connection to remote[k]). Throws Xapian
  // errors (NetworkError when a shard cannot be reached), Error kInvalidArgument when remote[k]
  // serves another shard.
  Xapian::Database open_shard(unsigned k) const;
  // The commit `shard` (shard k as open_shard gave it) is at: Xapian's revision locally, the
  // number its writer recorded remotely. Throws Xapian errors.
  Xapian::rev revision_of(const Xapian::Database& shard) const;
  // The number of shards: the index's record, checked against the remote shards given (each
  // must record its own place). Throws Error kInvalidArgument for shards missing, extra or out
  // of order, kCorrupt for no valid record; Xapian errors.
  unsigned shard_count(const Xapian::Database& first_shard) const;
};

}  // namespace treatysearch::search
