#include "pdf_paragraphs.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "line_shapes.h"
#include "pdf_footnotes.h"
#include "text.h"

namespace treatysearch::ingest::pdf {

using core::decode_at;
using core::first_code_point;
using core::is_ascii_digit;
using core::trim;

namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";

// Parts of English compounds that Word wraps after their hyphen; a line broken after "non-" or
// before "based" keeps its hyphen.
constexpr std::array<std::string_view, 48> kCompoundFirstParts = {
    "anti",      "non",   "self",  "co",       "ex",       "multi",  "inter",      "intra",
    "cross",     "post",  "pre",   "well",     "ill",      "follow", "long",       "short",
    "high",      "low",   "full",  "part",     "decision", "policy", "gender",     "age",
    "community", "human", "child", "evidence", "rights",   "health", "disability", "awareness",
    "sex",       "so",    "mid",   "semi",     "socio",    "afro",   "law",        "hard",
    "peace",     "above", "below", "sub",      "year",     "first",  "second",     "third"};
constexpr std::array<std::string_view, 33> kCompoundLastParts = {
    "based",     "related",    "making",   "raising",  "friendly",  "appropriate", "specific",
    "sensitive", "responsive", "led",      "oriented", "term",      "level",       "care",
    "up",        "being",      "free",     "wide",     "centred",   "centered",    "owned",
    "run",       "sharing",    "building", "affected", "mentioned", "called",      "old",
    "speaking",  "scale",      "aged",     "out",      "off"};

bool ascii_letters_only(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), core::is_ascii_alpha);
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// The word a line starts with, without trailing punctuation.
std::string_view leading_word(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size()) {
    const auto decoded = decode_at(text, end);
    if (!core::is_word_character(decoded.value)) break;
    end += decoded.length;
  }
  return text.substr(0, end);
}

// The word before the final hyphen, back to the last space.
std::string_view trailing_fragment(std::string_view text) {
  const std::size_t space = text.rfind(' ');
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

bool keeps_hyphen(std::string_view fragment, std::string_view head, const Vocabulary* vocabulary) {
  const std::string lower_fragment = core::to_lower(fragment);
  const std::string lower_head = core::to_lower(head);
  if (vocabulary != nullptr) {
    if (vocabulary->words.count(lower_fragment + "-" + lower_head) != 0) return true;
    if (vocabulary->words.count(lower_fragment + lower_head) != 0) return false;
  }
  // A part already hyphenated ("hard-of-") is a compound being continued.
  if (fragment.find('-') != std::string_view::npos) return true;
  if (ascii_letters_only(lower_fragment) && ascii_letters_only(lower_head)) {
    return contains(kCompoundFirstParts, lower_fragment) ||
           contains(kCompoundLastParts, lower_head);
  }
  // Other scripts have no list here: a hyphen is kept unless the document prints the word whole.
  return true;
}

}  // namespace

Vocabulary vocabulary_of(const std::vector<PageLayout>& pages) {
  Vocabulary vocabulary;
  for (const PageLayout& page : pages) {
    for (const Line& line : page.lines) {
      if (line.role == LineRole::kFurniture) continue;
      std::string_view text = line.text;
      while (!text.empty()) {
        const std::size_t space = text.find(' ');
        std::string_view token = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
        // Punctuation around the word is not part of it; a hyphen at the line end is not seen.
        while (!token.empty()) {
          const auto decoded = decode_at(token, 0);
          if (core::is_word_character(decoded.value)) break;
          token.remove_prefix(decoded.length);
        }
        while (!token.empty()) {
          const char32_t last = core::last_code_point(token);
          if (core::is_word_character(last)) break;
          token.remove_suffix(last == core::kInvalidCodePoint ? 1 : core::utf8_length(last));
        }
        if (!token.empty()) vocabulary.words.insert(core::to_lower(token));
      }
    }
  }
  return vocabulary;
}

void append_line(std::string* text, std::string_view next, const Vocabulary* vocabulary) {
  next = trim(next);
  if (next.empty()) return;
  if (text->empty()) {
    text->assign(next);
    return;
  }
  if (text->size() >= kSoftHyphen.size() &&
      std::string_view(*text).substr(text->size() - kSoftHyphen.size()) == kSoftHyphen) {
    text->resize(text->size() - kSoftHyphen.size());
    text->append(next);
    return;
  }
  if (text->back() == '-' && text->size() >= 2) {
    const std::string_view before(*text);
    const std::string_view fragment = trailing_fragment(before.substr(0, before.size() - 1));
    const char32_t last = core::last_code_point(fragment);
    const char32_t first = first_code_point(next);
    if (core::is_letter(last) || (last < 0x80 && is_ascii_digit(static_cast<char>(last)))) {
      if (core::is_lower_letter(first) && core::is_letter(last)) {
        const std::string_view head = leading_word(next);
        if (!keeps_hyphen(fragment, head, vocabulary)) text->pop_back();
        text->append(next);
        return;
      }
      if (core::is_upper_letter(first) ||
          (first < 0x80 && is_ascii_digit(static_cast<char>(first)))) {
        text->append(next);
        return;
      }
    }
  }
  // A web address broken at a line end goes on without a space.
  const std::string_view last_token = trailing_fragment(*text);
  const bool in_address =
      last_token.find("://") != std::string_view::npos || last_token.substr(0, 4) == "www.";
  constexpr std::string_view kAddressBreaks = "/-_.=?&#";
  if (in_address && (kAddressBreaks.find(text->back()) != std::string_view::npos ||
                     kAddressBreaks.find(next.front()) != std::string_view::npos)) {
    text->append(next);
    return;
  }
  text->push_back(' ');
  text->append(next);
}

namespace {

// Sizes are box heights (pdf_extract.cc): a bold face's box may be a few per cent taller than
// the regular face's at the same size, so sizes within 6% are one size.
bool same_size(double a, double b) { return std::abs(a - b) <= 0.06 * std::max(a, b); }

// The text edges of a page's running text per column, where the paragraph lines are full.
struct Edges {
  std::array<double, 2> left{1e9, 1e9};
  std::array<double, 2> right{0, 0};
};

Edges edges_of(const PageLayout& page, double body_font) {
  Edges edges;
  for (const Line& line : page.lines) {
    if (line.role != LineRole::kBody || !same_size(line.font_size, body_font)) continue;
    const auto column = static_cast<std::size_t>(line.column == 1 ? 1 : 0);
    edges.left[column] = std::min(edges.left[column], line.x0);
    edges.right[column] = std::max(edges.right[column], line.x1);
  }
  return edges;
}

struct OpenBlock {
  Block block;
  const Line* last = nullptr;
  int page = 0;  // page of `last`
  int lines = 0;
  double continuation_edge = 0;  // x0 (x1 for right-to-left) of its second line
  double pitch = 0;              // distance between the baselines of its first two lines
  Edges edges;                   // of the page of `last`
};

bool is_star(std::string_view lead) {
  return !lead.empty() && std::all_of(lead.begin(), lead.end(), [](char c) { return c == '*'; });
}

double start_edge(const Line& line) { return line.rtl ? -line.x1 : line.x0; }
double text_start_edge(const Line& line) { return line.rtl ? -line.text_x1 : line.text_x0; }

// The paragraph number a lead gives ("12.", "12-", "١٢ -"); 0 when it is not a number.
int lead_number(std::string_view lead) {
  int number = 0;
  std::size_t digits = 0;
  for (std::size_t i = 0; i < lead.size();) {
    const auto decoded = decode_at(lead, i);
    i += decoded.length;
    int digit = -1;
    if (decoded.value >= U'0' && decoded.value <= U'9')
      digit = static_cast<int>(decoded.value - U'0');
    if (decoded.value >= 0x0660 && decoded.value <= 0x0669)
      digit = static_cast<int>(decoded.value - 0x0660);
    if (digit < 0) break;
    if (++digits > 4) return 0;
    number = number * 10 + digit;
  }
  return number;
}

// True when `line` does not continue the open block. `next_number` is the number the next
// numbered paragraph of the document's main sequence would have.
bool starts_block(const OpenBlock& open, const Line& line, int page, int next_number) {
  const Line& previous = *open.last;
  const double font = std::max(line.font_size, previous.font_size);
  // A number opens a paragraph when a tab follows it, when the line before ended a clause, or
  // when it is the next number of the paragraph sequence.
  // A bare number ("2013 was ...") without a tab after it is text.
  const bool bare = std::all_of(line.lead.begin(), line.lead.end(), core::is_ascii_digit);
  const bool numbered = !line.lead.empty() && !is_star(line.lead) &&
                        (line.lead_gap || (!bare && ends_clause(previous.text)) ||
                         (!bare && next_number > 1 && lead_number(line.lead) == next_number));
  if (numbered) return true;
  if (!same_size(line.font_size, previous.font_size)) return true;

  const auto column = static_cast<std::size_t>(previous.column == 1 ? 1 : 0);
  const double width = open.edges.right[column] - open.edges.left[column];
  const double short_by =
      previous.rtl ? previous.x0 - open.edges.left[column] : open.edges.right[column] - previous.x1;
  const bool previous_short = width > 0 && short_by > std::max(0.12 * width, 4 * font);
  const bool previous_full = width > 0 && short_by < 1.5 * font;

  const bool same_flow =
      page == open.page && line.column == previous.column && line.baseline > previous.baseline;
  if (!same_flow) {
    // A page or column break: the paragraph goes on unless it ended a clause on a line short of
    // the margin.
    return ends_clause(previous.text) && !previous_full;
  }
  const double pitch = line.baseline - previous.baseline;
  const double expected = open.lines >= 2 ? open.pitch : 1.25 * font;
  if (pitch > expected + 0.4 * font) return true;
  if (previous_short && ends_clause(previous.text)) return true;
  const double edge = start_edge(line);
  if (open.lines == 1) {
    // An indented second line starts a paragraph, unless it aligns with the text after the
    // first line's number (a hanging number).
    return edge > start_edge(previous) + 0.8 * font &&
           std::abs(edge - text_start_edge(previous)) > 2.0;
  }
  return std::abs(edge - open.continuation_edge) > 0.8 * font;
}

}  // namespace

std::vector<Block> paragraph_blocks(const std::vector<PageLayout>& pages, double body_font) {
  std::vector<Block> blocks;
  Vocabulary vocabulary;
  bool vocabulary_built = false;
  OpenBlock open;
  int next_number = 1;
  const auto flush = [&] {
    if (open.last != nullptr && !open.block.text.empty()) blocks.push_back(std::move(open.block));
    open = OpenBlock{};
  };
  for (const PageLayout& page : pages) {
    // A page without text (a picture, a scan read by OCR) ends the paragraph before it.
    if (page.lines.empty()) flush();
    const Edges edges = edges_of(page, body_font);
    for (const Line& line : page.lines) {
      if (line.role != LineRole::kBody || line.text.empty()) continue;
      if (open.last != nullptr && !starts_block(open, line, page.number, next_number)) {
        // Continue the block.
        if (!open.block.text.empty() && open.block.text.back() == '-' && !vocabulary_built) {
          vocabulary = vocabulary_of(pages);
          vocabulary_built = true;
        }
        append_line(&open.block.text, line.text, &vocabulary);
        if (open.lines == 1) {
          open.continuation_edge = start_edge(line);
          open.pitch = open.page == page.number ? line.baseline - open.last->baseline
                                                : 1.25 * std::max(line.font_size, body_font);
        }
        ++open.lines;
        open.last = &line;
        open.page = page.number;
        open.edges = edges;
        open.block.last_page = page.number;
        open.block.footnote_refs.insert(open.block.footnote_refs.end(), line.refs.begin(),
                                        line.refs.end());
        continue;
      }
      flush();
      if (lead_number(line.lead) == next_number) ++next_number;
      open.block.kind = BlockKind::kParagraph;
      open.block.text = line.text;
      open.block.page = open.block.last_page = page.number;
      open.block.footnote_refs = line.refs;
      open.last = &line;
      open.page = page.number;
      open.lines = 1;
      open.edges = edges;
    }
  }
  flush();
  return blocks;
}

}  // namespace treatysearch::ingest::pdf
