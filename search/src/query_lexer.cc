#include "query_lexer.h"

#include <algorithm>

#include "text.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

namespace {

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

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (core::ascii_lower(a[i]) != core::ascii_lower(b[i])) return false;
  return true;
}

// The N of a connector: whole, 1..QueryLimits::kMaxProximity; `shown` names the connector.
std::uint32_t read_width(std::string_view query, std::string_view word, std::string_view digits,
                         std::size_t at, const std::string& shown) {
  if (digits.empty())
    fail(query, shown + " needs a number at " + std::to_string(column(query, at)) + " (" + shown +
                    "5: within 5 words)");
  std::uint64_t width = 0;
  for (char c : digits) {
    if (!core::is_ascii_digit(c))
      fail(query, shown + " needs a number at " + std::to_string(column(query, at)) + ", not \"" +
                      std::string(digits) + "\"");
    if (width <= QueryLimits::kMaxProximity) width = width * 10 + static_cast<unsigned>(c - '0');
  }
  if (width < 1 || width > QueryLimits::kMaxProximity)
    fail(query, std::string(word) + " at " + std::to_string(column(query, at)) +
                    ": the width must be 1.." + std::to_string(QueryLimits::kMaxProximity));
  return static_cast<std::uint32_t>(width);
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), core::is_ascii_digit);
}

// Reads a connector into *out, in any case: w/N, pre/N, /s, /p, and the spellings Westlaw
// (/N, +N, and +s, +p: in order) and Lexis (w/s, w/p) users type; false if `word` is none.
bool read_connector(std::string_view query, std::string_view word, std::size_t at, Lexeme* out) {
  for (const char* sentence : {"/s", "w/s"})
    if (equals_ignoring_case(word, sentence)) return out->connector = Connector::kSentence, true;
  for (const char* paragraph : {"/p", "w/p"})
    if (equals_ignoring_case(word, paragraph)) return out->connector = Connector::kParagraph, true;
  if (equals_ignoring_case(word, "+s")) return out->connector = Connector::kSentenceInOrder, true;
  if (equals_ignoring_case(word, "+p")) return out->connector = Connector::kParagraphInOrder, true;
  if (word.size() > 1 && (word[0] == '/' || word[0] == '+') && all_digits(word.substr(1))) {
    out->connector = word[0] == '/' ? Connector::kWithin : Connector::kPrecedes;
    out->width = read_width(query, word, word.substr(1), at, std::string(1, word[0]));
    return true;
  }
  const std::size_t slash = word.find('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view name = word.substr(0, slash);
  const bool within = equals_ignoring_case(name, "w");
  if (!within && !equals_ignoring_case(name, "pre")) return false;
  out->connector = within ? Connector::kWithin : Connector::kPrecedes;
  out->width =
      read_width(query, word, word.substr(slash + 1), at, core::ascii_lowercase(name) + "/");
  return true;
}

// The field named before the first ':' of `word`, in lower case; empty when none is.
std::string field_name(std::string_view word) {
  const std::size_t colon = word.find(':');
  if (colon == std::string_view::npos) return {};
  for (const char* name : kFieldNames)
    if (equals_ignoring_case(word.substr(0, colon), name)) return name;
  return {};
}

}  // namespace

std::size_t column(std::string_view query, std::size_t offset) {
  return core::count_code_points(query.substr(0, std::min(offset, query.size()))) + 1;
}

void fail(std::string_view query, const std::string& problem) {
  throw Error(ErrorCode::kInvalidArgument, quoted(query) + ": " + problem);
}

std::vector<Lexeme> lex(std::string_view q) {
  std::vector<Lexeme> out;
  std::size_t i = 0;
  auto push = [&out](Lexeme::Kind kind, std::string text, std::size_t at, bool exact = false) {
    Lexeme lexeme;
    lexeme.kind = kind;
    lexeme.text = std::move(text);
    lexeme.at = at;
    lexeme.exact = exact;
    out.push_back(std::move(lexeme));
  };
  // Reads a quoted run starting at the quote mark at *i; a missing closing quote ends it at the
  // end of the query (pasted text often loses one).
  auto read_quoted = [&q](std::size_t* at, std::size_t quote_length) {
    std::size_t end = *at + quote_length;
    std::size_t close_length = 0;
    while (end < q.size() && !is_quote(q, end, &close_length)) ++end;
    std::string text(q.substr(*at + quote_length, end - *at - quote_length));
    *at = end < q.size() ? end + close_length : end;
    return text;
  };
  while (i < q.size()) {
    if (core::is_ascii_space(q[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    bool exact = false;
    std::size_t quote_length = 0;
    if (q[i] == kExactMark && i + 1 < q.size() && !core::is_ascii_space(q[i + 1]) &&
        q[i + 1] != '(' && q[i + 1] != ')') {
      exact = true;
      ++i;
    }
    if (is_quote(q, i, &quote_length)) {
      push(Lexeme::Kind::kPhrase, read_quoted(&i, quote_length), start, exact);
      continue;
    }
    if (q[i] == '(' || q[i] == ')') {
      push(q[i] == '(' ? Lexeme::Kind::kOpen : Lexeme::Kind::kClose, std::string(1, q[i]), i);
      ++i;
      continue;
    }
    if (q[i] == '-' && i + 1 < q.size() && !core::is_ascii_space(q[i + 1]) &&
        (out.empty() || i == 0 || core::is_ascii_space(q[i - 1]) || q[i - 1] == '(')) {
      push(Lexeme::Kind::kMinus, "-", i), ++i;
      continue;
    }
    std::size_t j = i;
    while (j < q.size() && !core::is_ascii_space(q[j]) && q[j] != '(' && q[j] != ')' &&
           !is_quote(q, j, &quote_length))
      ++j;
    std::string word(q.substr(i, j - i));
    const std::string field = field_name(word);
    Lexeme connector;
    if (!field.empty()) {
      Lexeme lexeme;
      lexeme.kind = Lexeme::Kind::kField;
      lexeme.text = field;
      lexeme.at = start;
      lexeme.value = word.substr(word.find(':') + 1);
      if (lexeme.value.empty() && j < q.size() && is_quote(q, j, &quote_length))
        lexeme.value = read_quoted(&j, quote_length);  // state:"Cote d'Ivoire"
      const std::string where = field + ": at " + std::to_string(column(q, start));
      if (std::all_of(lexeme.value.begin(), lexeme.value.end(), core::is_ascii_space))
        fail(q, where + " needs a value (" + field + ":VALUE)");
      if (lexeme.value.size() > QueryLimits::kMaxFieldValueBytes)
        fail(q, where + ": the value is longer than " +
                    std::to_string(QueryLimits::kMaxFieldValueBytes) + " bytes");
      out.push_back(std::move(lexeme));
    } else if (exact) {
      push(Lexeme::Kind::kWord, std::move(word), start, true);
    } else if (word == "AND" || word == "&") {  // & is Westlaw's AND
      push(Lexeme::Kind::kAnd, word, start);
    } else if (word == "OR") {
      push(Lexeme::Kind::kOr, word, start);
    } else if (word == "%") {  // Westlaw's BUT NOT
      push(Lexeme::Kind::kNot, word, start);
    } else if (word == "NOT") {
      // AND NOT and BUT NOT (Lexis) are NOT: "a AND NOT b" parses as it is; BUT is dropped.
      if (!out.empty() && out.back().kind == Lexeme::Kind::kWord && out.back().text == "BUT" &&
          !out.back().exact)
        out.pop_back();
      push(Lexeme::Kind::kNot, word, start);
    } else if (read_connector(q, word, start, &connector)) {
      connector.kind = Lexeme::Kind::kConnector;
      connector.text = core::ascii_lowercase(word);
      connector.at = start;
      out.push_back(std::move(connector));
    } else {
      push(Lexeme::Kind::kWord, std::move(word), start);
    }
    i = j;
  }
  push(Lexeme::Kind::kEnd, "", q.size());
  return out;
}

}  // namespace treatysearch::search
