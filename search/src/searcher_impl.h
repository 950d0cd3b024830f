// The engine behind treatysearch::Searcher (search.h): the latest snapshot of an index, refreshed
// when the index has changed, and every call retried on a newer snapshot when a writer discards
// the revision it was reading. Thread-safe: the snapshot in use is swapped under a mutex, and the
// snapshot itself is shared by the threads (searcher_snapshot.h).
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "searcher_snapshot.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

class SearcherImpl {
 public:
  // Throws Error (kNotFound, kVersionMismatch, kCorrupt, kIo; remote: kUnavailable,
  // kInvalidArgument).
  explicit SearcherImpl(IndexSource source);

  // A call that meets a revision the writer has discarded refreshes and retries this many times
  // (and once after Xapian 1.4's spurious DatabaseCorruptError during writes) before reporting
  // it (Error kLocked). Glass keeps a revision until the second commit after it, so a call fails
  // only when it (or opening its snapshot) outlasts two commits; five tries absorb a writer
  // committing without pause on a loaded machine (one CI run reported a discarded revision with
  // three).
  static constexpr int kMaxRetries = 5;

  SearchResult search(const std::string& query, const SearchOptions& options) const;
  SearchResult similar(const std::string& passage, const SearchOptions& options) const;
  PassageInContext passage(const std::string& passage, std::size_t context) const;
  History history(const std::string& citation, const SearchOptions& options) const;
  std::uint64_t passage_count() const;

  // The latest commit, for a public Snapshot. Throws Error.
  std::shared_ptr<const SnapshotImpl> snapshot() const;

  // The index's name in messages (IndexSource::name).
  const std::string& index_dir() const { return index_dir_; }

  // Called by each call at the start of each attempt, after the refresh, with the attempt's
  // number (0 first). Tests commit from here, so that the attempt reads a revision the writer
  // has discarded and the retry loop must recover; empty otherwise. Set before sharing.
  std::function<void(int attempt)> on_attempt_for_testing;

 private:
  // The snapshot to use: the current one, or a new one when the index has changed (or when
  // `stale`, the one a call just failed on, is still the current one). With `reconnect`, the
  // probe and the snapshot are opened anew first (remote shards that dropped a connection).
  std::shared_ptr<const SnapshotImpl> latest(const SnapshotImpl* stale, bool reconnect) const;
  // The handle whose reopen() tells whether the index changed. Throws Xapian errors.
  Xapian::Database open_probe() const;

  // Runs `call` on the latest snapshot with the retries above; translates Xapian's errors.
  template <typename Call>
  auto with_retries(Call&& call) const;

  IndexSource source_;
  std::string index_dir_;
  mutable std::mutex mutex_;
  mutable Xapian::Database probe_;  // reopened to learn whether the index has changed
  mutable std::shared_ptr<const SnapshotImpl> current_;
};

}  // namespace treatysearch::search
