// References between passages: what a passage cites ("paragraphs 18 (b) and 32 of the
// Concluding Observations (CERD/C/KAZ/CO/8-10)"), as (document symbol, paragraph label)
// pairs, and the index terms that make "which passages cite X" one boolean term lookup.
//
// Why terms on the citing passage: a reference is resolved from the citing document alone (its
// text and its own opening pages), never from what else is indexed, so the links are the same
// whatever order files are indexed in, and re-indexing or removing the citing file updates them
// with its passages. The cited passage is looked up when a search asks for it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::core {

// One document or paragraph a passage cites.
struct Reference {
  // The cited document's symbol as printed ("CERD/C/KAZ/CO/8-10"); empty when the text does not
  // say which document (then `document` says what is known).
  std::string symbol;
  // The cited paragraph as printed after "para." ("18 (b)", "6.4", "32"); empty: the document.
  std::string label;
  // What the text calls the cited document when `symbol` is empty ("concluding observations
  // (2010)"), never a guess at its symbol.
  std::string document;
  // A follow-up assessment the citing passage gives the cited recommendation, in the letter's
  // words ("partially satisfactory") or as a letter grade ("B").
  std::string grade;
  // The symbol was taken from the citing document's context ("the Report", "the Concluding
  // Observations" named on its first page), not written beside the paragraph number.
  bool inferred = false;

  bool operator==(const Reference&) const = default;
};

// Most labels one written range may stand for ("paragraphs 160-166" is 7); a longer range is
// kept as its two ends.
inline constexpr std::size_t kMaxRangeLabels = 50;

// A paragraph label as the index compares it: spaces dropped, ASCII letters lower-cased
// ("18 (b)", "18(b)" and "18 (B)" are one label).
std::string compact_label(std::string_view label);

// The index terms of a reference, for the citing passage (prefix XR: "cites this or a part of
// it", XRE: "cites exactly this"): XR<symbol>, XR<symbol>#<label> and XR<symbol>#<head> for
// each paragraph number head of the label (schema::paragraph_number_heads), XRE<symbol>#<label>.
// None when the symbol is unknown.
std::vector<std::string> reference_terms(const Reference& reference);

// The terms any of which marks a passage citing `label` of `symbol` (or, with an empty label,
// any part of the document): XR<symbol>#<label>, and XRE<symbol>#<head> for each head of the
// label other than itself (citing paragraph 18 cites its sub-paragraph 18 (b)).
std::vector<std::string> citing_terms(std::string_view symbol, std::string_view label);

// The terms of a graded reference, on the passage that gives the grade (none unless the
// reference has a symbol, a label and a grade): XG<grade key>, so that --grade finds the
// grading passages, and XH<symbol>#<label>, so that a hit on the graded paragraph finds them.
std::vector<std::string> grade_terms(const Reference& reference);
// The XG term of a grade as a user types it ("Partially satisfactory", "B1").
std::string grade_term(std::string_view grade);
// The XH term that marks the passages grading `label` of `symbol`.
std::string graded_term(std::string_view symbol, std::string_view label);

// Reads a pinpoint citation as treatysearch prints it or a lawyer types it:
// "CERD/C/KAZ/CO/8-10, para. 18 (b)", "CCPR/C/86/D/1228/2003 para 6.4",
// "CERD/C/KAZ/CO/8-10 §32", "CERD/C/KAZ/CO/8-10" (the document). False if it does not start
// with a document symbol or what follows is not a paragraph label.
bool parse_citation(std::string_view text, std::string* symbol, std::string* label);

// Reads the paragraph labels written at text[pos]: one ("18 (b)", "6.4"), a list ("18 (b) and
// 32", "5, 7 et 9"), ranges ("160-166", "36 (a)-(d)", "6.2–6.4", "37 to 38"), each label in its
// printed form ("18 (b)"); a range of more than kMaxRangeLabels, or one whose ends differ in
// more than their last part, gives its two ends. *end is set after the last label read. None
// (and *end == pos) when no label starts at pos.
std::vector<std::string> read_label_list(std::string_view text, std::size_t pos, std::size_t* end);

}  // namespace treatysearch::core
