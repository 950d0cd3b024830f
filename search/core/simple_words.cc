#include "simple_words.h"

namespace treatysearch::core {

namespace {

// Word_Break classes (Unicode UAX #29, as ICU's root rules use them) of the characters the
// scanner knows. ICU's rules take the colon out of MidLetter, so it is kOther here.
enum class WordClass : std::uint8_t {
  kUnknown,       // not known: ICU decides
  kOther,         // breaks on both sides: spaces, most punctuation, quotes, dashes
  kLetter,        // ALetter: A-Z, a-z, @
  kNumeric,       // 0-9
  kExtendNumLet,  // _
  kMidNumLet,     // . and the single curly quotes
  kMidNum,        // , ;
  kSingleQuote,   // '
};

constexpr std::int32_t kNumberStatus = 100;  // UBRK_WORD_NUMBER
constexpr std::int32_t kLetterStatus = 200;  // UBRK_WORD_LETTER

struct Classified {
  WordClass word_class;
  std::uint32_t length;  // bytes
};

constexpr WordClass ascii_class(unsigned char c) {
  // ICU's rules add "@" to the letters, so that an e-mail address is one word.
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return WordClass::kLetter;
  if (c >= '0' && c <= '9') return WordClass::kNumeric;
  switch (c) {
    case '_':
      return WordClass::kExtendNumLet;
    case '.':
      return WordClass::kMidNumLet;
    case ',':
    case ';':
      return WordClass::kMidNum;
    case '\'':
      return WordClass::kSingleQuote;
    default:
      // Controls are Other too but for CR, LF and the other newlines, which only break.
      return c < 0x80 ? WordClass::kOther : WordClass::kUnknown;
  }
}

// The class of the character at text[pos].
Classified classify(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
  };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return {ascii_class(lead), 1};
  if (lead == 0xC2) {
    const unsigned next = byte(pos + 1);
    // U+00A0 no-break space, U+00AB and U+00BB guillemets.
    if (next == 0xA0 || next == 0xAB || next == 0xBB) return {WordClass::kOther, 2};
    return {WordClass::kUnknown, 0};
  }
  if (lead == 0xE2 && byte(pos + 1) == 0x80) {
    switch (byte(pos + 2)) {
      case 0x98:  // U+2018 left single quotation mark
      case 0x99:  // U+2019 right single quotation mark (the apostrophe of "party’s")
        return {WordClass::kMidNumLet, 3};
      case 0x93:  // U+2013 en dash
      case 0x94:  // U+2014 em dash
      case 0x9C:  // U+201C left double quotation mark
      case 0x9D:  // U+201D right double quotation mark
      case 0xA2:  // U+2022 bullet
      case 0xA6:  // U+2026 horizontal ellipsis
        return {WordClass::kOther, 3};
      default:
        return {WordClass::kUnknown, 0};
    }
  }
  if (lead == 0xEF && byte(pos + 1) == 0xBF && byte(pos + 2) == 0xBD)
    return {WordClass::kOther, 3};  // U+FFFD replacement character
  return {WordClass::kUnknown, 0};
}

bool is_word_part(WordClass c) {
  return c == WordClass::kLetter || c == WordClass::kNumeric || c == WordClass::kExtendNumLet;
}

// The status of a segment whose last character is `added`, after `last` (ICU's rule tags:
// "$ALetter $ExtendNumLet {200}", "$Numeric $ExtendNumLet {100}", "$ExtendNumLet
// $ExtendNumLet {200}", ...).
std::int32_t status_after(WordClass last, WordClass added) {
  if (added == WordClass::kLetter) return kLetterStatus;
  if (added == WordClass::kNumeric) return kNumberStatus;
  return last == WordClass::kNumeric ? kNumberStatus : kLetterStatus;
}

// Whether `mid` between `before` and `after` keeps them in one word (UAX #29 WB6/WB7 for
// letters, WB11/WB12 for digits).
bool joins(WordClass before, WordClass mid, WordClass after) {
  if (before == WordClass::kLetter && after == WordClass::kLetter)
    return mid == WordClass::kMidNumLet || mid == WordClass::kSingleQuote;
  if (before == WordClass::kNumeric && after == WordClass::kNumeric)
    return mid == WordClass::kMidNumLet || mid == WordClass::kSingleQuote ||
           mid == WordClass::kMidNum;
  return false;
}

}  // namespace

bool simple_word_segments(std::string_view text, std::vector<WordSegment>* out) {
  out->clear();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Classified first = classify(text, pos);
    if (first.word_class == WordClass::kUnknown) return false;
    if (!is_word_part(first.word_class)) {
      pos += first.length;
      continue;
    }
    const std::size_t begin = pos;
    WordClass last = first.word_class;
    std::int32_t status = last == WordClass::kLetter    ? kLetterStatus
                          : last == WordClass::kNumeric ? kNumberStatus
                                                        : 0;  // a lone "_" is no word
    pos += first.length;
    while (pos < text.size()) {
      const Classified next = classify(text, pos);
      if (next.word_class == WordClass::kUnknown) return false;
      if (is_word_part(next.word_class)) {
        status = status_after(last, next.word_class);
        last = next.word_class;
        pos += next.length;
        continue;
      }
      if (pos + next.length >= text.size()) break;
      const Classified after = classify(text, pos + next.length);
      if (after.word_class == WordClass::kUnknown) return false;
      if (!joins(last, next.word_class, after.word_class)) break;
      status = status_after(last, after.word_class);
      last = after.word_class;
      pos += next.length + after.length;
    }
    if (status >= kNumberStatus)
      out->push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos), status});
  }
  return true;
}

}  // namespace treatysearch::core
