// The word segments of plain text found without ICU: a scanner for text whose every character
// is ASCII or one of a few punctuation marks common in treaty-body documents (typographic
// quotes and dashes, the no-break space), giving exactly the word segments and rule statuses
// that ICU's root word break iterator gives for such text (tested against ICU on random text
// and the bundled corpus: tests/unit/search/simple_words_test.cc).
//
// Why: ICU's iterator runs a rule machine over every code point through UText, about 75 MB/s
// here, a twentieth of all indexing CPU; most passages of the documents are plain text whose
// word segments a direct scan finds several times faster. Any other character (a letter with
// an accent, another script, an emoji, a combining mark) makes the scanner decline, and the
// analyzer asks ICU: one analyzer still decides every word, for indexing and queries alike.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace treatysearch::core {

// One word segment: bytes [begin, end) and ICU's rule status for it (UBRK_WORD_NUMBER, 100,
// when it ends in a digit; UBRK_WORD_LETTER, 200, when it ends in a letter or joins two
// connectors). Segments of spaces and punctuation (status below 100) are not listed.
struct WordSegment {
  std::uint32_t begin = 0, end = 0;
  std::int32_t status = 0;
  bool operator==(const WordSegment&) const = default;
};

// True, with *out the word segments of `text` in order, when every character of `text` is
// one the scanner knows; false (*out unspecified) when ICU must segment it.
bool simple_word_segments(std::string_view text, std::vector<WordSegment>* out);

}  // namespace treatysearch::core
