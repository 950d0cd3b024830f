#include "analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <xapian.h>

#include <array>
#include <deque>
#include <unordered_map>

#include "fold.h"
#include "kazakh_stemmer.h"
#include "simple_words.h"
#include "string_index.h"
#include "symbols.h"
#include "text.h"
#include "treatysearch/error.h"

namespace treatysearch::core {

namespace {

struct StemmerSpec {
  std::string_view code;
  const char* xapian_name;  // nullptr: our own stemmer
  UScriptCode script;
};

// Languages with a Snowball stemmer in Xapian 1.4 that treaty-body documents come in, and
// Kazakh, which Snowball lacks (kazakh_stemmer.h).
constexpr std::array<StemmerSpec, 14> kStemmers = {{
    {"kk", nullptr, USCRIPT_CYRILLIC},
    {"en", "english", USCRIPT_LATIN},
    {"fr", "french", USCRIPT_LATIN},
    {"es", "spanish", USCRIPT_LATIN},
    {"pt", "portuguese", USCRIPT_LATIN},
    {"ru", "russian", USCRIPT_CYRILLIC},
    {"ar", "arabic", USCRIPT_ARABIC},
    {"de", "german", USCRIPT_LATIN},
    {"it", "italian", USCRIPT_LATIN},
    {"nl", "dutch", USCRIPT_LATIN},
    {"tr", "turkish", USCRIPT_LATIN},
    {"ro", "romanian", USCRIPT_LATIN},
    {"sv", "swedish", USCRIPT_LATIN},
    {"hu", "hungarian", USCRIPT_LATIN},
}};

const StemmerSpec* find_stemmer(std::string_view language) {
  for (const auto& spec : kStemmers)
    if (spec.code == language) return &spec;
  return nullptr;
}

UScriptCode script_of(std::string_view word) {
  std::size_t i = 0;
  while (i < word.size()) {
    const char32_t cp = decode_utf8(word, &i);
    if (cp < 0x80) {
      if (is_ascii_alpha(static_cast<char>(cp))) return USCRIPT_LATIN;
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED) return script;
  }
  return USCRIPT_COMMON;
}

// Transparent hashing so that cache look-ups take a string_view without allocating.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

struct LanguageStemmer {
  const StemmerSpec* spec = nullptr;
  Xapian::Stem stem;
  // Word -> stripped stem. Stemming dominates analysis time and word frequencies are Zipfian,
  // so a small cache removes most Snowball calls. Flat (string_index.h): a node-based map's
  // bucket division and pointer chase were most of a look-up. A deque, so that the stems
  // handed out stay put while others are added.
  StringIndex cached_words;
  std::deque<std::string> cached_stems;  // by id in cached_words
};

constexpr std::size_t kMaxCachedStems = 200000;

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> breaker;
  UText text = UTEXT_INITIALIZER;
  TokenFolder folder;
  FoldedForms forms;
  std::string gram;
  std::vector<WordSegment> segments;  // reused
  std::unordered_map<std::string, LanguageStemmer, StringHash, std::equal_to<>> stemmers;

  ~Impl() { utext_close(&text); }

  LanguageStemmer* stemmer_for(std::string_view language) {
    auto it = stemmers.find(language);
    if (it != stemmers.end()) return it->second.spec ? &it->second : nullptr;
    LanguageStemmer entry;
    entry.spec = find_stemmer(language);
    if (entry.spec && entry.spec->xapian_name) entry.stem = Xapian::Stem(entry.spec->xapian_name);
    auto [inserted, ok] = stemmers.emplace(std::string(language), std::move(entry));
    (void)ok;
    return inserted->second.spec ? &inserted->second : nullptr;
  }

  std::string_view stem(LanguageStemmer& stemmer, std::string_view word) {
    const std::uint32_t cached = stemmer.cached_words.find(word);
    if (cached != StringIndex::kNotFound) return stemmer.cached_stems[cached];
    if (script_of(word) != stemmer.spec->script) return {};
    if (stemmer.cached_words.size() >= kMaxCachedStems) {
      stemmer.cached_words.clear();
      stemmer.cached_stems.clear();
    }
    std::string stripped;
    const std::string stemmed =
        stemmer.spec->xapian_name ? stemmer.stem(std::string(word)) : kazakh_stem(word);
    folder.strip_diacritics(stemmed, &stripped);
    stemmer.cached_words.insert(word);
    return stemmer.cached_stems.emplace_back(std::move(stripped));
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !impl_->breaker)
    throw Error(ErrorCode::kInternal,
                std::string("cannot create the ICU word breaker: ") + u_errorName(status));
}

Analyzer::~Analyzer() = default;

bool Analyzer::has_stemmer(std::string_view language) { return find_stemmer(language) != nullptr; }

std::string_view Analyzer::stem(std::string_view lower, std::string_view language) {
  LanguageStemmer* stemmer = impl_->stemmer_for(language);
  if (!stemmer || lower.empty()) return {};
  return impl_->stem(*stemmer, lower);
}

namespace {

// Emits the unigrams and bigrams of runs of ideographic characters. Consecutive ideographic
// tokens with nothing between them form one run, so grams cross the dictionary's word breaks.
class GramEmitter {
 public:
  GramEmitter(TokenSink& sink, std::string& buffer) : sink_(sink), gram_(buffer) {}

  void add_token(std::string_view surface, std::uint32_t begin, std::uint32_t end) {
    if (begin != run_end_) previous_.clear();
    for (std::size_t i = 0; i < surface.size();) {
      const std::size_t start = i;
      decode_utf8(surface, &i);
      const std::string_view character = surface.substr(start, i - start);
      gram_.assign(character);
      sink_.on_gram(gram_);
      if (!previous_.empty()) {
        gram_.assign(previous_);
        gram_.append(character);
        sink_.on_gram(gram_);
      }
      previous_.assign(character);
    }
    run_end_ = end;
  }

 private:
  TokenSink& sink_;
  std::string& gram_;
  std::string previous_;
  std::uint32_t run_end_ = UINT32_MAX;
};

}  // namespace

std::vector<std::uint32_t> Analyzer::boundaries(std::string_view text) {
  std::vector<std::uint32_t> out;
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&impl_->text, text.data(), static_cast<int64_t>(text.size()), &status);
  impl_->breaker->setText(&impl_->text, status);
  if (U_FAILURE(status)) return out;
  for (int32_t at = impl_->breaker->first(); at != icu::BreakIterator::DONE;
       at = impl_->breaker->next())
    out.push_back(static_cast<std::uint32_t>(at));
  return out;
}

void Analyzer::analyze(std::string_view text, std::string_view language, TokenSink& sink) {
  if (text.empty()) return;
  find_symbols(text, [&](std::size_t symbol_begin, std::size_t symbol_end) {
    const std::string key = symbol_key(text.substr(symbol_begin, symbol_end - symbol_begin));
    sink.on_symbol(key, static_cast<std::uint32_t>(symbol_begin),
                   static_cast<std::uint32_t>(symbol_end));
  });

  LanguageStemmer* stemmer = sink.wants_stems() ? impl_->stemmer_for(language) : nullptr;
  GramEmitter grams(sink, impl_->gram);
  FoldedForms& forms = impl_->forms;
  Token token;
  std::uint32_t position = 0;
  // One word segment of the text, with its rule status (ICU's tags).
  const auto on_segment = [&](std::uint32_t begin, std::uint32_t end, std::int32_t status_tag) {
    if (status_tag < UBRK_WORD_NONE_LIMIT) return;  // spaces, punctuation, symbols
    impl_->folder.fold(text.substr(begin, end - begin), &forms);
    if (forms.surface.empty() || forms.surface.size() > kMaxTermBytes ||
        forms.original.size() > kMaxTermBytes)
      return;
    token.kind = status_tag < UBRK_WORD_NUMBER_LIMIT ? TokenKind::kNumber
                 : status_tag >= UBRK_WORD_KANA      ? TokenKind::kIdeographic
                                                     : TokenKind::kWord;
    token.surface = forms.surface;
    token.original = forms.original;
    token.lower = forms.lower;
    token.stem = (stemmer && token.kind == TokenKind::kWord) ? impl_->stem(*stemmer, forms.lower)
                                                             : std::string_view{};
    token.begin = begin;
    token.end = end;
    token.position = ++position;
    sink.on_token(token);
    if (token.kind == TokenKind::kIdeographic)
      grams.add_token(token.surface, token.begin, token.end);
  };

  // Plain text is segmented without ICU, exactly as ICU would (simple_words.h).
  if (simple_word_segments(text, &impl_->segments)) {
    for (const WordSegment& segment : impl_->segments)
      on_segment(segment.begin, segment.end, segment.status);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&impl_->text, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  icu::BreakIterator& breaker = *impl_->breaker;
  breaker.setText(&impl_->text, status);
  if (U_FAILURE(status)) return;
  int32_t begin = breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE;
       begin = end, end = breaker.next())
    on_segment(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
               breaker.getRuleStatus());
}

}  // namespace treatysearch::core
