// The public Searcher: a thin handle over SearcherImpl that keeps Xapian out of search.h.
#include "searcher_impl.h"
#include "treatysearch/search.h"

namespace treatysearch {

struct Searcher::Impl {
  explicit Impl(const std::string& dir) : engine(dir) {}
  search::SearcherImpl engine;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Searcher Searcher::open(const std::string& index_dir) {
  return Searcher(std::make_unique<Impl>(index_dir));
}

SearchResult Searcher::search(const std::string& query, const SearchOptions& options) const {
  return impl_->engine.search(query, options);
}

std::uint64_t Searcher::passage_count() const { return impl_->engine.passage_count(); }

}  // namespace treatysearch
