// One pass over a story in document order (walk_elements: no recursion), with the paragraph,
// field and table state kept here.
#include "docx_body.h"

#include <optional>

#include "text.h"
#include "xml_safety.h"

namespace treatysearch::ingest {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Elements whose content is never shown as text where they stand: properties, deleted and
// moved-away text, field instructions, and the number marks of notes and comments (a
// footnote's own number is its label).
bool is_hidden_element(std::string_view local) {
  static constexpr std::string_view kHidden[] = {"pPr",
                                                 "rPr",
                                                 "sectPr",
                                                 "tblPr",
                                                 "trPr",
                                                 "tcPr",
                                                 "tblGrid",
                                                 "del",
                                                 "moveFrom",
                                                 "delText",
                                                 "instrText",
                                                 "delInstrText",
                                                 "footnoteRef",
                                                 "endnoteRef",
                                                 "commentReference",
                                                 "annotationRef",
                                                 "separator",
                                                 "continuationSeparator",
                                                 "endnoteReference",
                                                 "sym"};
  for (const std::string_view hidden : kHidden) {
    if (local == hidden) return true;
  }
  return false;
}

}  // namespace

void DocxStoryReader::read(const pugi::xml_node& root, std::vector<Block>* blocks) {
  blocks_ = blocks;
  walk_elements(
      root, [this](const pugi::xml_node& node) { return enter(node); },
      [this](const pugi::xml_node& node) { leave(node); });
  blocks_ = nullptr;
}

bool DocxStoryReader::showing() const {
  for (const bool instruction : fields_) {
    if (instruction) return false;
  }
  return true;
}

bool DocxStoryReader::enter(const pugi::xml_node& node) {
  if (node.type() != pugi::node_element) return false;
  const std::string_view local = w_.local(node);
  if (local.empty()) {
    // Drawings, shapes and text boxes of other vocabularies are followed to the Word text they
    // hold; of markup-compatibility alternatives only the first choice is read, since
    // mc:Fallback repeats it for older readers.
    return !ends_with(node.name(), ":Fallback");
  }
  if (local == "p") {
    if (paragraph_depth_++ == 0) {
      start_paragraph(node);
    } else {
      append(" ");
    }
    return true;
  }
  if (is_hidden_element(local)) return false;
  if (local == "r") {
    const pugi::xml_node vanish = w_.child(w_.child(node, "rPr"), "vanish");
    return !(vanish && is_on(w_.attribute(vanish, "val"), true));
  }
  if (local == "t") {
    append(node.child_value());
    return false;
  }
  if (local == "tab" || local == "ptab" || local == "br" || local == "cr") {
    append(" ");
    return false;
  }
  if (local == "noBreakHyphen") {
    append("-");
    return false;
  }
  if (local == "fldChar") {
    on_field_char(w_.attribute(node, "fldCharType"));
    return false;
  }
  if (local == "footnoteReference") {
    on_footnote_reference(node);
    return false;
  }
  if (local == "tbl") {
    ++table_depth_;
  } else if (local == "tr" && table_depth_ == 1) {
    row_pending_ = true;
  } else if (local == "tc" && table_depth_ == 1) {
    cell_pending_ = true;
  }
  return true;
}

void DocxStoryReader::leave(const pugi::xml_node& node) {
  if (node.type() != pugi::node_element) return;
  const std::string_view local = w_.local(node);
  if (local == "p") {
    if (--paragraph_depth_ == 0) finish_paragraph();
  } else if (local == "tbl") {
    if (--table_depth_ == 0) {
      row_pending_ = cell_pending_ = false;
      after_table_ = true;
    }
  }
}

void DocxStoryReader::start_paragraph(const pugi::xml_node& paragraph) {
  text_.clear();
  label_.clear();
  footnote_refs_.clear();
  custom_mark_for_.clear();
  fields_.clear();
  const pugi::xml_node properties = w_.child(paragraph, "pPr");
  std::string style(w_.child_value(properties, "pStyle"));
  if (style.empty()) style = styles_.default_paragraph_style();

  // Outline level 9 is body text; a direct outline level overrides the style's.
  heading_level_ = 0;
  if (const auto outline = parse_int(w_.child_value(properties, "outlineLvl"))) {
    if (*outline >= 0 && *outline < 9) heading_level_ = *outline + 1;
  } else {
    heading_level_ = styles_.heading_level(style);
  }

  num_id_.reset();
  num_level_.reset();
  if (const pugi::xml_node numbering = w_.child(properties, "numPr")) {
    num_id_ = parse_int(w_.child_value(numbering, "numId"));
    num_level_ = parse_int(w_.child_value(numbering, "ilvl"));
  }
  const StyleNumbering inherited = styles_.numbering(style);
  if (!num_id_) num_id_ = inherited.num_id;
  if (!num_level_) num_level_ = inherited.level;
  style_ = std::move(style);
  // A tracked deletion of the paragraph mark: the paragraph is gone in the text Word shows
  // when all of it was deleted.
  mark_deleted_ = static_cast<bool>(w_.child(w_.child(properties, "rPr"), "del"));
}

void DocxStoryReader::finish_paragraph() {
  std::string text = core::collapse_whitespace(text_);
  // Word numbers a paragraph even when it is empty: the counter moves on either way, except
  // for a paragraph deleted whole.
  if (num_id_ && !(mark_deleted_ && text.empty())) {
    if (const auto label = numbering_.next(*num_id_, num_level_, style_)) label_ = label->text;
  }
  if (!custom_mark_for_.empty() && marks_ != nullptr) {
    // A custom mark that no text followed: Word shows nothing; the note keeps a visible label.
    marks_->labels[custom_mark_for_] = "*";
    footnote_refs_.push_back("*");
    custom_mark_for_.clear();
  }
  if (text.empty()) return;
  Block block;
  if (table_depth_ > 0) {
    if (cell_pending_) {
      block.kind = BlockKind::kTableCell;
      block.row_start = row_pending_;
      block.gap_before = row_pending_ ? 1 : 0;
      row_pending_ = cell_pending_ = false;
    } else {
      // A further paragraph of the same cell continues it, as Word's text export prints it.
      block.gap_before = 0;
    }
    if (!label_.empty()) text = label_ + " " + text;
  } else {
    if (after_table_) block.gap_before = 2;
    after_table_ = false;
    if (heading_level_ > 0) {
      block.kind = BlockKind::kHeading;
      block.heading_level = heading_level_;
      if (!label_.empty()) text = label_ + " " + text;
    } else if (!label_.empty()) {
      block.kind = BlockKind::kListItem;
      block.label = label_;
      text = label_ + " " + text;
    }
  }
  block.text = std::move(text);
  block.footnote_refs = std::move(footnote_refs_);
  footnote_refs_.clear();
  blocks_->push_back(std::move(block));
}

void DocxStoryReader::append(std::string_view text) {
  if (!showing()) return;
  text_ += text;
  if (custom_mark_for_.empty() || marks_ == nullptr) return;
  const std::string_view trimmed = core::trim(text);
  if (trimmed.empty()) return;
  const std::string mark(trimmed.substr(0, trimmed.find(' ')));
  marks_->labels[custom_mark_for_] = mark;
  footnote_refs_.push_back(mark);
  custom_mark_for_.clear();
}

void DocxStoryReader::on_field_char(std::string_view type) {
  if (type == "begin") {
    fields_.push_back(true);
  } else if (type == "separate") {
    if (!fields_.empty()) fields_.back() = false;
  } else if (type == "end") {
    if (!fields_.empty()) fields_.pop_back();
  }
}

void DocxStoryReader::on_footnote_reference(const pugi::xml_node& node) {
  if (marks_ == nullptr || !showing()) return;
  const std::string id(w_.attribute(node, "id"));
  if (id.empty()) return;
  const auto known = marks_->labels.find(id);
  if (known != marks_->labels.end()) {
    footnote_refs_.push_back(known->second);
    return;
  }
  marks_->ids_in_order.push_back(id);
  const std::string_view custom = w_.attribute(node, "customMarkFollows");
  if (is_on(custom, !custom.empty())) {
    marks_->labels[id] = "";
    custom_mark_for_ = id;
    return;
  }
  const std::string label = std::to_string(marks_->next_number++);
  marks_->labels[id] = label;
  footnote_refs_.push_back(label);
}

}  // namespace treatysearch::ingest
