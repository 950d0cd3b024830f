// The query engine behind treatysearch::Searcher (search.h): opens and checks an index, parses
// and compiles queries, applies filters, ranks, and turns matches into cited hits.
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "analyzer.h"
#include "query_parser.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

class SearcherImpl {
 public:
  // Throws Error (kNotFound, kVersionMismatch, kCorrupt, kIo).
  explicit SearcherImpl(std::string index_dir);

  // Reopens and retries after the writer discarded the revision a search was reading (and once
  // after Xapian 1.4's spurious DatabaseCorruptError during writes) before reporting it.
  static constexpr int kMaxRetries = 3;

  SearchResult search(const std::string& query, const SearchOptions& options);
  std::uint64_t passage_count();

  // Called by search() at the start of each attempt, after the reopen, with the attempt's
  // number (0 first). Tests commit from here, so that the attempt reads a revision the writer
  // has discarded and the retry loop must recover; empty otherwise.
  std::function<void(int attempt)> on_attempt_for_testing;

 private:
  SearchResult run(const std::string& query, const SearchOptions& options);
  Hit make_hit(const Xapian::MSetIterator& match, std::size_t rank, const SearchOptions& options,
               const HighlightTerms& highlights);
  const DocumentInfo& document_info(const std::string& file_key);

  std::string index_dir_;
  Xapian::Database db_;                   // all shards, through the stub (index_layout.h)
  std::vector<Xapian::Database> shards_;  // each shard alone: per-file metadata lives in one
  core::Analyzer analyzer_;
  std::vector<std::string> languages_;
  std::map<std::string, DocumentInfo> documents_;  // cache of doc: metadata, per revision
};

}  // namespace treatysearch::search
