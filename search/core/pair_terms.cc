#include "pair_terms.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string_view>

#include "schema.h"
#include "text.h"

namespace treatysearch::core {

namespace {

// Version 1: the words in the most passages of the treaty-body documents at hand, by language
// (folded forms, as the analyzer gives them): the UNHRDB general comments and decisions
// (English, 52,120 passages), the CRPD reporting cycles (English, French, Spanish, Russian) and
// the Kazakh Universal Declaration; for Arabic, whose CRPD PDFs extract to broken glyphs, only
// function words and the words of "the State party" and "the Committee"; and the words of the
// treaty bodies' set phrases ("the State party", "l'État partie", "Estado parte", "the
// Committee recommends"). A word of two languages ("a", "no", "en") is listed once. Part of
// the index format (pair_terms.h): never edit a version, make the next.
constexpr std::string_view kWordsVersion1[] = {
    // English
    "the", "of", "to", "and", "that", "in", "a", "on", "for", "state", "not", "by", "with", "party",
    "is", "as", "committee", "be", "was", "it", "article", "or", "under", "an", "which", "has",
    "from", "have", "his", "rights", "been", "are", "its", "had", "also", "their", "this", "at",
    "convention", "all", "should", "human", "persons", "disabilities", "right", "recommends",
    "ensure", "measures", "including", "no", "any",
    // French
    "de", "et", "des", "les", "la", "le", "en", "pour", "dans", "que", "sur", "qui", "comite",
    "aux", "un", "du", "etat", "par", "partie", "au", "droits", "avec", "une", "ou", "pas", "il",
    "droit", "ne", "est", "ce", "recommande", "mesures", "personnes",
    // Spanish
    "y", "con", "las", "el", "los", "para", "se", "del", "al", "por", "sobre", "su", "derechos",
    "como", "estado", "o", "sus", "parte", "medidas", "personas", "recomienda",
    // Russian
    "в", "и", "с", "по", "на", "о", "для", "к", "или", "не", "их", "также", "из", "как", "всех",
    "которые", "от", "что", "при", "прав", "за", "об", "комитет", "государство", "участник",
    // Kazakh
    "және", "мен", "немесе", "де", "үшін", "пен", "осы", "бар", "да",
    // Arabic
    "من", "في", "عن", "علي", "التي", "ان", "او", "الدولة", "الطرف", "اللجنة"};

constexpr std::array<std::string_view, std::size(kWordsVersion1)> sorted_words() {
  std::array<std::string_view, std::size(kWordsVersion1)> words{};
  std::copy(std::begin(kWordsVersion1), std::end(kWordsVersion1), words.begin());
  std::sort(words.begin(), words.end());
  return words;
}

constexpr auto kSortedWords = sorted_words();

// The words again as an open-addressing hash table, for is_pair_word: the indexer asks it of
// every word, and a binary search compared eight strings each time (2 % of indexing CPU).
constexpr std::size_t kSlots = 512;  // a power of 2, over three times the words
static_assert(std::size(kWordsVersion1) * 3 < kSlots);

constexpr std::array<std::string_view, kSlots> word_table() {
  std::array<std::string_view, kSlots> slots{};
  for (const std::string_view word : kWordsVersion1) {
    std::size_t slot = fnv1a(word) & (kSlots - 1);
    while (!slots[slot].empty()) slot = (slot + 1) & (kSlots - 1);
    slots[slot] = word;
  }
  return slots;
}

constexpr auto kWordTable = word_table();

constexpr std::size_t longest_word() {
  std::size_t longest = 0;
  for (const std::string_view word : kWordsVersion1) longest = std::max(longest, word.size());
  return longest;
}

constexpr std::size_t kLongestWord = longest_word();

}  // namespace

bool is_pair_word(std::string_view surface) {
  if (surface.empty() || surface.size() > kLongestWord) return false;
  for (std::size_t slot = fnv1a(surface) & (kSlots - 1); !kWordTable[slot].empty();
       slot = (slot + 1) & (kSlots - 1))
    if (kWordTable[slot] == surface) return true;
  return false;
}

std::span<const std::string_view> pair_words() { return kSortedWords; }

std::string pair_term(std::string_view first, std::string_view second) {
  std::string term(schema::kPairPrefix);
  term.reserve(term.size() + first.size() + 1 + second.size());
  term.append(first).append(1, ' ').append(second);
  return term;
}

std::string triple_term(std::string_view first, std::string_view second, std::string_view third) {
  std::string term = pair_term(first, second);
  term.append(1, ' ').append(third);
  return term;
}

}  // namespace treatysearch::core
