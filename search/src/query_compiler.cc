// Compiling a parsed query (query_parser.h) into Xapian queries and the predicates checked per
// passage (passage_check.h), with the shared analyzer.
#include <algorithm>
#include <map>

#include "pair_terms.h"
#include "passage_check.h"
#include "query_fields.h"
#include "query_parser.h"
#include "ranking.h"
#include "schema.h"
#include "symbols.h"
#include "text.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"
#include "truncation.h"

namespace treatysearch::search {

namespace {

// The words of `text` separated by ASCII spaces (a phrase's pieces, as typed).
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && core::is_ascii_space(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && !core::is_ascii_space(text[j])) ++j;
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

// Collects what the analyzer finds in one word or phrase.
class TokenCollector : public core::TokenSink {
 public:
  struct Item {
    std::string surface, original, lower;
    core::TokenKind kind;
  };
  void on_token(const core::Token& token) override {
    items.push_back({std::string(token.surface), std::string(token.original),
                     std::string(token.lower), token.kind});
  }
  void on_gram(std::string_view gram) override { grams.emplace_back(gram); }
  bool all_ideographic() const {
    return std::all_of(items.begin(), items.end(),
                       [](const Item& i) { return i.kind == core::TokenKind::kIdeographic; });
  }
  std::vector<Item> items;
  std::vector<std::string> grams;
};

// A compiled part of the query. Xapian matches `wide`, a superset of what the part means (a
// phrase: the AND of its words); `sure` is a subset (a phrase: nothing), used where the part is
// subtracted; `exact` is the meaning, checked per passage when it has a phrase
// (passage_check.h). Without a phrase the three agree.
struct Part {
  Xapian::Query wide, sure;  // an empty Xapian::Query matches nothing
  Predicate exact;
};

Xapian::Query all_of(const std::vector<Xapian::Query>& queries) {
  if (queries.empty()) return Xapian::Query::MatchAll;
  for (const auto& q : queries)
    if (q.empty()) return {};
  if (queries.size() == 1) return queries.front();
  return Xapian::Query(Xapian::Query::OP_AND, queries.begin(), queries.end());
}

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
  std::vector<Xapian::Query> some;
  for (const auto& q : queries)
    if (!q.empty()) some.push_back(q);
  if (some.size() <= 1) return some.empty() ? Xapian::Query() : some.front();
  return Xapian::Query(Xapian::Query::OP_OR, some.begin(), some.end());
}

Xapian::Query but_not(const Xapian::Query& kept, const Xapian::Query& removed) {
  if (kept.empty() || removed.empty()) return kept;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, kept, removed);
}

class Compiler {
 public:
  Compiler(core::Analyzer& analyzer, const QueryContext& context, std::string_view original,
           HighlightTerms* highlights, std::vector<std::string>* warnings)
      : analyzer_(analyzer),
        context_(context),
        original_(original),
        highlights_(highlights),
        warnings_(warnings) {}

  // Returns false for a node that analyzed to nothing (only punctuation): it is dropped.
  bool compile(const QueryNode& node, Part* out) {
    switch (node.type) {
      case QueryNode::Type::kWord:
      case QueryNode::Type::kPhrase:
        return compile_text(node, out);
      case QueryNode::Type::kNot: {
        Part inner;
        if (!compile(node.children.front(), &inner)) return false;
        out->wide = but_not(Xapian::Query::MatchAll, inner.sure);
        out->sure = but_not(Xapian::Query::MatchAll, inner.wide);
        out->exact = Predicate::negate(std::move(inner.exact));
        return true;
      }
      case QueryNode::Type::kOr: {
        std::vector<Part> parts;
        for (const auto& child : node.children) {
          Part part;
          if (compile(child, &part)) parts.push_back(std::move(part));
        }
        if (parts.empty()) return false;
        *out = either(std::move(parts));
        return true;
      }
      case QueryNode::Type::kAll:
      case QueryNode::Type::kAnd:
        return compile_conjunction(node, out);
      case QueryNode::Type::kConnector:
        return compile_connector(node, out);
      case QueryNode::Type::kField:
        return false;  // taken out of the tree before compiling (compile_query)
    }
    return false;
  }

  std::size_t term_count() const { return term_count_; }

  // Why the query has no searchable words: a word over the analyzer's length limit (skipped
  // in passages and queries alike), else only punctuation or symbols.
  std::string no_words_reason() const {
    if (overlong_word_.empty()) return "no searchable words (only punctuation or symbols)";
    return "no searchable words (\"" + overlong_word_ + "\" is longer than the limit of " +
           std::to_string(core::Analyzer::kMaxTermBytes) + " bytes for a word)";
  }

  struct Parts {
    std::vector<Part> positive, negative;
  };

  // Compiles the children of a conjunction, separating negated ones (NOT x, -x).
  Parts compile_parts(const QueryNode& node) {
    Parts parts;
    for (const auto& child : node.children) {
      Part part;
      if (child.type == QueryNode::Type::kNot) {
        if (compile(child.children.front(), &part)) parts.negative.push_back(std::move(part));
      } else if (compile(child, &part)) {
        parts.positive.push_back(std::move(part));
      }
    }
    return parts;
  }

  // Joins the positive parts (all of them, or any of them); negated parts are subtracted.
  static Part assemble(const Parts& parts, bool all) {
    std::vector<Xapian::Query> wide, sure, wide_negative, sure_negative;
    std::vector<Predicate> exact, exact_negative;
    for (const auto& part : parts.positive) {
      wide.push_back(part.wide);
      sure.push_back(part.sure);
      exact.push_back(part.exact);
    }
    for (const auto& part : parts.negative) {
      wide_negative.push_back(part.wide);
      sure_negative.push_back(part.sure);
      exact_negative.push_back(part.exact);
    }
    Part out;
    const bool none = parts.positive.empty();
    auto join = [&](const std::vector<Xapian::Query>& queries) {
      return none ? Xapian::Query::MatchAll : all ? all_of(queries) : any_of(queries);
    };
    out.wide = but_not(join(wide), any_of(sure_negative));
    out.sure = but_not(join(sure), any_of(wide_negative));
    std::vector<Predicate> meaning;
    if (!none)
      meaning.push_back(Predicate::combine(all ? Predicate::Kind::kAll : Predicate::Kind::kAny,
                                           std::move(exact)));
    for (auto& p : exact_negative) meaning.push_back(Predicate::negate(std::move(p)));
    out.exact = Predicate::combine(Predicate::Kind::kAll, std::move(meaning));
    return out;
  }

 private:
  static Part either(std::vector<Part> parts) {
    Parts any;
    any.positive = std::move(parts);
    return assemble(any, /*all=*/false);
  }

  bool compile_conjunction(const QueryNode& node, Part* out) {
    const Parts parts = compile_parts(node);
    if (parts.positive.empty() && parts.negative.empty()) return false;
    *out = assemble(parts, /*all=*/true);
    return true;
  }

  // Remembers the first word of `text` that the analyzer skipped for its length (ICU's word
  // segments; only a word can be that long).
  void note_overlong_word(std::string_view text) {
    if (!overlong_word_.empty()) return;
    const std::vector<std::uint32_t> cuts = analyzer_.boundaries(text);
    for (std::size_t i = 1; i < cuts.size(); ++i) {
      const std::string_view segment = text.substr(cuts[i - 1], cuts[i] - cuts[i - 1]);
      if (segment.size() <= core::Analyzer::kMaxTermBytes || core::is_ascii_space(segment.front()))
        continue;
      constexpr std::size_t kShown = 20;
      overlong_word_ = std::string(segment.substr(0, core::utf8_prefix_length(segment, kShown)));
      overlong_word_ += "...";
      return;
    }
  }

  void count_terms(std::size_t n) {
    term_count_ += n;
    if (term_count_ > QueryLimits::kMaxTerms)
      fail(original_, "more than " + std::to_string(QueryLimits::kMaxTerms) + " words");
  }

  // The terms one word position can match. Default: the folded form and every spelling of it
  // seen at indexing time (capitalised, accented), from the vocabulary. Exact (#): the form
  // as written only.
  std::vector<std::string> position_terms(const TokenCollector::Item& item, bool exact) {
    namespace schema = core::schema;
    if (exact) {
      highlights_->originals.insert(item.original);
      std::string term;
      schema::word_term(item.surface, item.original, &term);
      if (schema::is_exact_term(term)) folded_of_.emplace(term, item.surface);
      return {std::move(term)};
    }
    highlights_->surfaces.insert(item.surface);
    std::vector<std::string> terms{item.surface};
    if (context_.variants) context_.variants(item.surface, &terms);
    return terms;
  }

  // One typed word: its forms and its stem in each candidate language, as a synonym group, so
  // the word is weighed once however many of its forms a passage contains (like a stemmed
  // field: "discriminated" and "discrimination" count alike). The vocabulary maps Z<stem> to
  // the forms with that stem seen at indexing (schema.h); a form that is its own stem ("right"
  // for "rights") has no entry and is found through its own terms, added here. Each term is
  // in the group once: a posting list read twice would cost the common words a third more.
  std::vector<std::string> word_terms(const TokenCollector::Item& item, bool exact) {
    std::vector<std::string> terms = position_terms(item, exact);
    auto add = [&terms](std::string term) {
      if (std::find(terms.begin(), terms.end(), term) == terms.end())
        terms.push_back(std::move(term));
    };
    if (!exact && item.kind == core::TokenKind::kWord) {
      for (const auto& language : context_.languages) {
        const std::string stem(analyzer_.stem(item.lower, language));
        if (stem.empty()) continue;
        highlights_->stems.insert(stem);
        if (!context_.variants) continue;
        std::vector<std::string> forms;
        context_.variants(core::schema::kStemPrefix + stem, &forms);
        if (stem != item.surface) {
          forms.push_back(stem);
          context_.variants(stem, &forms);
        }
        for (auto& form : forms) add(std::move(form));
      }
    }
    return terms;
  }

  // A word's query weighed by its idf when the context asks for it (ranking.h).
  Xapian::Query weighed(const Xapian::Query& leaf, const std::vector<std::string>& terms) const {
    if (!context_.weigh_by_idf || !context_.database) return leaf;
    return weighed_word(*context_.database, leaf, terms, context_.frequencies);
  }

  // The terms of a word position that have posting lists, each once: its folded forms.
  TermGroup posted_terms(const TermGroup& terms) const {
    TermGroup posted;
    const auto post = [&posted](const std::string& term) {
      if (std::find(posted.begin(), posted.end(), term) == posted.end()) posted.push_back(term);
    };
    for (const std::string& term : terms) {
      if (!core::schema::is_exact_term(term)) {
        post(term);
      } else if (const auto typed = folded_of_.find(term); typed != folded_of_.end()) {
        post(typed->second);  // a #word's spelling: its folded form is posted
      }
    }
    return posted;
  }

  // One word position: any of its terms, weighed as one word. Only folded forms are posted
  // (schema.h): the spellings (E-terms) among `terms` are the position lists' business. No
  // folded form (a truncation that matched nothing) matches nothing.
  Xapian::Query word_query(const TermGroup& terms) const {
    const TermGroup posted = posted_terms(terms);
    if (posted.empty()) return {};
    return weighed(posted.size() == 1
                       ? Xapian::Query(posted.front())
                       : Xapian::Query(Xapian::Query::OP_SYNONYM, posted.begin(), posted.end()),
                   posted);
  }

  Part word_part(std::vector<std::string> terms) const {
    Part part;
    part.wide = word_query(terms);
    part.sure = part.wide;
    part.exact = Predicate::any_term(std::move(terms), /*positional=*/true);
    return part;
  }

  // A #word: the passages with its folded form, where the position list must show the form as
  // written (no posting proves it, as none proves a phrase).
  Part exact_word_part(const TokenCollector::Item& item) {
    Part part;
    TermGroup spelling = position_terms(item, /*exact=*/true);
    part.wide = word_query(spelling);
    part.exact = Predicate::any_term(std::move(spelling), /*positional=*/true, /*spelling=*/true);
    return part;
  }

  // A phrase of consecutive common words needs their W-terms (pair_terms.h): a run of two
  // common words its pair's term, a longer run its triples' where the index has them (they
  // imply the pairs), else its pairs'. A filter on `wide`, which Xapian matches in the W-terms'
  // short posting lists, weighing nothing. When every word is in a run, the passages' pair
  // signatures tell nothing more: `surfaces` is cleared so that the check does not read them.
  // Returns the W-term that is the whole phrase (two common words, or three with triples), if
  // one is: a passage has it exactly where it has the phrase, as the analyzer's positions and
  // folded forms make both. Empty otherwise.
  std::string narrow_by_pairs(Xapian::Query* wide, std::vector<std::string>* surfaces) const {
    const std::vector<std::string>& words = *surfaces;
    std::vector<std::string> terms;
    std::size_t in_runs = 0;  // words in a run of two or more common words
    for (std::size_t begin = 0; begin < words.size();) {
      std::size_t end = begin;
      while (end < words.size() && core::is_pair_word(words[end])) ++end;
      if (end - begin >= 3 && context_.pair_term_words >= 3) {
        for (std::size_t i = begin + 2; i < end; ++i)
          terms.push_back(core::triple_term(words[i - 2], words[i - 1], words[i]));
      } else {
        for (std::size_t i = begin + 1; i < end; ++i)
          terms.push_back(core::pair_term(words[i - 1], words[i]));
      }
      if (end - begin >= 2) in_runs += end - begin;
      begin = std::max(end, begin + 1);
    }
    if (terms.empty()) return {};
    std::vector<Xapian::Query> filters(terms.begin(), terms.end());
    if (in_runs < words.size()) {
      *wide = Xapian::Query(Xapian::Query::OP_FILTER, *wide, all_of(filters));
      return {};
    }
    // Every word is in a run, so the W-terms imply the words': they alone decide the match
    // (weighing nothing) and the words only weigh. Xapian then estimates the matches from the
    // W-terms' frequencies, not from the product of the words' and theirs as if they were
    // independent ("the State party" by its pairs: about 400 of 12,022), and a facet count
    // reads the W-terms' short lists alone (docid_set.h).
    *wide = Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all_of(filters), 0), *wide);
    surfaces->clear();
    return terms.size() == 1 ? terms.front() : std::string();
  }

  // A phrase's words for Xapian to match and weigh, without those in more than half the
  // passages, when another is left: the check finds them in the position lists (or their
  // W-terms prove them), their idf is below ln 1.5 (against 2 to 5 for the words that make a
  // phrase specific), and their posting lists are nearly the whole index, which Xapian decodes
  // entry by entry to skip to each candidate. On the 2 GB corpus "international convention on
  // the elimination of all forms of racial discrimination" took 18 ms a shard with "on", "the"
  // and "of" (in 65-86 % of the passages), 7 without. So Lucene's CommonGrams leaves a phrase's
  // common words to their grams. Only with the index's frequencies (a weighed compilation).
  static constexpr double kCommonShare = 0.5;
  std::vector<Xapian::Query> without_common(const std::vector<Xapian::Query>& words,
                                            const std::vector<TermGroup>& groups) const {
    if (!context_.weigh_by_idf || !context_.database || !context_.frequencies) return words;
    std::vector<Xapian::Query> kept;
    // The posted terms' frequencies are known (the first compilation asked for them): no
    // remote shard is asked again.
    for (std::size_t i = 0; i < words.size(); ++i)
      if (word_share(*context_.database, posted_terms(groups[i]), context_.frequencies) <=
          kCommonShare)
        kept.push_back(words[i]);
    return kept.empty() ? words : kept;
  }

  // What Xapian matches for a sequence of word positions: all of them (an order is checked).
  Xapian::Query sequence_query(const WordSequence& sequence) const {
    std::vector<Xapian::Query> words;
    for (const auto& group : sequence) words.push_back(word_query(group));
    return all_of(words);
  }

  Part sequence_part(WordSequence sequence) const {
    if (sequence.size() == 1) return word_part(std::move(sequence.front()));
    Part part;
    part.wide = sequence_query(sequence);  // part.sure stays empty: no posting proves an order
    part.exact = Predicate::sequence(std::move(sequence));
    return part;
  }

  static bool has_truncation(std::string_view text) {
    for (const auto& piece : words_of(text))
      if (is_truncation(piece)) return true;
    return false;
  }

  // The word terms a truncated word stands for: the index's words that fit it (truncation.h).
  // Says in the warnings when the limit cut some, or none fit.
  TermGroup expand(const QueryNode& node) { return expand(node.text, node.at, node.exact); }

  TermGroup expand(std::string_view word, std::size_t at, bool exact) {
    const std::string where =
        "\"" + std::string(word) + "\" at " + std::to_string(column(original_, at));
    if (exact) fail(original_, where + ": # (exact form) and truncation do not go together");
    WildcardPattern pattern;
    const std::string error = parse_wildcard(word, analyzer_, &pattern);
    if (!error.empty()) fail(original_, where + ": " + error);
    count_terms(1);
    if (!context_.database || !context_.vocabulary) {
      warnings_->push_back("\"" + std::string(word) + "\" was not expanded (no index)");
      return {};
    }
    Expansion expansion =
        expand_wildcard(*context_.database, *context_.vocabulary, pattern,
                        QueryLimits::kMaxExpansions, QueryLimits::kMaxExpansionScan);
    const std::string shown = "\"" + std::string(word) + "\"";
    if (expansion.scan_cut)
      warnings_->push_back(shown + ": more than " + std::to_string(QueryLimits::kMaxExpansionScan) +
                           " words of the index start with \"" + pattern.pieces.front() +
                           "\"; only the first " + std::to_string(QueryLimits::kMaxExpansionScan) +
                           " were considered (type more letters)");
    if (expansion.matched > QueryLimits::kMaxExpansions)
      warnings_->push_back(shown + " matches " + std::to_string(expansion.matched) +
                           " words; only the " + std::to_string(QueryLimits::kMaxExpansions) +
                           " most frequent are searched (type more letters)");
    if (expansion.matched == 0) warnings_->push_back(shown + " matches no word in the index");
    for (const auto& surface : expansion.surfaces) highlights_->surfaces.insert(surface);
    return std::move(expansion.terms);
  }

  // The word positions of a word or phrase, each a group of terms: a word's forms and stems, a
  // phrase's words as written (no stemming), a truncated word's expansions. False when it
  // analyzes to nothing.
  bool sequence_of(const QueryNode& node, WordSequence* out) {
    out->clear();
    const bool phrase = node.type == QueryNode::Type::kPhrase;
    if (!phrase && is_truncation(node.text)) {
      out->push_back(expand(node));
      return true;
    }
    auto add_words = [&](std::string_view text, bool stemmed) {
      TokenCollector tokens;
      analyzer_.analyze(text, "", tokens);
      if (tokens.items.empty()) note_overlong_word(text);
      count_terms(tokens.items.size());
      if (stemmed && tokens.items.size() == 1 &&
          tokens.items.front().kind == core::TokenKind::kWord) {
        out->push_back(word_terms(tokens.items.front(), node.exact));
        return;
      }
      for (const auto& item : tokens.items) out->push_back(position_terms(item, node.exact));
    };
    if (!phrase) {
      add_words(node.text, /*stemmed=*/true);
    } else {
      // A truncated word inside a phrase takes one position, as a word does.
      for (const auto& piece : words_of(node.text)) {
        if (is_truncation(piece))
          out->push_back(expand(piece, node.at, node.exact));
        else
          add_words(piece, /*stemmed=*/false);
      }
    }
    return !out->empty();
  }

  // An operand of a connector: a word, phrase, truncated word or an OR of those (the parser
  // allows nothing else). Its Xapian query is what it matches anywhere in a passage.
  bool operand_of(const QueryNode& node, Operand* operand, std::vector<Xapian::Query>* queries) {
    if (node.type == QueryNode::Type::kOr) {
      bool any = false;
      for (const auto& child : node.children) any = operand_of(child, operand, queries) || any;
      return any;
    }
    WordSequence sequence;
    if (!sequence_of(node, &sequence)) return false;
    queries->push_back(sequence_query(sequence));
    operand->push_back(std::move(sequence));
    return true;
  }

  bool compile_connector(const QueryNode& node, Part* out) {
    const std::string where = node.text + " at " + std::to_string(column(original_, node.at));
    if (node.connector == Connector::kParagraph) {
      // The same paragraph is the same passage: both operands.
      const Parts parts = compile_parts(node);
      if (parts.positive.size() != 2)
        fail(original_, where + ": each side needs a searchable word");
      *out = assemble(parts, /*all=*/true);
      return true;
    }
    Operand left, right;
    std::vector<Xapian::Query> left_queries, right_queries;
    if (!operand_of(node.children[0], &left, &left_queries) ||
        !operand_of(node.children[1], &right, &right_queries))
      fail(original_, where + ": each side needs a searchable word");
    // Xapian matches and ranks both operands anywhere in the passage; the check keeps the
    // passages where they stand as the connector says. Nothing proves that from postings.
    out->wide = all_of({any_of(left_queries), any_of(right_queries)});
    out->sure = Xapian::Query();
    Predicate::Kind kind = Predicate::Kind::kSameSentence;
    std::uint32_t width = node.width;
    switch (node.connector) {
      case Connector::kWithin:
        kind = Predicate::Kind::kNear;
        break;
      case Connector::kPrecedes:
        kind = Predicate::Kind::kPrecedes;
        break;
      case Connector::kSentenceInOrder:
        kind = Predicate::Kind::kPrecedesInSentence;
        break;
      case Connector::kParagraphInOrder:
        // Before it anywhere in the same paragraph, which is the same passage.
        kind = Predicate::Kind::kPrecedes;
        width = kAnyDistance;
        break;
      default:
        break;
    }
    out->exact = Predicate::connector(kind, std::move(left), std::move(right), width);
    return true;
  }

  bool compile_text(const QueryNode& node, Part* out) {
    const bool phrase = node.type == QueryNode::Type::kPhrase;
    if (!phrase && is_truncation(node.text)) {
      *out = word_part(expand(node));
      return true;
    }
    if (phrase && has_truncation(node.text)) {
      WordSequence sequence;
      if (!sequence_of(node, &sequence)) return false;
      *out = sequence_part(std::move(sequence));
      return true;
    }
    // A document symbol typed as a word is one exact term.
    if (!phrase && core::is_symbol(node.text, /*any_case=*/true)) {
      count_terms(1);
      const std::string term = core::schema::kSymbolMentionPrefix + core::symbol_key(node.text);
      out->wide = out->sure = weighed(Xapian::Query(term), {term});
      out->exact = Predicate::any_term({term}, /*positional=*/false);
      highlights_->symbols.insert(core::symbol_key(node.text));
      return true;
    }
    TokenCollector tokens;
    analyzer_.analyze(node.text, "", tokens);
    if (tokens.items.empty()) {
      note_overlong_word(node.text);
      return false;
    }
    count_terms(tokens.items.size());
    if (tokens.items.size() == 1 && !phrase &&
        tokens.items.front().kind != core::TokenKind::kIdeographic) {
      const auto& item = tokens.items.front();
      *out = node.exact ? exact_word_part(item) : word_part(word_terms(item, /*exact=*/false));
      return true;
    }
    // A quoted phrase, or a typed word that analyzes into several tokens (co-operation, a
    // Chinese word): the sequence of its forms. Xapian matches and ranks the AND of the words
    // (as its OP_PHRASE would); the sequence is checked in the passages' position lists.
    std::vector<std::vector<std::string>> groups;
    std::vector<std::string> surfaces;  // for the passages' pair signatures
    std::vector<Xapian::Query> words;
    for (const auto& item : tokens.items) {
      surfaces.push_back(item.surface);
      groups.push_back(position_terms(item, node.exact));
      words.push_back(word_query(groups.back()));
    }
    Part sequence;
    if (words.size() == 1) {
      sequence.wide = words.front();
      if (!node.exact) sequence.sure = sequence.wide;  // a spelling is checked (exact_word_part)
      sequence.exact =
          Predicate::any_term(std::move(groups.front()), /*positional=*/true, node.exact);
    } else {
      sequence.wide = all_of(without_common(words, groups));
      const std::string whole =
          context_.pair_term_words ? narrow_by_pairs(&sequence.wide, &surfaces) : std::string();
      if (!whole.empty() && !node.exact) {
        // One W-term is the phrase (a #spelling is not: W-terms are of folded forms). Xapian
        // matches it exactly, and the check asks a passage for it only when the query needs
        // asking (an OR with a phrase that must be checked).
        sequence.sure = sequence.wide;
        sequence.exact = Predicate::any_term({whole}, /*positional=*/false);
      } else {
        // sequence.sure stays empty: no posting proves an order.
        sequence.exact = Predicate::sequence(std::move(groups), std::move(surfaces));
      }
    }
    if (!node.exact && tokens.all_ideographic()) {
      // ICU's dictionary may split the same characters differently in the passage's context;
      // all of the query's character grams in one passage match too.
      for (const auto& item : tokens.items) highlights_->ideographic.push_back(item.surface);
      std::string run;
      for (const auto& item : tokens.items) run += item.surface;
      highlights_->ideographic.push_back(run);
      std::vector<Xapian::Query> grams;
      std::vector<Predicate> gram_checks;
      for (const auto& gram : tokens.grams)
        if (core::count_code_points(gram) == 2 || tokens.grams.size() == 1) {
          const std::string term = core::schema::kGramPrefix + gram;
          grams.push_back(weighed(Xapian::Query(term), {term}));
          gram_checks.push_back(Predicate::any_term({term}, /*positional=*/false));
        }
      if (!grams.empty()) {
        Part all_grams;
        all_grams.wide = all_grams.sure = all_of(grams);
        all_grams.exact = Predicate::combine(Predicate::Kind::kAll, std::move(gram_checks));
        std::vector<Part> either_way;
        either_way.push_back(std::move(sequence));
        either_way.push_back(std::move(all_grams));
        sequence = either(std::move(either_way));
      }
    }
    *out = std::move(sequence);
    return true;
  }

  core::Analyzer& analyzer_;
  const QueryContext& context_;
  std::string_view original_;
  HighlightTerms* highlights_;
  std::vector<std::string>* warnings_;
  std::size_t term_count_ = 0;
  std::string overlong_word_;  // shortened, for the message
  // The folded form of each spelling a #word typed (position_terms): the term Xapian finds it by.
  std::map<std::string, std::string, std::less<>> folded_of_;
};

// Takes the fields out of `node` (the parser allows them only in the top-level conjunction)
// into *fields; false when nothing else is left of it.
bool take_fields(QueryNode* node, std::string_view query, Filters* fields) {
  if (node->type == QueryNode::Type::kField) {
    add_field(*node, query, fields);
    return false;
  }
  if (node->type != QueryNode::Type::kAll && node->type != QueryNode::Type::kAnd) return true;
  std::vector<QueryNode> kept;
  for (auto& child : node->children)
    if (take_fields(&child, query, fields)) kept.push_back(std::move(child));
  if (kept.empty()) return false;
  if (kept.size() == 1) {
    QueryNode only = std::move(kept.front());
    *node = std::move(only);
  } else {
    node->children = std::move(kept);
  }
  return true;
}

}  // namespace

CompiledQuery compile_query(const QueryNode& root, core::Analyzer& analyzer,
                            const QueryContext& context, std::string_view original) {
  CompiledQuery compiled;
  Compiler compiler(analyzer, context, original, &compiled.highlights, &compiled.warnings);
  QueryNode rest = root;
  if (!take_fields(&rest, original, &compiled.fields)) {
    // Fields alone: every passage they allow (lawyers browse a committee's or a year's work).
    compiled.query = Xapian::Query::MatchAll;
    return compiled;
  }
  Part query;
  if (rest.type == QueryNode::Type::kAll) {
    // Side-by-side words at the top level: the searcher ranks passages with every word first
    // (all_words), then those with only some of them (query).
    const auto parts = compiler.compile_parts(rest);
    if (parts.positive.empty() && parts.negative.empty())
      fail(original, compiler.no_words_reason());
    query = Compiler::assemble(parts, /*all=*/false);
    if (parts.positive.size() > 1) {
      Part all = Compiler::assemble(parts, /*all=*/true);
      compiled.all_words = all.wide;
      compiled.all_words_sure = all.sure;
      compiled.all_words_check = std::move(all.exact);
    }
  } else if (!compiler.compile(rest, &query)) {
    fail(original, compiler.no_words_reason());
  }
  compiled.query = query.wide;
  compiled.query_check = std::move(query.exact);
  compiled.needs_check =
      compiled.query_check.needs_positions() || compiled.all_words_check.needs_positions();
  compiled.term_count = compiler.term_count();
  return compiled;
}

}  // namespace treatysearch::search
