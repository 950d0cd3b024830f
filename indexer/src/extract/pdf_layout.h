// PDF page layout: the words of a page's text layer (poppler's text boxes) turned into lines in
// reading order. Words are grouped into lines by their vertical extent, not by poppler's own
// reading order, because poppler puts a paragraph number or a footnote number drawn in its own
// text box into a block of its own, away from the line it belongs to. Two-column pages are read
// column by column; right-to-left lines (Arabic) are put in logical order. Independent of
// poppler, so that it can be tested with words made up in a test.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::ingest::pdf {

// One text box of poppler's text layer: roughly a word.
struct Word {
  std::string text;  // UTF-8; right-to-left words in visual order (left to right as drawn)
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, origin top left, y grows downwards
  double font_size = 0;
  bool space_after = false;   // poppler saw a space after it
  bool barcode_font = false;  // drawn in a bar-code font (UN job-number bar codes)
};

enum class LineRole { kBody, kFurniture, kFootnote };

struct Line {
  std::string text;  // logical order, footnote reference marks removed
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;  // the size most of its text is set in
  // The median bottom of the words in that size: where the line stands, unmoved by a taller
  // glyph from another font or by a superscript.
  double baseline = 0;
  // Where the text after a leading label ("12.", "(a)", a footnote number) starts: the
  // continuation lines of a paragraph with a hanging number start there.
  double text_x0 = 0, text_x1 = 0;
  // The leading token when it looks like a label: "12.", "(a)", "3", "*".
  std::string lead;
  bool lead_gap = false;          // a gap of about a tab stands between the lead and the text
  bool lead_small = false;        // the lead is set smaller or raised: a footnote number
  std::vector<std::string> refs;  // footnote reference marks found in the line, in order
  bool rtl = false;
  int column = 0;  // 0: left column or whole width; 1: right column
  LineRole role = LineRole::kBody;
};

// A page's lines, as the later steps (furniture, footnotes, paragraphs) mark and read them.
struct PageLayout {
  int number = 0;  // from 1
  double width = 0, height = 0;
  std::vector<Line> lines;
};

// Lines of one page in reading order. `words` is consumed (texts are moved out).
std::vector<Line> lines_from_words(std::vector<Word>& words, double page_width);

// The size the document's running text is set in: the font size holding most of the text of
// the lines not yet marked as furniture.
double body_font_size(const std::vector<PageLayout>& pages);

// A label such as "12.", "(a)", "b)", "6.4", "3", "*": what may open a numbered paragraph or a
// footnote.
bool is_label_token(std::string_view token);

}  // namespace treatysearch::ingest::pdf
