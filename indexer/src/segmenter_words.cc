#include "segmenter_words.h"

namespace treatysearch::ingest {

namespace {

// "ه" alone is how the fifth abjad letter "هـ" is often typed (without its tatweel).
constexpr std::string_view kBareHeh = "ه";
constexpr std::size_t kAbjadAlphabet = 2;
constexpr std::size_t kAbjadHeh = 4;

}  // namespace

std::optional<SubParagraphLetter> sub_paragraph_letter(std::string_view token) {
  for (std::size_t a = 0; a < kSubParagraphAlphabets.size(); ++a) {
    const SubParagraphAlphabet& alphabet = kSubParagraphAlphabets[a];
    for (std::size_t i = 0; i < alphabet.count; ++i) {
      if (alphabet.letters[i] == token) return SubParagraphLetter{a, i};
    }
  }
  if (token == kBareHeh) return SubParagraphLetter{kAbjadAlphabet, kAbjadHeh};
  return std::nullopt;
}

std::size_t non_latin_letter_length(std::string_view text) {
  std::size_t longest = 0;
  for (std::size_t a = 1; a < kSubParagraphAlphabets.size(); ++a) {
    const SubParagraphAlphabet& alphabet = kSubParagraphAlphabets[a];
    for (std::size_t i = 0; i < alphabet.count; ++i) {
      const std::string_view letter = alphabet.letters[i];
      if (letter.size() > longest && text.starts_with(letter)) longest = letter.size();
    }
  }
  if (longest == 0 && text.starts_with(kBareHeh)) longest = kBareHeh.size();
  return longest;
}

std::optional<Digit> digit_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  const auto first = static_cast<unsigned char>(text[pos]);
  if (first >= '0' && first <= '9') return Digit{first - '0', 1, true};
  if (pos + 1 >= text.size()) return std::nullopt;
  const auto second = static_cast<unsigned char>(text[pos + 1]);
  // U+0660-0669 is D9 A0-A9; U+06F0-06F9 is DB B0-B9.
  if (first == 0xD9 && second >= 0xA0 && second <= 0xA9) return Digit{second - 0xA0, 2, false};
  if (first == 0xDB && second >= 0xB0 && second <= 0xB9) return Digit{second - 0xB0, 2, false};
  return std::nullopt;
}

}  // namespace treatysearch::ingest
