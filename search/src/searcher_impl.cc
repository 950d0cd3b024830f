#include "searcher_impl.h"

#include <utility>

#include "treatysearch/error.h"
#include "xapian_errors.h"

namespace treatysearch::search {

SearcherImpl::SearcherImpl(IndexSource source)
    : source_(std::move(source)), index_dir_(source_.name()) {
  if (!source_.is_remote()) check_index_folder(source_.dir);
  try {
    // The probe first: a snapshot opened after it is at least as new, so a later reopen() of
    // the probe that finds a change means the snapshot is behind.
    probe_ = open_probe();
    current_ = SnapshotImpl::open(source_);
  } catch (const Xapian::Error& e) {
    core::throw_translated(e, index_dir_);
  }
}

Xapian::Database SearcherImpl::open_probe() const {
  if (!source_.is_remote()) return Xapian::Database(source_.dir);
  // Remote: a connection to each shard, whose reopen() also says whether it changed.
  Xapian::Database probe;
  for (unsigned k = 0; k < source_.remote.size(); ++k) probe.add_database(source_.open_shard(k));
  return probe;
}

std::shared_ptr<const SnapshotImpl> SearcherImpl::latest(const SnapshotImpl* stale,
                                                         bool reconnect) const {
  std::lock_guard lock(mutex_);
  if (reconnect) {
    // A shard broke a connection (restarted): every connection of the probe and the snapshot
    // may be gone. New ones, or the error that says why not.
    current_.reset();
    probe_ = open_probe();
  }
  const bool changed = probe_.reopen();
  if (changed || !current_ || current_.get() == stale) {
    // Dropped first: when a writer's commit makes the open fail, the next call opens again
    // rather than being handed the stale snapshot.
    current_.reset();
    current_ = SnapshotImpl::open(source_);
  }
  return current_;
}

// Opening the latest snapshot is retried as the call is: a writer's commit can discard the
// revision an open was reading as well as the one a search was.
template <typename Call>
auto SearcherImpl::with_retries(Call&& call) const {
  const SnapshotImpl* failed = nullptr;
  bool reconnect = false;
  for (int attempt = 0;; ++attempt) {
    std::shared_ptr<const SnapshotImpl> snapshot;
    try {
      snapshot = latest(failed, std::exchange(reconnect, false));
      if (on_attempt_for_testing) on_attempt_for_testing(attempt);
      return call(*snapshot);
    } catch (const Xapian::DatabaseModifiedError&) {
      // Not an I/O failure: the index is fine, a writer just commits faster than this call
      // reads. Xapian's own message would tell the caller to call reopen(), which we did.
      if (attempt >= kMaxRetries)
        throw Error(ErrorCode::kLocked,
                    index_dir_ + ": a writer's commits discarded what this call was reading on " +
                        std::to_string(kMaxRetries + 1) +
                        " tries in a row; try again when the update has finished");
      failed = snapshot.get();
    } catch (const Xapian::DatabaseCorruptError& e) {
      // Xapian 1.4 can raise it spuriously while a writer commits: one retry.
      if (attempt >= 1) core::throw_translated(e, index_dir_);
      failed = snapshot.get();
    } catch (const Xapian::NetworkTimeoutError& e) {
      core::throw_translated(e, index_dir_);  // waiting again would double the wait
    } catch (const Xapian::NetworkError& e) {
      // A remote shard closed its connection (restarted, or its idle time-out): reconnect once.
      if (attempt >= 1) core::throw_translated(e, index_dir_);
      reconnect = true;
    } catch (const Xapian::Error& e) {
      core::throw_translated(e, index_dir_);
    }
  }
}

SearchResult SearcherImpl::search(const std::string& query, const SearchOptions& options) const {
  return with_retries([&](const SnapshotImpl& s) { return s.search(query, options); });
}

SearchResult SearcherImpl::similar(const std::string& passage, const SearchOptions& options) const {
  return with_retries([&](const SnapshotImpl& s) { return s.similar(passage, options); });
}

History SearcherImpl::history(const std::string& citation, const SearchOptions& options) const {
  return with_retries([&](const SnapshotImpl& s) { return s.history(citation, options); });
}

PassageInContext SearcherImpl::passage(const std::string& passage, std::size_t context) const {
  return with_retries([&](const SnapshotImpl& s) { return s.passage(passage, context); });
}

std::uint64_t SearcherImpl::passage_count() const {
  return with_retries([](const SnapshotImpl& s) { return s.passage_count(); });
}

std::shared_ptr<const SnapshotImpl> SearcherImpl::snapshot() const {
  try {
    return latest(nullptr, false);
  } catch (const Xapian::Error& e) {
    core::throw_translated(e, index_dir_);
  }
}

}  // namespace treatysearch::search
