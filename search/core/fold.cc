#include "fold.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <array>

#include "utf8.h"

namespace treatysearch::core {

namespace {

const icu::Normalizer2* nfkc_casefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

const icu::Normalizer2* nfd() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

bool is_arabic_diacritic(char32_t cp) {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640;  // tashkeel, tatweel
}

// Maps one code point of NFKC_Casefold output to its folded form; returns 0 to drop it.
char32_t map_folded_code_point(char32_t cp) {
  switch (cp) {
    case 0x2019:  // RIGHT SINGLE QUOTATION MARK, the typographic apostrophe
    case 0x02BC:  // MODIFIER LETTER APOSTROPHE
      return U'\'';
    case 0x0451:  // ё: the Russian stemmer only knows е
      return 0x0435;
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0622:  // آ
    case 0x0671:  // ٱ
      return 0x0627;  // ا
    case 0x0649:      // ى
      return 0x064A;  // ي
    default:
      break;
  }
  if (is_arabic_diacritic(cp)) return 0;
  if (cp >= 0x80 && u_charType(static_cast<UChar32>(cp)) == U_DECIMAL_DIGIT_NUMBER) {
    const int32_t digit = u_charDigitValue(static_cast<UChar32>(cp));
    if (digit >= 0 && digit <= 9) return U'0' + static_cast<char32_t>(digit);
  }
  return cp;
}

bool is_latin_or_greek(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  return script == USCRIPT_LATIN || script == USCRIPT_GREEK;
}

bool is_inherited_mark(char32_t cp) {
  if (u_charType(static_cast<UChar32>(cp)) != U_NON_SPACING_MARK) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_INHERITED;
}

// French elided forms, longest first so that "jusqu'" wins over "qu'".
constexpr std::array<std::string_view, 12> kElisions = {
    "lorsqu'", "puisqu'", "jusqu'", "qu'", "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'"};

}  // namespace

void strip_elision(std::string* folded) {
  const auto apostrophe = folded->find('\'');
  if (apostrophe == std::string::npos) return;
  for (std::string_view prefix : kElisions) {
    if (folded->size() > prefix.size() + 1 && folded->compare(0, prefix.size(), prefix) == 0) {
      folded->erase(0, prefix.size());
      break;
    }
  }
  if (folded->size() > 3 && folded->ends_with("'s")) {
    folded->resize(folded->size() - 2);
  } else {
    while (!folded->empty() && folded->back() == '\'') folded->pop_back();
  }
}

TokenFolder::TokenFolder() { scratch_.reserve(256); }

void TokenFolder::fold(std::string_view token, std::string* exact, std::string* surface) {
  exact->clear();
  if (is_ascii(token)) {
    exact->reserve(token.size());
    for (char c : token) exact->push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  } else {
    fold_non_ascii(token, exact);
  }
  strip_elision(exact);
  strip_diacritics(*exact, surface);
}

void TokenFolder::fold_non_ascii(std::string_view token, std::string* exact) {
  scratch_.clear();
  const icu::Normalizer2* normalizer = nfkc_casefold();
  UErrorCode status = U_ZERO_ERROR;
  if (normalizer != nullptr) {
    icu::StringByteSink<std::string> sink(&scratch_, static_cast<int32_t>(token.size()));
    normalizer->normalizeUTF8(0, icu::StringPiece(token.data(), static_cast<int32_t>(token.size())),
                              sink, nullptr, status);
  }
  if (normalizer == nullptr || U_FAILURE(status)) scratch_.assign(token);
  for (std::size_t i = 0; i < scratch_.size();) {
    const char32_t mapped = map_folded_code_point(decode_utf8(scratch_, &i));
    if (mapped != 0) append_utf8(mapped, exact);
  }
}

void TokenFolder::strip_diacritics(std::string_view folded, std::string* out) const {
  out->clear();
  if (is_ascii(folded)) {
    out->assign(folded);
    return;
  }
  const icu::Normalizer2* decomposer = nfd();
  icu::UnicodeString decomposition;
  for (std::size_t i = 0; i < folded.size();) {
    const char32_t cp = decode_utf8(folded, &i);
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
      continue;
    }
    if (is_inherited_mark(cp)) continue;
    if (decomposer != nullptr && is_latin_or_greek(cp) &&
        decomposer->getDecomposition(static_cast<UChar32>(cp), decomposition)) {
      for (int32_t k = 0; k < decomposition.length();) {
        const UChar32 part = decomposition.char32At(k);
        k += U16_LENGTH(part);
        if (u_charType(part) != U_NON_SPACING_MARK) append_utf8(static_cast<char32_t>(part), out);
      }
      continue;
    }
    append_utf8(cp, out);
  }
}

}  // namespace treatysearch::core
