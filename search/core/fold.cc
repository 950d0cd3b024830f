#include "fold.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>

#include "text.h"

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

const icu::Normalizer2* nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Maps one code point of NFKC output for the original form; returns 0 to drop it. Only marks
// that carry no meaning for a reader are touched: the spelling stays as written.
char32_t map_original_code_point(char32_t cp) {
  if (cp == 0x2019 || cp == 0x02BC) return U'\'';  // typographic and modifier apostrophes
  if (cp == 0x0640) return 0;                      // Arabic tatweel: elongation only
  if (cp >= 0x80 && u_charType(static_cast<UChar32>(cp)) == U_DECIMAL_DIGIT_NUMBER) {
    const int32_t digit = u_charDigitValue(static_cast<UChar32>(cp));
    if (digit >= 0 && digit <= 9) return U'0' + static_cast<char32_t>(digit);
  }
  return cp;
}

// Maps one code point of NFKC_Casefold output for the lower form; returns 0 to drop it.
char32_t map_lower_code_point(char32_t cp) {
  switch (cp) {
    case 0x0451:  // ё: the Russian stemmer only knows е
      return 0x0435;
    case 0x0623:      // أ
    case 0x0625:      // إ
    case 0x0622:      // آ
    case 0x0671:      // ٱ
      return 0x0627;  // ا
    case 0x0649:      // ى
      return 0x064A;  // ي
    default:
      break;
  }
  if (is_arabic_diacritic(cp)) return 0;
  return map_original_code_point(cp);
}

void normalize(const icu::Normalizer2* normalizer, std::string_view in, std::string* out) {
  out->clear();
  UErrorCode status = U_ZERO_ERROR;
  if (normalizer != nullptr) {
    icu::StringByteSink<std::string> sink(out, static_cast<int32_t>(in.size()));
    normalizer->normalizeUTF8(0, icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), sink,
                              nullptr, status);
  }
  if (normalizer == nullptr || U_FAILURE(status)) out->assign(in);
}

void map_code_points(std::string_view in, char32_t (*map)(char32_t), std::string* out) {
  out->clear();
  for (std::size_t i = 0; i < in.size();) {
    const char32_t mapped = map(decode_utf8(in, &i));
    if (mapped != 0) append_utf8(mapped, out);
  }
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

void strip_elision(std::string* word) {
  if (word->find('\'') == std::string::npos) return;
  for (std::string_view prefix : kElisions) {
    if (word->size() > prefix.size() + 1 && starts_with_ascii_ci(*word, prefix)) {
      word->erase(0, prefix.size());
      break;
    }
  }
  const std::size_t n = word->size();
  if (n > 3 && (*word)[n - 2] == '\'' && ((*word)[n - 1] == 's' || (*word)[n - 1] == 'S')) {
    word->resize(n - 2);
  } else {
    while (!word->empty() && word->back() == '\'') word->pop_back();
  }
}

TokenFolder::TokenFolder() { scratch_.reserve(256); }

void TokenFolder::fold(std::string_view token, FoldedForms* out) {
  if (is_ascii(token)) {
    out->original.assign(token);
    strip_elision(&out->original);
    out->lower.assign(out->original);  // in place: no allocation per token on this hot path
    for (char& c : out->lower) c = ascii_lower(c);
    out->surface.assign(out->lower);
    return;
  }
  fold_non_ascii(token, out);
}

void TokenFolder::fold_non_ascii(std::string_view token, FoldedForms* out) {
  normalize(nfkc(), token, &scratch_);
  map_code_points(scratch_, map_original_code_point, &out->original);
  strip_elision(&out->original);
  normalize(nfkc_casefold(), out->original, &scratch_);
  map_code_points(scratch_, map_lower_code_point, &out->lower);
  strip_diacritics(out->lower, &out->surface);
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
