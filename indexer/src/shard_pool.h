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
  // one per core) if missing. A new index is built in a sibling temporary folder and renamed
  // into place once complete, so a crash during creation never leaves a folder that cannot be
  // opened. Throws Error: kLocked, kVersionMismatch, kCorrupt, kIo, kInvalidArgument.
  ShardPool(const std::string& dir, std::uint64_t flush_bytes, unsigned shards_for_new_index);
  ~ShardPool();  // drains and commits; errors are swallowed (call commit() to see them)

  using Job = std::function<void(IndexWriter&)>;

  // Runs `job` on the thread of the shard holding `file_key`, after the jobs queued before it
  // for that shard. Blocks while that shard's queue is full. Rethrows (on this thread) an error
  // an earlier job raised.
  void submit(const std::string& file_key, Job job);

  // Waits until every queued job has run; rethrows the first error a job raised.
  void drain();

  // Drains, records the languages present, and commits every shard.
  void commit();

  // REQUIRES: no job running (call drain() first, or before any submit()).
  std::optional<core::FileRecord> file_record(const std::string& file_key);
  std::vector<std::pair<std::string, core::FileRecord>> file_records();

  // Notes a language present in the index (written at the next commit).
  void add_language(const std::string& language);

  const std::string& dir() const { return dir_; }

 private:
  struct Shard;
  void run(Shard& shard);
  void rethrow_first_error();

  std::string dir_;
  std::vector<std::unique_ptr<Shard>> shards_;
  std::set<std::string> languages_;
  bool languages_changed_ = false;
};

}  // namespace treatysearch::ingest
