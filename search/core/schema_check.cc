#include "schema_check.h"

#include <xapian.h>

#include <cstdlib>

#include "analyzer.h"
#include "index_layout.h"
#include "schema.h"
#include "treatysearch/error.h"
#include "treatysearch/version.h"

namespace treatysearch::core {

void check_index_schema(const Xapian::Database& db, const std::string& index_dir) {
  const std::string version = db.get_metadata(schema::kSchemaKey);
  if (version.empty())
    throw Error(ErrorCode::kNotFound,
                index_dir + ": not a treatysearch index (no schema version recorded)");
  const std::string rebuild = "; delete the folder and run treaty-index again to rebuild it";
  if (version != std::to_string(kSchemaVersion))
    throw Error(ErrorCode::kVersionMismatch, index_dir + ": index has schema version " + version +
                                                 " but this build uses " +
                                                 std::to_string(kSchemaVersion) + rebuild);
  const std::string analyzer = db.get_metadata(schema::kAnalyzerKey);
  if (analyzer != kAnalyzerId)
    throw Error(ErrorCode::kVersionMismatch, index_dir + ": index was built with analyzer '" +
                                                 analyzer + "' but this build uses '" +
                                                 kAnalyzerId + "'" + rebuild);
}

unsigned read_shard_count(const Xapian::Database& db, const std::string& index_dir) {
  const int shards = std::atoi(db.get_metadata(layout::kShardCountKey).c_str());
  if (shards < 1 || shards > static_cast<int>(layout::kMaxShards))
    throw Error(ErrorCode::kCorrupt,
                index_dir + ": index records no valid shard count; rebuild it");
  return static_cast<unsigned>(shards);
}

}  // namespace treatysearch::core
