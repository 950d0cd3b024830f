// The words, letters and digits of each language that the segmenter's recognisers rely on, as
// data: one table per question, one row per language, so that a French "Recommandations :",
// a Russian "б)" sub-paragraph or an Arabic "١٢." paragraph number is read as its English
// equivalent is, and adding a language is adding a row. Internal to the indexer.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace treatysearch::ingest {

// --- "RECOMMENDATIONS:" markers ---------------------------------------------------------------
// A line holding only the word (singular or plural), written in capitals, or in any case when
// followed by a colon (":", French " :", the full-width "："), opens a block of
// recommendations inside a paragraph. Words are in lower case; caseless scripts (Arabic,
// Chinese) need the colon, since capitals cannot set them apart from running text.
struct RecommendationWords {
  std::string_view language;  // BCP 47
  std::string_view singular;
  std::string_view plural;  // empty where the language has one form
};

inline constexpr std::array<RecommendationWords, 6> kRecommendationWords = {{
    {"en", "recommendation", "recommendations"},
    {"fr", "recommandation", "recommandations"},
    {"es", "recomendación", "recomendaciones"},
    {"ru", "рекомендация", "рекомендации"},
    {"ar", "التوصية", "التوصيات"},
    {"zh", "建议", ""},
}};

// --- appendix and individual opinion headings -------------------------------------------------
// Views end with appendices holding the individual (concurring, dissenting) opinions of
// Committee members, numbered afresh from "1.". A heading line starting with one of these words
// (in any case) ends the main paragraph sequence: the opinions' numbers are not paragraphs of
// the Views, and their text is not part of the Views' last paragraph. "Annex" is not among them:
// the Views themselves are printed as the annex of a decision.
inline constexpr std::array<std::string_view, 18> kAppendixHeadingStarts = {"appendix",
                                                                            "individual opinion",
                                                                            "joint opinion",
                                                                            "separate opinion",
                                                                            "dissenting opinion",
                                                                            "concurring opinion",
                                                                            "partly dissenting",
                                                                            "partially dissenting",
                                                                            "opinion individuelle",
                                                                            "opinion dissidente",
                                                                            "opinion concordante",
                                                                            "opinion conjointe",
                                                                            "voto particular",
                                                                            "voto disidente",
                                                                            "voto concurrente",
                                                                            "особое мнение",
                                                                            "رأي فردي",
                                                                            "个人意见"};

// --- sub-paragraph letters --------------------------------------------------------------------
// The letters of "(a)", "б)", "(أ)" in the order documents use them. Latin is a-z. Russian
// documents letter а, б, в, ... without the letters that cannot start a list item (ё, й, ъ,
// ы, ь). Arabic documents letter in abjad order (أ ب ج د هـ و ز ح ط ي ...), the fifth letter
// written heh + tatweel "هـ" (a bare "ه" is read as the same letter).
struct SubParagraphAlphabet {
  std::string_view language;
  // Each letter's UTF-8 text, in order.
  const std::string_view* letters;
  std::size_t count;
};

inline constexpr std::array<std::string_view, 26> kLatinLetters = {
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};
inline constexpr std::array<std::string_view, 28> kCyrillicLetters = {
    "а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л", "м", "н", "о",
    "п", "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "э", "ю", "я"};
inline constexpr std::array<std::string_view, 28> kAbjadLetters = {
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن",
    "س", "ع", "ف", "ص", "ق",  "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"};

inline constexpr std::array<SubParagraphAlphabet, 3> kSubParagraphAlphabets = {{
    {"en", kLatinLetters.data(), kLatinLetters.size()},
    {"ru", kCyrillicLetters.data(), kCyrillicLetters.size()},
    {"ar", kAbjadLetters.data(), kAbjadLetters.size()},
}};

// Where a sub-paragraph letter stands: which alphabet, and its place in it (0 for the first).
struct SubParagraphLetter {
  std::size_t alphabet = 0;
  std::size_t index = 0;
};

// The letter `token` is ("b" -> Latin 1, "б" -> Cyrillic 1, "هـ" and "ه" -> abjad 4), or
// nullopt. A Latin letter is always read as Latin: "(i)" is the ninth letter or a roman numeral
// by its place in the list, which the caller knows.
std::optional<SubParagraphLetter> sub_paragraph_letter(std::string_view token);

// The longest sub-paragraph letter of any non-Latin alphabet at the start of `text`, in bytes
// (0 when there is none).
std::size_t non_latin_letter_length(std::string_view text);

// --- digits -----------------------------------------------------------------------------------
// Paragraph numbers are printed in ASCII digits, Arabic-Indic digits (٠-٩, U+0660-0669) or
// Extended Arabic-Indic digits (۰-۹, U+06F0-06F9, Persian and Urdu forms). PDF text layers of
// Arabic documents mix ASCII and Arabic-Indic digits inside one number ("١2"), since their fonts
// map some digit glyphs to ASCII; every digit is read for its value. Labels are written in ASCII
// digits: citations are written in ASCII in every language.
struct Digit {
  int value = 0;
  std::size_t length = 1;  // bytes
  bool ascii = true;
};

// The digit at text[pos], or nullopt.
std::optional<Digit> digit_at(std::string_view text, std::size_t pos);

}  // namespace treatysearch::ingest
