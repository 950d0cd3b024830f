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
//   NOT a, a NOT b, -a without a (also a BUT NOT b, a AND NOT b)
//   ( ... )            grouping
//   a w/N b            a and b at most N words apart, either order (1 <= N <= 255)
//   a pre/N b          a before b, at most N words after it
//   a /s b, a /p b     in the same sentence / the same paragraph (passage)
//   a +s b, a +p b     a before b in the same sentence / the same paragraph (Westlaw's forms)
//                      (Westlaw's /N, +N, & and % and Lexis's w/s, w/p are read as w/N, pre/N,
//                      AND, BUT NOT, /s, /p)
//                      Connectors are case-insensitive and bind tighter than side-by-side
//                      words, AND and OR; their operands are words, phrases, truncated words or
//                      a parenthesised OR of those; a chain a w/3 b /s c means a w/3 b and b /s c
//   discriminat*       truncation: words starting so (also discriminat!); organi?ation: ? is
//                      one character; at least 3 letters before the first wildcard
//   field:value        committee:CERD state:"Cote d'Ivoire" type:concluding-observations
//                      year:2019 year:2014..2023 lang:ru symbol:CERD/C/KAZ/CO/8-10 para:18,
//                      at the top level; a query of fields alone lists the passages they match
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
  // A truncated word (discriminat*) searches at most this many words of the index, the most
  // frequent; SearchResult::warnings says when more matched.
  static constexpr std::size_t kMaxExpansions = 200;
  // Letters before the first wildcard of a truncated word.
  static constexpr std::size_t kMinTruncationPrefix = 3;
  // Index words scanned for one truncated word; past it the rest is not considered (warned).
  static constexpr std::size_t kMaxExpansionScan = 100000;
  static constexpr std::uint32_t kMaxProximity = 255;      // N of w/N and pre/N: 1..kMaxProximity
  static constexpr std::size_t kMaxFields = 16;            // field:value restrictions per query
  static constexpr std::size_t kMaxFieldValueBytes = 200;  // one field's value
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
  // A document symbol, which also finds its addenda, revisions and corrigenda ("/Add.1",
  // "/Rev.1", "/Corr.1"); one naming such a supplement finds exactly it; or a prefix ending in
  // '/' or '*'.
  std::vector<std::string> symbols;
  std::vector<std::string> languages;  // "en"
  std::optional<int> year_from;        // inclusive
  std::optional<int> year_to;          // inclusive
  // Paragraph labels: "18" matches the passage labelled 18 and those under it ("18 (a)",
  // "18, recommendation 1"); "18 (a)" that one. Spaces and ASCII case do not matter.
  std::vector<std::string> paragraphs;
  // Pinpoint citations ("CERD/C/KAZ/CO/8-10, para. 18 (b)", or a symbol alone for the whole
  // document): only passages that cite one of them, a part of it (18 (b) of 18) or the
  // paragraph holding it (18 of 18 (b)), directly or in a written range ("paragraphs 16-20").
  // With no query words, every such passage. Throws Error kInvalidArgument for one that does
  // not start with a document symbol.
  std::vector<std::string> cites;
  // Passages (a citation as printed, or a Hit::id): only the passages they cite, each
  // reference resolved to the passages of that symbol and label (a paragraph with its
  // sub-paragraphs; every indexed language). Throws Error kNotFound for an unknown passage.
  std::vector<std::string> cited_by;
  // Follow-up grades as a letter words them ("partially satisfactory", "B1"; ASCII case does
  // not matter): only the paragraphs assessed with one of them and the passages assessing them.
  std::vector<std::string> grades;
};

// Limits of the result side, tested at N and N+1 where they are limits.
struct ResultLimits {
  static constexpr std::size_t kMaxPassagesPerGroup = 3;  // DocumentGroup::passages
  static constexpr std::size_t kMaxContext = 20;          // Searcher::passage(..., context)
  static constexpr std::size_t kSimilarTerms = 25;        // terms of a passage similar() uses
};

// The order of results. Ties (equal dates, equal scores) are broken by the index's own order
// (Xapian's document ids: shard by shard, each file's passages in document order), so the same
// query over the same index always gives the same order.
enum class SortOrder {
  kRelevance,      // best BM25 first
  kDateAscending,  // oldest document first, then by relevance; undated documents last
  kDateDescending  // newest document first, then by relevance; undated documents last
};

struct SearchOptions {
  std::size_t limit = 10;  // at most QueryLimits::kMaxPageSize
  std::size_t offset = 0;  // offset + limit at most QueryLimits::kMaxWindow
  Filters filters;
  std::size_t snippet_chars = 240;  // approximate snippet length in characters
  SortOrder sort = SortOrder::kRelevance;
  // One entry per document (SearchResult::groups) instead of per passage: limit and offset
  // count documents, each with its exact hit count and best passages.
  bool group = false;
  // Counts by committee, State, type, year and language over the whole result set
  // (SearchResult::facets). Costs a pass over every match.
  bool facets = false;
  // Did you mean (SearchResult::suggestion): looked for only when a word of the query is rare
  // or absent in the index.
  bool suggest = true;
  // Each hit's paragraph in the other indexed languages (Hit::parallel): the passages whose
  // document has the hit's symbol and whose label is the hit's. An unnumbered passage ("[5]")
  // aligns by structure: the same place in the same run of passages under one heading, where
  // that run has as many passages in both. Footnotes and documents without a symbol have none:
  // nothing is aligned by guess.
  bool parallel = false;
};

class Snapshot;

// One shard of an index served by Xapian's own server, `xapian-tcpsrv --port PORT <index>/shardK`
// (Debian's xapian-tools): nothing of treatysearch runs on the server.
struct RemoteShard {
  std::string host;
  unsigned port = 0;
};

// Time-outs of a remote index, in milliseconds: a shard that does not answer within them fails
// the call with Error kUnavailable naming it, never hangs it.
struct RemoteOptions {
  unsigned timeout_ms = 10000;         // each exchange with a shard (a search's slowest part)
  unsigned connect_timeout_ms = 2000;  // opening a connection
};

// Reads "HOST:PORT[,HOST:PORT...]" ("[::1]:7700" for an IPv6 address), the shards in the
// index's order. Throws Error kInvalidArgument naming the entry at fault.
TREATYSEARCH_API std::vector<RemoteShard> parse_remote_shards(const std::string& list);

// Read-only access to one index, shared by any number of threads: every member is const and
// thread-safe. Each call sees the latest commit of the index (the Searcher refreshes itself when
// the index has changed, and retries when a writer discards the revision a call was reading), so
// a long-lived Searcher may run while treaty-index updates the same index; a call whose revision
// is discarded through every retry (a writer committing without pause) throws Error kLocked.
// For several calls that must see ONE commit (pages of one query), take a snapshot(). Cheap to
// move, not copyable; its Xapian handles are opened as threads need them and kept for the next
// call.
class TREATYSEARCH_API Searcher {
 public:
  // Opens the index in `index_dir`.
  // Throws Error: kNotFound (no index there), kVersionMismatch (written by another schema
  // version; the message says how to rebuild), kCorrupt, kIo.
  static Searcher open(const std::string& index_dir);

  // Opens an index whose shards are served remotely: shards[k] serves shard k of a `treaty-index
  // --shards N` index (all N, in order). Results, totals, citations, snippets and facets are
  // those of the same index opened locally. Phrases and connectors are checked in this process
  // on the candidates the shards rank (a stock server cannot run our check), which costs a
  // transfer per candidate looked at: most for --facets on a phrase, which checks them all.
  // Throws Error: kUnavailable (a shard cannot be reached), kInvalidArgument (shards missing,
  // extra or out of order: the message says which), kNotFound, kVersionMismatch, kCorrupt.
  static Searcher open_remote(const std::vector<RemoteShard>& shards,
                              const RemoteOptions& options = {});

  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  // Runs `query` and returns ranked passages (or documents, facets, a suggestion: see
  // SearchOptions).
  // Throws Error kInvalidArgument, with a one-line message naming the query or value at fault,
  // for an empty, over-long or over-complex query, a limit or window over QueryLimits, an empty
  // year range, or an unknown committee, type or State (the message lists the committees or
  // types accepted); kCorrupt/kIo if the index fails.
  SearchResult search(const std::string& query, const SearchOptions& options = {}) const;

  // The passages most like `passage` (a Hit::id, or a citation as Hit::citation prints it), for
  // precedent search: passages of other States' documents first, then of other documents of
  // the same State, then of the same document; best first within each. Built from the
  // passage's ResultLimits::kSimilarTerms most distinctive words. The passage itself is never
  // returned. options.filters, limit, offset and snippet_chars apply; sort, group and facets
  // do not. SearchResult::query is "like:<id>".
  // Throws Error kNotFound when no passage has that id or citation; kInvalidArgument when a
  // citation names passages of several documents (the message lists their ids: pass one), or
  // for options as search() does; kCorrupt/kIo.
  SearchResult similar(const std::string& passage, const SearchOptions& options = {}) const;

  // The passage `passage` (a Hit::id or a citation, as for similar()) in full, with its
  // translations (Hit::parallel) and up to `context` passages before and after it in its
  // document. A citation shared by the pieces of one long passage split at indexing names the
  // first piece.
  // Throws Error kInvalidArgument when context is over ResultLimits::kMaxContext, or as
  // similar() does.
  PassageInContext passage(const std::string& passage, std::size_t context = 0) const;

  // The life of the recommendation `citation` ("CERD/C/KAZ/CO/8-10, para. 18 (b)"): the
  // paragraph itself when indexed, and every passage citing it (a part of it or the paragraph
  // holding it: Filters::cites; at most QueryLimits::kMaxPageSize of them), each with its
  // relation to it (HistoryEntry), oldest document first. When no later concluding
  // observations cite it, the most similar paragraph of the same State's and committee's later
  // concluding observations is added as "next-cycle-similar". options.filters (languages
  // above all) and snippet_chars apply; the rest of options does not.
  // Throws Error kInvalidArgument for a citation without a document symbol, or as search()
  // does; kCorrupt/kIo.
  History history(const std::string& citation, const SearchOptions& options = {}) const;

  // Number of passages in the index (at its latest commit).
  std::uint64_t passage_count() const;

  // How errors name the index: its folder, or "remote index HOST:PORT,...".
  const std::string& name() const;

  // A view of the index at its latest commit, for calls that must agree with each other.
  Snapshot snapshot() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// An immutable view of an index at one commit (as Tantivy's Searcher, which an IndexReader
// hands out): every call sees that commit and no other, whatever a writer does meanwhile, so
// page 2 of a query continues page 1. Copyable (copies share the view) and thread-safe: any
// number of threads may call it at once; it keeps a small pool of Xapian handles at its
// revision, each used by one thread at a time, and opens another one only while that revision
// is still the index's latest (otherwise a call waits for a free handle). The view stays valid
// after the Searcher it came from is destroyed.
//
// Xapian keeps only the most recent revisions of an index: after a writer has committed more
// than once since the snapshot was taken, the snapshot's revision may be gone. A call then
// throws Error kSnapshotExpired ("take a new snapshot"); it never silently answers from a newer
// commit. Searcher's own calls refresh and retry instead.
class TREATYSEARCH_API Snapshot {
 public:
  Snapshot(const Snapshot&);
  Snapshot& operator=(const Snapshot&);
  Snapshot(Snapshot&&) noexcept;
  Snapshot& operator=(Snapshot&&) noexcept;
  ~Snapshot();

  // As Searcher's, at this snapshot's commit; they also throw Error kSnapshotExpired.
  SearchResult search(const std::string& query, const SearchOptions& options = {}) const;
  SearchResult similar(const std::string& passage, const SearchOptions& options = {}) const;
  PassageInContext passage(const std::string& passage, std::size_t context = 0) const;
  History history(const std::string& citation, const SearchOptions& options = {}) const;
  std::uint64_t passage_count() const;

 private:
  friend class Searcher;
  struct Impl;
  explicit Snapshot(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace treatysearch
