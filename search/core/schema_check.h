#pragma once

#include <string>

namespace Xapian {
class Database;
}

namespace treatysearch::core {

// Checks the schema and analyzer recorded in an open index. Throws Error kNotFound if `db` is
// not a treatysearch index, kVersionMismatch (with what to do) if it was built by another
// schema or analyzer version. Shared by the searcher and the indexer.
void check_index_schema(const Xapian::Database& db, const std::string& index_dir);

// The shard count recorded in an index opened through its stub (index_layout.h). Throws Error
// kCorrupt if it is missing or out of range.
unsigned read_shard_count(const Xapian::Database& db, const std::string& index_dir);

}  // namespace treatysearch::core
