// The PDF extractor (extractors.h): poppler-cpp's text layer, page by page, through the layout
// steps (pdf_layout: lines in reading order; pdf_furniture: running headers and footers;
// pdf_footnotes: the notes at the foot of pages; pdf_paragraphs: blocks), and OCR (ocr.h) for
// pages without a text layer. Runs inside the worker process (worker.h), never in the indexer.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors.h"
#include "footnote_links.h"
#include "ocr.h"
#include "pdf_arabic.h"
#include "pdf_footnotes.h"
#include "pdf_furniture.h"
#include "pdf_layout.h"
#include "pdf_paragraphs.h"
#include "text.h"

namespace treatysearch::ingest {

namespace {

using pdf::Line;
using pdf::LineRole;
using pdf::PageLayout;
using pdf::Word;

constexpr double kOcrDpi = 300;

// poppler reports damaged streams on stderr ("Syntax Error: ..."); the caller's error line says
// what matters, and the worker's stderr is not a place for a file's noise.
void ignore_poppler_message(const std::string&, void*) {}

std::string utf8_of(const poppler::ustring& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t unit = text[i];
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
        text[i + 1] <= 0xDFFF) {
      unit = 0x10000 + ((unit - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      ++i;
    }
    core::append_utf8(unit, &out);
  }
  return out;
}

std::string info_text(const poppler::document& document, const char* key) {
  return std::string(core::trim(utf8_of(document.info_key(key))));
}

std::string iso_date(time_t when) {
  if (when == static_cast<time_t>(-1) || when == 0) return {};
  std::tm parts{};
  if (gmtime_r(&when, &parts) == nullptr) return {};
  char buffer[16];
  if (std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &parts) == 0) return {};
  return buffer;
}

// The words of a page's text layer. Right-to-left words stored in logical order (their first
// glyph on the right) are turned to visual order, the order pdf_layout expects.
// Sizes are the heights of the boxes, not the fonts' sizes: poppler computes a box's height
// from its font's size (ascent to descent), so the heights compare as the sizes do within a
// document, while asking poppler for font information (text_list_include_font) costs 40% more
// time, which the limit of 1.5 times pdftotext's time cannot spare.
std::vector<Word> page_words(const poppler::page& page, std::size_t* text_bytes) {
  std::vector<poppler::text_box> boxes = page.text_list();
  std::vector<Word> words;
  words.reserve(boxes.size());
  for (const poppler::text_box& box : boxes) {
    Word word;
    const poppler::ustring text = box.text();
    word.text = utf8_of(text);
    if (word.text.empty()) continue;
    const poppler::rectf rect = box.bbox();
    word.x0 = rect.left();
    word.x1 = rect.right();
    word.y0 = rect.top();
    word.y1 = rect.bottom();
    word.space_after = box.has_space_after();
    word.font_size = std::abs(word.y1 - word.y0);
    if (pdf::has_rtl_letters(word.text)) {
      // Glyphs and code points may differ in number (ligatures): poppler answers an empty box
      // for an index past the glyphs, so the last glyph is the last non-empty box.
      const poppler::rectf first = box.char_bbox(0);
      poppler::rectf last;
      bool found = false;
      for (std::size_t i = text.size(); i > 1 && !found;) {
        last = box.char_bbox(--i);
        found = last.width() > 0 || last.left() > 0;
      }
      if (found && first.left() > last.left() + 0.1) {
        word.text = pdf::reverse_characters(word.text);
      }
    }
    *text_bytes += word.text.size();
    words.push_back(std::move(word));
  }
  return words;
}

// OCR of a page without a text layer; its blocks, or a note saying why there are none.
std::vector<Block> ocr_blocks(const poppler::page& page, int number, const WorkerOptions& options,
                              ExtractedDocument* document) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image image = renderer.render_page(&page, kOcrDpi, kOcrDpi);
  const std::string where = "page " + std::to_string(number) + ": ";
  if (!image.is_valid()) {
    document->notes.push_back(where + "could not be rendered for OCR");
    return {};
  }
  PageImage input;
  input.pixels = reinterpret_cast<const unsigned char*>(image.const_data());
  input.width = image.width();
  input.height = image.height();
  input.bytes_per_pixel = 1;
  input.bytes_per_line = image.bytes_per_row();
  input.dpi = static_cast<int>(kOcrDpi);
  OcrOptions ocr_options;
  ocr_options.languages = options.ocr_languages;
  ocr_options.timeout_seconds = options.ocr_page_seconds;
  OcrPage result = ocr_page(input, ocr_options);
  if (result.timed_out) {
    document->notes.push_back(where + "OCR timed out (limit " +
                              std::to_string(options.ocr_page_seconds) + " s)");
  } else if (!result.error.empty()) {
    document->notes.push_back(where + "OCR failed: " + result.error);
  }
  for (Block& block : result.blocks) {
    block.page = block.last_page = number;
  }
  if (!result.blocks.empty()) {
    document->ocr = true;
    ++document->ocr_pages;
  }
  return std::move(result.blocks);
}

}  // namespace

bool extract_pdf(std::string_view bytes, const ExtractLimits& limits, const WorkerOptions& options,
                 ExtractedDocument* document, std::string* error) {
  *document = ExtractedDocument{};
  document->format = "PDF";
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    *error = "PDF is too large to read (over 2 GiB)";
    return false;
  }
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    *error = "not a PDF (no %PDF- header)";
    return false;
  }
  poppler::set_debug_error_function(ignore_poppler_message, nullptr);
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    *error = "PDF is damaged (poppler cannot open it)";
    return false;
  }
  if (pdf->is_locked()) {
    *error = "PDF is encrypted";
    return false;
  }
  const int page_count = pdf->pages();
  if (page_count <= 0) {
    *error = "PDF has no pages";
    return false;
  }
  document->pages = page_count;
  document->hints.title = info_text(*pdf, "Title");
  document->hints.subject = info_text(*pdf, "Subject");
  document->hints.author = info_text(*pdf, "Author");
  document->hints.created = iso_date(pdf->info_date_t("CreationDate"));

  // Raw text beyond twice the limit cannot come down under it: stop reading early.
  constexpr std::size_t kRawSlack = 64u << 10;
  const std::size_t raw_limit = limits.max_text_bytes > (SIZE_MAX - kRawSlack) / 2
                                    ? SIZE_MAX
                                    : limits.max_text_bytes * 2 + kRawSlack;
  std::size_t raw_bytes = 0;
  std::vector<PageLayout> pages;
  pages.reserve(static_cast<std::size_t>(page_count));
  std::vector<std::pair<int, std::vector<Block>>> ocr_pages;
  int pages_without_text = 0;
  for (int index = 0; index < page_count; ++index) {
    const std::unique_ptr<poppler::page> page(pdf->create_page(index));
    PageLayout layout;
    layout.number = index + 1;
    if (!page) {
      document->notes.push_back("page " + std::to_string(layout.number) + ": cannot be read");
      pages.push_back(std::move(layout));
      continue;
    }
    const poppler::rectf box = page->page_rect();
    layout.width = box.width();
    layout.height = box.height();
    std::vector<Word> words = page_words(*page, &raw_bytes);
    if (raw_bytes > raw_limit) {
      *error = text_limit_error(limits.max_text_bytes);
      return false;
    }
    layout.lines = pdf::lines_from_words(words, layout.width);
    if (layout.lines.empty()) {
      ++pages_without_text;
      if (options.ocr) {
        ocr_pages.emplace_back(layout.number, ocr_blocks(*page, layout.number, options, document));
      }
    }
    pages.push_back(std::move(layout));
  }
  if (pages_without_text == page_count && !options.ocr) {
    *error = "no text layer; OCR is off";
    return false;
  }
  if (pages_without_text > 0 && !options.ocr) {
    document->notes.push_back(std::to_string(pages_without_text) +
                              (pages_without_text == 1 ? " page has" : " pages have") +
                              " no text layer (OCR is off): skipped");
  }

  pdf::mark_furniture(pages);
  const double body_font = pdf::body_font_size(pages);
  pdf::mark_footnotes(pages, body_font);
  std::vector<Block> body = pdf::paragraph_blocks(pages, body_font);
  std::vector<Block> notes = pdf::footnote_blocks(pages);

  // OCR pages' blocks go in page order among the others.
  std::vector<Block>& blocks = document->blocks;
  blocks.reserve(body.size() + notes.size());
  std::size_t next_ocr = 0;
  for (Block& block : body) {
    while (next_ocr < ocr_pages.size() && ocr_pages[next_ocr].first <= block.page) {
      for (Block& recognised : ocr_pages[next_ocr].second) blocks.push_back(std::move(recognised));
      ++next_ocr;
    }
    blocks.push_back(std::move(block));
  }
  for (; next_ocr < ocr_pages.size(); ++next_ocr) {
    for (Block& recognised : ocr_pages[next_ocr].second) blocks.push_back(std::move(recognised));
  }
  for (Block& note : notes) blocks.push_back(std::move(note));
  // Footnotes whose superscript marks were not found are placed as a text export's are.
  const bool marks_found = std::any_of(blocks.begin(), blocks.end(), [](const Block& block) {
    return !block.footnote_refs.empty();
  });
  if (!marks_found) infer_footnote_refs(*document);

  std::size_t text_bytes = 0;
  for (const Block& block : blocks) text_bytes += block.text.size();
  if (text_bytes > limits.max_text_bytes) {
    *error = text_limit_error(limits.max_text_bytes);
    return false;
  }
  if (blocks.empty()) {
    *error = options.ocr && pages_without_text > 0 ? "no text found (OCR found none)"
                                                   : "no text found in the PDF";
    return false;
  }
  return true;
}

}  // namespace treatysearch::ingest
