#include "searcher_snapshot.h"

#include <filesystem>

#include "index_layout.h"
#include "pair_terms.h"
#include "passage_record.h"
#include "schema.h"
#include "schema_check.h"

namespace treatysearch::search {

namespace schema = core::schema;

const DocumentInfo& IndexHandle::document_info(const std::string& file_key) {
  auto it = documents.find(file_key);
  if (it != documents.end()) return it->second;
  DocumentInfo info;
  const unsigned shard = core::layout::shard_of(file_key, static_cast<unsigned>(shards.size()));
  core::decode_document(shards[shard].get_metadata(schema::kDocInfoPrefix + file_key), &info);
  return documents.emplace(file_key, std::move(info)).first->second;
}

std::unique_ptr<IndexHandle> open_index_handle(const IndexSource& source, unsigned shards,
                                               std::shared_ptr<const DeadPassages> dead) {
  auto handle = std::make_unique<IndexHandle>();
  handle->remote = source.is_remote();
  // The shards are opened one by one, not through the stub, so that each one's revision is
  // known: together they name the commit a snapshot sees.
  for (unsigned k = 0; k < shards; ++k) {
    Xapian::Database shard = source.open_shard(k);
    handle->revision.push_back(source.revision_of(shard));
    handle->db.add_database(shard);
    handle->shards.push_back(std::move(shard));
  }
  handle->term_lists = handle->db.get_metadata(schema::kNoTermListKey).empty();
  // Only a shard without term lists has tombstones (every remote one has term lists).
  if (!dead)
    dead = handle->term_lists ? std::make_shared<const DeadPassages>()
                              : DeadPassages::read(handle->shards, handle->backend());
  handle->dead = std::move(dead);
  handle->dead_query = handle->dead->query();
  return handle;
}

void check_index_folder(const std::string& index_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(index_dir, ec))
    throw Error(ErrorCode::kNotFound,
                index_dir + ": no index here; create one with treaty-index --index " + index_dir);
}

std::shared_ptr<const SnapshotImpl> SnapshotImpl::open(const IndexSource& source) {
  const std::string name = source.name();
  if (!source.is_remote()) check_index_folder(source.dir);
  // Through the stub (or the first shard, which holds the index-wide metadata) first: it says
  // whether this is an index at all, and how many shards.
  const Xapian::Database first_shard =
      source.is_remote() ? source.open_shard(0) : Xapian::Database(source.dir);
  core::check_index_schema(first_shard, name);
  if (source.is_remote() && !first_shard.get_metadata(schema::kNoTermListKey).empty())
    throw Error(ErrorCode::kInvalidArgument,
                name +
                    ": its shards were built without term lists, which xapian-tcpsrv needs to "
                    "send passages; build the index with treaty-index --term-lists to serve it");
  const unsigned shards = source.shard_count(first_shard);
  auto first = open_index_handle(source, shards);
  // The schema is checked again on the handle itself: the index may have been rebuilt between.
  core::check_index_schema(first->db, name);
  return std::shared_ptr<const SnapshotImpl>(new SnapshotImpl(source, std::move(first)));
}

SnapshotImpl::SnapshotImpl(IndexSource source, std::unique_ptr<IndexHandle> first)
    : source_(std::move(source)), index_dir_(source_.name()), revision_(first->revision) {
  languages_ = schema::parse_languages(first->db.get_metadata(schema::kLanguagesKey));
  pair_term_words_ = core::pair_term_words(first->db.get_metadata(schema::kPairWordsKey));
  dead_ = first->dead;
  idle_.push_back(std::move(first));
  opened_ = 1;
}

SnapshotImpl::Lease::~Lease() {
  if (handle_) owner_->give_back(std::move(handle_));
}

void SnapshotImpl::give_back(std::unique_ptr<IndexHandle> handle) const {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(handle));
  }
  returned_.notify_one();
}

SnapshotImpl::Lease SnapshotImpl::lease() const {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!idle_.empty()) {
      std::unique_ptr<IndexHandle> handle = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(handle));
    }
    if (!frozen_ && opened_ < kMaxHandles) {
      // Opened outside the lock (about a millisecond); counted first so that others wait
      // rather than open more than kMaxHandles.
      ++opened_;
      lock.unlock();
      std::unique_ptr<IndexHandle> handle;
      try {
        handle = open_index_handle(source_, shard_count(), dead_);
      } catch (...) {
        lock.lock();
        --opened_;
        throw;
      }
      if (handle->revision == revision_) return Lease(*this, std::move(handle));
      // The index has moved on: a new handle would see another commit. Wait for one of ours.
      lock.lock();
      --opened_;
      frozen_ = true;  // no handle opened from now on can be at our revision
      if (!idle_.empty()) continue;
    }
    returned_.wait(lock);
  }
}

bool SnapshotImpl::superseded() const {
  for (unsigned k = 0; k < shard_count(); ++k)
    if (source_.revision_of(source_.open_shard(k)) != revision_[k]) return true;
  return false;
}

std::uint64_t SnapshotImpl::passage_count() const {
  const Lease handle = lease();
  return handle->db.get_doccount() - handle->dead->count();
}

const std::vector<FacetColumns>& SnapshotImpl::facet_columns(const IndexHandle& handle) const {
  // Built under the lock: threads asking at once wait for one build rather than each making
  // its own.
  std::lock_guard<std::mutex> lock(facets_mutex_);
  if (!facet_columns_) {
    std::vector<FacetColumns> columns;
    for (const Xapian::Database& shard : handle.shards)
      columns.push_back(FacetColumns::build(shard));
    facet_columns_ = std::make_unique<const std::vector<FacetColumns>>(std::move(columns));
  }
  return *facet_columns_;
}

}  // namespace treatysearch::search
