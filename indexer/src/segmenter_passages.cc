// Passages under construction (PassageSink: joining lines and blocks, with their pages and
// footnote marks) and the passage size cap.
#include "segmenter_parts.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace treatysearch::ingest::segmenter_detail {

// ---------------------------------------------------------------------------------------------
// Passages under construction

namespace {

// Joins a further block (a list item, a quoted article, a bullet, a table cell) to a passage.
void join_block_text(std::string& text, std::string_view block) {
  if (block.empty()) return;
  if (!text.empty()) text += ' ';
  text.append(block);
}

}  // namespace

void PassageSink::note_line(std::size_t index) {
  if (line_ >= lines_.size()) return;
  const Line& line = lines_[line_];
  Passage& passage = passages_[index];
  if (line.page > 0) {
    if (passage.first_page == 0 || line.page < passage.first_page) passage.first_page = line.page;
    passage.last_page = std::max({passage.last_page, line.page, line.last_page});
  }
  std::vector<std::string>& refs = refs_[index];
  for (const std::string& ref : line.footnote_refs)
    if (std::find(refs.begin(), refs.end(), ref) == refs.end()) refs.push_back(ref);
}

std::size_t PassageSink::add(PassageKind kind, std::string label, std::string_view text,
                             std::string parent, std::vector<std::string> section_path) {
  Passage passage;
  passage.kind = kind;
  passage.label = std::move(label);
  passage.text = std::string(text);
  passage.parent = std::move(parent);
  passage.section_path = std::move(section_path);
  passages_.push_back(std::move(passage));
  refs_.emplace_back();
  note_line(passages_.size() - 1);
  return passages_.size() - 1;
}

void PassageSink::wrap_line(std::size_t index, std::string_view text) {
  join_wrapped_text(passages_[index].text, text);
  note_line(index);
}

void PassageSink::append_block(std::size_t index, std::string_view text) {
  join_block_text(passages_[index].text, text);
  note_line(index);
}

std::string ordinal_label(std::size_t ordinal) { return "[" + std::to_string(ordinal) + "]"; }

void label_by_page(std::vector<Passage>& passages) {
  std::map<std::string, std::string> renamed;
  std::map<int, std::size_t> on_page;  // passages labelled so far, per page
  for (Passage& passage : passages) {
    if (passage.kind != PassageKind::kUnnumbered || passage.first_page <= 0) continue;
    const int page = passage.first_page;
    std::string label = "p. " + std::to_string(page) + ", para. " + ordinal_label(++on_page[page]);
    renamed[passage.label] = label;
    passage.label = std::move(label);
  }
  if (renamed.empty()) return;
  for (Passage& passage : passages) {
    const auto it = renamed.find(passage.parent);
    if (it != renamed.end()) passage.parent = it->second;
  }
}

// ---------------------------------------------------------------------------------------------
// Passage size cap (kMaxPassageBytes in segmenter.h)

namespace {

bool ends_sentence_before(std::string_view text, std::size_t space) {
  if (space == 0) return false;
  const char c = text[space - 1];
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
}

// Where to end the next piece of `text` (longer than max_bytes): after the last sentence in
// the second half of the window, else at the last space in it (the space is dropped), else at
// the last code-point boundary (a word of max_bytes or more has no better place).
std::size_t piece_end(std::string_view text, std::size_t max_bytes) {
  const std::size_t half = max_bytes / 2;
  std::size_t last_space = 0;
  for (std::size_t i = max_bytes; i > half; --i) {
    if (text[i] != ' ') continue;
    if (ends_sentence_before(text, i)) return i;
    if (last_space == 0) last_space = i;
  }
  if (last_space != 0) return last_space;
  std::size_t end = max_bytes;
  while (end > half && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end > half ? end : max_bytes;  // malformed bytes: any cut will do
}

}  // namespace

// Replaces every passage longer than max_bytes by pieces of at most max_bytes, in place and in
// order; the pieces keep the passage's kind, label, section, parent and footnotes.
void split_oversized_passages(std::vector<Passage>& passages, std::size_t max_bytes) {
  const bool any = std::any_of(passages.begin(), passages.end(),
                               [&](const Passage& p) { return p.text.size() > max_bytes; });
  if (!any) return;
  std::vector<Passage> split;
  split.reserve(passages.size());
  for (Passage& passage : passages) {
    if (passage.text.size() <= max_bytes) {
      split.push_back(std::move(passage));
      continue;
    }
    std::string_view rest = passage.text;
    while (!rest.empty()) {
      Passage piece;
      piece.kind = passage.kind;
      piece.label = passage.label;
      piece.section_path = passage.section_path;
      piece.footnotes = passage.footnotes;
      piece.parent = passage.parent;
      piece.language = passage.language;
      piece.first_page = passage.first_page;
      piece.last_page = passage.last_page;
      if (rest.size() <= max_bytes) {
        piece.text = std::string(rest);
        rest = {};
      } else {
        const std::size_t end = piece_end(rest, max_bytes);
        piece.text = std::string(rest.substr(0, end));
        rest.remove_prefix(end);
        if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      }
      split.push_back(std::move(piece));
    }
  }
  passages = std::move(split);
}

}  // namespace treatysearch::ingest::segmenter_detail
