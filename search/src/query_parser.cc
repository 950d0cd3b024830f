// The parser of the query language: lexemes (query_lexer.h) into a QueryNode tree.
#include "query_parser.h"

#include <algorithm>

#include "text.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

namespace {

class Parser {
 public:
  Parser(std::string_view query, std::vector<Lexeme> lexemes)
      : query_(query), lexemes_(std::move(lexemes)) {}

  QueryNode parse() {
    QueryNode root = parse_or(0);
    if (peek() == Lexeme::Kind::kClose)
      fail(query_, "unbalanced parenthesis at " + where() + ": ')' closes nothing");
    if (peek() != Lexeme::Kind::kEnd)
      fail(query_, "unexpected '" + lexemes_[pos_].text + "' at " + where());
    check_fields(root, /*conjunctive=*/true);
    return root;
  }

 private:
  Lexeme::Kind peek() const { return lexemes_[pos_].kind; }
  std::string where() const { return where(lexemes_[pos_].at); }
  std::string where(std::size_t at) const { return std::to_string(column(query_, at)); }

  void check_depth(std::size_t depth) {
    if (depth > QueryLimits::kMaxNesting)
      fail(query_, "nested more than " + std::to_string(QueryLimits::kMaxNesting) +
                       " levels deep at " + where());
  }

  static QueryNode join(QueryNode::Type type, std::vector<QueryNode> parts) {
    if (parts.size() == 1) return std::move(parts.front());
    QueryNode node;
    node.type = type;
    node.at = parts.front().at;
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
      if (peek() == Lexeme::Kind::kEnd)
        fail(query_, "an operator is missing a word after it at " + where());
      if (peek() == Lexeme::Kind::kClose)
        fail(query_, "unbalanced parenthesis at " + where() + ": ')' closes nothing");
      fail(query_, "'" + lexemes_[pos_].text + "' needs a word before it at " + where());
    }
    return join(QueryNode::Type::kAll, std::move(parts));
  }

  static bool starts_operand(Lexeme::Kind kind) {
    return kind == Lexeme::Kind::kWord || kind == Lexeme::Kind::kPhrase ||
           kind == Lexeme::Kind::kOpen || kind == Lexeme::Kind::kNot ||
           kind == Lexeme::Kind::kMinus || kind == Lexeme::Kind::kField;
  }

  QueryNode parse_unary(std::size_t depth) {
    if (peek() == Lexeme::Kind::kNot || peek() == Lexeme::Kind::kMinus) {
      check_depth(depth + 1);
      const std::size_t at = lexemes_[pos_++].at;
      if (!starts_operand(peek())) fail(query_, "NOT at " + where(at) + " needs a word after it");
      QueryNode node;
      node.type = QueryNode::Type::kNot;
      node.at = at;
      node.children.push_back(parse_unary(depth + 1));
      return node;
    }
    return parse_connected(depth);
  }

  // Operands joined by connectors. A chain (a w/3 b /s c) is the conjunction of its links
  // (a w/3 b, b /s c).
  QueryNode parse_connected(std::size_t depth) {
    QueryNode left = parse_primary(depth);
    if (peek() != Lexeme::Kind::kConnector) return left;
    std::vector<QueryNode> links;
    while (peek() == Lexeme::Kind::kConnector) {
      const Lexeme& connector = lexemes_[pos_++];
      check_operand(left, connector, "before");
      if (!starts_operand(peek()) || peek() == Lexeme::Kind::kNot || peek() == Lexeme::Kind::kMinus)
        fail(query_, connector.text + " at " + where(connector.at) +
                         " needs a word, a phrase or a parenthesised OR after it");
      QueryNode right = parse_primary(depth);
      check_operand(right, connector, "after");
      QueryNode link;
      link.type = QueryNode::Type::kConnector;
      link.at = connector.at;
      link.connector = connector.connector;
      link.width = connector.width;
      link.text = connector.text;
      link.children.push_back(std::move(left));
      link.children.push_back(right);
      links.push_back(std::move(link));
      left = std::move(right);
    }
    return join(QueryNode::Type::kAnd, std::move(links));
  }

  static bool is_operand(const QueryNode& node) {
    if (node.type == QueryNode::Type::kWord || node.type == QueryNode::Type::kPhrase) return true;
    return node.type == QueryNode::Type::kOr &&
           std::all_of(node.children.begin(), node.children.end(), is_operand);
  }

  void check_operand(const QueryNode& node, const Lexeme& connector, const char* side) {
    if (is_operand(node)) return;
    fail(query_, connector.text + " at " + where(connector.at) + ": what stands " + side +
                     " it (at " + where(node.at) +
                     ") must be a word, a phrase, a truncated word or a parenthesised OR of "
                     "those");
  }

  QueryNode parse_primary(std::size_t depth) {
    if (peek() == Lexeme::Kind::kOpen) {
      check_depth(depth + 1);
      const std::size_t at = lexemes_[pos_++].at;
      if (peek() == Lexeme::Kind::kClose) fail(query_, "empty parentheses at " + where(at));
      QueryNode inner = parse_or(depth + 1);
      if (peek() != Lexeme::Kind::kClose)
        fail(query_, "unbalanced parenthesis at " + where(at) + ": '(' is never closed");
      ++pos_;
      inner.at = at;
      return inner;
    }
    if (peek() == Lexeme::Kind::kField) {
      const Lexeme& lexeme = lexemes_[pos_++];
      if (++fields_ > QueryLimits::kMaxFields)
        fail(query_, "more than " + std::to_string(QueryLimits::kMaxFields) + " fields (at " +
                         where(lexeme.at) + ")");
      QueryNode field;
      field.type = QueryNode::Type::kField;
      field.text = lexeme.text;
      field.value = lexeme.value;
      field.at = lexeme.at;
      return field;
    }
    if (peek() != Lexeme::Kind::kWord && peek() != Lexeme::Kind::kPhrase)
      fail(query_, "expected a word at " + where());
    QueryNode leaf;
    leaf.type = peek() == Lexeme::Kind::kPhrase ? QueryNode::Type::kPhrase : QueryNode::Type::kWord;
    leaf.exact = lexemes_[pos_].exact;
    leaf.at = lexemes_[pos_].at;
    leaf.text = lexemes_[pos_++].text;
    return leaf;
  }

  // Fields restrict the whole query: they may stand only where every part must hold (the top
  // level, side by side or joined by AND), never under OR, NOT or a connector.
  void check_fields(const QueryNode& node, bool conjunctive) const {
    if (node.type == QueryNode::Type::kField) {
      if (!conjunctive)
        fail(query_, node.text + ":" + node.value + " at " + where(node.at) +
                         ": a field restricts the whole query; put it at the top level, not "
                         "under OR or NOT");
      return;
    }
    const bool keeps =
        conjunctive && (node.type == QueryNode::Type::kAll || node.type == QueryNode::Type::kAnd);
    for (const auto& child : node.children) check_fields(child, keeps);
  }

  std::string_view query_;
  std::vector<Lexeme> lexemes_;
  std::size_t pos_ = 0;
  std::size_t fields_ = 0;
};

}  // namespace

QueryNode parse_query(std::string_view query) {
  if (query.size() > QueryLimits::kMaxQueryBytes)
    fail(query, "longer than " + std::to_string(QueryLimits::kMaxQueryBytes) + " bytes");
  if (!core::is_valid_utf8(query)) fail(query, "not valid UTF-8");
  if (std::all_of(query.begin(), query.end(), core::is_ascii_space)) fail(query, "empty query");
  return Parser(query, lex(query)).parse();
}

}  // namespace treatysearch::search
