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
#include "line_shapes.h"
#include "passage.h"
#include "segmenter.h"

namespace treatysearch::ingest::segmenter_detail {

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// --- lines (segmenter_lines.cc) ---------------------------------------------------------------

struct Line {
  std::string text;                 // cleaned (clean_inline), empty for blank lines
  bool tab_led = false;             // a table cell (Word's text export leads them with a tab)
  bool footnote_led = false;        // a footnote body (the export leads them with U+FFFD)
  bool continues_sentence = false;  // Block::continues_sentence
  int page = 0, last_page = 0;      // the block's pages (0: unknown)
  int heading_level = 0;            // a heading the format marked (DOCX styles)
  std::vector<std::string> footnote_refs;  // footnotes cited here, when the format knows
  std::string footnote_label;              // a footnote body's printed number, when known

  bool has_text() const { return !text.empty(); }
};

// The segmenter's view of an extracted document: one line per block (cleaned with
// clean_inline), preceded by its blank lines; table cells are tab-led lines and footnote bodies
// footnote-led lines, as in Word's text export. Furniture is left out.
std::vector<Line> lines_from_blocks(const ExtractedDocument& document);

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

class PassageSink {
 public:
  // `lines` are the lines being assembled: a passage takes the pages and footnote references of
  // every line that gives it text.
  PassageSink(std::vector<Passage>& passages, const std::vector<Line>& lines)
      : passages_(passages), lines_(lines) {}

  // The assemblers report the line they are placing, so that its pages and footnote marks go
  // to the passage that takes its text.
  void set_line(std::size_t line) { line_ = line; }

  std::size_t add(PassageKind kind, std::string label, std::string_view text, std::string parent,
                  std::vector<std::string> section_path);

  Passage& at(std::size_t index) { return passages_[index]; }

  // Appends a wrapped continuation line (join_wrapped_text).
  void wrap_line(std::size_t index, std::string_view text);

  // Appends a further block (a list item, a quoted article, a bullet) or a table cell to its
  // passage, after a space.
  void append_block(std::size_t index, std::string_view text);

  // Footnote labels whose marks stand in the lines of passage `index`.
  const std::vector<std::string>& footnote_refs(std::size_t index) const { return refs_[index]; }

 private:
  // Records that the current line gave text to passage `index`: its pages and footnote marks.
  void note_line(std::size_t index);

  std::vector<Passage>& passages_;
  const std::vector<Line>& lines_;
  std::vector<std::vector<std::string>> refs_;  // per passage: footnote marks in its lines
  std::size_t line_ = 0;
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

// The first line of the footnotes that end the document (lines.size() when there are none).
std::size_t find_footnote_zone(const std::vector<Line>& lines);
std::vector<std::size_t> add_footnotes(const std::vector<Line>& lines, std::size_t zone_begin,
                                       PassageSink& sink);
// Links each footnote to the first passage whose lines cite it (Block::footnote_refs).
void link_footnotes(std::vector<Passage>& passages, const PassageSink& sink,
                    const std::vector<std::size_t>& footnotes, SegmentedText& result);

}  // namespace treatysearch::ingest::segmenter_detail
