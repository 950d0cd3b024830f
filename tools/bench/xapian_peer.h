// The Xapian TermGenerator peer of treaty-bench: how Xapian's own indexing path does on the same
// corpus, the baseline issue 2 sets our speed target against (3x its MB/s). It is what a
// developer writing a Xapian indexer would do by default: one document per file, English
// stemming (TermGenerator's default STEM_SOME: positional words plus Z-stems), positions,
// the path as document data and a unique Q term, Xapian's default flush (XAPIAN_FLUSH_THRESHOLD
// unset, 10,000 documents) and a final commit.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace treatysearch::bench {

// Indexes `files` into a new glass database at `db_dir` (replaced if present). Returns the
// bytes read. Throws std::exception (Xapian::Error is not one: it is rethrown as one).
std::uint64_t index_with_termgenerator(const std::vector<std::filesystem::path>& files,
                                       const std::filesystem::path& db_dir);

}  // namespace treatysearch::bench
