// Word 97-2003 through antiword's text (`antiword -m UTF-8.txt -w 0`): with no line width,
// antiword writes each paragraph on one line and a blank line after it, a bullet as "•" after
// some indentation, a table row as "|cell|cell|", and a picture as "[pic]". Lines that follow
// each other without a blank line (manual line breaks) make one paragraph.
#include <string>
#include <vector>

#include "extractors.h"
#include "text.h"

namespace treatysearch::ingest {

namespace {

constexpr std::string_view kBullet = "\u2022";
constexpr std::string_view kPicture = "[pic]";

bool is_table_row(std::string_view line) {
  return line.size() >= 2 && line.front() == '|' && line.back() == '|';
}

void add_table_row(std::string_view line, std::vector<Block>* blocks) {
  bool row_start = true;
  line = line.substr(1, line.size() - 2);
  while (true) {
    const std::size_t bar = line.find('|');
    const std::string text = core::collapse_whitespace(line.substr(0, bar));
    if (!text.empty()) {
      Block block;
      block.kind = BlockKind::kTableCell;
      block.text = text;
      block.row_start = row_start;
      block.gap_before = row_start ? 1 : 0;
      row_start = false;
      blocks->push_back(std::move(block));
    }
    if (bar == std::string_view::npos) break;
    line.remove_prefix(bar + 1);
  }
}

// Whether a block was added (a picture placeholder alone is not one).
bool add_paragraph(std::string_view text, int gap_before, std::vector<Block>* blocks) {
  std::string cleaned = core::collapse_whitespace(text);
  if (cleaned.empty() || cleaned == kPicture) return false;
  Block block;
  if (cleaned.compare(0, kBullet.size(), kBullet) == 0) {
    block.kind = BlockKind::kListItem;
    block.label = std::string(kBullet);
    const std::string_view rest = core::trim(std::string_view(cleaned).substr(kBullet.size()));
    if (rest.empty()) return false;
    cleaned = std::string(kBullet) + " " + std::string(rest);
  }
  block.gap_before = gap_before;
  block.text = std::move(cleaned);
  blocks->push_back(std::move(block));
  return true;
}

}  // namespace

bool blocks_from_antiword(std::string_view antiword_text, const ExtractLimits& limits,
                          ExtractedDocument* document, std::string* error) {
  std::size_t bad_offset = 0;
  if (!core::is_valid_utf8(antiword_text, &bad_offset)) {
    *error = "antiword's output is not valid UTF-8 at byte " + std::to_string(bad_offset);
    return false;
  }
  if (antiword_text.size() > limits.max_text_bytes) {
    *error =
        text_limit_error(limits.max_text_bytes);
    return false;
  }
  ExtractedDocument result;
  result.format = "Word 97-2003";
  result.encoding = "UTF-8";
  std::string paragraph;
  // Two blank lines after a table, as Word's text export leaves them and as the segmenter needs
  // to see the table end.
  bool after_table = false;
  const auto end_paragraph = [&] {
    if (add_paragraph(paragraph, after_table ? 2 : 1, &result.blocks)) after_table = false;
    paragraph.clear();
  };
  for (const std::string_view raw : core::split_lines(antiword_text)) {
    const std::string_view line = core::trim(raw);
    if (line.empty() || is_table_row(line)) {
      end_paragraph();
      if (!line.empty()) {
        add_table_row(line, &result.blocks);
        after_table = true;
      }
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line;
  }
  end_paragraph();
  if (result.blocks.empty()) {
    *error = "no text in the Word 97-2003 document";
    return false;
  }
  *document = std::move(result);
  return true;
}

}  // namespace treatysearch::ingest
