// The query language's lexemes (see search.h for the syntax): words, phrases, parentheses,
// operators, connectors (w/N, pre/N, /s, /p) and fields (committee:CERD), each with its place in
// the query, so that every error can name where it is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::search {

// Westlaw's +s and +p are the in-order forms of /s and /p.
enum class Connector : std::uint8_t {
  kWithin,
  kPrecedes,
  kSentence,
  kParagraph,
  kSentenceInOrder,
  kParagraphInOrder
};

struct Lexeme {
  enum class Kind {
    kWord,
    kPhrase,
    kOpen,
    kClose,
    kAnd,
    kOr,
    kNot,
    kMinus,
    kConnector,
    kField,
    kEnd
  };
  Kind kind = Kind::kEnd;
  std::string text;                          // as typed (a field: its name in lower case)
  std::string value;                         // kField: the value, without quotes
  bool exact = false;                        // written with the exact-form mark: #word, #"phrase"
  std::size_t at = 0;                        // byte offset in the query
  Connector connector = Connector::kWithin;  // kConnector
  std::uint32_t width = 0;                   // kConnector w/N, pre/N: N
};

// The field names understood before ':' (in lower case; typed in any case).
inline constexpr const char* kFieldNames[] = {"committee", "state",  "type", "year",
                                              "lang",      "symbol", "para"};

// Splits `query`. Throws Error(kInvalidArgument) for a connector without a valid width
// ("w/ needs a number at 5", "w/0 at 9: the width must be 1..255"), a field without a value or
// with one over QueryLimits::kMaxFieldValueBytes.
std::vector<Lexeme> lex(std::string_view query);

// The 1-based character (code point) position of byte `offset` of `query`, as messages say it.
std::size_t column(std::string_view query, std::size_t offset);

// Throws Error(kInvalidArgument): `query "<the start of query>": <problem>`.
[[noreturn]] void fail(std::string_view query, const std::string& problem);

}  // namespace treatysearch::search
