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
// Without the "*", daggers, U+FFFD and white space Word leaves after a title or symbol.
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

// --- committees (metadata_committees.cc) ------------------------------------------------------

// The committee whose names, treaty and acronyms are most salient in `text` (a mention in the
// first `front_end` bytes weighs more); empty on a tie.
std::string most_salient_committee(std::string_view text, std::size_t front_end);
// A line naming the issuing committee or its treaty (printed above the title).
bool is_committee_name_line(std::string_view line);
// "Committee against Torture (CAT)", "CAT", "Comité contre la torture" -> "CAT".
std::string committee_from_label(std::string_view value);

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
std::string type_from_symbol(std::string_view symbol);
// "REFERENCE: CERD/110th session/2023/FU/AKB/ks" -> the reference.
std::optional<std::string_view> reference_value(std::string_view line);
std::string session_in_reference(std::string_view reference);
// The session in "<lead><N>th session" for the earliest such phrase in `text`.
std::string session_after(std::string_view text, std::initializer_list<std::string_view> leads);

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
