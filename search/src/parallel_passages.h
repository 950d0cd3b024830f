// The same paragraph in the other UN languages. A translation keeps the original's symbol, and
// its printed paragraph numbers: numbered passages align by symbol and label. Unnumbered ones
// (a declaration's articles, a letter) align by structure: the same place in the same run of
// passages under one heading, where both runs have the same length (schema.h XA), never by
// text or by guess.
#pragma once

#include <vector>

#include "searcher_snapshot.h"
#include "treatysearch/types.h"

namespace treatysearch::search {

// Most passages looked at for one hit (a symbol and label hold one passage per language).
inline constexpr std::size_t kMaxParallelCandidates = 64;

// The passages of `hit`'s paragraph in languages other than the hit's, by language. None when
// its document has no symbol, for footnotes, and for an unnumbered passage whose run has
// another length in the other language. Throws Error kCorrupt for an unreadable record.
std::vector<ParallelPassage> parallel_of(IndexHandle& handle, const std::string& index_dir,
                                         const Hit& hit);

}  // namespace treatysearch::search
