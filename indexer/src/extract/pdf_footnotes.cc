#include "pdf_footnotes.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "pdf_paragraphs.h"
#include "text.h"

namespace treatysearch::ingest::pdf {

using core::trim;

namespace {

// Footnotes are set a size or more below the text (9 on 10 points, 13 on 15): at least 7%
// smaller, more than a bold face's box differs from the regular one's.
bool is_small(const Line& line, double body_font) { return line.font_size <= 0.93 * body_font; }

// A footnote opens with its number: set smaller or raised, or followed by a tab.
bool opens_footnote(const Line& line) {
  const std::string_view lead = line.lead;
  if (lead.empty()) return false;
  // "*" and "**" mark the notes of the title (reissue, adoption): no other line opens so.
  if (std::all_of(lead.begin(), lead.end(), [](char c) { return c == '*'; })) return true;
  // A number set smaller or raised is a footnote's; one in the text's size is only when it
  // stands bare before a tab ("3  CERD/C/64/CO/2"): "33." is a paragraph's number.
  if (line.lead_small) {
    return std::all_of(lead.begin(), lead.end(),
                       [](char c) { return core::is_ascii_digit(c) || c == '.'; });
  }
  return line.lead_gap && std::all_of(lead.begin(), lead.end(), core::is_ascii_digit);
}

std::string footnote_label(std::string_view lead) {
  while (!lead.empty() && lead.back() == '.') lead.remove_suffix(1);
  return std::string(lead);
}

}  // namespace

bool is_rule_text(std::string_view text) {
  text = trim(text);
  return text.size() >= 3 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c == '_' || c == '-'; });
}

void mark_footnotes(std::vector<PageLayout>& pages, double body_font) {
  bool previous_page_had_notes = false;
  for (PageLayout& page : pages) {
    std::vector<Line>& lines = page.lines;
    // The run of small lines at the foot (furniture below them does not interrupt it).
    std::size_t run = lines.size();
    for (std::size_t i = lines.size(); i > 0; --i) {
      const Line& line = lines[i - 1];
      if (line.role == LineRole::kFurniture) continue;
      const bool in_lower_part = page.height <= 0 || line.y0 > 0.4 * page.height;
      if (!in_lower_part || !(is_small(line, body_font) || is_rule_text(line.text))) break;
      run = i - 1;
    }
    std::size_t zone = lines.size();
    for (std::size_t i = run; i < lines.size(); ++i) {
      if (lines[i].role == LineRole::kFurniture) continue;
      if (opens_footnote(lines[i]) || is_rule_text(lines[i].text)) {
        zone = i;
        break;
      }
    }
    // Small lines above the first numbered footnote continue the last footnote of the page
    // before; with no footnote before, they are small running text (a table, a quotation).
    // They stand in the lowest part of the page, as footnotes do.
    if (zone > run && previous_page_had_notes && run < lines.size() &&
        (page.height <= 0 || lines[run].y0 > 0.6 * page.height)) {
      zone = run;
    }
    bool has_notes = false;
    for (std::size_t i = zone; i < lines.size(); ++i) {
      if (lines[i].role == LineRole::kFurniture) continue;
      lines[i].role = LineRole::kFootnote;
      has_notes = true;
    }
    previous_page_had_notes = has_notes;
  }
}

std::vector<Block> footnote_blocks(const std::vector<PageLayout>& pages) {
  std::vector<Block> blocks;
  for (const PageLayout& page : pages) {
    for (const Line& line : page.lines) {
      if (line.role != LineRole::kFootnote || is_rule_text(line.text)) continue;
      if (opens_footnote(line)) {
        Block block;
        block.kind = BlockKind::kFootnote;
        block.label = footnote_label(line.lead);
        block.text = std::string(trim(std::string_view(line.text).substr(line.lead.size())));
        block.page = block.last_page = page.number;
        blocks.push_back(std::move(block));
      } else if (!blocks.empty()) {
        append_line(&blocks.back().text, line.text);
        blocks.back().last_page = page.number;
      }
    }
  }
  return blocks;
}

}  // namespace treatysearch::ingest::pdf
