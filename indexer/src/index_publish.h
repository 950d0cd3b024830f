// A new index is built in a private temporary folder beside its final place and renamed into
// place once complete (shard_pool.cc), so that readers never see a half-built index and the
// build can use Xapian's fast unsynced, in-place writing (index_writer.h, WriteMode::kBulk).
#pragma once

#include <string>

namespace treatysearch::ingest {

// Claims the right to build the new index `dir`: creates `dir` as an empty folder if missing
// and takes an exclusive lock on it, which a second writer finds (the build itself happens in
// a folder of this process's own). Returns the descriptor holding the lock; closing it
// releases the lock. Throws Error kLocked if another writer holds it, kIo naming `dir`.
int claim_new_index(const std::string& dir);

// "<dir>.tmp-<pid>": the folder this process builds `dir` in.
std::string build_folder_for(const std::string& dir);

// Removes "<dir>.tmp-<pid>" folders left by builds whose process is gone (a crash or a kill);
// folders of live processes are left alone. Never throws.
void remove_abandoned_builds(const std::string& dir);

// Makes every file under `build` durable (fsync), then renames `build` to `dir` and syncs the
// parent folder. Throws Error kIo naming `dir` if a step fails, kLocked if `dir` appeared
// meanwhile (another writer created the index first); `build` is then left for the caller.
void publish_build(const std::string& build, const std::string& dir);

}  // namespace treatysearch::ingest
