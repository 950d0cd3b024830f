// The text of a WordprocessingML story (the document body, or one footnote) as blocks, the way
// Word shows it: paragraphs in order with their automatic numbers written in front, headings
// from styles, tables row by row, tabs and line breaks as spaces, deleted text (w:del,
// w:moveFrom) and hidden runs left out, inserted text kept, and of each field only its result
// (what stands between w:fldChar "separate" and "end"), never its instruction.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "docx_numbering.h"
#include "docx_styles.h"
#include "docx_xml.h"
#include "extracted_document.h"

namespace treatysearch::ingest {

// Footnote marks in the order Word numbers them: automatic ones 1, 2, 3... in order of
// reference; a footnote with a custom mark (w:customMarkFollows, "*") is labelled by the mark
// and takes no number.
struct FootnoteMarks {
  std::vector<std::string> ids_in_order;      // w:id of each referenced footnote
  std::map<std::string, std::string> labels;  // w:id -> label shown
  int next_number = 1;
};

class DocxStoryReader {
 public:
  // `marks` is null for stories whose footnote references are not followed (footnotes
  // themselves).
  DocxStoryReader(const WordNames& names, const DocxStyles& styles, DocxNumbering& numbering,
                  FootnoteMarks* marks)
      : w_(names), styles_(styles), numbering_(numbering), marks_(marks) {}

  // Appends the blocks of the story under `root` to *blocks.
  void read(const pugi::xml_node& root, std::vector<Block>* blocks);

 private:
  bool enter(const pugi::xml_node& node);
  void leave(const pugi::xml_node& node);
  void start_paragraph(const pugi::xml_node& paragraph);
  void finish_paragraph();
  void append(std::string_view text);
  void on_field_char(std::string_view type);
  void on_footnote_reference(const pugi::xml_node& node);
  bool showing() const;

  const WordNames& w_;
  const DocxStyles& styles_;
  DocxNumbering& numbering_;
  FootnoteMarks* marks_;
  std::vector<Block>* blocks_ = nullptr;

  // The paragraph being read (paragraphs nested in text boxes add to the outer one).
  int paragraph_depth_ = 0;
  std::string text_;
  std::string label_;
  // The paragraph's list, read at its start and numbered at its end (a deleted paragraph is
  // not numbered).
  std::optional<int> num_id_;
  std::optional<int> num_level_;
  std::string style_;
  bool mark_deleted_ = false;
  int heading_level_ = 0;
  std::vector<std::string> footnote_refs_;
  std::string custom_mark_for_;  // footnote id whose mark is the next text
  // Open fields, innermost last: true while in the instruction part.
  std::vector<bool> fields_;
  // Tables: depth, and whether the next text opens a row or a cell of the outermost table.
  int table_depth_ = 0;
  bool row_pending_ = false;
  bool cell_pending_ = false;
  // The next block outside a table follows one: two blank lines, as the text export leaves and
  // as the segmenter needs to see the table end.
  bool after_table_ = false;
};

}  // namespace treatysearch::ingest
