// The one text analyzer of treatysearch. The indexer runs it over passage text, the query parser
// over query words, the highlighter over stored text: the same code path, so index terms and
// query terms always agree. (Xapian's TermGenerator/QueryParser/MSet::snippet tokenize by other
// rules and are never used.)
//
// Pipeline per token: ICU word segmentation (UAX #29; dictionary for CJK) on the original text,
// so offsets stay valid -> TokenFolder (fold.h) -> optional Snowball stem (Xapian::Stem) of the
// accented form in the passage's language, diacritics stripped from the stem afterwards.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::core {

// Changes whenever the terms produced for some input change; stored in every index and checked
// on open, so an index is never queried with terms it was not built with.
inline constexpr const char* kAnalyzerId = "icu72-nfkccf-latinstrip-snowball14-kk-exact-cjkgrams/3";

enum class TokenKind : std::uint8_t { kWord, kNumber, kIdeographic };

struct Token {
  std::string_view surface;   // case-folded, diacritics stripped: what default queries match
  std::string_view original;  // as written (NFKC, case and accents kept): what #exact matches
  std::string_view lower;     // case-folded with diacritics: the stemmer's input
  std::string_view stem;      // stripped stem in the analysis language; empty if not stemmed
  std::uint32_t begin = 0;    // byte offsets of the token in the analysed text
  std::uint32_t end = 0;
  std::uint32_t position = 0;  // 1-based ordinal among emitted tokens
  TokenKind kind = TokenKind::kWord;
};

// Receives what the analyzer finds: symbols first, then tokens and grams in text order. Views
// are valid only during the call.
class TokenSink {
 public:
  virtual ~TokenSink() = default;
  virtual void on_token(const Token& token) = 0;
  // False if the sink asks Analyzer::stem() itself for the tokens whose stem it needs
  // (Token::stem then stays empty): the indexer needs a word's stem once per passage, not at
  // each of its occurrences.
  virtual bool wants_stems() const { return true; }
  // Character unigrams and bigrams of each run of ideographic text (Chinese, Japanese), so that
  // a match does not depend on how ICU's dictionary happened to split the run in context.
  virtual void on_gram(std::string_view /*gram*/) {}
  // A UN document symbol ("CERD/C/KAZ/CO/8-10"), lower-cased, as one term; its parts are also
  // ordinary tokens.
  virtual void on_symbol(std::string_view /*symbol*/, std::uint32_t /*begin*/,
                         std::uint32_t /*end*/) {}
};

class Analyzer {
 public:
  // Tokens whose folded form is longer than this many bytes are skipped (they would be noise,
  // and Xapian refuses terms over 245 bytes with the prefix).
  static constexpr std::size_t kMaxTermBytes = 64;

  // Throws treatysearch::Error(kInternal) if ICU data is missing.
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Segments and folds `text` (UTF-8; invalid bytes are treated as U+FFFD) and calls `sink` for
  // every word token. `language` is a primary language subtag ("en", "fr", "ru", ...) choosing
  // the stemmer; tokens in another script than the language's are not stemmed. Texts longer than
  // 4 GiB are not supported (offsets are 32-bit). Thread-compatible: one Analyzer per thread.
  void analyze(std::string_view text, std::string_view language, TokenSink& sink);

  // Stem of a token's lower form in `language`, diacritics stripped; empty when the language
  // has no stemmer or the word's script does not match it.
  std::string_view stem(std::string_view lower, std::string_view language);

  // Every word-break boundary ICU finds in `text`, as byte offsets (0 and text.size()
  // included): what analyze() cuts tokens at. For the Unicode conformance test.
  std::vector<std::uint32_t> boundaries(std::string_view text);

  // True if `language` has a Snowball stemmer here.
  static bool has_stemmer(std::string_view language);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace treatysearch::core
