// What a line of cleaned text (clean_inline, text_cleanup.h) says at its start or end: sentence
// and clause ends, letter case, paragraph numbers ("18.", "6.4", "١٢-"), sub-paragraph markers
// ("(a)", "б)"), list items, "RECOMMENDATIONS:" markers, horizontal rules. The segmenter labels
// blocks by them; the text extractor reads the same shapes to undo the line breaks of Word's
// text export. Per-language words are data (segmenter_words.h).
//
// Hand-written scanners; never throw other than std::bad_alloc. Internal to the indexer.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace treatysearch::ingest {

// Horizontal rules ("_____", "-----", "* * *") separate parts of a page; they carry no text.
bool is_rule_line(std::string_view text);

// Appends a line that continues `text` (a wrapped line), with a space unless the continuation
// starts with closing punctuation.
void join_wrapped_text(std::string& text, std::string_view continuation);

// Character-level predicates on cleaned text.
char32_t last_significant(std::string_view text);
bool ends_sentence(std::string_view text);
bool ends_clause(std::string_view text);
bool ends_with_sentence_punctuation(std::string_view text);
bool closes_table_item(std::string_view text);
bool starts_with_closing_punctuation(std::string_view text);
bool starts_lowercase(std::string_view text);
bool starts_uppercase(std::string_view text);
bool is_mostly_upper_case(std::string_view text);

// An unnumbered heading line by its shape alone: short, starting in upper case, without
// sentence punctuation at its end ("Hate speech"). Context is the caller's to check.
bool looks_like_plain_heading(std::string_view text);

// Line-start recognisers.

// Levels of a dotted paragraph number: "3.5.1" in Views is the deepest printed.
inline constexpr int kMaxNumberLevels = 3;

struct NumberedStart {
  int number = 0;                              // the first number: 6 of "6.4", 12 of "12."
  std::array<int, kMaxNumberLevels> levels{};  // 6, 4, 0 for "6.4"
  int depth = 1;                               // 1 for "12.", 2 for "6.4", 3 for "3.5.1"
  bool quoted = false;                         // «1. ... : the first article of a quoted text
  char delimiter = '.';  // '.', ')' or '-' (Arabic documents' "١٢-"); '.' for dotted numbers
  std::string label;     // as cited, in ASCII digits: "12", "6.4"
  std::string_view rest;
};

// "18. The Committee", "6.4 The Committee", "6.4. The", "١٢. ...", "«1. The effective law".
std::optional<NumberedStart> parse_paragraph_number(std::string_view text);
// parse_paragraph_number for undotted numbers only ("18.", "3)", "١٢-"): list items, headings.
std::optional<NumberedStart> parse_numbered(std::string_view text);

struct SubParagraphMarker {
  std::string_view token;  // "a", "b", ... a roman numeral "iv", or "б", "أ", "هـ"
  bool parenthesised = false;
  std::string_view rest;
};

std::optional<SubParagraphMarker> parse_sub_marker(std::string_view text);
// "- text", "• text", "– text": a bullet and a space.
bool starts_with_bullet(std::string_view text);
// A line that begins a list item inside a passage (a bullet, "3.", "3)", "(a)", "(1)"): never
// a wrapped continuation line.
bool starts_item(std::string_view text);
bool is_recommendation_marker(std::string_view text);
bool is_appendix_heading(std::string_view text);

}  // namespace treatysearch::ingest
