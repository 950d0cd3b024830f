// One commit of an index, searchable from many threads at once (treatysearch::Snapshot).
//
// A Xapian::Database handle is not thread-safe, and one opened stays at its revision until
// reopen(). A snapshot therefore keeps a pool of handles, all at its revision: a call leases one
// (one thread at a time per handle) and gives it back. Xapian 1.4 cannot open an old revision,
// so a new handle is added only while the index's latest revision is still the snapshot's;
// otherwise the call waits for a handle to be given back.
//
// Everything here throws Xapian's errors untranslated (a DatabaseModifiedError means the
// snapshot's revision is gone): SearcherImpl retries on a newer snapshot, the public Snapshot
// translates (searcher.cc).
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analyzer.h"
#include "dead_passages.h"
#include "index_source.h"
#include "metadata_keys.h"
#include "record_reader.h"
#include "searcher_facets.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

// The Xapian handles of one revision of an index and what a call needs beside them. Used by
// one thread at a time.
struct IndexHandle {
  Xapian::Database db;                   // all shards as one (as the stub XAPIANDB opens them)
  std::vector<Xapian::Database> shards;  // each shard alone: per-file metadata lives in one
  std::vector<Xapian::rev> revision;     // of each shard (IndexSource::revision_of)
  bool remote = false;                   // the shards are served by xapian-tcpsrv
  core::Analyzer analyzer;               // not thread-safe either: one per handle
  std::map<std::string, DocumentInfo> documents;  // doc: metadata read so far
  core::RecordReader records{shards};             // passage records, and their dictionaries
  // The passages updates superseded (never null once opened), shared by a snapshot's handles,
  // and their query, this handle's own (DeadPassages::query).
  std::shared_ptr<const DeadPassages> dead;
  Xapian::Query dead_query;
  // Whether the shards have Xapian's term lists (indexes built before tombstones.h); without
  // them, what a passage holds is read from posting lists and values.
  bool term_lists = true;

  core::Backend backend() const { return remote ? core::Backend::kRemote : core::Backend::kLocal; }

  // `query` without the dead passages. Every query whose matches a caller shows or counts goes
  // through this, and every posting list read for the same ends is filtered by is_live.
  Xapian::Query live(const Xapian::Query& query) const {
    return dead_query.empty() ? query : Xapian::Query(Xapian::Query::OP_AND_NOT, query, dead_query);
  }
  // `docid` is of db (all shards as one).
  bool is_live(Xapian::docid docid) const { return !dead->contains(docid, shards); }

  // The DocumentInfo of a file (empty when the index has none for it).
  const DocumentInfo& document_info(const std::string& file_key);
};

class SnapshotImpl {
 public:
  // Handles kept for reuse; more threads than this at once wait for one.
  static constexpr std::size_t kMaxHandles = 32;

  // The index's latest commit. Throws Error kNotFound (no index there), kVersionMismatch,
  // kCorrupt, kInvalidArgument (remote shards given wrongly); Xapian errors untranslated.
  static std::shared_ptr<const SnapshotImpl> open(const IndexSource& source);

  // A handle at this snapshot's revision, given back to the pool when the lease ends.
  class Lease {
   public:
    Lease(const SnapshotImpl& owner, std::unique_ptr<IndexHandle> handle)
        : owner_(&owner), handle_(std::move(handle)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    IndexHandle& operator*() const { return *handle_; }
    IndexHandle* operator->() const { return handle_.get(); }

   private:
    const SnapshotImpl* owner_;
    std::unique_ptr<IndexHandle> handle_;
  };
  Lease lease() const;

  // The index's name in messages: its folder, or its remote shards (IndexSource::name).
  const std::string& index_dir() const { return index_dir_; }
  const std::vector<std::string>& languages() const { return languages_; }
  // How many common words in a row every passage has W-terms for (pair_terms.h's
  // pair_term_words; 0: none).
  unsigned pair_term_words() const { return pair_term_words_; }
  const std::vector<Xapian::rev>& revision() const { return revision_; }
  unsigned shard_count() const { return static_cast<unsigned>(revision_.size()); }
  // Whether the index has moved past this snapshot's revision (opens each shard again).
  bool superseded() const;

  // The operations, each on a leased handle (searcher_query.cc, searcher_similar.cc,
  // searcher_show.cc, searcher_history.cc).
  SearchResult search(const std::string& query, const SearchOptions& options) const;
  SearchResult similar(const std::string& passage, const SearchOptions& options) const;
  PassageInContext passage(const std::string& passage, std::size_t context) const;
  History history(const std::string& citation, const SearchOptions& options) const;
  std::uint64_t passage_count() const;

  // The facet columns of each shard at this revision, built from `handle` (a handle at this
  // revision) at the first call, then shared by every thread. Throws Xapian errors (and builds
  // again next time).
  const std::vector<FacetColumns>& facet_columns(const IndexHandle& handle) const;

 private:
  SnapshotImpl(IndexSource source, std::unique_ptr<IndexHandle> first);
  void give_back(std::unique_ptr<IndexHandle> handle) const;

  IndexSource source_;
  std::string index_dir_;
  std::vector<Xapian::rev> revision_;
  std::vector<std::string> languages_;
  unsigned pair_term_words_ = 0;
  std::shared_ptr<const DeadPassages> dead_;  // at revision_

  mutable std::mutex mutex_;
  mutable std::condition_variable returned_;
  mutable std::vector<std::unique_ptr<IndexHandle>> idle_;
  mutable std::size_t opened_ = 0;  // handles in existence (idle or leased)
  mutable bool frozen_ = false;     // the index has moved on: the pool cannot grow

  mutable std::mutex facets_mutex_;
  mutable std::unique_ptr<const std::vector<FacetColumns>> facet_columns_;
};

// Throws Error(kNotFound) when `index_dir` is no folder.
void check_index_folder(const std::string& index_dir);

// Opens every shard of `source` at its latest revision as one handle, with the dead passages
// `dead` when given (those of the same revision), else read. Throws Error as
// IndexSource::open_shard; Xapian errors untranslated.
std::unique_ptr<IndexHandle> open_index_handle(const IndexSource& source, unsigned shards,
                                               std::shared_ptr<const DeadPassages> dead = nullptr);

}  // namespace treatysearch::search
