#include "kazakh_stemmer.h"

#include <array>

#include "text.h"

namespace treatysearch::core {

namespace {

// Longest first within each class, so that "ның" is tried before "н".
constexpr std::array<std::string_view, 34> kCaseEndings = {
    // ablative, locative after a possessive, instrumental
    "нан", "нен", "дан", "ден", "тан", "тен", "нда", "нде", "мен", "бен", "пен",
    // genitive
    "ның", "нің", "дың", "дің", "тың", "тің",
    // dative
    "ға", "ге", "қа", "ке", "на", "не",
    // accusative
    "ны", "ні", "ды", "ді", "ты", "ті",
    // locative
    "да", "де", "та", "те",
    // accusative after a possessive (құқығын): only before a possessive vowel, see below
    "н"};

// Third-person and plural possessives only: the first- and second-person singular endings
// (-ым, -ың, -м, -ң) are rare in treaty texts and would cut real roots (білім "education",
// адам "person").
constexpr std::array<std::string_view, 8> kPossessive = {"ымыз", "іміз", "ыңыз", "іңіз",
                                                         "сы",   "сі",   "ы",    "і"};

constexpr std::array<std::string_view, 6> kPlural = {"лар", "лер", "дар", "дер", "тар", "тер"};

std::size_t letters(std::string_view s) { return count_code_points(s); }

// Removes the first suffix of `suffixes` that `word` ends with, if the rest keeps enough letters.
template <std::size_t N>
bool strip_one(std::string* word, const std::array<std::string_view, N>& suffixes) {
  for (std::string_view suffix : suffixes) {
    if (suffix.empty() || !word->ends_with(suffix)) continue;
    if (letters(*word) - letters(suffix) < kMinKazakhStemLetters) continue;
    if (suffix == "н" && !(word->ends_with("ын") || word->ends_with("ін"))) continue;
    // Country names end in -стан (Қазақстан): that is not the ablative -тан.
    if ((suffix == "тан" || suffix == "тен") && word->size() > suffix.size() &&
        std::string_view(*word).substr(0, word->size() - suffix.size()).ends_with("с"))
      continue;
    word->resize(word->size() - suffix.size());
    return true;
  }
  return false;
}

// A vowel-initial suffix voices a final к/қ/п (құқық + ы -> құқығы); restore the plain form so
// that every inflection meets the same stem.
void unvoice_final_consonant(std::string* stem) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kPairs = {
      {{"ғ", "қ"}, {"г", "к"}, {"б", "п"}}};
  for (const auto& [voiced, plain] : kPairs) {
    if (stem->ends_with(voiced)) {
      stem->replace(stem->size() - voiced.size(), voiced.size(), plain);
      return;
    }
  }
}

}  // namespace

std::string kazakh_stem(std::string_view word) {
  std::string stem(word);
  strip_one(&stem, kCaseEndings);
  const bool possessive = strip_one(&stem, kPossessive);
  strip_one(&stem, kPlural);
  if (possessive) unvoice_final_consonant(&stem);
  return stem;
}

}  // namespace treatysearch::core
