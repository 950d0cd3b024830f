// Turns the passages of one document into passage documents (passage_document.h; one per
// passage, Xapian's documents once written): word terms and their position list (position_list.h)
// from the shared analyzer, boolean filter terms, the date value, and the passage record with its
// citation.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer.h"
#include "passage.h"
#include "passage_document.h"
#include "position_list.h"
#include "sentences.h"
#include "string_index.h"
#include "treatysearch/types.h"

namespace treatysearch::ingest {

// Limits every passage's Xapian document is checked against before it is handed to a writer
// (index_writer.h). A new index is written under Xapian's DB_DANGEROUS, where Xapian cannot roll
// back a document it refuses (it throws "cancel() not supported" instead, and the shard is left
// half-written), so a document Xapian would refuse must fail its file here, on the analysis
// thread, where that is an ordinary per-file error. Each is far above what a passage within
// kMaxPassageBytes (segmenter.h) produces and far below what Xapian cannot store (a tag of
// 128 MiB). Tested at N and N+1.
struct PassageLimits {
  // Xapian 1.4 refuses longer terms ("Term too long (> 245)").
  static constexpr std::size_t kMaxTermBytes = 245;
  // The passage record (document data), the position list (a value), and the file's
  // DocumentInfo (a metadata entry).
  static constexpr std::size_t kMaxRecordBytes = 1 << 20;
  static constexpr std::size_t kMaxPositionListBytes = 1 << 20;
};

// The reason a passage's document breaks a PassageLimits limit, naming the passage by its
// label ("passage \"18\": its record is 1048577 bytes, over the limit of 1048576"); empty
// when it is within all of them.
std::string passage_limit_error(std::string_view label, std::size_t record_bytes,
                                std::size_t position_list_bytes, std::size_t longest_term_bytes);

// Thread-compatible: one DocumentBuilder per analysis thread.
class DocumentBuilder {
 public:
  // Entries for the vocabulary (schema.h, vocabulary.h): (surface, E-term) for a word written other
  // than its folded form, and (Z<stem>, surface) and (Z<stem>, E-term) for a word whose stem
  // differs from its folded form. A word's entries are listed once per build; two words may
  // list one entry twice (the writer keeps each once).
  using Variants = std::vector<std::pair<std::string, std::string>>;
  // Occurrences of a passage's terms that have no positions (grams, symbol mentions).
  using TermCounts = std::map<std::string, std::uint32_t, std::less<>>;

  // No shard given to build(): every word's entries are listed.
  static constexpr std::size_t kAnyShard = SIZE_MAX;

  // Appends one PassageDocument per passage to *out, in passage order, and the vocabulary
  // entries met to *variants (required: without them stems cannot be searched). Passage n gets
  // the unique id term schema::id_term(file_key, n). A passage is analysed in its own language when
  // it has one, else in the document's. Returns an empty string, or the reason `info` or a passage
  // breaks a PassageLimits limit (then *out holds an unspecified prefix of the documents: drop
  // them).
  //
  // With a `shard`, a word whose entries this builder listed in an earlier build for the same
  // shard is not listed again (its stem, the costly part, is not even looked up). The caller
  // must then hand every build's *variants to that shard's writer, in the order built, whether
  // or not it writes the documents (a file failed, a duplicate): a later file of the shard
  // relies on them, and the shard's writer commits them no later than that file.
  std::string build(const std::string& file_key, const DocumentInfo& info,
                    const std::vector<Passage>& passages, std::vector<PassageDocument>* out,
                    Variants* variants, std::size_t shard = kAnyShard);

 private:
  // The boolean terms and values every passage of a file has, made once per file (a State's
  // canonical name, for one, is a search of the State table).
  struct FileFilters {
    std::vector<std::string> terms;
    std::vector<std::pair<unsigned, std::string>> values;  // (slot, value)
  };
  static FileFilters file_filters(const std::string& file_key, const DocumentInfo& info);
  // Adds them to *doc, with the terms and values of the passage's language.
  static void add_filter_terms(const FileFilters& filters, const std::string& language,
                               PassageDocument* doc);
  // build() without the bookkeeping of the words listed: `reported_before`, those listed for
  // the shard by earlier builds (null: none skipped).
  std::string build_passages(const std::string& file_key, const DocumentInfo& info,
                             const std::vector<Passage>& passages,
                             std::vector<PassageDocument>* out, Variants* variants,
                             const core::StringIndex* reported_before);
  // Adds the passage's word terms (positions_, exact_surfaces_) to *doc, by folded form, with
  // their impacts against `length` words.
  void add_word_terms(std::uint32_t length, PassageDocument* doc);

  core::Analyzer analyzer_;
  std::size_t longest_term_ = 0;  // of the passage being built
  std::string term_;              // reused buffers: no allocation per token on the hot path
  core::PositionListBuilder positions_;
  TermCounts unpositioned_;  // of the passage being built
  std::string encoded_positions_;
  std::vector<std::uint64_t> word_pairs_;  // of the passage being built (pair_signature.h)
  // The W-terms of the passage being built (pair_terms.h), then its other boolean terms that may
  // repeat (build_passages()).
  std::vector<std::string> pair_terms_;
  // The passage's E-terms with their folded forms: each word is posted under its folded form,
  // whatever the case written (schema.h), so the counts of its spellings are summed there.
  std::vector<std::pair<std::string, std::string>> exact_surfaces_;
  std::vector<std::pair<std::string_view, std::uint32_t>> surface_counts_;
  std::string pair_signature_;
  // The words of the document being built, with the language they were analysed in
  // (PostingSink::on_token): "term\0language"; and by their ids, whether an earlier build for
  // the shard listed their entries already.
  core::StringIndex words_met_;
  std::vector<char> listed_before_;
  // By shard, those of earlier builds (build()'s `shard`), forgotten past kMaxWordsRemembered
  // words (listed again then, which is harmless), so that memory stays bounded whatever the
  // vocabulary.
  static constexpr std::size_t kMaxWordsRemembered = 1u << 18;
  std::vector<core::StringIndex> words_reported_by_shard_;
  core::SentenceBreaker sentences_;
  std::vector<std::uint32_t> sentence_offsets_;  // of the passage being built
};

}  // namespace treatysearch::ingest
