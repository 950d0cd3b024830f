// SnapshotImpl::similar: precedent search. The passage's most telling words become a query;
// passages of other States' documents rank first, then of the same State's other documents, then of
// the same document.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "citation_links.h"
#include "filters.h"
#include "index_layout.h"
#include "like_matcher.h"
#include "passage_lookup.h"
#include "ranking.h"
#include "schema.h"
#include "searcher_hits.h"
#include "searcher_snapshot.h"
#include "text.h"

namespace treatysearch::search {

namespace {

namespace schema = core::schema;

// A word found in more than this share of all passages (and in more than this many) says what
// the index is about, not what the passage is about: it is left out of the similarity query,
// as Lucene's MoreLikeThis leaves out words above its maxDocFreqPct. Such words have the longest
// posting lists, and a query holding them reads them whole. The count keeps small indexes,
// where every word is in a large share of the passages, from losing all their words.
constexpr double kCommonWordShare = 0.1;
constexpr Xapian::doccount kCommonWordPassages = 1000;

// The word terms: folded words (however written: schema.h) and ideographic grams; not filter,
// id, file or symbol terms (capital-letter prefixes) nor bare numbers, which say nothing about
// what a passage is about.
bool is_word_term(const std::string& term) {
  if (term.size() < 2) return false;
  const char first = term[0];
  if (core::is_ascii_upper(first)) return term.starts_with(schema::kGramPrefix);
  return !core::is_ascii_digit(first);
}

// One word of the passage: its forms there (folded, capitalised, accented), grouped by stem as
// a query groups them, and how much it tells.
struct TellingWord {
  std::string stem;                   // empty when the language has no stemmer
  std::set<std::string> forms;        // the terms of the passage with this stem
  std::set<std::string> query_terms;  // what a query for it finds (find_query_terms)
  TermFrequencies frequencies;        // passages holding each query term (in the whole index)
  Xapian::termcount count = 0;        // occurrences in the passage
  Xapian::doccount passages = 0;      // passages holding one of its query terms, at most
  double weight = 0;
};

// What a query for the word finds: its forms in the passage and every form sharing its stem in
// the index (the vocabulary's Z<stem> entry, and the stem itself as a word when some passage
// has it), as query_parser.cc groups a typed word; with the passages holding each (one lookup
// per term and shard; one exchange per shard for remote ones).
void find_query_terms(const IndexHandle& handle, const core::Vocabulary& vocabulary,
                      TellingWord* word) {
  std::set<std::string> terms = word->forms;
  if (!word->stem.empty()) {
    // The stem's folded forms; its spellings (E-terms) are not posted.
    for (std::string& form : vocabulary.terms_of(schema::kStemPrefix + word->stem))
      if (!schema::is_exact_term(form)) terms.insert(std::move(form));
    terms.insert(word->stem);
  }
  word->frequencies = term_frequencies(handle.db, {terms.begin(), terms.end()}, handle.backend());
  if (!word->stem.empty() && !word->forms.contains(word->stem) &&
      word->frequencies[word->stem] == 0) {
    terms.erase(word->stem);
    word->frequencies.erase(word->stem);
  }
  word->query_terms = std::move(terms);
}

// A folded form's occurrences in the passage, and its first spelling in lower case (what the
// stemmer takes: the folded form has lost its accents).
struct Occurrences {
  Xapian::termcount count = 0;
  std::string lower;
};
using TermCounts = std::map<std::string, Occurrences, std::less<>>;

// Counts the word terms of a passage as the indexer posts them: by folded form, however
// written (document_builder.cc).
class WordCounter : public core::TokenSink {
 public:
  explicit WordCounter(TermCounts* counts) : counts_(counts) {}
  void on_token(const core::Token& token) override {
    auto found = counts_->find(token.surface);
    if (found == counts_->end())
      found = counts_->emplace(std::string(token.surface), Occurrences{0, std::string(token.lower)})
                  .first;
    ++found->second.count;
  }
  // Ideographic grams are posted as B-terms (document_builder.cc).
  void on_gram(std::string_view gram) override {
    std::string term = schema::kGramPrefix + std::string(gram);
    auto found = counts_->find(term);
    if (found == counts_->end()) found = counts_->emplace(term, Occurrences{0, term}).first;
    ++found->second.count;
  }

 private:
  TermCounts* counts_;
};

// How often the passage has each of its word terms: the wdf is an impact (term_impact.h),
// saturated, while a word the passage repeats is its topic. From the shared analyzer over the
// passage's text, not from its position list, which names terms by their number in the shard
// (position_list.h): the text is at hand, a number's term is not.
TermCounts occurrences(core::Analyzer& analyzer, std::string_view text, std::string_view language) {
  TermCounts counts;
  WordCounter counter(&counts);
  analyzer.analyze(text, language, counter);
  return counts;
}

// The passage's most telling words, as Lucene's MoreLikeThis picks them: by tf-idf (the count
// in the passage, whose repeated words are its topic, times the log of the inverse share of
// passages holding the word), leaving out words in no other passage (they cannot find one).
// Best first, at most ResultLimits::kSimilarTerms. `docid` is the passage's in handle.db,
// whose documents interleave the shards'.
std::vector<TellingWord> telling_words(IndexHandle& handle, Xapian::docid docid,
                                       std::string_view text, const std::string& language) {
  const Xapian::Database& db = handle.db;
  const core::Vocabulary vocabulary(handle.shards, handle.backend());
  std::map<std::string, TellingWord> by_key;
  const TermCounts counts = occurrences(handle.analyzer, text, language);
  // The passage's terms, with their frequencies in its own shard, where the index's would cost
  // a lookup per shard (a remote shard answers them all in one exchange). They are at most the
  // index's, so the weights below stay upper bounds. A term no passage of the shard holds is
  // not one the indexer posted.
  std::vector<std::string> terms;
  for (const auto& [term, occurrences] : counts)
    if (is_word_term(term)) terms.push_back(term);
  const Xapian::Database& shard =
      handle.shards[core::layout::shard_of_docid(docid, handle.shards.size())];
  const TermFrequencies in_shard = term_frequencies(shard, terms, handle.backend());
  for (const std::string& term : terms) {
    const Xapian::doccount frequency = in_shard.at(term);
    if (frequency == 0) continue;
    const Occurrences& counted = counts.find(term)->second;
    std::string stem = term.starts_with(schema::kGramPrefix)
                           ? std::string()
                           : std::string(handle.analyzer.stem(counted.lower, language));
    TellingWord& word = by_key[stem.empty() ? term : stem];
    word.stem = std::move(stem);
    word.forms.insert(term);
    word.count += counted.count;
    word.passages = std::max(word.passages, frequency);
  }
  const Xapian::doccount all = db.get_doccount();
  const double passages = static_cast<double>(all);
  const auto tf_idf = [passages](const TellingWord& word) {
    return static_cast<double>(word.count) * std::log(passages / word.passages);
  };
  // The passage's own forms give an upper bound of each word's weight (the forms a query adds
  // only make it more common); the words are expanded best bound first, until no bound can
  // beat the last word kept, which spares most vocabulary lookups.
  std::vector<TellingWord> candidates;
  for (auto& [key, word] : by_key) {
    word.weight = tf_idf(word);
    candidates.push_back(std::move(word));
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const TellingWord& a, const TellingWord& b) { return a.weight > b.weight; });
  std::vector<TellingWord> words;
  std::vector<double> kept;  // weights of `words`, for the bound
  for (TellingWord& word : candidates) {
    if (kept.size() >= ResultLimits::kSimilarTerms) {
      std::nth_element(kept.begin(), kept.begin() + ResultLimits::kSimilarTerms - 1, kept.end(),
                       std::greater<>());
      if (word.weight < kept[ResultLimits::kSimilarTerms - 1]) break;
    }
    // The passages holding some form: the sum of the forms' counts (forms share passages, so
    // this may overcount: a word then looks a little more common than it is).
    find_query_terms(handle, vocabulary, &word);
    std::uint64_t holding = 0;
    for (const auto& [term, frequency] : word.frequencies) holding += frequency;
    word.passages = static_cast<Xapian::doccount>(std::min<std::uint64_t>(holding, all));
    if (word.passages < 2) continue;
    if (word.passages > kCommonWordPassages && word.passages > all * kCommonWordShare) continue;
    word.weight = tf_idf(word);
    kept.push_back(word.weight);
    words.push_back(std::move(word));
  }
  std::sort(words.begin(), words.end(), [](const TellingWord& a, const TellingWord& b) {
    return a.weight != b.weight ? a.weight > b.weight : *a.forms.begin() < *b.forms.begin();
  });
  if (words.size() > ResultLimits::kSimilarTerms) words.resize(ResultLimits::kSimilarTerms);
  return words;
}

Xapian::Query both(const Xapian::Query& a, const Xapian::Query& b) {
  return a.empty() ? b : Xapian::Query(Xapian::Query::OP_AND, a, b);
}

Xapian::Query either(const Xapian::Query& a, const Xapian::Query& b) {
  return Xapian::Query(Xapian::Query::OP_OR, a, b);
}

}  // namespace

SearchResult SnapshotImpl::similar(const std::string& reference,
                                   const SearchOptions& options) const {
  check_page_options(options);
  const Lease handle = lease();
  Xapian::Database& db = handle->db;
  const FoundPassage passage = find_passage(*handle, index_dir_, reference);
  const std::string own_id = passage_id(passage.record.file_key, passage.record.ordinal);

  SearchResult result;
  result.query = "like:" + own_id;

  const std::string language = passage.record.language.empty()
                                   ? handle->document_info(passage.record.file_key).language
                                   : passage.record.language;
  const std::vector<TellingWord> telling =
      telling_words(*handle, passage.docid, passage.record.text, language);
  if (telling.empty()) return result;  // a passage without shared words is like nothing

  // Each word weighs in the query as it does in the passage, relative to the best one, and as
  // any query word does (its idf, ranking.h).
  std::vector<WeighedWord> words;
  HighlightTerms highlights;
  for (const TellingWord& word : telling) {
    WeighedWord weighed;
    weighed.forms.assign(word.query_terms.begin(), word.query_terms.end());
    weighed.scale =
        word.weight / telling.front().weight * word_idf(db, weighed.forms, &word.frequencies);
    words.push_back(std::move(weighed));
    if (!word.stem.empty()) highlights.stems.insert(word.stem);
    for (const std::string& term : word.forms)
      if (!term.starts_with(schema::kGramPrefix)) highlights.surfaces.insert(term);
  }
  // The tiers: other States' documents, the same State's other documents, the same document;
  // never the passage itself, nor a passage updates superseded.
  const Xapian::Query filters = all_filters(*handle, index_dir_, options.filters);
  const Xapian::Query itself(schema::id_term(passage.record.file_key, passage.record.ordinal));
  const Xapian::Query own =
      handle->dead_query.empty() ? itself : either(itself, handle->dead_query);
  const Xapian::Query same_document(schema::file_term(passage.record.file_key));
  const std::string& state = handle->document_info(passage.record.file_key).state;
  // from_here[t]: tier t and the tiers after it together, whose one estimate is the total once
  // tier t fills the page.
  std::vector<SimilarTier> tiers, from_here;
  if (state.empty()) {
    tiers.push_back({filters, either(own, same_document)});
    from_here.push_back({filters, own});
  } else {
    const Xapian::Query same_state(schema::state_filter_term(state));
    tiers.push_back({filters, either(own, either(same_state, same_document))});
    from_here.push_back({filters, own});
    tiers.push_back({both(filters, same_state), either(own, same_document)});
    from_here.push_back({both(filters, either(same_state, same_document)), own});
  }
  tiers.push_back({both(filters, same_document), own});
  from_here.push_back(tiers.back());

  // Local shards add the words' scores up once for every tier (similarity_scores.h); remote
  // ones run the OR, which the stock server knows.
  const LikeMatcher matcher(handle->shards, words, handle->remote);
  std::vector<Tier> paged;
  for (std::size_t t = 0; t < tiers.size(); ++t)
    paged.push_back({tier_query(matcher.like(), tiers[t]),
                     {},
                     [&matcher, &tier = tiers[t]](std::size_t first, std::size_t maxitems,
                                                  std::size_t check_at_least) {
                       return matcher.match(tier, first, maxitems, check_at_least, false);
                     },
                     [&matcher, &rest = from_here[t]] { return matcher.estimate(rest); }});
  const TieredPage page =
      page_through_tiers(handle->shards, MatchSettings{}, paged, options.offset, options.limit);
  result.total = page.total;
  for (const PageSlice& slice : page.slices) {
    std::size_t rank = slice.first_rank;
    for (const ShardedMatch& match : slice.matches)
      result.hits.push_back(make_hit(*handle, index_dir_, match.document, rank++, match.weight,
                                     highlights, options.snippet_chars));
  }
  std::vector<Hit*> shown;
  for (Hit& hit : result.hits) shown.push_back(&hit);
  add_citation_links(*handle, index_dir_, shown);
  return result;
}

}  // namespace treatysearch::search
