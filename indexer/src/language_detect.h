// Language identification: which language a document, and each of its passages, is written in.
//
// Built on CLD2 (Debian's libcld2, the "full" tables: about 160 languages, Kazakh included).
// CLD2 never appears in this header: callers see ISO 639 codes and nothing else, so the
// identifier can be swapped without touching them.
//
// CLD2 is a statistical guess and a poor one on short strings ("Права человека" comes out as
// Serbian), so everything here prefers to say nothing: a text with too few letters, or one CLD2
// is not confident about, gets no language, and the caller falls back to what it knows (the
// manifest, the document, the neighbouring passages). A wrong language is worse than none: it
// picks the wrong stemmer for every word of the passage.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "passage.h"

namespace treatysearch::ingest {

// Below this many letters a text is not identified. Measured on the UDHR paragraphs (en, fr, es,
// ru, ar, zh, kk) cut to a number of letters: at 10 to 20 letters CLD2 gives confident wrong
// answers (Spanish as Portuguese, Russian as Macedonian, Kazakh as Turkmen); from 30 on it gives
// none, only some "don't know" (mostly Russian, see kMinUncontestedPercent in the .cc). 40 keeps
// a margin. Ideographs, kana and Hangul count two letters each: one carries about as much as a
// short word (no Chinese paragraph cut to 20 ideographs was misidentified).
inline constexpr std::size_t kMinLettersToIdentify = 40;

// The language `text` (UTF-8; invalid bytes are tolerated) is mostly written in, as an ISO 639-1
// code ("en", "fr", "es", "ru", "ar", "zh", "kk", "pt", ...; ISO 639-2/3 for the few languages
// without one, e.g. "ceb"), or "" when the text is too short or CLD2 is not confident. For a
// text in several languages it is the one with the most text. Thread-safe.
//
// A text of more than a few kilobytes is first identified from a sample of about 1.5 KB (short
// windows spread over it); only when the sample is not clearly in one language is the whole text
// (at most 4 MB of it) read.
//
// detect_metadata() (metadata_detect.h) uses it for DocumentInfo::language.
std::string detect_language(std::string_view text);

// Sets Passage::language on the passages whose language differs from the document's (it stays
// empty, meaning "the document's", on all others). `document_language` is what the document as a
// whole is taken to be: the manifest's language if it gives one, else detect_language() of the
// whole text.
//
//  - A passage with enough letters is identified on its own text (with the document language as
//    CLD2's hint, so that a borderline Spanish paragraph of a Spanish document is not called
//    Galician). For a document in English, French, Spanish, Russian, Kazakh, Arabic or Chinese,
//    a passage written in that language's alphabet and using its function words at a normal
//    rate is taken to be in it without CLD2 (the .cc says how, and what that cannot see); only
//    the other passages, and the short ones if the document turns out mixed, are given to CLD2.
//  - A passage too short or too ambiguous to identify takes the document language; but when the
//    document is mixed (some passage was identified as another language: a treaty printed in
//    four languages, a report quoting a law in its original), it takes the language of the
//    identified passages around it: both neighbours when they agree, else the one that CLD2's
//    own weak guess or the passage's script points to, else the following one (a short line
//    between two languages is most often a title or heading opening the next). A footnote
//    follows the passage citing it.
void assign_passage_languages(std::vector<Passage>* passages, std::string_view document_language);

// Maps a CLD2 language code to the code we store: "zh-Hant" -> "zh", "sr-ME" -> "sr", "iw" ->
// "he", "jw" -> "jv"; "un", "xxx", "xx-Latn" and CLD2's pseudo-languages -> "". Exposed for tests.
std::string normalize_language_code(std::string_view cld2_code);

// Letters in `text` as kMinLettersToIdentify counts them (ideographs, kana and Hangul twice).
std::size_t count_letters(std::string_view text);

}  // namespace treatysearch::ingest
