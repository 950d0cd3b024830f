// The writers of an index's shards (index_layout.h), each on its own thread: Xapian's writer is
// single-threaded and is most of the indexing time, so shards written in parallel are what lets
// indexing use every core. Each file lives in one shard, so a file's replacement stays atomic.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "index_writer.h"

namespace treatysearch::ingest {

class ShardPool {
 public:
  // Opens the index at `dir` for writing, creating it with `shards_for_new_index` shards (0:
  // one per core) if missing. A new index is built whole in a sibling temporary folder, with
  // Xapian's fast unsynced writing (WriteMode::kBulk), and published by the first commit()
  // (index_publish.h); later changes are written in place, safely (WriteMode::kSafe). So a
  // crash never leaves a folder that cannot be opened: before the first commit it leaves no
  // index (the next run removes the abandoned folder), after it the last commit.
  // A new index gets Xapian's term lists only if `term_lists_for_new_index`
  // (IndexerOptions::term_lists).
  // Throws Error: kLocked, kVersionMismatch, kCorrupt, kIo, kInvalidArgument.
  ShardPool(const std::string& dir, std::uint64_t flush_bytes, unsigned shards_for_new_index,
            bool term_lists_for_new_index);
  // Drains and commits; errors are swallowed (call commit() to see them). A new index that no
  // job was submitted to and that was never committed is discarded, not published.
  ~ShardPool();

  using Job = std::function<void(IndexWriter&)>;

  // Runs `job` on the thread of the shard holding `file_key`, after the jobs queued before it
  // for that shard. Blocks while that shard's queue is full. Rethrows (on this thread) an error
  // an earlier job raised.
  void submit(const std::string& file_key, Job job);

  // Waits until every queued job has run; rethrows the first error a job raised.
  void drain();

  // Drains, records the languages present, and commits every shard; publishes a new index.
  // After a failure to publish, every later call throws that error.
  void commit();

  // REQUIRES: no job running (call drain() first, or before any submit()).
  std::optional<core::FileRecord> file_record(const std::string& file_key);
  std::vector<std::pair<std::string, core::FileRecord>> file_records();

  // Notes a language present in the index (written at the next commit).
  void add_language(const std::string& language);

  const std::string& dir() const { return dir_; }
  // The shard holding `file_key` (what submit() runs its job on). Thread-safe: the shard count
  // is fixed when the pool is made.
  unsigned shard_of(const std::string& file_key) const;

 private:
  struct Shard;
  void run(Shard& shard);
  void rethrow_first_error();
  void open_writers();
  void publish();
  void discard_build();
  void release_build_lock();
  IndexWriter& writer_of(Shard& shard);  // throws the shard's error, if any

  std::string dir_;
  std::uint64_t flush_bytes_;
  std::string build_dir_;   // while a new index is being built: the folder it is built in
  int build_lock_fd_ = -1;  // while a new index is being built: the lock on its final folder
  bool remove_dir_if_unpublished_ = false;  // we created that folder: remove it if abandoned
  bool build_published_ = false;
  bool submitted_ = false;  // a job was submitted (the destructor then commits)
  std::vector<std::unique_ptr<Shard>> shards_;
  std::set<std::string> languages_;
  bool languages_changed_ = false;
};

}  // namespace treatysearch::ingest
