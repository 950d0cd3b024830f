#include "searcher_snapshot.h"

#include <filesystem>

#include "index_layout.h"
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

std::unique_ptr<IndexHandle> open_index_handle(const std::string& index_dir, unsigned shards) {
  auto handle = std::make_unique<IndexHandle>();
  // The shards are opened one by one, not through the stub, so that each one's revision is
  // known: together they name the commit a snapshot sees.
  for (unsigned k = 0; k < shards; ++k) {
    Xapian::Database shard(core::layout::shard_dir(index_dir, k));
    handle->revision.push_back(shard.get_revision());
    handle->db.add_database(shard);
    handle->shards.push_back(std::move(shard));
  }
  return handle;
}

void check_index_folder(const std::string& index_dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(index_dir, ec))
    throw Error(ErrorCode::kNotFound,
                index_dir + ": no index here; create one with treaty-index --index " + index_dir);
}

std::shared_ptr<const SnapshotImpl> SnapshotImpl::open(const std::string& index_dir) {
  check_index_folder(index_dir);
  // Through the stub first: it says whether this is an index at all, and how many shards.
  const Xapian::Database stub(index_dir);
  core::check_index_schema(stub, index_dir);
  const unsigned shards = core::read_shard_count(stub, index_dir);
  auto first = open_index_handle(index_dir, shards);
  // The schema is checked again on the handle itself: the index may have been rebuilt between.
  core::check_index_schema(first->db, index_dir);
  return std::shared_ptr<const SnapshotImpl>(new SnapshotImpl(index_dir, std::move(first)));
}

SnapshotImpl::SnapshotImpl(std::string index_dir, std::unique_ptr<IndexHandle> first)
    : index_dir_(std::move(index_dir)), revision_(first->revision) {
  languages_ = schema::parse_languages(first->db.get_metadata(schema::kLanguagesKey));
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
        handle = open_index_handle(index_dir_, shard_count());
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
    if (Xapian::Database(core::layout::shard_dir(index_dir_, k)).get_revision() != revision_[k])
      return true;
  return false;
}

std::uint64_t SnapshotImpl::passage_count() const {
  const Lease handle = lease();
  return handle->db.get_doccount();
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
