#include "shard_pool.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "analyzer.h"
#include "build_segments.h"
#include "index_layout.h"
#include "index_publish.h"
#include "pair_terms.h"
#include "schema.h"
#include "schema_check.h"
#include "treatysearch/error.h"
#include "treatysearch/version.h"
#include "xapian_errors.h"

namespace treatysearch::ingest {

namespace fs = std::filesystem;
namespace schema = core::schema;
namespace layout = core::layout;

namespace {

// Queued jobs per shard: bounds the analysed documents waiting in memory. Deep enough that a
// shard busy committing does not stall the others (8 cost a third of the throughput; 256
// gained nothing over 64 and doubled peak memory, on the 20 MB benchmark corpus).
constexpr std::size_t kMaxQueuedJobs = 64;

// Creates the shards and stub of a new index in `folder` (index_publish.h renames it into place
// once built).
void create_shards(const fs::path& folder, const std::string& dir, unsigned shards,
                   bool term_lists) {
  std::error_code ec;
  fs::create_directories(folder.parent_path().empty() ? fs::path(".") : folder.parent_path(), ec);
  if (ec) throw Error(ErrorCode::kIo, dir + ": cannot create parent folder: " + ec.message());
  fs::remove_all(folder, ec);
  fs::create_directories(folder, ec);
  if (ec) throw Error(ErrorCode::kIo, dir + ": cannot create index: " + ec.message());
  std::string stub;
  for (unsigned k = 0; k < shards; ++k) {
    // Without Xapian's term list unless asked: a quarter of the indexing CPU and two fifths of
    // the index, which a local search does without; updates leave tombstones (tombstones.h).
    const int no_term_list = term_lists ? 0 : Xapian::DB_NO_TERMLIST;
    Xapian::WritableDatabase db(layout::shard_dir(folder.string(), k),
                                Xapian::DB_CREATE | no_term_list, kShardBlockBytes);
    if (k == 0) {
      db.set_metadata(schema::kSchemaKey, std::to_string(kSchemaVersion));
      db.set_metadata(schema::kAnalyzerKey, core::kAnalyzerId);
      db.set_metadata(layout::kShardCountKey, std::to_string(shards));
      // Every passage of a new index gets the W-terms of this list (pair_terms.h).
      db.set_metadata(schema::kPairWordsKey, std::string(core::kPairWordsVersion));
    }
    db.set_metadata(schema::kShardKey, std::to_string(k) + "/" + std::to_string(shards));
    if (no_term_list) db.set_metadata(schema::kNoTermListKey, "1");
    db.commit();
    stub += "auto shard" + std::to_string(k) + "\n";
  }
  std::ofstream out(folder / layout::kStubFile);
  out << stub;
  if (!out.flush()) throw Error(ErrorCode::kIo, dir + ": cannot write " + layout::kStubFile);
}

// Rewrites each shard of a finished new build compactly (Xapian's compaction: full blocks, the
// free space left by building in place gone; a third smaller on the benchmark corpus), with the
// passages of its build segments merged in (build_segments.h), keeping document ids, before the
// build is published; as many shards at a time as there are cores. Each compacted shard
// replaces its original inside the build folder, which is still private: a crash here leaves
// only a build that remove_abandoned_builds() clears. Throws Error kIo naming `dir`.
void compact_build(const std::string& build, const std::string& dir, unsigned shards) {
  const unsigned parallel = std::clamp(std::thread::hardware_concurrency(), 1u, shards);
  const std::size_t max_sources = max_merge_sources(parallel);
  std::vector<std::exception_ptr> errors(shards);
  std::atomic<unsigned> next_shard{0};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < parallel; ++t) {
    threads.emplace_back([&] {
      for (unsigned k = next_shard++; k < shards; k = next_shard++) {
        try {
          compact_shard(layout::shard_dir(build, k), kShardBlockBytes, max_sources);
        } catch (...) {
          errors[k] = std::current_exception();
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& error : errors) {
    if (!error) continue;
    try {
      std::rethrow_exception(error);
    } catch (const Xapian::Error& e) {
      core::throw_translated(e, dir);
    } catch (const std::exception& e) {
      throw Error(ErrorCode::kIo, dir + ": cannot compact the new index: " + e.what());
    }
  }
}

// Checks an existing index and returns its shard count.
unsigned open_existing(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(dir) / layout::kStubFile, ec)) {
    if (fs::exists(fs::path(dir) / "iamglass", ec))
      throw Error(ErrorCode::kVersionMismatch,
                  dir +
                      ": index has an older layout; delete the folder and run treaty-index "
                      "again to rebuild it");
    throw Error(ErrorCode::kInvalidArgument,
                dir + ": folder exists and is not a treatysearch index (refusing to write in it)");
  }
  const Xapian::Database db(dir);
  core::check_index_schema(db, dir);
  return core::read_shard_count(db, dir);
}

}  // namespace

struct ShardPool::Shard {
  std::unique_ptr<IndexWriter> writer;
  std::thread thread;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Job> jobs;
  bool busy = false;
  bool stopping = false;
  std::exception_ptr error;
};

ShardPool::ShardPool(const std::string& dir, std::uint64_t flush_bytes,
                     unsigned shards_for_new_index, bool term_lists_for_new_index)
    : dir_(dir), flush_bytes_(flush_bytes) {
  remove_abandoned_builds(dir_);
  unsigned count = 0;
  try {
    std::error_code ec;
    if (fs::exists(dir_, ec) && !fs::is_directory(dir_, ec))
      throw Error(ErrorCode::kInvalidArgument, dir_ + ": exists and is not an index folder");
    const bool missing = !fs::exists(dir_, ec) || fs::is_empty(dir_, ec);
    if (missing) {
      const unsigned shards = shards_for_new_index
                                  ? shards_for_new_index
                                  : std::max(1u, std::thread::hardware_concurrency());
      remove_dir_if_unpublished_ = !fs::exists(dir_, ec);
      build_lock_fd_ = claim_new_index(dir_);
      if (!fs::is_empty(dir_, ec))  // another writer created it before we took the lock
        throw Error(ErrorCode::kLocked, dir_ + ": index was created meanwhile; run again");
      build_dir_ = build_folder_for(dir_);
      create_shards(build_dir_, dir_, std::min(shards, layout::kMaxShards),
                    term_lists_for_new_index);
      count = open_existing(build_dir_);
    } else {
      count = open_existing(dir_);
      const Xapian::Database db(dir_);
      for (auto& language : schema::parse_languages(db.get_metadata(schema::kLanguagesKey)))
        languages_.insert(std::move(language));
    }
  } catch (const Xapian::Error& e) {
    discard_build();
    core::throw_translated(e, dir_);
  } catch (...) {
    discard_build();
    throw;
  }
  for (unsigned k = 0; k < count; ++k) shards_.push_back(std::make_unique<Shard>());
  try {
    open_writers();
  } catch (...) {
    shards_.clear();
    discard_build();
    throw;
  }
  for (auto& shard : shards_) shard->thread = std::thread([this, s = shard.get()] { run(*s); });
}

ShardPool::~ShardPool() {
  try {
    // A new index that was never given anything (the run stopped first, e.g. at an invalid
    // manifest) is thrown away below rather than published empty.
    if (build_dir_.empty() || submitted_) commit();
  } catch (...) {
    // Destructors must not throw; callers that care call commit() themselves.
  }
  for (auto& shard : shards_) {
    {
      std::lock_guard lock(shard->mutex);
      shard->stopping = true;
    }
    shard->changed.notify_all();
    if (shard->thread.joinable()) shard->thread.join();
  }
  shards_.clear();  // closes the writers before an unpublished build is thrown away
  discard_build();
}

void ShardPool::open_writers() {
  const bool building = !build_dir_.empty();
  const std::string& folder = building ? build_dir_ : dir_;
  // The shards of a build share the memory their open build segments may hold.
  const std::size_t segment_memory = kSegmentsMemoryBytes / shards_.size();
  for (unsigned k = 0; k < shards_.size(); ++k)
    shards_[k]->writer = std::make_unique<IndexWriter>(
        layout::shard_dir(folder, k), dir_, flush_bytes_,
        building ? WriteMode::kBulk : WriteMode::kSafe, segment_memory);
}

void ShardPool::discard_build() {
  if (!build_dir_.empty()) {
    std::error_code ignored;
    fs::remove_all(build_dir_, ignored);
    build_dir_.clear();
  }
  release_build_lock();
}

void ShardPool::release_build_lock() {
  if (build_lock_fd_ >= 0 && remove_dir_if_unpublished_ && !build_published_) {
    std::error_code ignored;
    fs::remove(dir_, ignored);  // only ever removes an empty folder
  }
  if (build_lock_fd_ >= 0) ::close(build_lock_fd_);
  build_lock_fd_ = -1;
}

void ShardPool::publish() {
  for (auto& shard : shards_) shard->writer.reset();  // drained: no job holds a writer
  try {
    compact_build(build_dir_, dir_, static_cast<unsigned>(shards_.size()));
    publish_build(build_dir_, dir_);
    build_published_ = true;
    build_dir_.clear();
    open_writers();
    release_build_lock();
  } catch (...) {
    const std::exception_ptr error = std::current_exception();
    for (auto& shard : shards_) {
      std::lock_guard lock(shard->mutex);
      if (!shard->error) shard->error = error;  // the pool cannot write any more
    }
    throw;
  }
}

IndexWriter& ShardPool::writer_of(Shard& shard) {
  {
    std::lock_guard lock(shard.mutex);
    if (shard.error) std::rethrow_exception(shard.error);
  }
  return *shard.writer;
}

void ShardPool::run(Shard& shard) {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(shard.mutex);
      shard.changed.wait(lock, [&] { return shard.stopping || !shard.jobs.empty(); });
      if (shard.jobs.empty()) return;
      job = std::move(shard.jobs.front());
      shard.jobs.pop_front();
      shard.busy = true;
    }
    shard.changed.notify_all();
    std::exception_ptr error;
    try {
      if (!shard.error) job(*shard.writer);  // after a failure, later jobs are dropped
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard lock(shard.mutex);
      shard.busy = false;
      if (error && !shard.error) shard.error = error;
    }
    shard.changed.notify_all();
  }
}

void ShardPool::rethrow_first_error() {
  for (auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    if (shard->error) std::rethrow_exception(shard->error);
  }
}

unsigned ShardPool::shard_of(const std::string& file_key) const {
  return layout::shard_of(file_key, static_cast<unsigned>(shards_.size()));
}

void ShardPool::submit(const std::string& file_key, Job job) {
  rethrow_first_error();
  submitted_ = true;
  Shard& shard = *shards_[shard_of(file_key)];
  {
    std::unique_lock lock(shard.mutex);
    shard.changed.wait(lock, [&] { return shard.jobs.size() < kMaxQueuedJobs || shard.error; });
    shard.jobs.push_back(std::move(job));
  }
  shard.changed.notify_all();
}

void ShardPool::drain() {
  for (auto& shard : shards_) {
    std::unique_lock lock(shard->mutex);
    shard->changed.wait(lock, [&] { return shard->jobs.empty() && !shard->busy; });
  }
  rethrow_first_error();
}

void ShardPool::commit() {
  drain();
  if (languages_changed_) {
    writer_of(*shards_.front()).set_languages(schema::join_languages(languages_));
    languages_changed_ = false;
  }
  // A new index's last commit before it is published writes out its build segments too.
  const bool last_of_build = !build_dir_.empty();
  for (auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    shard->jobs.push_back([last_of_build](IndexWriter& writer) {
      if (last_of_build)
        writer.finish_build();
      else
        writer.commit();
    });
  }
  for (auto& shard : shards_) shard->changed.notify_all();
  drain();
  if (!build_dir_.empty()) publish();
}

std::optional<core::FileRecord> ShardPool::file_record(const std::string& file_key) {
  return writer_of(*shards_[shard_of(file_key)]).file_record(file_key);
}

std::vector<std::pair<std::string, core::FileRecord>> ShardPool::file_records() {
  std::vector<std::pair<std::string, core::FileRecord>> all;
  for (auto& shard : shards_) {
    auto records = writer_of(*shard).file_records();
    all.insert(all.end(), std::make_move_iterator(records.begin()),
               std::make_move_iterator(records.end()));
  }
  return all;
}

void ShardPool::add_language(const std::string& language) {
  if (!language.empty() && languages_.insert(language).second) languages_changed_ = true;
}

}  // namespace treatysearch::ingest
