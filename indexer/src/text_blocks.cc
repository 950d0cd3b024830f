#include "text_blocks.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "text.h"
#include "text_cleanup.h"

namespace treatysearch::ingest {

namespace {

bool is_white(std::string_view raw) { return core::trim(raw).empty(); }

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
