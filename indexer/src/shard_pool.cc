#include "shard_pool.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "analyzer.h"
#include "index_layout.h"
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

// Xapian 1.4 also commits by itself every XAPIAN_FLUSH_THRESHOLD documents (default 10,000);
// we commit by analysed bytes instead (IndexerOptions::flush_bytes). The variable is read when a
// WritableDatabase opens; a value the user set is respected.
void raise_document_flush_threshold() { setenv("XAPIAN_FLUSH_THRESHOLD", "100000000", 0); }

// Creates a new index with `shards` shards: built in a temporary sibling folder, then renamed.
void create_index(const fs::path& dir, unsigned shards) {
  std::error_code ec;
  fs::create_directories(dir.parent_path().empty() ? fs::path(".") : dir.parent_path(), ec);
  if (ec)
    throw Error(ErrorCode::kIo, dir.string() + ": cannot create parent folder: " + ec.message());
  const fs::path tmp = dir.string() + ".tmp-" + std::to_string(getpid());
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec) throw Error(ErrorCode::kIo, dir.string() + ": cannot create index: " + ec.message());
  std::string stub;
  for (unsigned k = 0; k < shards; ++k) {
    Xapian::WritableDatabase db(layout::shard_dir(tmp.string(), k), Xapian::DB_CREATE);
    if (k == 0) {
      db.set_metadata(schema::kSchemaKey, std::to_string(kSchemaVersion));
      db.set_metadata(schema::kAnalyzerKey, core::kAnalyzerId);
      db.set_metadata(layout::kShardCountKey, std::to_string(shards));
    }
    db.commit();
    stub += "auto shard" + std::to_string(k) + "\n";
  }
  {
    std::ofstream out(tmp / layout::kStubFile);
    out << stub;
    if (!out.flush())
      throw Error(ErrorCode::kIo, dir.string() + ": cannot write " + layout::kStubFile);
  }
  fs::rename(tmp, dir, ec);
  if (ec) {
    fs::remove_all(tmp);
    // Another writer may have created it meanwhile: then open that one.
    if (!fs::is_directory(dir))
      throw Error(ErrorCode::kIo, dir.string() + ": cannot create index: " + ec.message());
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
                     unsigned shards_for_new_index)
    : dir_(dir) {
  raise_document_flush_threshold();
  unsigned count = 0;
  try {
    std::error_code ec;
    const bool missing =
        !fs::exists(dir_, ec) || (fs::is_directory(dir_, ec) && fs::is_empty(dir_, ec));
    if (fs::exists(dir_, ec) && !fs::is_directory(dir_, ec))
      throw Error(ErrorCode::kInvalidArgument, dir_ + ": exists and is not an index folder");
    if (missing) {
      fs::remove(dir_, ec);
      unsigned shards = shards_for_new_index ? shards_for_new_index
                                             : std::max(1u, std::thread::hardware_concurrency());
      create_index(dir_, std::min(shards, layout::kMaxShards));
    }
    count = open_existing(dir_);
    const Xapian::Database db(dir_);
    for (auto& language : schema::parse_languages(db.get_metadata(schema::kLanguagesKey)))
      languages_.insert(std::move(language));
  } catch (const Xapian::Error& e) {
    core::throw_translated(e, dir_);
  }
  for (unsigned k = 0; k < count; ++k) {
    auto shard = std::make_unique<Shard>();
    shard->writer = std::make_unique<IndexWriter>(layout::shard_dir(dir_, k), dir_, flush_bytes);
    shards_.push_back(std::move(shard));
  }
  for (auto& shard : shards_) shard->thread = std::thread([this, s = shard.get()] { run(*s); });
}

ShardPool::~ShardPool() {
  try {
    commit();
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

void ShardPool::submit(const std::string& file_key, Job job) {
  rethrow_first_error();
  Shard& shard = *shards_[layout::shard_of(file_key, static_cast<unsigned>(shards_.size()))];
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
    shards_.front()->writer->set_languages(schema::join_languages(languages_));
    languages_changed_ = false;
  }
  for (auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    shard->jobs.push_back([](IndexWriter& writer) { writer.commit(); });
  }
  for (auto& shard : shards_) shard->changed.notify_all();
  drain();
}

std::optional<core::FileRecord> ShardPool::file_record(const std::string& file_key) {
  return shards_[layout::shard_of(file_key, static_cast<unsigned>(shards_.size()))]
      ->writer->file_record(file_key);
}

std::vector<std::pair<std::string, core::FileRecord>> ShardPool::file_records() {
  std::vector<std::pair<std::string, core::FileRecord>> all;
  for (auto& shard : shards_) {
    auto records = shard->writer->file_records();
    all.insert(all.end(), std::make_move_iterator(records.begin()),
               std::make_move_iterator(records.end()));
  }
  return all;
}

void ShardPool::add_language(const std::string& language) {
  if (!language.empty() && languages_.insert(language).second) languages_changed_ = true;
}

}  // namespace treatysearch::ingest
