#include "snippet.h"

#include <algorithm>
#include <string>
#include <vector>

#include "text.h"

namespace treatysearch::search {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

struct WordSpan {
  std::size_t begin, end;
  int match;  // index into distinct matched terms, or -1
};

class SpanCollector : public core::TokenSink {
 public:
  explicit SpanCollector(const HighlightTerms& terms) : terms_(terms) {}

  void on_symbol(std::string_view symbol, std::uint32_t begin, std::uint32_t end) override {
    if (terms_.symbols.count(symbol)) symbol_spans_.push_back({begin, end});
  }

  void on_token(const core::Token& token) override {
    int match = -1;
    const std::string key = match_key(token);
    if (!key.empty()) {
      auto it = std::find(distinct_.begin(), distinct_.end(), key);
      match = static_cast<int>(it - distinct_.begin());
      if (it == distinct_.end()) distinct_.push_back(key);
    }
    words.push_back({token.begin, token.end, match});
  }

  std::vector<WordSpan> words;

 private:
  // What the token matched, as a key identifying the query word; empty if nothing.
  std::string match_key(const core::Token& token) const {
    if (terms_.surfaces.count(token.surface)) return std::string(token.surface);
    if (terms_.originals.count(token.original)) return "#" + std::string(token.original);
    if (!token.stem.empty() && terms_.stems.count(token.stem)) return "Z" + std::string(token.stem);
    for (const auto& span : symbol_spans_)
      if (token.begin >= span.begin && token.end <= span.end)
        return "Y" + std::to_string(span.begin);
    if (token.kind == core::TokenKind::kIdeographic) {
      for (const auto& run : terms_.ideographic)
        if (run.find(token.surface) != std::string::npos) return run;
    }
    return {};
  }

  const HighlightTerms& terms_;
  std::vector<std::string> distinct_;
  std::vector<Span> symbol_spans_;
};

// Scores the window of words [first, last]: distinct matched words weigh most.
int window_score(const std::vector<WordSpan>& words, std::size_t first, std::size_t last) {
  std::vector<int> seen;
  int hits = 0;
  for (std::size_t i = first; i <= last; ++i) {
    if (words[i].match < 0) continue;
    ++hits;
    if (std::find(seen.begin(), seen.end(), words[i].match) == seen.end())
      seen.push_back(words[i].match);
  }
  return static_cast<int>(seen.size()) * 100 + hits;
}

}  // namespace

Snippet make_snippet(std::string_view text, std::string_view language, const HighlightTerms& terms,
                     core::Analyzer& analyzer, std::size_t max_chars) {
  const std::string_view source =
      text.substr(0, core::utf8_prefix_length(text, kMaxSnippetSourceBytes));
  SpanCollector collector(terms);
  analyzer.analyze(source, language, collector);
  const auto& words = collector.words;

  // Bytes per character of this text, so that the window is measured in characters.
  const std::size_t chars = std::max<std::size_t>(1, core::count_code_points(source));
  const std::size_t max_bytes = std::max<std::size_t>(1, max_chars * source.size() / chars);

  std::size_t begin = 0, end = source.size();
  if (source.size() > max_bytes && !words.empty()) {
    // Slide a window of words that fits in max_bytes; start each candidate a few words before a
    // match so the matched word has context on its left.
    std::size_t best_first = 0, best_last = 0;
    int best_score = -1;
    for (std::size_t m = 0; m < words.size(); ++m) {
      if (words[m].match < 0 && !(m == 0 && best_score < 0)) continue;
      std::size_t first = m;
      while (first > 0 && m - first < 4 && words[m].end - words[first - 1].begin < max_bytes / 3)
        --first;
      std::size_t last = first;
      while (last + 1 < words.size() && words[last + 1].end - words[first].begin <= max_bytes)
        ++last;
      const int score = window_score(words, first, last);
      if (score > best_score) best_score = score, best_first = first, best_last = last;
    }
    begin = best_first == 0 ? 0 : words[best_first].begin;
    end = best_last + 1 == words.size() ? source.size() : words[best_last].end;
  }

  Snippet snippet;
  if (begin > 0) snippet.text = kEllipsis;
  const std::size_t shift = snippet.text.size();
  snippet.text.append(text.substr(begin, end - begin));
  if (end < text.size()) snippet.text.append(kEllipsis);
  for (const auto& word : words) {
    if (word.match < 0 || word.begin < begin || word.end > end) continue;
    snippet.highlights.push_back({word.begin - begin + shift, word.end - begin + shift});
  }
  return snippet;
}

}  // namespace treatysearch::search
