#include "text_blocks.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "footnote_links.h"
#include "line_shapes.h"
#include "text.h"
#include "text_cleanup.h"

namespace treatysearch::ingest {

namespace {

// One line of the export as the extractor reads it.
struct ExportLine {
  std::string text;           // cleaned (clean_inline); empty for a blank line or a rule
  bool table_cell = false;    // tab-led: Word exports table cells so
  bool footnote_led = false;  // led by U+FFFD: a footnote body
  bool space_led = false;     // led by a space: after a line break, a removed footnote mark

  bool opens_or_continues_block() const { return !text.empty() || footnote_led; }
};

std::vector<ExportLine> read_export_lines(std::string_view text) {
  std::vector<ExportLine> lines;
  for (const std::string_view raw : core::split_lines(text)) {
    ExportLine line;
    line.text = clean_inline(raw);
    if (is_rule_line(line.text)) line.text.clear();
    line.footnote_led = starts_with_footnote_mark(raw);
    line.table_cell = !line.footnote_led && starts_with_tab(raw);
    line.space_led = starts_with_space(raw);
    lines.push_back(std::move(line));
  }
  return lines;
}

// The footnote zone is the longest run of trailing blocks (blank-line separated) whose first
// line starts with the footnote mark U+FFFD; lines inside such a block that do not start with
// the mark continue the footnote above them. Returns the index of its first line (lines.size()
// when there is none). A U+FFFD-led line before the zone is text whose mark was a field
// delimiter, not a footnote.
std::size_t find_footnote_zone(const std::vector<ExportLine>& lines) {
  std::size_t zone = lines.size();
  std::size_t end = lines.size();
  while (end > 0) {
    while (end > 0 && !lines[end - 1].opens_or_continues_block()) --end;
    if (end == 0) break;
    std::size_t begin = end;
    while (begin > 0 && lines[begin - 1].opens_or_continues_block()) --begin;
    if (!lines[begin].footnote_led) break;
    zone = begin;
    end = begin;
  }
  return zone;
}

// A line break inside a sentence where the export dropped a footnote reference mark: the
// continuation starts with a space or with closing punctuation, or starts in lower case after a
// line that ended without any clause punctuation ("... the census" / ", the share ..."). A line
// that opens something (a numbered paragraph, an item, a "RECOMMENDATIONS:" marker) is never a
// continuation, whatever its first character.
bool is_removed_mark_site(std::string_view previous, const ExportLine& line) {
  if (starts_item(line.text) || parse_paragraph_number(line.text) ||
      is_recommendation_marker(line.text))
    return false;
  return line.space_led || starts_with_closing_punctuation(line.text) ||
         (starts_lowercase(line.text) && !ends_clause(previous));
}

// The body (the lines before the footnote zone) as blocks, one per line. A line that continues
// a sentence broken where a mark was removed is marked so (Block::continues_sentence). Lines of
// a group (a run without blank lines) that holds a table are not: a mark in a table leaves no
// trace to confirm it.
void add_body_blocks(const std::vector<ExportLine>& lines, std::size_t zone,
                     ExtractedDocument& document) {
  int blanks = 0;
  bool group_has_table = false;
  for (std::size_t i = 0; i < zone; ++i) {
    const ExportLine& line = lines[i];
    if (line.text.empty() && line.table_cell) {
      // An empty cell (a tab alone): it keeps its place in its row, so that the cells after it
      // are in the right columns.
      Block cell;
      cell.kind = BlockKind::kTableCell;
      cell.gap_before = blanks;
      blanks = 0;
      group_has_table = true;
      document.blocks.push_back(std::move(cell));
      continue;
    }
    if (line.text.empty()) {
      ++blanks;
      group_has_table = false;
      continue;
    }
    group_has_table = group_has_table || line.table_cell;
    const bool adjacent = blanks == 0 && !document.blocks.empty();
    Block block;
    block.kind = line.table_cell ? BlockKind::kTableCell : BlockKind::kParagraph;
    block.text = line.text;
    block.gap_before = blanks;
    block.continues_sentence =
        adjacent && !group_has_table && is_removed_mark_site(document.blocks.back().text, line);
    if (block.continues_sentence) ++document.removed_mark_sites;
    blanks = 0;
    document.blocks.push_back(std::move(block));
  }
}

// The zone as footnote blocks, numbered in order ("1", "2", ...): the export drops the
// printed numbers, and footnotes are numbered from 1 in order of their marks.
void add_footnote_blocks(const std::vector<ExportLine>& lines, std::size_t zone,
                         ExtractedDocument& document) {
  int number = 0;
  int blanks = 0;
  for (std::size_t i = zone; i < lines.size(); ++i) {
    const ExportLine& line = lines[i];
    if (line.footnote_led) {
      Block note;
      note.kind = BlockKind::kFootnote;
      note.label = std::to_string(++number);
      note.text = line.text;
      note.gap_before = blanks;
      document.blocks.push_back(std::move(note));
      blanks = 0;
    } else if (!line.text.empty()) {
      join_wrapped_text(document.blocks.back().text, line.text);
    } else {
      ++blanks;
    }
  }
}

}  // namespace

ExtractedDocument document_from_text(std::string_view text) {
  ExtractedDocument document;
  document.format = "text";
  document.encoding = "UTF-8";
  const std::vector<ExportLine> lines = read_export_lines(text);
  const std::size_t zone = find_footnote_zone(lines);
  add_body_blocks(lines, zone, document);
  add_footnote_blocks(lines, zone, document);
  infer_footnote_refs(document);
  return document;
}

namespace {

void append_block(const Block& block, std::string* text) {
  text->append(static_cast<std::size_t>(std::max(0, block.gap_before)), '\n');
  *text += block.text;
  *text += '\n';
}

std::size_t text_size(const ExtractedDocument& document) {
  std::size_t size = 0;
  for (const Block& block : document.blocks) size += block.text.size() + 2;
  return size;
}

}  // namespace

std::string document_text(const ExtractedDocument& document) {
  std::string text;
  text.reserve(text_size(document));
  for (const Block& block : document.blocks)
    if (block.kind != BlockKind::kFurniture) append_block(block, &text);
  return text;
}

namespace {

// Without pages: the text with each footnote that a block of the front matter (its first
// kFrontMatterBytes) cites placed right after that block, so that the title's note ("* Adopted
// by the Committee at its ninety-first session") is read before the body's mentions of other
// sessions.
std::string unpaged_metadata_text(const ExtractedDocument& document) {
  constexpr std::size_t kFrontMatterBytes = 8 * 1024;
  std::map<std::string, const Block*> notes;
  for (const Block& block : document.blocks)
    if (block.kind == BlockKind::kFootnote && !block.label.empty())
      notes.emplace(block.label, &block);
  std::set<const Block*> placed;
  std::string text;
  text.reserve(text_size(document));
  for (const Block& block : document.blocks) {
    if (block.kind == BlockKind::kFurniture || placed.count(&block)) continue;
    const bool front = text.size() < kFrontMatterBytes;
    append_block(block, &text);
    if (!front) continue;
    for (const std::string& ref : block.footnote_refs) {
      const auto note = notes.find(ref);
      if (note == notes.end() || !placed.insert(note->second).second) continue;
      append_block(*note->second, &text);
    }
  }
  return text;
}

}  // namespace

std::string metadata_text(const ExtractedDocument& document) {
  if (document.pages <= 0) return unpaged_metadata_text(document);
  std::string text;
  text.reserve(text_size(document));
  const auto on_first_page = [](const Block& block) { return block.page == 1; };
  for (const Block& block : document.blocks)
    if (on_first_page(block) && block.kind != BlockKind::kFootnote) append_block(block, &text);
  for (const Block& block : document.blocks)
    if (on_first_page(block) && block.kind == BlockKind::kFootnote) append_block(block, &text);
  for (const Block& block : document.blocks)
    if (!on_first_page(block) && block.kind != BlockKind::kFurniture) append_block(block, &text);
  return text;
}

}  // namespace treatysearch::ingest
