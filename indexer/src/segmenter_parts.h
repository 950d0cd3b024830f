// The parts of segment() (segmenter.h), shared between the files it is split into by concern:
// lines and what a line starts with (segmenter_lines.cc), headings (segmenter_headings.cc),
// passages under construction and the size cap (segmenter_passages.cc), the main paragraph
// sequence (segmenter_main_sequence.cc), the assemblers of numbered documents
// (segmenter_numbered.cc) and of letters and prose (segmenter_unnumbered.cc), and footnotes
// (segmenter_footnotes.cc). segmenter.cc runs them in order. Each function is described where
// it is defined. Internal to the indexer; not a public header.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extracted_document.h"
#include "footnote_links.h"
#include "passage.h"
#include "segmenter.h"

namespace treatysearch::ingest::segmenter_detail {

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// --- lines (segmenter_lines.cc) ---------------------------------------------------------------

struct Line {
  std::string text;           // cleaned (clean_inline), empty for blank lines
  bool tab_led = false;       // Word exports table cells as tab-led lines
  bool space_led = false;     // a continuation line that starts with a space
  bool footnote_led = false;  // starts with U+FFFD: a footnote body
  int page = 0, last_page = 0;                // the block's pages (0: unknown)
  int heading_level = 0;                      // a heading the format marked (DOCX styles)
  std::vector<std::string> footnote_refs;     // footnotes cited here, when the format knows
  std::string footnote_label;                 // a footnote body's printed number, when known

  bool has_text() const { return !text.empty(); }
};

// The segmenter's view of an extracted document: one line per block (cleaned with
// clean_inline), preceded by its blank lines; table cells are tab-led lines and footnote bodies
// footnote-led lines, as in Word's text export. Furniture is left out.
std::vector<Line> lines_from_blocks(const ExtractedDocument& document);

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
bool starts_item(std::string_view text);
bool is_recommendation_marker(std::string_view text);
bool is_appendix_heading(std::string_view text);

// --- headings (segmenter_headings.cc) ---------------------------------------------------------

enum class HeadingStyle {
  kNumberedCapitals,  // "1. GENERAL INFORMATION"
  kLetter,            // "A. Introduction", "C. Concerns and recommendations"
  kRoman,             // "II. Positive aspects"
  kRomanOrLetter,     // "I. ...", "C. ...": decided by the letters seen before
};

struct EnumeratedHeading {
  HeadingStyle style = HeadingStyle::kLetter;
  char first_letter = 0;
};

std::optional<EnumeratedHeading> parse_enumerated_heading(std::string_view text);
bool looks_like_plain_heading(std::string_view text);

// Runs of heading-like lines (separated only by blank lines) longer than this are a list of
// short items (names, places, a poem), not headings: their text must stay in passages.
inline constexpr std::size_t kMaxHeadingRun = 2;

std::vector<std::size_t> heading_run_lengths(const std::vector<Line>& lines, std::size_t body_end);

// Heading ranks: a heading closes every open heading of the same or a lower rank.
inline constexpr int kTopRank = 0;     // "1. GENERAL INFORMATION", "II. ..."
inline constexpr int kLetterRank = 1;  // "C. Concerns and recommendations"
inline constexpr int kPlainRank = 2;   // "Hate speech"

class HeadingRanker {
 public:
  int rank(const EnumeratedHeading& heading) {
    switch (heading.style) {
      case HeadingStyle::kNumberedCapitals:
      case HeadingStyle::kRoman:
        return kTopRank;
      case HeadingStyle::kLetter:
        last_letter_ = heading.first_letter;
        return kLetterRank;
      case HeadingStyle::kRomanOrLetter:
        // "C." after "B." is a letter; "I." opening a document is a roman numeral.
        if (last_letter_ != 0 && heading.first_letter == last_letter_ + 1) {
          last_letter_ = heading.first_letter;
          return kLetterRank;
        }
        return kTopRank;
    }
    return kPlainRank;
  }

 private:
  char last_letter_ = 0;
};

class SectionPath {
 public:
  void enter(int rank, const std::string& heading) {
    while (!entries_.empty() && entries_.back().first >= rank) entries_.pop_back();
    entries_.emplace_back(rank, heading);
  }

  std::vector<std::string> current() const {
    std::vector<std::string> path;
    path.reserve(entries_.size());
    for (const auto& entry : entries_) path.push_back(entry.second);
    return path;
  }

 private:
  std::vector<std::pair<int, std::string>> entries_;
};

// --- passages under construction and the size cap (segmenter_passages.cc) ---------------------

void join_wrapped_text(std::string& text, std::string_view continuation);

class PassageSink {
 public:
  // `lines` are the lines being assembled: a passage takes the pages and footnote references of
  // every line that gives it text.
  PassageSink(std::vector<Passage>& passages, const std::vector<Line>& lines)
      : passages_(passages), lines_(lines) {}

  // The assemblers report the line they are placing, so that every footnote site knows where in
  // the document it stands (passages do not receive their text in document order: a paragraph
  // can continue after its table).
  void set_line(std::size_t line) { line_ = line; }

  std::size_t add(PassageKind kind, std::string label, std::string_view text, std::string parent,
                  std::vector<std::string> section_path);

  Passage& at(std::size_t index) { return passages_[index]; }

  // Appends a wrapped continuation line; records a footnote site when the break shows one.
  void continue_line(std::size_t index, const Line& previous, const Line& line);

  // Appends a wrapped line where no removed mark is looked for (table items).
  void wrap_line(std::size_t index, std::string_view text);

  // Appends a table cell to its row: cell ends are not candidate sites, since most cells are
  // numbers and a mark in a table leaves no trace to confirm it.
  void append_cell(std::size_t index, std::string_view text);

  // Appends a further block. A mark after the last word of the block before it left no line
  // break, so the end of that block is only a candidate site.
  void append_block(std::size_t index, std::string_view text);

  std::size_t line_break_sites() const { return line_break_sites_; }

  // Every place a footnote mark may have stood, in document order: the recorded sites and the
  // end of every passage but the footnotes, ordered by the line each mark would have followed
  // (a line ends at most one site: a wrapped line, a block or a passage).
  std::vector<FootnoteSite> candidate_sites() const;

  // Footnote labels whose marks the format placed in the lines of passage `index`.
  const std::vector<std::string>& footnote_refs(std::size_t index) const { return refs_[index]; }

 private:
  // Records that the current line gave text to passage `index`: its pages and footnote marks.
  void note_line(std::size_t index);

  struct LocatedSite {
    FootnoteSite site;
    std::size_t line = 0;  // the line after which the mark stood
  };

  std::vector<Passage>& passages_;
  const std::vector<Line>& lines_;
  std::vector<std::vector<std::string>> refs_;  // per passage: footnote marks in its lines
  std::size_t line_ = 0;
  std::vector<std::size_t> last_line_;  // per passage: the last line that gave it text
  std::vector<LocatedSite> sites_;      // line-break sites and inner block ends
  std::size_t line_break_sites_ = 0;
};

std::string ordinal_label(std::size_t ordinal);
// Relabels the ordinal passages of a paged document by page: "p. 2, para. [3]" (segmenter.h).
// Parents naming an old label follow. Passages without pages keep their labels.
void label_by_page(std::vector<Passage>& passages);
void split_oversized_passages(std::vector<Passage>& passages, std::size_t max_bytes);

// --- main paragraph sequence (segmenter_main_sequence.cc) -------------------------------------

// For every line, the first number of the main-sequence paragraph it opens (12 for "12.", 6 for
// "6.4"), 0 for other lines; the label is read from the line (parse_paragraph_number).
std::vector<int> find_main_sequence(const std::vector<Line>& lines, std::size_t body_end);

// --- assemblers -------------------------------------------------------------------------------

// Numbered documents (segmenter_numbered.cc): passages by the main sequence `main_numbers`.
void assemble_numbered(const std::vector<Line>& lines, std::size_t body_end,
                       const std::vector<int>& main_numbers, PassageSink& sink);
// Unnumbered documents, letters and prose (segmenter_unnumbered.cc): ordinal passages "[n]";
// a letter's front matter and address block go to `result`.
void assemble_unnumbered(const std::vector<Line>& lines, std::size_t body_end, PassageSink& sink,
                         SegmentedText& result);

// --- footnotes (segmenter_footnotes.cc) -------------------------------------------------------

std::size_t find_footnote_zone(const std::vector<Line>& lines);
std::vector<std::size_t> add_footnotes(const std::vector<Line>& lines, std::size_t zone_begin,
                                       PassageSink& sink);
// Links footnotes to the passages citing them: by the marks the format placed (`refs_known`),
// else by aligning footnotes onto the places their removed marks stood.
void link_footnotes(std::vector<Passage>& passages, const PassageSink& sink,
                    const std::vector<std::size_t>& footnotes, bool refs_known,
                    SegmentedText& result);

}  // namespace treatysearch::ingest::segmenter_detail
