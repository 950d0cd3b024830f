#include "searcher_suggest.h"

#include <algorithm>
#include <optional>

#include "ranking.h"
#include "schema.h"
#include "text.h"

namespace treatysearch::search {

namespace {

namespace schema = core::schema;

// The word tokens the analyzer finds in a run of letters.
class WordCollector : public core::TokenSink {
 public:
  struct Word {
    std::string surface;
    std::string lower;
    core::TokenKind kind;
  };
  void on_token(const core::Token& token) override {
    words.push_back({std::string(token.surface), std::string(token.lower), token.kind});
  }
  std::vector<Word> words;
};

std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) out.push_back(core::decode_utf8(text, &i));
  return out;
}

// A run of letters typed in the query, as a candidate for correction.
struct TypedWord {
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool is_operator(std::string_view word) { return word == "AND" || word == "OR" || word == "NOT"; }

// The runs of letters of `query` that are plain words: not an operator, a field name or value
// (`state:Kazakhstan`), an #exact word, a truncated word (`discriminat*`, `discriminat!`,
// `wom?n`) or a connector (`w/3`, `/s`).
std::vector<TypedWord> typed_words(std::string_view query) {
  std::vector<TypedWord> words;
  std::size_t i = 0;
  while (i < query.size()) {
    std::size_t next = i;
    const char32_t cp = core::decode_utf8(query, &next);
    if (!core::is_letter(cp)) {
      i = next;
      continue;
    }
    const std::size_t begin = i;
    std::size_t end = next;
    while (end < query.size()) {
      std::size_t after = end;
      const char32_t c = core::decode_utf8(query, &after);
      if (!core::is_letter(c) && !core::is_mark(c)) break;
      end = after;
    }
    i = end;
    const char before = begin > 0 ? query[begin - 1] : ' ';
    const char following = end < query.size() ? query[end] : ' ';
    const auto attached = [](char c) {
      return c == '#' || c == ':' || c == '*' || c == '!' || c == '?' || c == '/' ||
             core::is_ascii_digit(c) || c == '.' || c == '_';
    };
    if (attached(before) || attached(following)) continue;
    if (is_operator(query.substr(begin, end - begin))) continue;
    words.push_back({begin, end});
  }
  return words;
}

// The terms a query finds a word by: its folded form, its spellings (E-terms, from the
// vocabulary) and the forms sharing its stem in each language.
std::vector<std::string> word_terms(const core::Vocabulary& vocabulary, core::Analyzer& analyzer,
                                    const WordCollector::Word& word,
                                    const std::vector<std::string>& languages) {
  std::vector<std::string> terms = {word.surface};
  const auto forms_of = [&](const std::string& key) {
    for (std::string& form : vocabulary.terms_of(key)) terms.push_back(std::move(form));
  };
  forms_of(word.surface);
  for (const auto& language : languages) {
    const std::string_view stem = analyzer.stem(word.lower, language);
    if (stem.empty()) continue;
    terms.emplace_back(stem);
    forms_of(schema::kStemPrefix + std::string(stem));
  }
  return terms;
}

// How many passages a word is found in by a query: the most of its terms'.
std::uint64_t most_frequent(const std::vector<std::string>& terms, const TermFrequencies& known) {
  std::uint64_t most = 0;
  for (const std::string& term : terms)
    if (const auto found = known.find(term); found != known.end())
      most = std::max<std::uint64_t>(most, found->second);
  return most;
}

// How many passages hold a folded form (however written: schema.h), and its spelling to
// suggest: the lower-case spelling of its written forms when they all agree on one other than
// the folded form ("discriminación", whose folded "discriminacion" nobody writes), else the
// folded form itself.
std::pair<std::uint64_t, std::string> written_frequency(const Xapian::Database& db,
                                                        const core::Vocabulary& vocabulary,
                                                        const std::string& surface) {
  std::string spelling;
  for (const std::string& variant : vocabulary.terms_of(surface)) {
    if (!schema::is_exact_term(variant)) continue;
    std::string lower = core::to_lower(std::string_view(variant).substr(1));
    if (lower == surface || (!spelling.empty() && lower != spelling)) {
      spelling.clear();
      break;
    }
    spelling = std::move(lower);
  }
  return {db.get_termfreq(surface), spelling.empty() ? surface : spelling};
}

struct Candidate {
  std::string spelling;
  std::uint64_t frequency = 0;
  std::size_t distance = 0;
};

// The most frequent folded form within the edit budget of `surface`, sharing its first letter:
// the word terms, which are every word's folded form however written (schema.h).
std::optional<std::string> closest_common_term(const Xapian::Database& db,
                                               const core::Vocabulary& vocabulary,
                                               const std::string& surface,
                                               std::uint64_t frequency) {
  const std::u32string typed = code_points(surface);
  const std::size_t budget = typed.size() >= SuggestLimits::kTwoEditsFromChars ? 2 : 1;
  const std::uint64_t needed =
      std::max(SuggestLimits::kMinCandidateFrequency, SuggestLimits::kCommonRatio * frequency);
  std::size_t first = 0;
  core::decode_utf8(surface, &first);
  const std::string prefix = surface.substr(0, first);
  std::optional<Candidate> best;
  const auto consider = [&](const std::string& form) {
    const std::u32string candidate = code_points(form);
    const std::size_t length_gap = candidate.size() > typed.size()
                                       ? candidate.size() - typed.size()
                                       : typed.size() - candidate.size();
    if (length_gap > budget || candidate == typed) return;
    const std::size_t distance = edit_distance(typed, candidate, budget);
    if (distance > budget) return;
    auto [count, spelling] = written_frequency(db, vocabulary, form);
    if (count < needed) return;
    // Most frequent first; then fewer edits; then the first in term order.
    if (!best || count > best->frequency || (count == best->frequency && distance < best->distance))
      best = Candidate{std::move(spelling), count, distance};
  };
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    if (it.get_termfreq() >= needed) consider(*it);
  if (!best) return std::nullopt;
  return best->spelling;
}

}  // namespace

std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t max) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > max) return max + 1;
  // Three rows of the optimal-string-alignment table.
  std::vector<std::size_t> two_back(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d = std::min(d, two_back[j - 2] + 1);
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > max) return max + 1;
    std::swap(two_back, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], max + 1);
}

std::string suggest_query(std::string_view query, const Xapian::Database& db,
                          const core::Vocabulary& vocabulary, core::Analyzer& analyzer,
                          const std::vector<std::string>& languages) {
  // The words looked at, with their terms, whose frequencies then come from one match.
  struct Looked {
    TypedWord typed;
    WordCollector::Word word;
    std::vector<std::string> terms;
  };
  std::vector<Looked> looked;
  std::vector<std::string> all_terms;
  for (const TypedWord& typed : typed_words(query)) {
    const std::string_view text = query.substr(typed.begin, typed.end - typed.begin);
    if (core::count_code_points(text) < SuggestLimits::kMinWordChars) continue;
    WordCollector collector;
    analyzer.analyze(text, languages.empty() ? "en" : languages.front(), collector);
    if (collector.words.size() != 1 || collector.words[0].kind != core::TokenKind::kWord) continue;
    if (looked.size() >= SuggestLimits::kMaxWords) break;
    std::vector<std::string> terms =
        word_terms(vocabulary, analyzer, collector.words[0], languages);
    all_terms.insert(all_terms.end(), terms.begin(), terms.end());
    looked.push_back({typed, std::move(collector.words[0]), std::move(terms)});
  }
  std::sort(all_terms.begin(), all_terms.end());
  all_terms.erase(std::unique(all_terms.begin(), all_terms.end()), all_terms.end());
  const TermFrequencies known = term_frequencies(db, all_terms, vocabulary.backend());

  std::string suggestion;
  std::size_t copied = 0;  // bytes of `query` already in `suggestion`
  for (const Looked& one : looked) {
    const TypedWord& typed = one.typed;
    const std::uint64_t frequency = most_frequent(one.terms, known);
    if (frequency > SuggestLimits::kMaxRareFrequency) continue;
    const std::optional<std::string> better =
        closest_common_term(db, vocabulary, one.word.surface, frequency);
    if (!better) continue;
    suggestion.append(query.substr(copied, typed.begin - copied));
    suggestion.append(*better);
    copied = typed.end;
  }
  if (copied == 0) return {};
  suggestion.append(query.substr(copied));
  return suggestion;
}

}  // namespace treatysearch::search
