#include "text_blocks.h"

#include <algorithm>
#include <string>

#include "text.h"
#include "text_cleanup.h"

namespace treatysearch::ingest {

namespace {

bool is_white(std::string_view raw) {
  return core::trim(raw).empty();
}

}  // namespace

ExtractedDocument document_from_text(std::string_view text) {
  ExtractedDocument document;
  document.format = "text";
  document.encoding = "UTF-8";
  int blanks = 0;
  for (const std::string_view raw : core::split_lines(text)) {
    if (is_white(raw)) {
      ++blanks;
      continue;
    }
    Block block;
    block.kind = starts_with_footnote_mark(raw) ? BlockKind::kFootnote
                 : starts_with_tab(raw)         ? BlockKind::kTableCell
                                                : BlockKind::kParagraph;
    block.space_led = starts_with_space(raw);
    block.text = std::string(raw);
    block.gap_before = blanks;
    blanks = 0;
    document.blocks.push_back(std::move(block));
  }
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

std::string metadata_text(const ExtractedDocument& document) {
  if (document.pages <= 0) return document_text(document);
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
