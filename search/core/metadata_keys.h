// One way to walk a shard's metadata keys under a prefix.
#pragma once

#include <xapian.h>

#include <string>

namespace treatysearch::core {

// Where a database is read: a folder on this machine, or a shard served by xapian-tcpsrv.
enum class Backend { kLocal, kRemote };

// Calls visit(key) for each metadata key of `db` starting with `prefix` (not empty), in key
// order, until visit returns false. Throws what Xapian throws (DatabaseModifiedError when a
// local `db`'s revision has been discarded by the writer).
//
// Why a local walk reads the prefix's value first: Xapian 1.4's glass backend leaks the key
// list's cursor and its two blocks (16 KB) when opening the list meets a discarded revision
// (GlassMetadataTermList's constructor positions a raw cursor member that only its destructor
// would free, and the constructor throws). get_metadata reads the same table through the
// table's own cursor, so a discarded revision throws there, with nothing to leak, and the retry
// policy takes over. A remote shard is not read so: the server opens its revision per request,
// and the read would cost an exchange.
template <typename Visit>
void visit_metadata_keys(const Xapian::Database& db, Backend backend, const std::string& prefix,
                         Visit&& visit) {
  if (backend == Backend::kLocal) (void)db.get_metadata(prefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
    if (!visit(*it)) return;
}

}  // namespace treatysearch::core
