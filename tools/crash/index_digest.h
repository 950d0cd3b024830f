// What the crash tool knows of an index: for every file it holds, whether the file's record is
// there and how many passages it has. Read straight from the shards with Xapian, not through the
// library under test, so a library bug cannot hide itself.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace treatysearch::crash {

struct FileState {
  bool recorded = false;     // a "file:<key>" record is in the file's shard
  std::size_t passages = 0;  // documents carrying the file's "K<key>" term, less superseded ones
  bool operator==(const FileState&) const = default;
};

// File key (schema.h) -> state. A file absent from the map has neither record nor passages.
using IndexDigest = std::map<std::string, FileState>;

// Reads the digest of the index folder `index_dir` (the stub and its shards). Throws
// std::runtime_error when the index cannot be opened or read.
IndexDigest read_digest(const std::string& index_dir);

// Runs Xapian's own consistency check on every shard of `index_dir`; returns one line per
// shard that fails (empty when all pass). Never throws.
std::vector<std::string> check_shards(const std::string& index_dir);

// The files whose state in `actual` is none of the states `allowed` gives them (a file missing
// from an allowed digest counts as absent there). One line per offending file.
std::vector<std::string> unexpected_files(const IndexDigest& actual,
                                          const std::vector<const IndexDigest*>& allowed);

}  // namespace treatysearch::crash
