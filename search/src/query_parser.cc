#include "query_parser.h"

#include <algorithm>

#include "passage_check.h"
#include "schema.h"
#include "symbols.h"
#include "text.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

namespace {

struct Lexeme {
  enum class Kind { kWord, kPhrase, kOpen, kClose, kAnd, kOr, kNot, kMinus, kEnd };
  Kind kind;
  std::string text;
  bool exact = false;  // written with the exact-form mark: #word, #"phrase"
};

// The exact-form mark. '#' is what Westlaw users type to turn off plurals and equivalents.
constexpr char kExactMark = '#';

bool is_quote(std::string_view s, std::size_t i, std::size_t* length) {
  if (s[i] == '"') return *length = 1, true;
  // Typographic quotes, as pasted from Word: “ ” „ (E2 80 9C/9D/9E) and « » (C2 AB/BB).
  if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x9D") == 0 ||
      s.compare(i, 3, "\xE2\x80\x9E") == 0)
    return *length = 3, true;
  if (s.compare(i, 2, "\xC2\xAB") == 0 || s.compare(i, 2, "\xC2\xBB") == 0)
    return *length = 2, true;
  return false;
}

std::string quoted(std::string_view query) {
  constexpr std::size_t kShown = 60;
  std::string shown(query.substr(0, core::utf8_prefix_length(query, kShown)));
  if (shown.size() < query.size()) shown += "...";
  return "query \"" + shown + "\"";
}

[[noreturn]] void fail(std::string_view query, const std::string& problem) {
  throw Error(ErrorCode::kInvalidArgument, quoted(query) + ": " + problem);
}

std::vector<Lexeme> lex(std::string_view q) {
  std::vector<Lexeme> out;
  std::size_t i = 0;
  while (i < q.size()) {
    if (core::is_ascii_space(q[i])) {
      ++i;
      continue;
    }
    bool exact = false;
    std::size_t quote_length = 0;
    if (q[i] == kExactMark && i + 1 < q.size() && !core::is_ascii_space(q[i + 1]) &&
        q[i + 1] != '(' && q[i + 1] != ')') {
      exact = true;
      ++i;
    }
    if (is_quote(q, i, &quote_length)) {
      // A phrase runs to the next quote mark; a missing closing quote ends it at the end of
      // the query (pasted text often loses one).
      std::size_t j = i + quote_length;
      std::size_t close_length = 0;
      while (j < q.size() && !is_quote(q, j, &close_length)) ++j;
      out.push_back({Lexeme::Kind::kPhrase,
                     std::string(q.substr(i + quote_length, j - i - quote_length)), exact});
      i = j < q.size() ? j + close_length : j;
      continue;
    }
    if (q[i] == '(') {
      out.push_back({Lexeme::Kind::kOpen, "("}), ++i;
      continue;
    }
    if (q[i] == ')') {
      out.push_back({Lexeme::Kind::kClose, ")"}), ++i;
      continue;
    }
    if (q[i] == '-' && i + 1 < q.size() && !core::is_ascii_space(q[i + 1]) &&
        (out.empty() || i == 0 || core::is_ascii_space(q[i - 1]) || q[i - 1] == '(')) {
      out.push_back({Lexeme::Kind::kMinus, "-"}), ++i;
      continue;
    }
    std::size_t j = i;
    while (j < q.size() && !core::is_ascii_space(q[j]) && q[j] != '(' && q[j] != ')' &&
           !is_quote(q, j, &quote_length))
      ++j;
    std::string word(q.substr(i, j - i));
    if (exact)
      out.push_back({Lexeme::Kind::kWord, std::move(word), true});
    else if (word == "AND")
      out.push_back({Lexeme::Kind::kAnd, word});
    else if (word == "OR")
      out.push_back({Lexeme::Kind::kOr, word});
    else if (word == "NOT")
      out.push_back({Lexeme::Kind::kNot, word});
    else
      out.push_back({Lexeme::Kind::kWord, std::move(word)});
    i = j;
  }
  out.push_back({Lexeme::Kind::kEnd, ""});
  return out;
}

class Parser {
 public:
  Parser(std::string_view query, std::vector<Lexeme> lexemes)
      : query_(query), lexemes_(std::move(lexemes)) {}

  QueryNode parse() {
    QueryNode root = parse_or(0);
    if (peek() == Lexeme::Kind::kClose) fail(query_, "unbalanced ')'");
    if (peek() != Lexeme::Kind::kEnd) fail(query_, "unexpected '" + lexemes_[pos_].text + "'");
    return root;
  }

 private:
  Lexeme::Kind peek() const { return lexemes_[pos_].kind; }

  void check_depth(std::size_t depth) {
    if (depth > QueryLimits::kMaxNesting)
      fail(query_, "nested more than " + std::to_string(QueryLimits::kMaxNesting) + " levels deep");
  }

  static QueryNode join(QueryNode::Type type, std::vector<QueryNode> parts) {
    if (parts.size() == 1) return std::move(parts.front());
    QueryNode node;
    node.type = type;
    node.children = std::move(parts);
    return node;
  }

  QueryNode parse_or(std::size_t depth) {
    std::vector<QueryNode> parts;
    parts.push_back(parse_and(depth));
    while (peek() == Lexeme::Kind::kOr) {
      ++pos_;
      parts.push_back(parse_and(depth));
    }
    return join(QueryNode::Type::kOr, std::move(parts));
  }

  QueryNode parse_and(std::size_t depth) {
    std::vector<QueryNode> parts;
    parts.push_back(parse_sequence(depth));
    while (peek() == Lexeme::Kind::kAnd) {
      ++pos_;
      parts.push_back(parse_sequence(depth));
    }
    return join(QueryNode::Type::kAnd, std::move(parts));
  }

  QueryNode parse_sequence(std::size_t depth) {
    std::vector<QueryNode> parts;
    while (starts_operand(peek())) parts.push_back(parse_unary(depth));
    if (parts.empty()) {
      if (peek() == Lexeme::Kind::kEnd) fail(query_, "an operator is missing a word after it");
      fail(query_, "'" + lexemes_[pos_].text + "' needs a word before it");
    }
    return join(QueryNode::Type::kAll, std::move(parts));
  }

  static bool starts_operand(Lexeme::Kind kind) {
    return kind == Lexeme::Kind::kWord || kind == Lexeme::Kind::kPhrase ||
           kind == Lexeme::Kind::kOpen || kind == Lexeme::Kind::kNot ||
           kind == Lexeme::Kind::kMinus;
  }

  QueryNode parse_unary(std::size_t depth) {
    if (peek() == Lexeme::Kind::kNot || peek() == Lexeme::Kind::kMinus) {
      check_depth(depth + 1);
      ++pos_;
      if (!starts_operand(peek())) fail(query_, "NOT needs a word after it");
      QueryNode node;
      node.type = QueryNode::Type::kNot;
      node.children.push_back(parse_unary(depth + 1));
      return node;
    }
    if (peek() == Lexeme::Kind::kOpen) {
      check_depth(depth + 1);
      ++pos_;
      if (peek() == Lexeme::Kind::kClose) fail(query_, "empty parentheses");
      QueryNode inner = parse_or(depth + 1);
      if (peek() != Lexeme::Kind::kClose) fail(query_, "missing ')'");
      ++pos_;
      return inner;
    }
    QueryNode leaf;
    leaf.type = peek() == Lexeme::Kind::kPhrase ? QueryNode::Type::kPhrase : QueryNode::Type::kWord;
    leaf.exact = lexemes_[pos_].exact;
    leaf.text = lexemes_[pos_++].text;
    return leaf;
  }

  std::string_view query_;
  std::vector<Lexeme> lexemes_;
  std::size_t pos_ = 0;
};

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
           HighlightTerms* highlights)
      : analyzer_(analyzer), context_(context), original_(original), highlights_(highlights) {}

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
  // seen at indexing time (capitalised, accented), from the synonym table. Exact (#): the form
  // as written only.
  std::vector<std::string> position_terms(const TokenCollector::Item& item, bool exact) {
    namespace schema = core::schema;
    if (exact) {
      highlights_->originals.insert(item.original);
      return {item.original == item.surface ? item.surface : schema::kExactPrefix + item.original};
    }
    highlights_->surfaces.insert(item.surface);
    std::vector<std::string> terms{item.surface};
    if (context_.variants) context_.variants(item.surface, &terms);
    return terms;
  }

  // One typed word: its forms and its stem in each candidate language, as a synonym group, so
  // the word is weighed once however many of its forms a passage contains (like a stemmed
  // field: "discriminated" and "discrimination" count alike). The synonym table maps Z<stem> to
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

  static Part word_part(std::vector<std::string> terms) {
    Part part;
    part.wide = terms.size() == 1
                    ? Xapian::Query(terms.front())
                    : Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    part.sure = part.wide;
    part.exact = Predicate::any_term(std::move(terms), /*positional=*/true);
    return part;
  }

  bool compile_text(const QueryNode& node, Part* out) {
    const bool phrase = node.type == QueryNode::Type::kPhrase;
    // A document symbol typed as a word is one exact term.
    if (!phrase && core::is_symbol(node.text, /*any_case=*/true)) {
      count_terms(1);
      const std::string term = core::schema::kSymbolMentionPrefix + core::symbol_key(node.text);
      out->wide = out->sure = Xapian::Query(term);
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
      *out = word_part(word_terms(tokens.items.front(), node.exact));
      return true;
    }
    // A quoted phrase, or a typed word that analyzes into several tokens (co-operation, a
    // Chinese word): the sequence of its forms. Xapian matches and ranks the AND of the words
    // (as its OP_PHRASE would); the sequence is checked in the passages' position lists.
    std::vector<std::vector<std::string>> groups;
    std::vector<Xapian::Query> words;
    for (const auto& item : tokens.items) {
      groups.push_back(position_terms(item, node.exact));
      const auto& terms = groups.back();
      words.push_back(terms.size() == 1
                          ? Xapian::Query(terms.front())
                          : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    Part sequence;
    if (words.size() == 1) {
      sequence.wide = sequence.sure = words.front();
      sequence.exact = Predicate::any_term(std::move(groups.front()), /*positional=*/true);
    } else {
      sequence.wide = all_of(words);  // sequence.sure stays empty: no posting proves an order
      sequence.exact = Predicate::sequence(std::move(groups));
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
          grams.emplace_back(term);
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
  std::size_t term_count_ = 0;
  std::string overlong_word_;  // shortened, for the message
};

}  // namespace

QueryNode parse_query(std::string_view query) {
  if (query.size() > QueryLimits::kMaxQueryBytes)
    fail(query, "longer than " + std::to_string(QueryLimits::kMaxQueryBytes) + " bytes");
  if (!core::is_valid_utf8(query)) fail(query, "not valid UTF-8");
  if (std::all_of(query.begin(), query.end(), core::is_ascii_space)) fail(query, "empty query");
  return Parser(query, lex(query)).parse();
}

CompiledQuery compile_query(const QueryNode& root, core::Analyzer& analyzer,
                            const QueryContext& context, std::string_view original) {
  CompiledQuery compiled;
  Compiler compiler(analyzer, context, original, &compiled.highlights);
  Part query;
  if (root.type == QueryNode::Type::kAll) {
    // Side-by-side words at the top level: the searcher ranks passages with every word first
    // (all_words), then those with only some of them (query).
    const auto parts = compiler.compile_parts(root);
    if (parts.positive.empty() && parts.negative.empty())
      fail(original, compiler.no_words_reason());
    query = Compiler::assemble(parts, /*all=*/false);
    if (parts.positive.size() > 1) {
      Part all = Compiler::assemble(parts, /*all=*/true);
      compiled.all_words = all.wide;
      compiled.all_words_sure = all.sure;
      compiled.all_words_check = std::move(all.exact);
    }
  } else if (!compiler.compile(root, &query)) {
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
