// The one exception type the treatysearch libraries throw.
//
// Every failure that crosses the public API is a treatysearch::Error carrying an ErrorCode and a
// one-line, human-readable message that names the thing at fault (a file, an index folder, a
// query). Errors from Xapian, ICU and pugixml are translated at the library boundary; their types
// never reach callers. Per-file failures during indexing are NOT thrown: they are values in the
// IngestReport (see indexer.h).
#pragma once

#include <stdexcept>
#include <string>

#include "treatysearch/export.h"

namespace treatysearch {

enum class ErrorCode {
  kInvalidArgument,  // a bad option value or an unusable query (empty, too long, too deep)
  kNotFound,         // an index or a path that does not exist
  kCorrupt,          // an index that cannot be read; run `treaty-index --check`
  kVersionMismatch,  // an index written with another schema version
  // Another writer holds the index: for a writer, its lock; for a Searcher call, commits that
  // discarded the revision it read through every retry (the index is fine: try again later).
  kLocked,
  kIo,  // a read or write failed (permissions, disk full)
  kUnsupportedFormat,
  kInternal,
  // A Snapshot whose commit the index no longer keeps (a writer committed since): take a new
  // snapshot (search.h).
  kSnapshotExpired,
  // A remote shard (Searcher::open_remote) could not be reached, broke the connection or did
  // not answer within RemoteOptions' time-outs; the message names it (host:port).
  kUnavailable,
};

class TREATYSEARCH_API Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace treatysearch
