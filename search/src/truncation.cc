#include "truncation.h"

#include <algorithm>
#include <map>

#include "schema.h"
#include "text.h"
#include "treatysearch/search.h"

namespace treatysearch::search {

namespace {

bool is_wildcard(char c) { return c == '*' || c == '!' || c == '?'; }

class FoldedWord : public core::TokenSink {
 public:
  void on_token(const core::Token& token) override {
    ++count;
    surface.assign(token.surface);
  }
  std::size_t count = 0;
  std::string surface;
};

}  // namespace

bool is_truncation(std::string_view word) {
  bool wildcard = false, letter = false;
  for (char c : word) {
    wildcard = wildcard || is_wildcard(c);
    letter = letter || core::is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
  }
  return wildcard && letter;
}

std::string parse_wildcard(std::string_view word, core::Analyzer& analyzer, WildcardPattern* out) {
  out->pieces.clear();
  out->open_end = false;
  std::vector<std::string_view> literal{std::string_view{}};
  std::size_t start = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (!is_wildcard(word[i])) continue;
    literal.back() = word.substr(start, i - start);
    if (word[i] == '?') {
      literal.emplace_back();
      start = i + 1;
      continue;
    }
    if (i + 1 != word.size()) return "* and ! may only end a word (? stands for one character)";
    out->open_end = true;
    start = word.size();
  }
  if (!out->open_end) literal.back() = word.substr(start);
  for (const std::string_view piece : literal) {
    FoldedWord folded;
    if (!piece.empty()) analyzer.analyze(piece, "", folded);
    if (folded.count > 1 || (folded.count == 0 && !piece.empty()))
      return "a truncated word must be one word of letters or digits";
    out->pieces.push_back(std::move(folded.surface));
  }
  if (core::count_code_points(out->pieces.front()) < QueryLimits::kMinTruncationPrefix)
    return "needs at least " + std::to_string(QueryLimits::kMinTruncationPrefix) +
           " letters before the first wildcard";
  return {};
}

bool wildcard_matches(const WildcardPattern& pattern, std::string_view surface) {
  std::size_t at = 0;
  for (std::size_t k = 0; k < pattern.pieces.size(); ++k) {
    if (k > 0) {  // '?': exactly one character
      if (at >= surface.size()) return false;
      core::decode_utf8(surface, &at);
    }
    const std::string& piece = pattern.pieces[k];
    if (surface.compare(at, piece.size(), piece) != 0) return false;
    at += piece.size();
  }
  return pattern.open_end || at == surface.size();
}

Expansion expand_wildcard(const Xapian::Database& db, const core::Vocabulary& vocabulary,
                          const WildcardPattern& pattern, std::size_t limit, std::size_t max_scan) {
  Expansion expansion;
  const std::string& prefix = pattern.pieces.front();
  // word -> passages holding it. Every word is posted under its folded form (schema.h). A
  // folded prefix starts with a lower-case letter or a digit, so prefixed terms (B..., XC...)
  // and Z<stem> keys never match.
  std::map<std::string, Xapian::doccount> words;
  std::size_t scanned = 0;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    if (++scanned > max_scan) {
      expansion.scan_cut = true;
      break;
    }
    if (wildcard_matches(pattern, *it)) words[*it] = it.get_termfreq();
  }
  // The spellings of each form (vocabulary keys), which a check looks for in position lists.
  std::map<std::string, std::vector<std::string>> variants;
  for (const std::string& surface :
       vocabulary.keys_with_prefix(prefix, max_scan, &expansion.scan_cut))
    if (words.count(surface)) variants[surface] = vocabulary.terms_of(surface);
  std::vector<std::pair<Xapian::doccount, std::string>> ranked;
  for (const auto& [surface, passages] : words)
    if (passages > 0) ranked.emplace_back(passages, surface);
  expansion.matched = ranked.size();
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (ranked.size() > limit) ranked.resize(limit);
  for (const auto& [count, surface] : ranked) {
    expansion.surfaces.push_back(surface);
    expansion.terms.push_back(surface);
    if (const auto found = variants.find(surface); found != variants.end())
      expansion.terms.insert(expansion.terms.end(), found->second.begin(), found->second.end());
  }
  return expansion;
}

}  // namespace treatysearch::search
