// The public Searcher and Snapshot: thin handles over SearcherImpl and SnapshotImpl that keep
// Xapian out of search.h.
#include "searcher_impl.h"
#include "treatysearch/search.h"
#include "xapian_errors.h"

namespace treatysearch {

struct Searcher::Impl {
  explicit Impl(search::IndexSource source) : engine(std::move(source)) {}
  search::SearcherImpl engine;
};

struct Snapshot::Impl {
  std::shared_ptr<const search::SnapshotImpl> engine;
};

namespace {

// Runs a call on a snapshot, translating Xapian's errors; a revision the index no longer keeps
// is kSnapshotExpired (Xapian 1.4 may report it as a DatabaseCorruptError while a writer
// commits: then whether the index has moved on decides).
template <typename Call>
auto on_snapshot(const search::SnapshotImpl& snapshot, Call&& call) {
  const auto expired = [&snapshot] {
    return Error(ErrorCode::kSnapshotExpired,
                 snapshot.index_dir() +
                     ": the index has changed since this snapshot was taken and no longer keeps "
                     "its commit; take a new snapshot");
  };
  try {
    return call(snapshot);
  } catch (const Xapian::DatabaseModifiedError&) {
    throw expired();
  } catch (const Xapian::DatabaseCorruptError& e) {
    bool moved_on = false;
    try {
      moved_on = snapshot.superseded();
    } catch (const Xapian::Error&) {
      // The index cannot be read at all: report the first error.
    }
    if (moved_on) throw expired();
    core::throw_translated(e, snapshot.index_dir());
  } catch (const Xapian::Error& e) {
    core::throw_translated(e, snapshot.index_dir());
  }
}

}  // namespace

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Searcher Searcher::open(const std::string& index_dir) {
  return Searcher(std::make_unique<Impl>(search::IndexSource::local(index_dir)));
}

Searcher Searcher::open_remote(const std::vector<RemoteShard>& shards,
                               const RemoteOptions& options) {
  return Searcher(std::make_unique<Impl>(search::IndexSource::served(shards, options)));
}

SearchResult Searcher::search(const std::string& query, const SearchOptions& options) const {
  return impl_->engine.search(query, options);
}

SearchResult Searcher::similar(const std::string& passage, const SearchOptions& options) const {
  return impl_->engine.similar(passage, options);
}

PassageInContext Searcher::passage(const std::string& passage, std::size_t context) const {
  return impl_->engine.passage(passage, context);
}

History Searcher::history(const std::string& citation, const SearchOptions& options) const {
  return impl_->engine.history(citation, options);
}

std::uint64_t Searcher::passage_count() const { return impl_->engine.passage_count(); }

const std::string& Searcher::name() const { return impl_->engine.index_dir(); }

Snapshot Searcher::snapshot() const {
  return Snapshot(std::make_shared<const Snapshot::Impl>(Snapshot::Impl{impl_->engine.snapshot()}));
}

Snapshot::Snapshot(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Snapshot::Snapshot(const Snapshot&) = default;
Snapshot& Snapshot::operator=(const Snapshot&) = default;
Snapshot::Snapshot(Snapshot&&) noexcept = default;
Snapshot& Snapshot::operator=(Snapshot&&) noexcept = default;
Snapshot::~Snapshot() = default;

SearchResult Snapshot::search(const std::string& query, const SearchOptions& options) const {
  return on_snapshot(*impl_->engine,
                     [&](const search::SnapshotImpl& s) { return s.search(query, options); });
}

SearchResult Snapshot::similar(const std::string& passage, const SearchOptions& options) const {
  return on_snapshot(*impl_->engine,
                     [&](const search::SnapshotImpl& s) { return s.similar(passage, options); });
}

PassageInContext Snapshot::passage(const std::string& passage, std::size_t context) const {
  return on_snapshot(*impl_->engine,
                     [&](const search::SnapshotImpl& s) { return s.passage(passage, context); });
}

History Snapshot::history(const std::string& citation, const SearchOptions& options) const {
  return on_snapshot(*impl_->engine,
                     [&](const search::SnapshotImpl& s) { return s.history(citation, options); });
}

std::uint64_t Snapshot::passage_count() const {
  return on_snapshot(*impl_->engine,
                     [](const search::SnapshotImpl& s) { return s.passage_count(); });
}

}  // namespace treatysearch
