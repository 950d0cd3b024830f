#include "searcher_impl.h"

#include "xapian_errors.h"

namespace treatysearch::search {

SearcherImpl::SearcherImpl(std::string index_dir) : index_dir_(std::move(index_dir)) {
  check_index_folder(index_dir_);
  try {
    // The probe first: a snapshot opened after it is at least as new, so a later reopen() of
    // the probe that finds a change means the snapshot is behind.
    probe_ = Xapian::Database(index_dir_);
    current_ = SnapshotImpl::open(index_dir_);
  } catch (const Xapian::Error& e) {
    core::throw_translated(e, index_dir_);
  }
}

std::shared_ptr<const SnapshotImpl> SearcherImpl::latest(const SnapshotImpl* stale) const {
  std::lock_guard lock(mutex_);
  const bool changed = probe_.reopen();
  if (changed || !current_ || current_.get() == stale) {
    // Dropped first: when a writer's commit makes the open fail, the next call opens again
    // rather than being handed the stale snapshot.
    current_.reset();
    current_ = SnapshotImpl::open(index_dir_);
  }
  return current_;
}

// Opening the latest snapshot is retried as the call is: a writer's commit can discard the
// revision an open was reading as well as the one a search was.
template <typename Call>
auto SearcherImpl::with_retries(Call&& call) const {
  const SnapshotImpl* failed = nullptr;
  for (int attempt = 0;; ++attempt) {
    std::shared_ptr<const SnapshotImpl> snapshot;
    try {
      snapshot = latest(failed);
      if (on_attempt_for_testing) on_attempt_for_testing(attempt);
      return call(*snapshot);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= kMaxRetries) core::throw_translated(e, index_dir_);
      failed = snapshot.get();
    } catch (const Xapian::DatabaseCorruptError& e) {
      // Xapian 1.4 can raise it spuriously while a writer commits: one retry.
      if (attempt >= 1) core::throw_translated(e, index_dir_);
      failed = snapshot.get();
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
    return latest(nullptr);
  } catch (const Xapian::Error& e) {
    core::throw_translated(e, index_dir_);
  }
}

}  // namespace treatysearch::search
