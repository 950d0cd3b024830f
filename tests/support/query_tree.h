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

// The message of the kInvalidArgument error parse_query throws; "" when it parses.
inline std::string error_of(const std::string& q) {
  try {
    parse_query(q);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    return e.what();
  }
  return "";
}

// Compiles queries with English stemming and no index (no synonyms, no truncation).
class CompileFixture : public ::testing::Test {
 protected:
  CompiledQuery compile(const std::string& q) {
    return compile_query(parse_query(q), analyzer_, QueryContext{{"en"}, {}}, q);
  }
  core::Analyzer analyzer_;
};

}  // namespace treatysearch::search::test_support
