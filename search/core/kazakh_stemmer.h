// A light stemmer for Kazakh, which Snowball (and so Xapian) lacks. Kazakh is agglutinative:
// a noun takes plural, possessive and case suffixes in that order (құқық "right" ->
// құқықтарының "of their rights"), so exact-word search misses most mentions. This removes at
// most one suffix of each class from the end, the way light stemmers for Finnish, Turkish or
// Arabic do, and undoes the final-consonant voicing that a vowel-initial suffix causes
// (құқығы -> құқық). It does not touch derivational suffixes (құқылы "entitled" stays), and it
// never leaves a stem of fewer than kMinStemLetters letters.
#pragma once

#include <string>
#include <string_view>

namespace treatysearch::core {

inline constexpr std::size_t kMinKazakhStemLetters = 3;

// `word` is lower-case Cyrillic (the analyzer's lower form). Returns the stem (possibly the word
// itself).
std::string kazakh_stem(std::string_view word);

}  // namespace treatysearch::core
