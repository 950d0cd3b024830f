// Filters (options and query fields) as Xapian boolean queries.
#include "filters.h"

#include <string>
#include <string_view>
#include <vector>

#include "references.h"
#include "schema.h"
#include "states.h"
#include "text.h"
#include "treatysearch/error.h"

namespace treatysearch::search {

namespace {

namespace schema = core::schema;

// A filter value as quoted in a message: the start of a long value is enough to recognise it.
std::string quoted_value(std::string_view value) {
  constexpr std::size_t kShown = 60;
  std::string shown(value.substr(0, core::utf8_prefix_length(value, kShown)));
  if (shown.size() < value.size()) shown += "...";
  return "\"" + shown + "\"";
}

template <std::size_t N>
std::string list_of(const char* const (&values)[N]) {
  std::string out;
  for (const char* v : values) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

// The filter term of a committee or type value. An unknown value is most likely a typo (CRED,
// concluding-observation) and must not read as "no passage matches"; a value outside the list
// that documents in the index carry anyway (add_text takes any) is accepted.
template <std::size_t N>
std::string checked_term(const Xapian::Database& db, const char* prefix, const std::string& value,
                         const char* const (&known)[N], std::string_view field,
                         std::string_view what) {
  std::string term = schema::filter_term(prefix, value);
  for (const char* k : known)
    if (term == schema::filter_term(prefix, k)) return term;
  if (!value.empty() && db.term_exists(term)) return term;
  throw Error(ErrorCode::kInvalidArgument, std::string(field) + " " + quoted_value(value) +
                                               ": unknown " + std::string(what) +
                                               " (expected one of " + list_of(known) + ")");
}

// The filter term of a State given by name or code; one the State table does not know must be
// in the index as given, or the user hears so.
std::string checked_state_term(const Xapian::Database& db, const std::string& value) {
  std::string term = schema::state_filter_term(value);
  if (!core::canonical_state(value).empty() || (!value.empty() && db.term_exists(term)))
    return term;
  throw Error(ErrorCode::kInvalidArgument,
              "state " + quoted_value(value) +
                  ": matches no known State (give its English name, such as Kazakhstan or "
                  "Cote d'Ivoire, or its ISO 3166-1 alpha-3 code, such as KAZ)");
}

Xapian::Query any_of(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

constexpr Xapian::termcount kMaxSymbolExpansion = 1000;

// What follows a document's symbol in the symbols of its addenda, revisions and corrigenda.
constexpr const char* kSupplementSuffixes[] = {"/Add.", "/Rev.", "/Corr."};

// A symbol filter ending in '/' or '*' is a prefix.
bool is_symbol_prefix(std::string_view symbol) {
  return !symbol.empty() && (symbol.back() == '*' || symbol.back() == '/');
}

// A base symbol: not a prefix, and naming no addendum, revision or corrigendum. It stands for
// its document and for those supplements.
bool is_base_symbol(std::string_view symbol) {
  if (is_symbol_prefix(symbol)) return false;
  const std::string lower = core::ascii_lowercase(symbol);
  for (const char* suffix : kSupplementSuffixes)
    if (lower.find(core::ascii_lowercase(suffix)) != std::string::npos) return false;
  return true;
}

}  // namespace

Xapian::Query filter_query(const Xapian::Database& db, const Filters& f) {
  std::vector<Xapian::Query> parts;
  auto checked = [&db](const std::vector<std::string>& values, const char* prefix,
                       const auto& known, std::string_view field, std::string_view what) {
    std::vector<std::string> terms;
    for (const auto& v : values) terms.push_back(checked_term(db, prefix, v, known, field, what));
    return any_of(terms);
  };
  if (!f.committees.empty())
    parts.push_back(
        checked(f.committees, schema::kCommitteePrefix, committee::kAll, "committee", "committee"));
  if (!f.types.empty())
    parts.push_back(checked(f.types, schema::kTypePrefix, doctype::kAll, "type", "document type"));
  if (!f.languages.empty()) {
    std::vector<std::string> terms;
    for (const auto& language : f.languages)
      terms.push_back(schema::filter_term(schema::kLanguagePrefix, language));
    parts.push_back(any_of(terms));
  }
  if (!f.states.empty()) {
    std::vector<std::string> terms;
    for (const auto& state : f.states) terms.push_back(checked_state_term(db, state));
    parts.push_back(any_of(terms));
  }
  if (!f.symbols.empty()) {
    std::vector<Xapian::Query> symbols;
    const auto prefix_query = [](const std::string& prefix) {
      return Xapian::Query(Xapian::Query::OP_WILDCARD,
                           schema::filter_term(schema::kSymbolPrefix, prefix), kMaxSymbolExpansion,
                           Xapian::Query::WILDCARD_LIMIT_ERROR);
    };
    for (std::string s : f.symbols) {
      if (is_symbol_prefix(s)) {
        if (s.back() == '*') s.pop_back();
        symbols.push_back(prefix_query(s));
        continue;
      }
      symbols.emplace_back(schema::filter_term(schema::kSymbolPrefix, s));
      if (is_base_symbol(s))
        for (const char* suffix : kSupplementSuffixes) symbols.push_back(prefix_query(s + suffix));
    }
    parts.emplace_back(Xapian::Query::OP_OR, symbols.begin(), symbols.end());
  }
  if (!f.paragraphs.empty()) {
    std::vector<std::string> terms;
    for (const auto& label : f.paragraphs) terms.push_back(schema::paragraph_term(label));
    parts.push_back(any_of(terms));
  }
  if (!f.cites.empty()) {
    std::vector<std::string> terms;
    for (const auto& citation : f.cites) {
      std::string symbol, label;
      if (!core::parse_citation(citation, &symbol, &label))
        throw Error(ErrorCode::kInvalidArgument,
                    "cites '" + citation +
                        "': expected a document symbol, optionally with its paragraph "
                        "(CERD/C/KAZ/CO/8-10, para. 18 (b))");
      for (std::string& term : core::citing_terms(symbol, label)) terms.push_back(std::move(term));
    }
    parts.push_back(any_of(terms));
  }
  if (f.year_from || f.year_to) {
    // Date values are "YYYYMMDD"; a passage whose document has no known date never matches.
    const std::string from = f.year_from ? std::to_string(*f.year_from) + "0000" : "0";
    const std::string to = f.year_to ? std::to_string(*f.year_to) + "9999" : "9";
    parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, from, to);
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

namespace {

// One field given both as an option and in the query: a passage must satisfy both, so the
// values kept are those the other side allows too. None in common is an error naming both
// sides (the search could match nothing, and the two most likely disagree by mistake).
template <typename Allows>
std::vector<std::string> intersect(const std::vector<std::string>& given,
                                   const std::vector<std::string>& written, std::string_view field,
                                   Allows allows) {
  if (given.empty()) return written;
  if (written.empty()) return given;
  std::vector<std::string> kept;
  for (const auto& w : written)
    for (const auto& g : given)
      if (allows(g, w)) {
        kept.push_back(w);
        break;
      }
  for (const auto& g : given)
    for (const auto& w : written)
      if (allows(w, g) && !allows(g, w)) {
        kept.push_back(g);
        break;
      }
  if (kept.empty())
    throw Error(ErrorCode::kInvalidArgument,
                std::string(field) + ":" + quoted_value(written.front()) +
                    " in the query and the " + std::string(field) + " filter " +
                    quoted_value(given.front()) + " have no value in common");
  return kept;
}

// A symbol filter `outer` lets `inner` through: the same symbol, `outer` a prefix (ending in
// '/' or '*') of it, or `outer` a base symbol and `inner` one of its addenda, revisions or
// corrigenda.
bool symbol_allows(const std::string& outer, const std::string& inner) {
  const std::string a = schema::filter_term("", outer), b = schema::filter_term("", inner);
  const std::string bare = !b.empty() && b.back() == '*' ? b.substr(0, b.size() - 1) : b;
  const auto starts_with = [&bare](const std::string& prefix) {
    return bare.compare(0, prefix.size(), prefix) == 0;
  };
  if (is_symbol_prefix(a)) return starts_with(a.back() == '*' ? a.substr(0, a.size() - 1) : a);
  if (a == b) return true;
  if (!is_base_symbol(a)) return false;
  for (const char* suffix : kSupplementSuffixes)
    if (starts_with(a + core::ascii_lowercase(suffix))) return true;
  return false;
}

}  // namespace

Filters effective_filters(const Filters& given, const CompiledQuery& compiled) {
  const Filters& written = compiled.fields;
  Filters out;
  auto same_term = [](const char* prefix) {
    return [prefix](const std::string& a, const std::string& b) {
      return schema::filter_term(prefix, a) == schema::filter_term(prefix, b);
    };
  };
  out.committees = intersect(given.committees, written.committees, "committee",
                             same_term(schema::kCommitteePrefix));
  out.types = intersect(given.types, written.types, "type", same_term(schema::kTypePrefix));
  out.languages =
      intersect(given.languages, written.languages, "lang", same_term(schema::kLanguagePrefix));
  out.states = intersect(given.states, written.states, "state",
                         [](const std::string& a, const std::string& b) {
                           return schema::state_filter_term(a) == schema::state_filter_term(b);
                         });
  out.paragraphs = intersect(given.paragraphs, written.paragraphs, "para",
                             [](const std::string& a, const std::string& b) {
                               return schema::paragraph_term(a) == schema::paragraph_term(b);
                             });
  out.symbols = intersect(given.symbols, written.symbols, "symbol", symbol_allows);
  out.cites = given.cites;
  out.cited_by = given.cited_by;
  out.grades = given.grades;
  // Years: the overlap of the two ranges.
  out.year_from = given.year_from;
  out.year_to = given.year_to;
  if (written.year_from && (!out.year_from || *written.year_from > *out.year_from))
    out.year_from = written.year_from;
  if (written.year_to && (!out.year_to || *written.year_to < *out.year_to))
    out.year_to = written.year_to;
  if (out.year_from && out.year_to && *out.year_from > *out.year_to)
    throw Error(ErrorCode::kInvalidArgument,
                "year range is empty: the query's years and the year filter do not overlap (" +
                    std::to_string(*out.year_from) + ".." + std::to_string(*out.year_to) + ")");
  return out;
}

}  // namespace treatysearch::search
