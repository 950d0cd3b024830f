// Right-to-left text from a PDF text layer. A PDF draws glyphs; its text layer may hold an
// Arabic line in visual order (the order the glyphs stand on the page, left to right, which
// reverses every Arabic word) or in logical order (the order it is read), and may hold the
// contextual presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) instead of the letters. The
// extractor hands on logical order and base letters, so that words match what a user types.
#pragma once

#include <string>
#include <string_view>

namespace treatysearch::ingest::pdf {

// Strong right-to-left letters minus strong left-to-right letters in `text`.
int rtl_balance(std::string_view text);

// True when `text` holds any right-to-left letter (Arabic, Hebrew, Syriac, Thaana, N'Ko, or an
// Arabic presentation form).
bool has_rtl_letters(std::string_view text);

// Reverses the order of the characters of `text`, keeping each combining mark after its base
// letter: turns a word stored in logical order into visual order and back.
std::string reverse_characters(std::string_view text);

// The logical order of a line given in visual order (as drawn, left to right): the inverse of
// the Unicode bidirectional algorithm (ICU), for a right-to-left line (`rtl`) or a
// left-to-right one holding right-to-left words, so that numbers and Latin words inside the
// line keep their own order ("5- ...", "CRPD/C/RWA/CO/1").
std::string logical_from_visual(std::string_view visual, bool rtl);

// Arabic presentation forms folded to the base letters (ICU u_shapeArabic, unshaping; the
// lam-alef ligatures become two letters). Text without presentation forms is left as it is.
void fold_presentation_forms(std::string* text);

// A number drawn with a font whose text layer maps some digits to Arabic-Indic digits and others
// to ASCII ("١2-" for "12-", "20١9") is written in ASCII digits. Numbers in one kind of digit
// are left as they are.
void unify_mixed_digits(std::string* text);

}  // namespace treatysearch::ingest::pdf
