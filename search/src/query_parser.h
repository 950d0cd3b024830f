// Parsing of the query language (see search.h for the syntax) into a small tree, and compiling
// that tree into a Xapian::Query with the shared analyzer.
#pragma once

#include <xapian.h>

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "passage_check.h"
#include "query_lexer.h"
#include "ranking.h"
#include "treatysearch/search.h"
#include "vocabulary.h"

namespace treatysearch::search {

struct QueryNode {
  enum class Type {
    kWord,       // text: one bare word as typed (may analyze into several tokens)
    kPhrase,     // text: the quoted words
    kAll,        // children joined by side-by-side words: all should match (see compile)
    kAnd,        // explicit AND
    kOr,         // explicit OR
    kNot,        // one child: must not match
    kConnector,  // two children (words, phrases or ORs of those) joined by `connector`
    kField,      // text: the field's name in lower case ("committee"); value: as typed
  };
  Type type = Type::kWord;
  std::string text;  // kWord: may hold wildcards (discriminat*, organi?ation: truncation.h)
  std::string value;
  bool exact = false;  // kWord/kPhrase written #word / #"phrase": the written form only
  std::size_t at = 0;  // byte offset in the query, for messages
  Connector connector = Connector::kWithin;
  std::uint32_t width = 0;  // kConnector w/N, pre/N
  std::vector<QueryNode> children;
};

// Parses `query`. Throws treatysearch::Error(kInvalidArgument) with a message naming the query,
// the problem and its position: empty, longer than QueryLimits::kMaxQueryBytes, nested deeper
// than QueryLimits::kMaxNesting, unbalanced parentheses, an operator without operands, a
// connector whose operand is not a word, phrase, truncated word or OR of those, a field inside
// parentheses, OR, NOT or a connector, more than QueryLimits::kMaxFields fields.
//
// Precedence, tightest first: phrases and parentheses; connectors (w/N, pre/N, /s, /p, left to
// right); NOT and -; side-by-side words; AND; OR.
QueryNode parse_query(std::string_view query);

// What the highlighter needs to mark the words that matched.
struct HighlightTerms {
  std::set<std::string, std::less<>> surfaces;   // folded forms of default-mode words
  std::set<std::string, std::less<>> originals;  // written forms of #exact words
  std::set<std::string, std::less<>> stems;      // stems (without the Z prefix)
  std::set<std::string, std::less<>> symbols;    // document symbols, lower case
  std::vector<std::string> ideographic;          // CJK query runs and their segments
};

// What compiling needs from the index.
struct QueryContext {
  // Languages present in the index: each word is stemmed in each (stemmers skip other scripts).
  std::vector<std::string> languages;
  // Appends to *terms the E-terms of every spelling of `surface` seen at indexing time (the
  // vocabulary); may be empty in tests.
  std::function<void(const std::string& surface, std::vector<std::string>* terms)> variants;
  // The index, for truncated words (their expansions are its own words); none in tests and the
  // fuzzer: a truncated word then matches nothing, with a warning.
  const Xapian::Database* database = nullptr;
  // The vocabulary of `database`'s shards (spellings of truncated words); required with it.
  const core::Vocabulary* vocabulary = nullptr;
  // Weigh each word by its idf over `database` (ranking.h); off in tests of the tree's shape.
  bool weigh_by_idf = false;
  // Term frequencies already known (fetched for the whole query at once); others are asked of
  // `database` one by one.
  const TermFrequencies* frequencies = nullptr;
  // How many common words in a row the index's W-terms go up to (pair_terms.h's
  // pair_term_words: 0, none): a phrase of common words is also filtered by their terms.
  unsigned pair_term_words = 0;
};

// Xapian matches and ranks `query` (and `all_words`), which find a superset of the matches when
// the query has a phrase: then `needs_check` is set, and the searcher accepts only the passages
// for which the *_check predicates hold (passage_check.h).
struct CompiledQuery {
  Xapian::Query query;
  Predicate query_check;
  // For a top-level kAll of several parts: the strict conjunction, ranked first by the searcher
  // ("all the words"), then the rest of `query`. Empty otherwise. all_words_sure holds only
  // passages certain to match all_words (what may be subtracted from the rest).
  Xapian::Query all_words, all_words_sure;
  Predicate all_words_check;
  bool needs_check = false;
  HighlightTerms highlights;
  std::size_t term_count = 0;
  // Fields written in the query (committee:CERD state:KAZ year:2014..2023 para:18 ...):
  // effective_filters merges them into the options' filters (filters.h).
  Filters fields;
  // What the user should know about how the query was read (a truncation that matched more
  // words than the limit, ...): one line each, for stderr and JSON.
  std::vector<std::string> warnings;
};

// Compiles `root` with `analyzer` (see README.md, "Query syntax", for what each form matches).
// Throws Error(kInvalidArgument) when the query has no searchable word (and no field), more than
// QueryLimits::kMaxTerms terms, a bad field value (year:20x, year:2020..2019) or a bad
// truncation (too short a prefix, * inside a word); `original` is the query as typed, which
// messages quote and positions refer to. A query of fields alone matches every passage they
// allow (Xapian::Query::MatchAll).
CompiledQuery compile_query(const QueryNode& root, core::Analyzer& analyzer,
                            const QueryContext& context, std::string_view original);

}  // namespace treatysearch::search
