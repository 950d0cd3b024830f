#include "sentences.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <unordered_map>

namespace treatysearch::core {

namespace {

// Abbreviations lawyers meet in treaty-body documents in every language (symbols and citations
// are written the English way in all of them), with their capitalised forms where a sentence
// may start with one. Matching is case-sensitive, so "no." ending a sentence still ends it.
constexpr const char* kCommon[] = {
    "para.", "paras.", "Para.", "Paras.", "No.",      "Nos.",    "art.",  "arts.",
    "Art.",  "Arts.",  "Mr.",   "Mrs.",   "Ms.",      "Dr.",     "p.",    "pp.",
    "e.g.",  "i.e.",   "cf.",   "Cf.",    "vol.",     "Vol.",    "etc.",  "op.",
    "cit.",  "Corr.",  "Rev.",  "Add.",   "Suppl.",   "approx.", "ibid.", "Ibid.",
    "chap.", "Chap.",  "sect.", "Sect.",  "subpara.",
};

struct LanguageAbbreviations {
  const char* language;
  std::vector<const char*> words;
};

// Where a language abbreviates differently.
const LanguageAbbreviations kByLanguage[] = {
    {"fr", {"al.", "Al.", "art.", "Art.", "M.", "MM.", "Mme.", "n°.", "par.", "chap.", "éd."}},
    {"es", {"art.", "Art.", "arts.", "núm.", "Núm.", "párr.", "Párr.", "Sr.", "Sra.", "pág."}},
    {"ru", {"ст.", "Ст.", "п.", "пп.", "ч.", "г.", "гг.", "см.", "т.е.", "т.д.", "т.п.", "др."}},
    {"pt", {"art.", "Art.", "n.º", "par.", "Sr.", "Sra."}},
};

}  // namespace

struct SentenceBreaker::Impl {
  std::unordered_map<std::string, std::unique_ptr<icu::BreakIterator>> breakers;
  UText text = UTEXT_INITIALIZER;

  ~Impl() { utext_close(&text); }

  icu::BreakIterator* breaker_for(std::string_view language) {
    std::string key(language);
    auto it = breakers.find(key);
    if (it != breakers.end()) return it->second.get();
    const icu::Locale locale = key.empty() ? icu::Locale::getRoot() : icu::Locale(key.c_str());
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> sentences(
        icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status)) sentences.reset();
    if (sentences) {
      // ICU's own suppressions for the locale when it has them, else an empty list.
      status = U_ZERO_ERROR;
      std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
          icu::FilteredBreakIteratorBuilder::createInstance(locale, status));
      if (U_FAILURE(status) || !builder) {
        status = U_ZERO_ERROR;
        builder.reset(icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
      }
      if (U_SUCCESS(status) && builder) {
        for (const std::string& word : abbreviations(language)) {
          UErrorCode ignored = U_ZERO_ERROR;  // "already suppressed" is no failure
          builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(word), ignored);
        }
        icu::BreakIterator* filtered = builder->wrapIteratorWithFilter(sentences.release(), status);
        sentences.reset(U_SUCCESS(status) ? filtered : nullptr);
      }
    }
    return breakers.emplace(std::move(key), std::move(sentences)).first->second.get();
  }
};

SentenceBreaker::SentenceBreaker() : impl_(std::make_unique<Impl>()) {}
SentenceBreaker::~SentenceBreaker() = default;

std::vector<std::string> SentenceBreaker::abbreviations(std::string_view language) {
  std::vector<std::string> out(std::begin(kCommon), std::end(kCommon));
  for (const auto& entry : kByLanguage)
    if (language == entry.language) out.insert(out.end(), entry.words.begin(), entry.words.end());
  return out;
}

void SentenceBreaker::starts(std::string_view text, std::string_view language,
                             std::vector<std::uint32_t>* out) {
  out->clear();
  if (text.empty()) return;
  icu::BreakIterator* breaker = impl_->breaker_for(language);
  if (!breaker) return;
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&impl_->text, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  breaker->setText(&impl_->text, status);
  if (U_FAILURE(status)) return;
  breaker->first();
  for (int32_t at = breaker->next(); at != icu::BreakIterator::DONE; at = breaker->next())
    if (static_cast<std::size_t>(at) < text.size()) out->push_back(static_cast<std::uint32_t>(at));
}

}  // namespace treatysearch::core
