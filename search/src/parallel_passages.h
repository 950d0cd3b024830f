// The same paragraph in the other UN languages: passages that share a document symbol and a
// printed paragraph label (a translation keeps the original's numbering and symbol).
#pragma once

#include <vector>

#include "searcher_snapshot.h"
#include "treatysearch/types.h"

namespace treatysearch::search {

// Most passages looked at for one hit (a symbol and label hold one passage per language).
inline constexpr std::size_t kMaxParallelCandidates = 64;

// The passages of `hit`'s paragraph in languages other than the hit's, by language. None when
// its document has no symbol or its label is not a printed number (unnumbered passages and
// footnotes are not aligned). Throws Error kCorrupt for an unreadable record.
std::vector<ParallelPassage> parallel_of(IndexHandle& handle, const std::string& index_dir,
                                         const Hit& hit);

}  // namespace treatysearch::search
