// Numbered documents: paragraphs of the main sequence, sub-paragraphs, RECOMMENDATION(S):
// blocks, tables, and the preamble before the first paragraph.
#include "segmenter_parts.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "segmenter_words.h"

namespace treatysearch::ingest::segmenter_detail {

// ---------------------------------------------------------------------------------------------
// Numbered documents

// A table cell this short is a data cell ("1999", "29.9 %", "Russians"); consecutive short
// cells form one row entry instead of one entry per number.
constexpr std::size_t kMaxShortCellBytes = 32;

namespace {

class NumberedAssembler {
 public:
  NumberedAssembler(const std::vector<Line>& lines, std::size_t body_end,
                    const std::vector<int>& main_numbers, PassageSink& sink)
      : lines_(lines),
        body_end_(body_end),
        main_numbers_(main_numbers),
        heading_runs_(heading_run_lengths(lines, body_end)),
        sink_(sink) {}

  void run() {
    for (std::size_t i = 0; i < body_end_; ++i) {
      const Line& line = lines_[i];
      if (!line.has_text()) {
        on_empty_line(line);
        continue;
      }
      sink_.set_line(i);
      dispatch(i);
      blank_run_ = 0;
      previous_ = i;
    }
  }

 private:
  enum class Mode { kBody, kRecommendation, kTable };

  bool adjacent() const { return blank_run_ == 0 && previous_ != kNone; }
  const Line& previous_line() const { return lines_[previous_]; }

  void on_empty_line(const Line& line) {
    const bool empty_cell = line.tab_led;
    if (empty_cell && mode_ == Mode::kTable) {
      next_cell();
      // An empty cell ends the cell before it; empty cells are never passages.
      table_entry_ = kNone;
      last_cell_was_short_ = false;
      blank_run_ = 0;
      return;
    }
    ++blank_run_;
  }

  void dispatch(std::size_t i) {
    const Line& line = lines_[i];
    if (main_numbers_[i] > 0) {
      start_paragraph(i);
      return;
    }
    if (const auto heading = parse_enumerated_heading(line.text)) {
      enter_heading(ranker_.rank(*heading), line.text);
      return;
    }
    if (line.heading_level > 0) {
      enter_marked_heading(line);
      return;
    }
    if (is_recommendation_marker(line.text)) {
      start_recommendations();
      return;
    }
    if (paragraph_ != kNone && is_appendix_heading(line.text)) {
      start_appendix(line.text);
      return;
    }
    if (mode_ == Mode::kTable) {
      // Inside a table everything but a paragraph, a heading or a marker is table text, until a
      // line of running text follows two blank lines.
      if (line.tab_led || blank_run_ < 2) {
        add_table_line(line);
        return;
      }
      mode_ = Mode::kBody;
    }
    if (starts_table(i)) {
      start_table();
      add_table_line(line);
      return;
    }
    if (mode_ == Mode::kRecommendation) {
      add_recommendation_line(i);
      return;
    }
    add_body_line(i);
  }

  // --- paragraphs, sub-paragraphs, headings -----------------------------------------------

  // The label is the number as printed, in ASCII digits: "12", "6.4", "3.5.1".
  void start_paragraph(std::size_t i) {
    const auto numbered = parse_paragraph_number(lines_[i].text);
    paragraph_label_ = numbered ? numbered->label : std::to_string(main_numbers_[i]);
    paragraph_ = sink_.add(PassageKind::kParagraph, paragraph_label_,
                           numbered ? numbered->rest : std::string_view(), "", path_.current());
    mode_ = Mode::kBody;
    container_ = paragraph_;
    sub_letter_.reset();
    table_entries_ = 0;
  }

  // A heading the format marked (DOCX styles) that prints no "II." or "C." (those are ranked by
  // their enumeration above): before the first paragraph a top-level one is the document's
  // title (front matter: neither a passage nor a section, which would head every passage);
  // otherwise a subject heading under the enumerated ones ("Indigenous peoples" under "C.
  // Concerns and recommendations").
  void enter_marked_heading(const Line& line) {
    if (line.heading_level == 1 && paragraph_ == kNone) return;
    enter_heading(line.heading_level == 1 ? kTopRank : kPlainRank, line.text);
  }

  void enter_heading(int rank, const std::string& heading) {
    path_.enter(rank, heading);
    mode_ = Mode::kBody;
    container_ = paragraph_;
    sub_letter_.reset();
    preamble_block_ = kNone;
  }

  // An appendix or individual opinion after the Views: its paragraphs, numbered afresh, are not
  // paragraphs of the Views (find_main_sequence ends before it), so its blocks become ordinal
  // passages "[n]" under its heading, as text before the first paragraph does.
  void start_appendix(const std::string& heading) {
    enter_heading(kTopRank, heading);
    paragraph_ = kNone;
    paragraph_label_.clear();
    container_ = kNone;
  }

  // A plain heading stands alone: after a blank line (or after a finished sentence) and before
  // a blank line, a table, a marker or a paragraph.
  bool is_heading_here(std::size_t i) const {
    const Line& line = lines_[i];
    if (!looks_like_plain_heading(line.text) || heading_runs_[i] > kMaxHeadingRun) return false;
    if (adjacent() && (line.continues_sentence || !ends_sentence(previous_line().text)))
      return false;
    return is_boundary_after(i);
  }

  bool is_boundary_after(std::size_t i) const {
    const std::size_t next = i + 1;
    if (next >= body_end_) return true;
    const Line& line = lines_[next];
    return !line.has_text() || line.tab_led || main_numbers_[next] > 0 ||
           is_recommendation_marker(line.text) || parse_enumerated_heading(line.text).has_value();
  }

  void add_body_line(std::size_t i) {
    const Line& line = lines_[i];
    if (is_heading_here(i)) {
      enter_heading(kPlainRank, line.text);
      return;
    }
    if (paragraph_ == kNone) {
      add_preamble_line(line);
      return;
    }
    if (const auto marker = parse_sub_marker(line.text)) {
      if (const auto letter = next_sub_letter(*marker)) {
        start_sub_paragraph(*marker, *letter);
        return;
      }
    }
    if (adjacent() && !starts_item(line.text)) {
      sink_.wrap_line(container_, line.text);
      return;
    }
    // Quoted articles, bullets, nested lists and further blocks stay in the passage.
    sink_.append_block(container_, line.text);
  }

  // The next letter of the paragraph's list, in the alphabet its first letter chose: "(a)",
  // "(b)", ...; "а)", "б)", ...; "(أ)", "(ب)", ... (segmenter_words.h).
  std::optional<SubParagraphLetter> next_sub_letter(const SubParagraphMarker& marker) const {
    // "(ii)": an item inside a sub-paragraph; not a letter of any alphabet.
    const auto letter = sub_paragraph_letter(marker.token);
    if (!letter) return std::nullopt;
    const bool expected = sub_letter_ ? letter->alphabet == sub_letter_->alphabet &&
                                            letter->index == sub_letter_->index + 1
                                      : letter->index == 0;
    if (!expected) return std::nullopt;
    // "... article 4" / "(a) of the Convention" is a wrapped line, not a sub-paragraph.
    if (adjacent() && !ends_clause(previous_line().text)) return std::nullopt;
    return letter;
  }

  void start_sub_paragraph(const SubParagraphMarker& marker, SubParagraphLetter letter) {
    const std::string label = paragraph_label_ + " (" + std::string(marker.token) + ")";
    container_ = sink_.add(PassageKind::kSubParagraph, label, marker.rest, paragraph_label_,
                           path_.current());
    sub_letter_ = letter;
  }

  // Text before the first numbered paragraph (a title page, an introduction): ordinal
  // passages "[1]", "[2]", which cannot be confused with printed paragraph numbers.
  void add_preamble_line(const Line& line) {
    if (adjacent() && preamble_block_ != kNone) {
      if (starts_item(line.text)) {
        sink_.append_block(preamble_block_, line.text);
      } else {
        sink_.wrap_line(preamble_block_, line.text);
      }
      return;
    }
    ++preamble_blocks_;
    preamble_block_ = sink_.add(PassageKind::kUnnumbered, ordinal_label(preamble_blocks_),
                                line.text, "", path_.current());
  }

  // --- RECOMMENDATION(S): blocks ------------------------------------------------------------

  void start_recommendations() {
    mode_ = Mode::kRecommendation;
    next_recommendation_number_ = 1;
    unnumbered_recommendations_.clear();
    recommendation_ = kNone;
    container_ = paragraph_;
    sub_letter_.reset();
  }

  std::string recommendation_label(const std::string& suffix) const {
    const std::string base =
        paragraph_label_.empty() ? "recommendation" : paragraph_label_ + ", recommendation";
    return base + suffix;
  }

  void add_recommendation_line(std::size_t i) {
    const Line& line = lines_[i];
    if (recommendation_ != kNone && blank_run_ >= 2 && is_heading_here(i)) {
      enter_heading(kPlainRank, line.text);
      return;
    }
    const auto numbered = parse_numbered(line.text);
    if (numbered && !numbered->quoted && numbered->number == next_recommendation_number_) {
      recommendation_ = sink_.add(PassageKind::kRecommendation,
                                  recommendation_label(" " + std::to_string(numbered->number)),
                                  numbered->rest, paragraph_label_, path_.current());
      ++next_recommendation_number_;
      return;
    }
    if (recommendation_ == kNone) {
      start_unnumbered_recommendation(line.text);
      return;
    }
    if (adjacent() && !starts_item(line.text)) {
      sink_.wrap_line(recommendation_, line.text);
      return;
    }
    const bool numbered_list_started = next_recommendation_number_ > 1;
    if (!numbered_list_started && !starts_item(line.text)) {
      start_unnumbered_recommendation(line.text);
      return;
    }
    sink_.append_block(recommendation_, line.text);
  }

  // One unnumbered block is "N, recommendation". When a block holds several unnumbered
  // paragraphs they become "N, recommendation [1]", "[2]", ...: brackets mark an ordinal that
  // we count, never a number the document prints ("N, recommendation 1").
  void start_unnumbered_recommendation(std::string_view text) {
    const std::size_t count = unnumbered_recommendations_.size() + 1;
    const std::string suffix = count == 1 ? "" : " " + ordinal_label(count);
    recommendation_ = sink_.add(PassageKind::kRecommendation, recommendation_label(suffix), text,
                                paragraph_label_, path_.current());
    unnumbered_recommendations_.push_back(recommendation_);
    if (count == 2) {
      sink_.at(unnumbered_recommendations_.front()).label =
          recommendation_label(" " + ordinal_label(1));
    }
  }

  // --- tables -----------------------------------------------------------------------------

  // A tab-led line opens a table when a second cell line follows before any running text:
  // a single indented paragraph is not a table.
  bool starts_table(std::size_t i) const {
    const Line& line = lines_[i];
    if (!line.tab_led || starts_item(line.text)) return false;
    int cells = 0;
    for (std::size_t j = i; j < body_end_; ++j) {
      const Line& candidate = lines_[j];
      if (!candidate.has_text()) continue;
      if (!candidate.tab_led || starts_item(candidate.text) || main_numbers_[j] > 0 ||
          is_recommendation_marker(candidate.text)) {
        break;
      }
      if (++cells >= 2) return true;
    }
    return false;
  }

  // Columns: a tab-led line (empty or not) is the next cell of its row; one after a blank line
  // starts a row. The first row's cells are the column headings.
  void next_cell() {
    if (blank_run_ > 0 && column_ != kNone) {
      ++row_;
      column_ = 0;
    } else {
      column_ = column_ == kNone ? 0 : column_ + 1;
    }
  }

  void start_table() {
    mode_ = Mode::kTable;
    row_ = 0;
    column_ = kNone;
    column_headings_.clear();
    table_entry_ = kNone;
    last_cell_was_short_ = false;
    container_ = paragraph_;
    sub_letter_.reset();
    preamble_block_ = kNone;
  }

  // Entries: every cell (a tab-led line), and every separately printed item inside a cell
  // (a line after a complete item such as "... (Para. 9)"); wrapped lines continue their item.
  // Consecutive short cells form one row entry. Entries are numbered per paragraph.
  void add_table_line(const Line& line) {
    const bool short_cell = line.tab_led && line.text.size() <= kMaxShortCellBytes;
    if (line.tab_led) {
      next_cell();
      if (row_ == 0) column_headings_.push_back(line.text);
      if (short_cell && last_cell_was_short_ && table_entry_ != kNone && blank_run_ == 0) {
        sink_.append_block(table_entry_, line.text);
      } else {
        start_table_entry(line.text);
      }
      last_cell_was_short_ = short_cell;
      return;
    }
    last_cell_was_short_ = false;
    if (table_entry_ != kNone &&
        (!closes_table_item(sink_.at(table_entry_).text) || starts_lowercase(line.text))) {
      sink_.wrap_line(table_entry_, line.text);
      return;
    }
    start_table_entry(line.text);
  }

  void start_table_entry(std::string_view text) {
    ++table_entries_;
    const std::string number = std::to_string(table_entries_);
    const std::string label = paragraph_label_.empty()
                                  ? "table entry " + number
                                  : paragraph_label_ + ", table entry " + number;
    table_entry_ = sink_.add(PassageKind::kTable, label, text, paragraph_label_, path_.current());
    if (row_ > 0 && column_ < column_headings_.size())
      sink_.at(table_entry_).column_heading = column_headings_[column_];
  }

  const std::vector<Line>& lines_;
  const std::size_t body_end_;
  const std::vector<int>& main_numbers_;
  const std::vector<std::size_t> heading_runs_;
  PassageSink& sink_;

  SectionPath path_;
  HeadingRanker ranker_;
  std::size_t row_ = 0;
  std::size_t column_ = kNone;
  std::vector<std::string> column_headings_;
  Mode mode_ = Mode::kBody;
  std::size_t blank_run_ = 0;
  std::size_t previous_ = kNone;  // last line with text

  std::string paragraph_label_;    // empty before the first paragraph
  std::size_t paragraph_ = kNone;  // the current main paragraph
  std::size_t container_ = kNone;  // receives continuation text: paragraph or sub-paragraph
  std::optional<SubParagraphLetter> sub_letter_;  // the last sub-paragraph's letter

  std::size_t preamble_block_ = kNone;
  std::size_t preamble_blocks_ = 0;

  int next_recommendation_number_ = 1;
  std::size_t recommendation_ = kNone;
  std::vector<std::size_t> unnumbered_recommendations_;

  std::size_t table_entries_ = 0;
  std::size_t table_entry_ = kNone;
  bool last_cell_was_short_ = false;
};

}  // namespace

void assemble_numbered(const std::vector<Line>& lines, std::size_t body_end,
                       const std::vector<int>& main_numbers, PassageSink& sink) {
  NumberedAssembler(lines, body_end, main_numbers, sink).run();
}

}  // namespace treatysearch::ingest::segmenter_detail
