// The rules of metadata detection (metadata_detect.h), shared between the files they are split
// into by concern: text helpers, committees, labelled lines, symbols, dates, the header (title,
// type wording, States named). Internal to the indexer; not a public header.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::ingest::metadata_detail {

// --- text helpers (metadata_text.cc) ----------------------------------------------------------
// Byte-oriented: the markers looked for are ASCII, and the few non-ASCII characters that matter
// (no-break spaces, ’) are handled explicitly.

// memmem(): the first `needle` in `haystack` at or after `from`, or npos.
std::size_t find_bytes(std::string_view haystack, std::string_view needle, std::size_t from = 0);
bool contains(std::string_view haystack, std::string_view needle);

// No-break, narrow and typographic spaces as ' ' (tabs are kept: they separate layout cells).
std::string normalize_spaces(std::string_view text);

// Length of the match of `pattern` (lower-case ASCII) at text[pos], or 0: ASCII case ignored,
// a ' ' in the pattern matches any space normalize_spaces() would turn into ' '.
std::size_t match_loose(std::string_view text, std::size_t pos, std::string_view pattern);
// The first position at or after `from` where match_loose() matches, or npos.
std::size_t find_loose(std::string_view text, std::string_view pattern, std::size_t from = 0);

std::vector<std::string_view> split(std::string_view text, char separator);
// Cells of a front-page line: separated by tabs or runs of spaces, trimmed, none empty.
std::vector<std::string_view> split_cells(std::string_view line);
// Bidi controls (LRM, RLM, U+202A..U+202E embeddings, U+2066..U+2069 isolates): right-to-left
// versions wrap every Latin run of their first page in them.
bool is_bidi_control(char32_t cp);
std::string without_bidi_controls(std::string_view text);
// Without the "*", daggers, U+FFFD, private-use asterisks (U+F02A), bidi controls and white
// space Word or a PDF leaves after a title or symbol.
std::string_view strip_trailing_marks(std::string_view text);

// Whether a State name or acronym may start / end at `pos`: the code point before / at it is no
// letter, mark, digit or hyphen.
bool word_boundary_before(std::string_view text, std::size_t pos);
bool word_boundary_after(std::string_view text, std::size_t pos);

// For comparing labels and values: ASCII lower case, Latin-1 accents removed, ’ as ', white
// space trimmed and collapsed.
std::string fold_label(std::string_view text);
// `word` in `text` between non-letters.
bool contains_word(std::string_view text, std::string_view word);

// fold_label() plus what makes words of the other scripts compare: Arabic hamza forms of alif
// as bare alif, ta marbuta as ha, alif maqsura as ya, harakat removed; Cyrillic ё as е.
std::string fold_words(std::string_view text);

// The six UN languages, for the words each writes numbers, dates and names in.
enum class Language { kEnglish, kFrench, kSpanish, kRussian, kArabic, kChinese };

// --- committees (metadata_committees.cc) ------------------------------------------------------

// The committee whose names, treaty and acronyms are most salient in `text` (a mention in the
// first `front_end` bytes weighs more); empty on a tie.
std::string most_salient_committee(std::string_view text, std::size_t front_end);
// A line naming the issuing committee or its treaty (printed above the title).
bool is_committee_name_line(std::string_view line);
// "Committee against Torture (CAT)", "CAT", "Comité contre la torture" -> "CAT".
std::string committee_from_label(std::string_view value);

// A committee's name in French, Spanish, Russian, Arabic or Chinese ("Comité des droits des
// personnes handicapées", "残疾人权利委员会"), as the whole line or its beginning where the
// layout wrapped it -> the committee code; empty if none.
std::string committee_for_name_line(std::string_view line);

// --- labelled lines (metadata_labels.cc) ------------------------------------------------------

enum class Field { kSymbol, kCommittee, kState, kType, kSession, kDate, kLanguage, kTitle };

struct LabelledLine {
  Field field;
  std::string_view value;  // trimmed, never empty
};

// "Symbol: CAT/C/NZL/2", "Date : 3 février 2022".
std::optional<LabelledLine> labelled_line(std::string_view line);

// What the labelled lines of the header say; empty where they say nothing usable.
struct Labels {
  std::string symbol;
  std::string committee;
  std::string state;
  std::string type;
  std::string session;
  std::string date;
  std::string language;
  std::string title;
};

Labels read_labels(const std::vector<std::string>& header_lines);

// --- symbols and references (metadata_symbols.cc) ---------------------------------------------

std::string state_from_symbol(std::string_view symbol);
// "A/77/55" -> "CRPD", "E/2023/22" -> "CESCR": a committee's annual report; empty otherwise.
std::string annual_report_committee(std::string_view symbol);
std::string type_from_symbol(std::string_view symbol);
// "REFERENCE: CERD/110th session/2023/FU/AKB/ks" -> the reference.
std::optional<std::string_view> reference_value(std::string_view line);
std::string session_in_reference(std::string_view reference);
// The session in "<lead><N>th session" for the earliest such phrase in `text`.
std::string session_after(std::string_view text, std::initializer_list<std::string_view> leads);

// --- numbers and sessions (metadata_ordinals.cc, metadata_sessions.cc) -------------------------

// "twenty seventh", "vingt et unième", "vigésimo segundo", "двадцать седьмой", "الحادية
// والعشرين", "二十七" -> 27; -1 unless every word is a number word of `language`.
int read_ordinal_words(std::string_view phrase, Language language);
// "二十七" -> 27, "一百零八" -> 108; -1 otherwise.
int read_chinese_number(std::string_view text);
// "108th", "21e", "22º", "27-й", "١٠٨" -> the number; -1 otherwise.
int read_ordinal_digits(std::string_view token);
// An Arabic word without the conjunction "و", the article "ال", harakat and hamza variants.
std::string normalize_arabic_word(std::string_view word);
// The session of the Committee's adoption note in any of the six languages, in text folded by
// fold_words(): "adopted by the committee at its twenty-seventh session" -> "27".
std::string session_in_adoption_note(std::string_view folded);
// A line that is a session heading and nothing else ("Twenty-ninth session", "Vingt-neuvième
// session", "29º período de sesiones", "Двадцать девятая сессия", "الدورة التاسعة والعشرون",
// "第二十九届会议") -> "29"; empty otherwise.
std::string session_heading(std::string_view line);

// --- the UN first page (metadata_first_page.cc) -----------------------------------------------

// "English", "anglais", "inglés", "английский", "بالإنكليزية", "英文" (any of the six languages
// named in any of the six) -> "en"; empty if `name` is none of them.
std::string language_code_for_name(std::string_view name);
// "Distr.: General", "Distr. générale", "Distr. general", "Distr.: Restricted", ...
bool is_distribution_cell(std::string_view cell);
// "Original: English", "Original : anglais", "Подлинный текст: английский", "الأصل: بالإنكليزية",
// "原文：英文" -> "en"; empty if `cell` is no such line.
std::string original_language_in(std::string_view cell);
// Dates as the Russian, Arabic and Chinese versions write them ("19 декабря 2022 года",
// "19 كانون الأول/ديسمبر 2022", "2022年12月19日") -> ISO 8601; empty otherwise.
std::string parse_date_other_scripts(std::string_view line);
// Whether the symbol names a country code that is no ISO 3166 code of a State
// ("CRPD/C/BDG/CO/1", a misprint of BGD): such a symbol is doubted.
bool symbol_has_unknown_country(std::string_view symbol);

// What the top of a UN first page says: the symbol above "Distr.", the date, the language of
// this version, the original language, the committee's name line.
struct FirstPage {
  bool distribution = false;  // a "Distr." cell was found: this is a UN first page
  std::string symbol;
  std::string date;                // ISO 8601
  std::string language;            // of this version ("Russian" under the date), BCP 47
  std::string original_language;   // BCP 47
  std::string committee;           // from the committee's name line
  std::size_t committee_line = 0;  // index of its last line in the header, when set
};

FirstPage read_first_page(const std::vector<std::string>& header_lines);

// The document's title on a UN first page: the lines after the committee's name line up to the
// one that ends with the footnote mark "*" (wrapped titles are joined), skipping a session
// heading, its dates and agenda lines; empty if there is none.
std::string first_page_title(const std::vector<std::string>& header_lines, std::size_t start);
// The type a title gives in any of the six languages ("Observations finales ...", "Перечень
// вопросов ...", "结论性意见"); empty if none.
std::string type_from_title_any_language(std::string_view title);
// The State named in a title in French, Spanish, Russian, Arabic or Chinese ("de la Norvège",
// "de Grecia", "Бангладеш", "لرواندا", "孟加拉国"), by ICU's names of the regions; empty if
// none or more than one.
std::string state_in_title(std::string_view title);

// --- the header (metadata_front_matter.cc) ----------------------------------------------------

struct Header {
  std::vector<std::string> lines;  // non-empty, spaces normalized, trimmed
  bool ends_with_salutation = false;
};

bool is_salutation(std::string_view line);
Header read_header(std::string_view front);
std::string find_title(const Header& header);
bool has_ngo_wording(std::string_view lowered_front);
std::string type_from_title(std::string_view title);
bool contains_follow_up(std::string_view lowered);
bool reference_is_follow_up(std::string_view reference);
// The State named most often in the front matter (see detect_metadata), or empty.
std::string most_named_state(std::string_view front);
// `text` cut to at most `max_bytes` at a line end or, failing that, a UTF-8 boundary.
std::string_view front_matter(std::string_view text, std::size_t max_bytes);

}  // namespace treatysearch::ingest::metadata_detail
