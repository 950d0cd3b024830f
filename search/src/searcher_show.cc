// SnapshotImpl::passage: a cited passage in full with its neighbours in document order.
#include "citation_links.h"
#include "parallel_passages.h"
#include "passage_lookup.h"
#include "searcher_hits.h"
#include "searcher_snapshot.h"

namespace treatysearch::search {

namespace {

// A passage shown whole: no rank, no score, its snippet the whole text without highlights.
Hit whole_passage(IndexHandle& handle, const std::string& index_dir, Xapian::docid docid) {
  return make_hit(handle, index_dir, handle.db.get_document(docid), 0, 0, HighlightTerms{},
                  kWholeTextSnippet);
}

}  // namespace

PassageInContext SnapshotImpl::passage(const std::string& reference, std::size_t context) const {
  if (context > ResultLimits::kMaxContext)
    throw Error(ErrorCode::kInvalidArgument, "context " + std::to_string(context) +
                                                 " is over the maximum of " +
                                                 std::to_string(ResultLimits::kMaxContext));
  const Lease handle = lease();
  const FoundPassage found = find_passage(*handle, index_dir_, reference);
  const std::string& file_key = found.record.file_key;
  const std::uint32_t ordinal = found.record.ordinal;

  PassageInContext shown;
  shown.passage = whole_passage(*handle, index_dir_, found.docid);
  shown.passage.parallel = parallel_of(*handle, index_dir_, shown.passage);
  const std::uint32_t first = ordinal > context ? ordinal - static_cast<std::uint32_t>(context) : 0;
  for (std::uint32_t k = first; k < ordinal; ++k)
    if (const auto before = passage_at(*handle, index_dir_, file_key, k))
      shown.before.push_back(whole_passage(*handle, index_dir_, before->docid));
  for (std::uint32_t k = ordinal + 1; k <= ordinal + context; ++k) {
    const auto after = passage_at(*handle, index_dir_, file_key, k);
    if (!after) break;  // the document ends here
    shown.after.push_back(whole_passage(*handle, index_dir_, after->docid));
  }
  std::vector<Hit*> hits = {&shown.passage};
  for (Hit& hit : shown.before) hits.push_back(&hit);
  for (Hit& hit : shown.after) hits.push_back(&hit);
  add_citation_links(*handle, index_dir_, hits);
  return shown;
}

}  // namespace treatysearch::search
