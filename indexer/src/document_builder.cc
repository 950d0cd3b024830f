#include "document_builder.h"

#include <algorithm>
#include <utility>

#include "citation.h"
#include "pair_signature.h"
#include "pair_terms.h"
#include "passage_record.h"
#include "position_list.h"
#include "record_reader.h"
#include "reference_finder.h"
#include "result_values.h"
#include "schema.h"
#include "states.h"
#include "symbols.h"
#include "term_impact.h"

namespace treatysearch::ingest {

namespace {

namespace schema = core::schema;

// Terms whose length is bounded where they are made; the word, gram, symbol and id terms are
// also measured as they are added (build()).
static_assert(2 + schema::kMaxFilterValueBytes <= PassageLimits::kMaxTermBytes,
              "a filter term (prefix + value) could exceed Xapian's term limit");
static_assert(1 + core::Analyzer::kMaxTermBytes <= PassageLimits::kMaxTermBytes,
              "a word term could exceed Xapian's term limit");
static_assert(1 + core::kMaxSymbolBytes <= PassageLimits::kMaxTermBytes,
              "a symbol term could exceed Xapian's term limit");
static_assert(PassageLimits::kMaxRecordBytes <= core::kMaxRecordBytes,
              "searchers would refuse records the indexer stores");

std::string join_section(const std::vector<std::string>& path) {
  std::string joined;
  for (const auto& heading : path) {
    if (!joined.empty()) joined += " > ";
    joined += heading;
  }
  return joined;
}

// Feeds what the analyzer finds into a passage document (layout: schema.h).
class PostingSink : public core::TokenSink {
 public:
  // `sentence_offsets`: byte offsets where a sentence after the first starts (sentences.h).
  // `unpositioned`: counts of the gram and symbol terms met, added to the document with the
  // word terms once the passage's length is known (build()).
  PostingSink(DocumentBuilder::TermCounts* unpositioned, std::string* buffer,
              core::PositionListBuilder* positions, DocumentBuilder::Variants* variants,
              std::size_t* longest_term, const std::vector<std::uint32_t>* sentence_offsets,
              core::Analyzer* analyzer, std::string_view language,
              std::vector<std::uint64_t>* word_pairs, std::vector<std::string>* pair_terms,
              std::vector<std::pair<std::string, std::string>>* exact_surfaces,
              core::StringIndex* words_met, std::vector<char>* listed_before,
              const core::StringIndex* reported_before)
      : words_met_(words_met),
        listed_before_(listed_before),
        reported_before_(reported_before),
        word_pairs_(word_pairs),
        pair_terms_(pair_terms),
        exact_surfaces_(exact_surfaces),
        analyzer_(analyzer),
        language_(language),
        unpositioned_(unpositioned),
        term_(buffer),
        positions_(positions),
        variants_(variants),
        longest_term_(longest_term),
        sentence_offsets_(sentence_offsets) {}

  // A word's stem goes to the vocabulary once per passage (on_token): asked for then.
  bool wants_stems() const override { return false; }

  void on_token(const core::Token& token) override {
    // The first word at or after a sentence boundary starts that sentence (the /s connector
    // compares word positions, so the analyzer's positions decide, never byte offsets).
    bool starts_sentence = false;
    while (next_sentence_ < sentence_offsets_->size() &&
           token.begin >= (*sentence_offsets_)[next_sentence_]) {
      ++next_sentence_;
      starts_sentence = true;
    }
    if (starts_sentence) positions_->add_sentence_start(token.position);
    // Pairs of consecutive words by their folded forms, so that a phrase's pair is one bit
    // whatever the case or accents written (pair_signature.h).
    const std::uint64_t surface_hash = core::pair_word_hash(token.surface);
    if (previous_position_ != 0 && token.position == previous_position_ + 1)
      word_pairs_->push_back(core::pair_hash(previous_surface_hash_, surface_hash));
    previous_surface_hash_ = surface_hash;
    // Two or three common words in a row: their W-terms (pair_terms.h).
    const bool pair_word = core::is_pair_word(token.surface);
    const bool follows = token.position == previous_position_ + 1;
    const std::size_t run = pair_word ? (follows ? std::min<std::size_t>(run_ + 1, 3) : 1) : 0;
    if (run >= 2) pair_terms_->push_back(core::pair_term(run_surfaces_[1], token.surface));
    if (run == 3)
      pair_terms_->push_back(core::triple_term(run_surfaces_[0], run_surfaces_[1], token.surface));
    if (pair_word) {
      run_surfaces_[0].swap(run_surfaces_[1]);
      run_surfaces_[1].assign(token.surface);
    }
    run_ = run;
    previous_position_ = token.position;
    schema::word_term(token.surface, token.original, term_);
    // Positions go to the passage's position list (position_list.h), not to Xapian's table;
    // the terms reach the document from it, once per distinct term with its impact (build()).
    const bool first_in_passage = positions_->add(*term_, token.position);
    // The term decides the word's forms and stem (the passage has one language): its variants
    // are known from its first occurrence.
    if (!first_in_passage) return;
    const bool written_otherwise = token.original != token.surface;
    if (written_otherwise) exact_surfaces_->emplace_back(*term_, token.surface);
    if (!variants_) return;
    // A word's entries are the same wherever it recurs in one language: listed once per
    // document, and once per shard when build() is given one (its stem is the costly part).
    // The document's own table first: it is small and hot, the shard's is large and cold, and
    // a word recurs in many passages of a document (looking each passage's words up in the
    // shard's table was 3 % of a build's cycles).
    reported_key_.assign(*term_).append(1, '\0').append(language_);
    bool first_in_document = false;
    words_met_->insert(reported_key_, &first_in_document);
    if (!first_in_document) return;
    const bool listed_before =
        reported_before_ && reported_before_->find(reported_key_) != core::StringIndex::kNotFound;
    listed_before_->push_back(listed_before);  // by the word's id in words_met_
    if (listed_before) return;                 // listed with an earlier file of the shard
    if (written_otherwise) variants_->emplace_back(token.surface, *term_);
    // Stems are not terms of the passage: the vocabulary (vocabulary.h) maps Z<stem> to the
    // word's folded form, which a query searches, and to its spelling, which a phrase checks in
    // position lists (query_compiler.cc). That matches exactly the passages a Z<stem> term
    // would, without the quarter of all postings such terms cost Xapian's writer. A stem equal
    // to the folded form needs no entry: the query looks the stem up as a plain term too.
    if (token.kind != core::TokenKind::kWord) return;
    const std::string_view stem = analyzer_->stem(token.lower, language_);
    if (!stem.empty() && stem != token.surface) {
      stem_key_.assign(schema::kStemPrefix).append(stem);
      variants_->emplace_back(stem_key_, token.surface);
      if (written_otherwise) variants_->emplace_back(stem_key_, *term_);
    }
  }
  void on_gram(std::string_view gram) override { add_prefixed(schema::kGramPrefix, gram); }
  void on_symbol(std::string_view symbol, std::uint32_t, std::uint32_t) override {
    add_prefixed(schema::kSymbolMentionPrefix, symbol);
  }

 private:
  void add_prefixed(const char* prefix, std::string_view value) {
    term_->assign(prefix);
    term_->append(value);
    *longest_term_ = std::max(*longest_term_, term_->size());
    ++(*unpositioned_)[*term_];
  }

  core::StringIndex* words_met_;              // (term, language) met in the document, by id
  std::vector<char>* listed_before_;          // by id in words_met_: listed by an earlier build
  const core::StringIndex* reported_before_;  // by earlier builds for the shard, or null
  std::string reported_key_;
  std::vector<std::uint64_t>* word_pairs_;
  std::vector<std::string>* pair_terms_;
  std::vector<std::pair<std::string, std::string>>* exact_surfaces_;
  std::uint64_t previous_surface_hash_ = 0;
  // How many pair words in a row end at the token before (at most 3), and the last two of
  // them (run_surfaces_[1] the last).
  std::size_t run_ = 0;
  std::string run_surfaces_[2];
  std::uint32_t previous_position_ = 0;
  core::Analyzer* analyzer_;
  std::string_view language_;
  DocumentBuilder::TermCounts* unpositioned_;
  std::string* term_;
  core::PositionListBuilder* positions_;
  std::string stem_key_;
  DocumentBuilder::Variants* variants_;
  std::size_t* longest_term_;
  const std::vector<std::uint32_t>* sentence_offsets_;
  std::size_t next_sentence_ = 0;
};

// The place term (schema.h XA) of each unnumbered passage, empty for the others: its run of
// passages under one heading path, the run's size and its position there. A translation of the
// document has the same runs where it has the same structure, whatever its headings say.
std::vector<std::string> place_terms(const std::vector<Passage>& passages) {
  std::vector<std::string> terms(passages.size());
  std::vector<std::size_t> placed;  // the unnumbered passages, in order
  for (std::size_t i = 0; i < passages.size(); ++i)
    if (passages[i].kind == PassageKind::kUnnumbered) placed.push_back(i);
  std::size_t section = 0;
  for (std::size_t begin = 0; begin < placed.size(); ++section) {
    const std::vector<std::string>& path = passages[placed[begin]].section_path;
    std::size_t end = begin + 1;
    while (end < placed.size() && passages[placed[end]].section_path == path) ++end;
    for (std::size_t k = begin; k < end; ++k)
      terms[placed[k]] = schema::place_term(section, end - begin, k - begin + 1);
    begin = end;
  }
  return terms;
}

// What a passage cites: the references in its text, then those of the heading it is under (a
// follow-up letter's "Paragraph 18 (b) of the Concluding Observations" is what each passage of
// that section discusses). A follow-up letter's grade goes to every reference of the passage.
std::vector<core::Reference> passage_references(const Passage& passage, const DocumentInfo& info,
                                                const ReferenceContext& context) {
  std::vector<core::Reference> cited = find_references(passage.text, context);
  // A table cell's bare "(Para. 8)" cites the document its column heading names.
  if (!passage.column_heading.empty())
    if (const auto column = column_reference(passage.column_heading, info))
      for (core::Reference& reference : cited)
        if (reference.symbol.empty() && reference.document.empty() && !reference.label.empty()) {
          reference.symbol = column->symbol;
          reference.document = column->document;
          reference.inferred = column->inferred;
        }
  if (!passage.section_path.empty())
    for (core::Reference& reference : find_references(passage.section_path.back(), context))
      if (!reference.label.empty() &&
          std::find(cited.begin(), cited.end(), reference) == cited.end())
        cited.push_back(std::move(reference));
  if (info.type == doctype::kFollowUpLetter) {
    const std::string grade = find_grade(passage.text);
    if (!grade.empty())
      for (core::Reference& reference : cited)
        if (!reference.label.empty()) reference.grade = grade;
  }
  return cited;
}

}  // namespace

std::string passage_limit_error(std::string_view label, std::size_t record_bytes,
                                std::size_t position_list_bytes, std::size_t longest_term_bytes) {
  const auto over = [label](const char* what, std::size_t bytes, std::size_t limit) {
    return "passage \"" + std::string(label) + "\": " + what + " is " + std::to_string(bytes) +
           " bytes, over the limit of " + std::to_string(limit);
  };
  if (record_bytes > PassageLimits::kMaxRecordBytes)
    return over("its record", record_bytes, PassageLimits::kMaxRecordBytes);
  if (position_list_bytes > PassageLimits::kMaxPositionListBytes)
    return over("its position list", position_list_bytes, PassageLimits::kMaxPositionListBytes);
  if (longest_term_bytes > PassageLimits::kMaxTermBytes)
    return over("a term", longest_term_bytes, PassageLimits::kMaxTermBytes);
  return {};
}

DocumentBuilder::FileFilters DocumentBuilder::file_filters(const std::string& file_key,
                                                           const DocumentInfo& info) {
  FileFilters filters;
  filters.terms.push_back(schema::file_term(file_key));
  const auto add = [&filters](const char* prefix, const std::string& value) {
    if (!value.empty()) filters.terms.push_back(schema::filter_term(prefix, value));
  };
  add(schema::kCommitteePrefix, info.committee);
  add(schema::kTypePrefix, info.type);
  add(schema::kSymbolPrefix, info.symbol);
  if (!info.state.empty()) filters.terms.push_back(schema::state_filter_term(info.state));
  filters.values = schema::file_result_values(file_key, info);
  const std::string date = schema::date_value(info.date);
  if (!date.empty()) filters.values.emplace_back(schema::kDateSlot, date);
  return filters;
}

void DocumentBuilder::add_filter_terms(const FileFilters& filters, const std::string& language,
                                       PassageDocument* doc) {
  for (const std::string& term : filters.terms) doc->add_boolean_term(term);
  for (const auto& [slot, value] : filters.values) doc->set_value(slot, value);
  if (!language.empty()) {
    doc->add_boolean_term(schema::filter_term(schema::kLanguagePrefix, language));
    doc->set_value(schema::kLanguageSlot, schema::language_value(language));
  }
}

void DocumentBuilder::add_word_terms(std::uint32_t length, PassageDocument* doc) {
  // Each word is posted under its folded form, with the impact of all its occurrences however
  // written: a default query reads one posting list per form, and "#Rights" is told from
  // "rights" by the position list, which names the spelling (schema.h).
  std::sort(exact_surfaces_.begin(), exact_surfaces_.end());
  surface_counts_.clear();
  for (const auto& [term, count] : positions_.terms()) {
    longest_term_ = std::max(longest_term_, term.size());
    std::string_view surface = term;
    if (schema::is_exact_term(term)) {
      const auto found = std::lower_bound(
          exact_surfaces_.begin(), exact_surfaces_.end(), term,
          [](const auto& entry, std::string_view wanted) { return entry.first < wanted; });
      // Each E-term's first occurrence gave its folded form (PostingSink::on_token).
      if (found != exact_surfaces_.end() && found->first == term) surface = found->second;
    }
    surface_counts_.emplace_back(surface, count);
  }
  std::sort(surface_counts_.begin(), surface_counts_.end());
  for (std::size_t i = 0; i < surface_counts_.size();) {
    std::uint32_t count = 0;
    std::size_t j = i;
    for (; j < surface_counts_.size() && surface_counts_[j].first == surface_counts_[i].first; ++j)
      count += surface_counts_[j].second;
    doc->add_term(surface_counts_[i].first, core::term_impact(count, length));
    i = j;
  }
}

std::string DocumentBuilder::build(const std::string& file_key, const DocumentInfo& info,
                                   const std::vector<Passage>& passages,
                                   std::vector<PassageDocument>* out, Variants* variants,
                                   std::size_t shard) {
  core::StringIndex* reported_before = nullptr;
  if (shard != kAnyShard) {
    if (words_reported_by_shard_.size() <= shard) words_reported_by_shard_.resize(shard + 1);
    reported_before = &words_reported_by_shard_[shard];
    if (reported_before->size() >= kMaxWordsRemembered) reported_before->clear();
  }
  words_met_.clear();
  listed_before_.clear();
  const std::string error =
      build_passages(file_key, info, passages, out, variants, reported_before);
  // Whatever it returned, the caller hands *variants to the shard's writer (header). An
  // exception leaves the words unremembered: they are listed again.
  if (reported_before)
    for (std::uint32_t id = 0; id < words_met_.size(); ++id)
      if (!listed_before_[id]) reported_before->insert(words_met_.key(id));
  return error;
}

std::string DocumentBuilder::build_passages(const std::string& file_key, const DocumentInfo& info,
                                            const std::vector<Passage>& passages,
                                            std::vector<PassageDocument>* out, Variants* variants,
                                            const core::StringIndex* reported_before) {
  // The writer stores the DocumentInfo as a metadata entry of the file: a manifest can make it
  // as large as it likes.
  const std::size_t info_bytes = core::encode_document(info).size();
  if (info_bytes > PassageLimits::kMaxRecordBytes)
    return "its document information (title, symbol, ...) is " + std::to_string(info_bytes) +
           " bytes, over the limit of " + std::to_string(PassageLimits::kMaxRecordBytes);
  out->reserve(out->size() + passages.size());
  const FileFilters filters = file_filters(file_key, info);
  ReferenceContext references = reference_context(info, passages);
  // Only a document with a symbol has translations to align with.
  const std::vector<std::string> places =
      info.symbol.empty() ? std::vector<std::string>(passages.size()) : place_terms(passages);
  for (std::size_t ordinal = 0; ordinal < passages.size(); ++ordinal) {
    const Passage& passage = passages[ordinal];
    const std::string& language = passage.language.empty() ? info.language : passage.language;
    PassageDocument doc;
    longest_term_ = 0;
    unpositioned_.clear();
    word_pairs_.clear();
    pair_terms_.clear();
    exact_surfaces_.clear();
    sentences_.starts(passage.text, language, &sentence_offsets_);
    PostingSink sink(&unpositioned_, &term_, &positions_, variants, &longest_term_,
                     &sentence_offsets_, &analyzer_, language, &word_pairs_, &pair_terms_,
                     &exact_surfaces_, &words_met_, &listed_before_, reported_before);
    analyzer_.analyze(passage.text, language, sink);
    std::size_t position_list_bytes = 0;
    if (!positions_.empty()) {
      // The writer numbers a sequence in the shard's terms (position_list.h); the rare passage a
      // sequence cannot hold goes spelled out.
      if (!positions_.encode_sequence(&encoded_positions_)) positions_.encode(&encoded_positions_);
      position_list_bytes = encoded_positions_.size();
      doc.set_value(schema::kPositionsSlot, encoded_positions_);
      core::encode_pair_signature(word_pairs_, &pair_signature_);
      if (!pair_signature_.empty()) doc.set_value(schema::kPairSignatureSlot, pair_signature_);
    }
    // A term's wdf is its impact (term_impact.h), against the passage's length in words (in
    // grams for text with no word tokens, such as ideographs the analyzer only cuts into grams).
    std::uint32_t length = 0;
    for (const auto& term_count : positions_.terms()) length += term_count.count;
    if (length == 0)
      for (const auto& [term, count] : unpositioned_) length += count;
    add_word_terms(length, &doc);
    positions_.clear();
    for (const auto& [term, count] : unpositioned_)
      doc.add_term(term, core::term_impact(count, length));
    add_filter_terms(filters, language, &doc);
    if (!places[ordinal].empty()) {
      doc.add_boolean_term(places[ordinal]);
      doc.set_value(schema::kPlaceSlot, places[ordinal]);
    }
    // The boolean terms a passage may make more than once (a label and its head, two references
    // to one document) join its W-terms in one list, each kept once: the segment writer takes a
    // term once per document (glass_segment_writer.h).
    std::vector<std::string>& repeatable = pair_terms_;
    // para:18 finds paragraph 18 and what is under it: 18 (a), "18, recommendation 1".
    if (!passage.label.empty()) repeatable.push_back(schema::paragraph_term(passage.label));
    if (passage.kind != PassageKind::kFootnote) {
      if (!passage.parent.empty()) repeatable.push_back(schema::paragraph_term(passage.parent));
      for (const std::string_view head : schema::paragraph_number_heads(passage.label))
        repeatable.push_back(schema::paragraph_term(head));
    }
    std::vector<core::Reference> cited = passage_references(passage, info, references);
    for (const core::Reference& reference : cited)
      if (!reference.symbol.empty()) references.previous_symbol = reference.symbol;
    for (const core::Reference& reference : cited) {
      for (std::string& term : core::reference_terms(reference))
        repeatable.push_back(std::move(term));
      for (std::string& term : core::grade_terms(reference)) repeatable.push_back(std::move(term));
    }
    // Boolean: a W-term only narrows a phrase's candidates, never weighs.
    std::sort(repeatable.begin(), repeatable.end());
    repeatable.erase(std::unique(repeatable.begin(), repeatable.end()), repeatable.end());
    for (const std::string& term : repeatable) doc.add_boolean_term(term);
    const std::string id_term = schema::id_term(file_key, ordinal);
    doc.add_boolean_term(id_term);

    core::PassageRecord record;
    record.file_key = file_key;
    record.ordinal = static_cast<std::uint32_t>(ordinal);
    record.kind = passage.kind;
    record.label = passage.label;
    record.citation = build_citation(info, passage.kind, passage.label);
    record.section = join_section(passage.section_path);
    record.text = passage.text;
    record.parent = passage.parent;
    record.language = language;
    record.footnotes = passage.footnotes;
    record.first_page = static_cast<std::uint32_t>(std::max(0, passage.first_page));
    record.last_page =
        static_cast<std::uint32_t>(std::max({0, passage.first_page, passage.last_page}));
    record.references = std::move(cited);
    std::string data = core::encode_passage(record);
    // The id term is the longest of the file's own terms (K<file_key> is shorter).
    std::string error = passage_limit_error(passage.label, data.size(), position_list_bytes,
                                            std::max(longest_term_, id_term.size()));
    if (!error.empty()) return error;
    doc.set_value(schema::kRecordSlot, std::move(data));
    out->push_back(std::move(doc));
  }
  return {};
}

}  // namespace treatysearch::ingest
