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

// ICU's filter does not suppress a break after an abbreviation with a full stop inside
// ("e.g.", "i.e.": tested), so those are checked here, on the text before each break.
bool after_dotted_abbreviation(std::string_view before, const std::vector<std::string>& dotted) {
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
    before.remove_suffix(1);
  for (const std::string& abbreviation : dotted) {
    if (before.size() < abbreviation.size() ||
        before.compare(before.size() - abbreviation.size(), abbreviation.size(), abbreviation) != 0)
      continue;
    const std::size_t at = before.size() - abbreviation.size();
    // A word of its own: at the start, or after a space or an opening mark.
    if (at == 0 || before[at - 1] == ' ' || before[at - 1] == '(' || before[at - 1] == ',' ||
        before[at - 1] == '[')
      return true;
  }
  return false;
}

}  // namespace

struct SentenceBreaker::Impl {
  struct Language {
    std::unique_ptr<icu::BreakIterator> breaker;
    std::vector<std::string> dotted;  // abbreviations with a full stop inside
  };
  std::unordered_map<std::string, Language> languages;
  UText text = UTEXT_INITIALIZER;

  ~Impl() { utext_close(&text); }

  Language& language_for(std::string_view language) {
    std::string key(language);
    auto it = languages.find(key);
    if (it != languages.end()) return it->second;
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
    Language entry;
    entry.breaker = std::move(sentences);
    for (std::string& word : abbreviations(language))
      if (word.find('.') + 1 < word.size()) entry.dotted.push_back(std::move(word));
    return languages.emplace(std::move(key), std::move(entry)).first->second;
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
  const Impl::Language& entry = impl_->language_for(language);
  icu::BreakIterator* breaker = entry.breaker.get();
  if (!breaker) return;
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&impl_->text, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  breaker->setText(&impl_->text, status);
  if (U_FAILURE(status)) return;
  breaker->first();
  for (int32_t at = breaker->next(); at != icu::BreakIterator::DONE; at = breaker->next()) {
    const auto offset = static_cast<std::size_t>(at);
    if (offset >= text.size() || after_dotted_abbreviation(text.substr(0, offset), entry.dotted))
      continue;
    out->push_back(static_cast<std::uint32_t>(offset));
  }
}

}  // namespace treatysearch::core
