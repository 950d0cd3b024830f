// Lines of a document as segment() sees them: one line per block, preceded by its blank lines.
#include "segmenter_parts.h"

#include <algorithm>
#include <string>
#include <vector>

#include "line_shapes.h"
#include "text_cleanup.h"

namespace treatysearch::ingest::segmenter_detail {

std::vector<Line> lines_from_blocks(const ExtractedDocument& document) {
  std::vector<Line> lines;
  lines.reserve(document.blocks.size() * 2);
  for (const Block& block : document.blocks) {
    if (block.kind == BlockKind::kFurniture) continue;
    lines.resize(lines.size() + static_cast<std::size_t>(std::max(0, block.gap_before)));
    Line line;
    line.text = clean_inline(block.text);
    if (is_rule_line(line.text)) line.text.clear();
    line.tab_led = block.kind == BlockKind::kTableCell;
    line.footnote_led = block.kind == BlockKind::kFootnote;
    line.continues_sentence = block.continues_sentence;
    line.page = block.page;
    line.last_page = std::max(block.page, block.last_page);
    line.footnote_refs = block.footnote_refs;
    if (block.kind == BlockKind::kHeading) line.heading_level = std::max(1, block.heading_level);
    if (block.kind == BlockKind::kFootnote) line.footnote_label = block.label;
    // A footnote body is a line of its own even when its text was lost; every other empty
    // block is a blank line, an empty table cell one still marked as a cell.
    if (!line.has_text() && !line.footnote_led) {
      lines.emplace_back().tab_led = line.tab_led;
      continue;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace treatysearch::ingest::segmenter_detail
