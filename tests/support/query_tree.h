// Query trees as short strings, for tests of the parser: all(a b) and(...) or(...) not(...)
// "phrase", field=value, and connectors by their text (w/3(a b)); and a fixture that compiles
// queries without an index.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "analyzer.h"
#include "query_parser.h"
#include "treatysearch/error.h"

namespace treatysearch::search::test_support {

inline std::string show(const QueryNode& n) {
  using Type = QueryNode::Type;
  switch (n.type) {
    case Type::kWord:
      return n.text;
    case Type::kPhrase:
      return "\"" + n.text + "\"";
    case Type::kField:
      return n.text + "=" + n.value;
    default:
      break;
  }
  std::string name = n.type == Type::kAll         ? "all"
                     : n.type == Type::kAnd       ? "and"
                     : n.type == Type::kOr        ? "or"
                     : n.type == Type::kConnector ? n.text
                                                  : "not";
  std::string out = name + "(";
  for (std::size_t i = 0; i < n.children.size(); ++i) out += (i ? " " : "") + show(n.children[i]);
  return out + ")";
}

inline std::string parsed(const std::string& q) { return show(parse_query(q)); }

// True if `part` is in `text` (error messages and query descriptions).
inline bool mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The message of the error `call` throws, which must be kInvalidArgument; "" when none.
template <typename Call>
std::string invalid_argument_of(Call&& call) {
  try {
    call();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    return e.what();
  }
  return "";
}

// The message of the kInvalidArgument error parse_query throws; "" when it parses.
inline std::string error_of(const std::string& q) {
  return invalid_argument_of([&q] { parse_query(q); });
}

// Compiles queries with English stemming and no index (no synonyms, no truncation).
class CompileFixture : public ::testing::Test {
 protected:
  CompiledQuery compile(const std::string& q) {
    return compile_query(parse_query(q), analyzer_, QueryContext{{"en"}, {}}, q);
  }
  // The message of the kInvalidArgument error compiling `q` throws; "" when it compiles.
  std::string compile_error_of(const std::string& q) {
    return invalid_argument_of([this, &q] { compile(q); });
  }
  core::Analyzer analyzer_;
};

}  // namespace treatysearch::search::test_support
