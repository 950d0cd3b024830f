#include "query_parser.h"

#include <algorithm>

#include "schema.h"
#include "symbols.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"
#include "utf8.h"

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

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
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
    if (is_space(q[i])) {
      ++i;
      continue;
    }
    bool exact = false;
    std::size_t quote_length = 0;
    if (q[i] == kExactMark && i + 1 < q.size() && !is_space(q[i + 1]) && q[i + 1] != '(' &&
        q[i + 1] != ')') {
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
    if (q[i] == '-' && i + 1 < q.size() && !is_space(q[i + 1]) &&
        (out.empty() || i == 0 || is_space(q[i - 1]) || q[i - 1] == '(')) {
      out.push_back({Lexeme::Kind::kMinus, "-"}), ++i;
      continue;
    }
    std::size_t j = i;
    while (j < q.size() && !is_space(q[j]) && q[j] != '(' && q[j] != ')' &&
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

class Compiler {
 public:
  Compiler(core::Analyzer& analyzer, const QueryContext& context, std::string_view original,
           HighlightTerms* highlights)
      : analyzer_(analyzer), context_(context), original_(original), highlights_(highlights) {}

  // Returns false for a node that analyzed to nothing (only punctuation): it is dropped.
  bool compile(const QueryNode& node, Xapian::Query* out) {
    switch (node.type) {
      case QueryNode::Type::kWord:
      case QueryNode::Type::kPhrase:
        return compile_text(node, out);
      case QueryNode::Type::kNot: {
        Xapian::Query inner;
        if (!compile(node.children.front(), &inner)) return false;
        *out = Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, inner);
        return true;
      }
      case QueryNode::Type::kOr: {
        std::vector<Xapian::Query> parts;
        for (const auto& child : node.children) {
          Xapian::Query q;
          if (compile(child, &q)) parts.push_back(q);
        }
        if (parts.empty()) return false;
        *out = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
        return true;
      }
      case QueryNode::Type::kAll:
      case QueryNode::Type::kAnd:
        return compile_conjunction(node, out);
    }
    return false;
  }

  std::size_t term_count() const { return term_count_; }

  struct Parts {
    std::vector<Xapian::Query> positive, negative;
  };

  // Compiles the children of a conjunction, separating negated ones (NOT x, -x).
  Parts compile_parts(const QueryNode& node) {
    Parts parts;
    for (const auto& child : node.children) {
      Xapian::Query q;
      if (child.type == QueryNode::Type::kNot) {
        if (compile(child.children.front(), &q)) parts.negative.push_back(q);
      } else if (compile(child, &q)) {
        parts.positive.push_back(q);
      }
    }
    return parts;
  }

  // `combine` joins the positive parts; negated parts are subtracted from the result.
  static Xapian::Query assemble(const Parts& parts, Xapian::Query::op combine) {
    Xapian::Query result = parts.positive.empty() ? Xapian::Query::MatchAll
                                                  : Xapian::Query(combine, parts.positive.begin(),
                                                                  parts.positive.end());
    if (parts.negative.empty()) return result;
    return Xapian::Query(
        Xapian::Query::OP_AND_NOT, result,
        Xapian::Query(Xapian::Query::OP_OR, parts.negative.begin(), parts.negative.end()));
  }

 private:
  bool compile_conjunction(const QueryNode& node, Xapian::Query* out) {
    const Parts parts = compile_parts(node);
    if (parts.positive.empty() && parts.negative.empty()) return false;
    *out = assemble(parts, Xapian::Query::OP_AND);
    return true;
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
  Xapian::Query word_query(const TokenCollector::Item& item, bool exact) {
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
    if (terms.size() == 1) return Xapian::Query(terms.front());
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

  bool compile_text(const QueryNode& node, Xapian::Query* out) {
    const bool phrase = node.type == QueryNode::Type::kPhrase;
    // A document symbol typed as a word is one exact term.
    if (!phrase && core::is_symbol(node.text, /*any_case=*/true)) {
      count_terms(1);
      *out = Xapian::Query(core::schema::kSymbolMentionPrefix + core::symbol_key(node.text));
      highlights_->symbols.insert(core::symbol_key(node.text));
      return true;
    }
    TokenCollector tokens;
    analyzer_.analyze(node.text, "", tokens);
    if (tokens.items.empty()) return false;
    count_terms(tokens.items.size());
    if (tokens.items.size() == 1 && !phrase &&
        tokens.items.front().kind != core::TokenKind::kIdeographic) {
      *out = word_query(tokens.items.front(), node.exact);
      return true;
    }
    // A quoted phrase, or a typed word that analyzes into several tokens (co-operation, a
    // Chinese word): the sequence of its forms.
    std::vector<Xapian::Query> positions;
    for (const auto& item : tokens.items) {
      const std::vector<std::string> terms = position_terms(item, node.exact);
      positions.push_back(terms.size() == 1
                              ? Xapian::Query(terms.front())
                              : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    Xapian::Query sequence =
        positions.size() == 1
            ? positions.front()
            : Xapian::Query(Xapian::Query::OP_PHRASE, positions.begin(), positions.end(),
                            static_cast<Xapian::termcount>(positions.size()));
    if (!node.exact && tokens.all_ideographic()) {
      // ICU's dictionary may split the same characters differently in the passage's context;
      // all of the query's character grams in one passage match too.
      for (const auto& item : tokens.items) highlights_->ideographic.push_back(item.surface);
      std::string run;
      for (const auto& item : tokens.items) run += item.surface;
      highlights_->ideographic.push_back(run);
      std::vector<Xapian::Query> grams;
      for (const auto& gram : tokens.grams)
        if (core::count_code_points(gram) == 2 || tokens.grams.size() == 1)
          grams.emplace_back(core::schema::kGramPrefix + gram);
      if (!grams.empty())
        sequence = Xapian::Query(Xapian::Query::OP_OR, sequence,
                                 Xapian::Query(Xapian::Query::OP_AND, grams.begin(), grams.end()));
    }
    *out = sequence;
    return true;
  }

  core::Analyzer& analyzer_;
  const QueryContext& context_;
  std::string_view original_;
  HighlightTerms* highlights_;
  std::size_t term_count_ = 0;
};

}  // namespace

QueryNode parse_query(std::string_view query) {
  if (query.size() > QueryLimits::kMaxQueryBytes)
    fail(query, "longer than " + std::to_string(QueryLimits::kMaxQueryBytes) + " bytes");
  if (!core::is_valid_utf8(query)) fail(query, "not valid UTF-8");
  if (std::all_of(query.begin(), query.end(), is_space)) fail(query, "empty query");
  return Parser(query, lex(query)).parse();
}

CompiledQuery compile_query(const QueryNode& root, core::Analyzer& analyzer,
                            const QueryContext& context, std::string_view original) {
  CompiledQuery compiled;
  Compiler compiler(analyzer, context, original, &compiled.highlights);
  if (root.type == QueryNode::Type::kAll) {
    // Side-by-side words at the top level: the searcher ranks passages with every word first
    // (all_words), then those with only some of them (query).
    const auto parts = compiler.compile_parts(root);
    if (parts.positive.empty() && parts.negative.empty())
      fail(original, "no searchable words (only punctuation or symbols)");
    compiled.query = Compiler::assemble(parts, Xapian::Query::OP_OR);
    if (parts.positive.size() > 1)
      compiled.all_words = Compiler::assemble(parts, Xapian::Query::OP_AND);
  } else if (!compiler.compile(root, &compiled.query)) {
    fail(original, "no searchable words (only punctuation or symbols)");
  }
  compiled.term_count = compiler.term_count();
  return compiled;
}

}  // namespace treatysearch::search
