// Querying a treatysearch index.
//
//   treatysearch::Searcher searcher = treatysearch::Searcher::open("/path/to/index");
//   treatysearch::SearchOptions options;
//   options.filters.committees = {"CERD"};
//   treatysearch::SearchResult result = searcher.search("\"hate speech\" AND police", options);
//   for (const auto& hit : result.hits) std::cout << hit.citation << '\n';
//
// Query syntax (see README.md, "Query syntax"):
//   words              every word should match; passages with all words rank first, but a
//                      passage missing one word still comes back
//   "a phrase"         the words in this order, exactly (no stemming)
//   a AND b, a OR b    both / either (operators in capitals)
//   NOT a, a NOT b, -a without a
//   ( ... )            grouping
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "treatysearch/error.h"
#include "treatysearch/export.h"
#include "treatysearch/types.h"

namespace treatysearch {

// Limits enforced before a query is parsed, so embedding programs get them too. Each is tested
// at N and N+1.
struct QueryLimits {
  static constexpr std::size_t kMaxQueryBytes = 4096;
  static constexpr std::size_t kMaxNesting = 32;    // depth of parentheses and NOT
  static constexpr std::size_t kMaxTerms = 64;      // words and phrase words after analysis
  static constexpr std::size_t kMaxPageSize = 100;  // SearchOptions::limit
  static constexpr std::size_t kMaxWindow = 10000;  // offset + limit
};

// Restricts results; every non-empty field must match (values within one field are ORed).
// Matching ignores the case of ASCII letters. A committee must be one of committee::kAll and a
// type one of doctype::kAll; a State must be known to the State table (by English name, with or
// without accents, or by ISO 3166-1 alpha-3 code). A value outside these lists is accepted only
// when documents in the index carry it (DocumentInfo given to Indexer::add_text may hold any);
// otherwise search() throws (see there), as a typo must not read as "no passage matches".
struct Filters {
  std::vector<std::string> committees;  // "CERD"
  std::vector<std::string> states;      // "Kazakhstan", "Cote d'Ivoire" or an ISO code "KAZ"
  std::vector<std::string> types;       // doctype codes: "concluding-observations"
  std::vector<std::string> symbols;     // exact symbol, or a prefix ending in '/' or '*'
  std::vector<std::string> languages;   // "en"
  std::optional<int> year_from;         // inclusive
  std::optional<int> year_to;           // inclusive
};

struct SearchOptions {
  std::size_t limit = 10;  // at most QueryLimits::kMaxPageSize
  std::size_t offset = 0;  // offset + limit at most QueryLimits::kMaxWindow
  Filters filters;
  std::size_t snippet_chars = 240;  // approximate snippet length in characters
};

// Read-only access to one index. A Searcher is cheap to move, not copyable, and NOT safe to use
// from two threads at once: give each thread its own (opening one takes about a millisecond).
// Every search sees the latest commit of the index (the Searcher reopens it as needed), so a
// long-lived Searcher may run while treaty-index updates the same index.
class TREATYSEARCH_API Searcher {
 public:
  // Opens the index in `index_dir`.
  // Throws Error: kNotFound (no index there), kVersionMismatch (written by another schema
  // version; the message says how to rebuild), kCorrupt, kIo.
  static Searcher open(const std::string& index_dir);

  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  // Runs `query` and returns ranked passages.
  // Throws Error kInvalidArgument, with a one-line message naming the query or value at fault,
  // for an empty, over-long or over-complex query, a limit or window over QueryLimits, an empty
  // year range, or an unknown committee, type or State (the message lists the committees or
  // types accepted); kCorrupt/kIo if the index fails.
  SearchResult search(const std::string& query, const SearchOptions& options = {}) const;

  // Number of passages in the index.
  std::uint64_t passage_count() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace treatysearch
