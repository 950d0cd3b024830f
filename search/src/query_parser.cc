#include "query_parser.h"

#include <algorithm>

#include "schema.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"
#include "utf8.h"

namespace treatysearch::search {

namespace {

struct Lexeme {
  enum class Kind { kWord, kPhrase, kOpen, kClose, kAnd, kOr, kNot, kMinus, kEnd };
  Kind kind;
  std::string text;
};

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
    std::size_t quote_length = 0;
    if (is_quote(q, i, &quote_length)) {
      // A phrase runs to the next quote mark; a missing closing quote ends it at the end of
      // the query (pasted text often loses one).
      std::size_t j = i + quote_length;
      std::size_t close_length = 0;
      while (j < q.size() && !is_quote(q, j, &close_length)) ++j;
      out.push_back({Lexeme::Kind::kPhrase, std::string(q.substr(i + quote_length, j - i - quote_length))});
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
    if (word == "AND")
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
    leaf.text = lexemes_[pos_++].text;
    return leaf;
  }

  std::string_view query_;
  std::vector<Lexeme> lexemes_;
  std::size_t pos_ = 0;
};

// Collects the tokens of one word or phrase.
class TokenCollector : public core::TokenSink {
 public:
  struct Item {
    std::string surface, exact;
    core::TokenKind kind;
  };
  void on_token(const core::Token& token) override {
    items.push_back({std::string(token.surface), std::string(token.exact), token.kind});
  }
  std::vector<Item> items;
};

class Compiler {
 public:
  Compiler(core::Analyzer& analyzer, const std::vector<std::string>& languages,
           std::string_view original, HighlightTerms* highlights)
      : analyzer_(analyzer), languages_(languages), original_(original), highlights_(highlights) {}

  // Returns false for a node that analyzed to nothing (only punctuation): it is dropped.
  bool compile(const QueryNode& node, Xapian::Query* out) {
    switch (node.type) {
      case QueryNode::Type::kWord:
        return compile_text(node.text, /*phrase=*/false, out);
      case QueryNode::Type::kPhrase:
        return compile_text(node.text, /*phrase=*/true, out);
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
    Xapian::Query result =
        parts.positive.empty()
            ? Xapian::Query::MatchAll
            : Xapian::Query(combine, parts.positive.begin(), parts.positive.end());
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

  // One typed word: its surface form and its stem in each candidate language, as a synonym
  // group, so that the word is weighed once however many of its forms a passage contains.
  Xapian::Query word_query(const TokenCollector::Item& item) {
    std::vector<std::string> terms{item.surface};
    highlights_->surfaces.insert(item.surface);
    if (item.kind == core::TokenKind::kWord) {
      for (const auto& language : languages_) {
        const std::string_view stem = analyzer_.stem(item.exact, language);
        if (stem.empty()) continue;
        std::string term = core::schema::kStemPrefix + std::string(stem);
        if (std::find(terms.begin(), terms.end(), term) != terms.end()) continue;
        terms.push_back(std::move(term));
        highlights_->stems.emplace(stem);
      }
    }
    if (terms.size() == 1) return Xapian::Query(terms.front());
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

  bool compile_text(const std::string& text, bool phrase, Xapian::Query* out) {
    TokenCollector tokens;
    analyzer_.analyze(text, "", tokens);
    if (tokens.items.empty()) return false;
    count_terms(tokens.items.size());
    if (tokens.items.size() == 1 && !phrase) {
      *out = word_query(tokens.items.front());
      return true;
    }
    // A quoted phrase, or a typed word that analyzes into several tokens (co-operation,
    // CERD/C/KAZ/CO/8-10, a Chinese word): the exact sequence of surface forms.
    std::vector<Xapian::Query> terms;
    for (const auto& item : tokens.items) {
      terms.emplace_back(item.surface);
      highlights_->surfaces.insert(item.surface);
    }
    *out = terms.size() == 1 ? terms.front()
                             : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                             static_cast<Xapian::termcount>(terms.size()));
    return true;
  }

  core::Analyzer& analyzer_;
  const std::vector<std::string>& languages_;
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
                            const std::vector<std::string>& languages,
                            std::string_view original) {
  CompiledQuery compiled;
  Compiler compiler(analyzer, languages, original, &compiled.highlights);
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
