// OCR of a real scan: the High Commissioner's letter to Slovenia (corpus/upr-slovenia), first
// page rendered by poppler as the PDF extractor renders pages; its script found by OSD; the
// per-page deadline; bad images and languages.
#include "ocr.h"

#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <memory>
#include <string>
#include <vector>

namespace treatysearch::ingest {
namespace {

constexpr int kDpi = 200;  // the scan's own resolution

// The top `tenths` of a page of a corpus PDF, rendered as the PDF extractor renders pages for
// OCR. A part of a page is enough text for OSD and the assertions, at a fraction of the cost.
poppler::image render_page_top(const std::string& relative, int page_index,
                               poppler::image::format_enum format, int tenths) {
  const std::string path = std::string(TREATYSEARCH_CORPUS_DIR) + "/" + relative;
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
  if (document == nullptr || document->pages() <= page_index) return poppler::image();
  std::unique_ptr<poppler::page> page(document->create_page(page_index));
  poppler::page_renderer renderer;
  renderer.set_image_format(format);
  const int width = static_cast<int>(page->page_rect().width() * kDpi / 72);
  const int height = static_cast<int>(page->page_rect().height() * kDpi / 72);
  return renderer.render_page(page.get(), kDpi, kDpi, 0, 0, width, height * tenths / 10);
}

// The scanned letter's first page: the letterhead, the date and the first paragraphs.
poppler::image render_letter_top(poppler::image::format_enum format, int tenths = 4) {
  return render_page_top("upr-slovenia/Letter-OHCHR-HC-Slovenia.pdf", 0, format, tenths);
}

PageImage page_image(const poppler::image& image, int bytes_per_pixel) {
  PageImage page;
  page.pixels = reinterpret_cast<const unsigned char*>(image.const_data());
  page.width = image.width();
  page.height = image.height();
  page.bytes_per_pixel = bytes_per_pixel;
  page.bytes_per_line = image.bytes_per_row();
  page.dpi = kDpi;
  return page;
}

TEST(Ocr, ReadsTheScannedLetter) {
  const poppler::image image = render_letter_top(poppler::image::format_argb32);
  ASSERT_TRUE(image.is_valid());
  const OcrPage page = ocr_page(page_image(image, 4), OcrOptions{});
  EXPECT_TRUE(page.error.empty()) << page.error;
  EXPECT_FALSE(page.timed_out);
  // OSD is unsure of this page's script (it leans to Cyrillic), so it is read as Latin.
  EXPECT_EQ(page.languages, "eng+fra+spa");
  ASSERT_FALSE(page.blocks.empty());
  std::string all;
  for (const Block& block : page.blocks) {
    EXPECT_EQ(block.kind, BlockKind::kParagraph);
    EXPECT_FALSE(block.text.empty());
    EXPECT_EQ(block.text.find('\n'), std::string::npos);
    EXPECT_GE(block.confidence, 0.0f);
    EXPECT_LE(block.confidence, 100.0f);
    EXPECT_EQ(block.page, 0);
    all += block.text + "\n";
  }
  EXPECT_NE(all.find("Slovenia"), std::string::npos) << all;
  EXPECT_NE(all.find("Excellency"), std::string::npos) << all;
  EXPECT_NE(all.find("Universal Periodic Review"), std::string::npos) << all;
  EXPECT_GT(page.confidence, 60.0f);
}

// A page in Russian (a printed CRPD list of issues, rendered as an image): OSD is sure of
// Cyrillic, and the page is read in Russian.
TEST(Ocr, ReadsCyrillicInRussian) {
  const poppler::image image = render_page_top("crpd/Bangladesh_UnknownYear_CRPD_C_BGD_Q_1.pdf", 1,
                                               poppler::image::format_gray8, 3);
  ASSERT_TRUE(image.is_valid());
  const OcrPage page = ocr_page(page_image(image, 1), OcrOptions{});
  EXPECT_TRUE(page.error.empty()) << page.error;
  EXPECT_EQ(page.languages, "rus");
  std::string all;
  for (const Block& block : page.blocks) all += block.text + "\n";
  EXPECT_NE(all.find("дискриминации"), std::string::npos) << all;
}

// The top of the letter (the date and the first paragraph) as a scanner would have turned it:
// `quarter_turns` clockwise.
std::vector<unsigned char> turned_letter_top(int quarter_turns, int* width, int* height) {
  const poppler::image image = render_letter_top(poppler::image::format_gray8, 3);
  const int w = image.width(), h = image.height();
  const auto* source = reinterpret_cast<const unsigned char*>(image.const_data());
  std::vector<unsigned char> turned(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  *width = quarter_turns == 1 ? h : w;
  *height = quarter_turns == 1 ? w : h;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const unsigned char pixel = source[static_cast<std::size_t>(y) * image.bytes_per_row() + x];
      if (quarter_turns == 1) {  // the top-left pixel goes to the top right
        turned[static_cast<std::size_t>(x) * h + (h - 1 - y)] = pixel;
      } else {  // upside down
        turned[static_cast<std::size_t>(h - 1 - y) * w + (w - 1 - x)] = pixel;
      }
    }
  }
  return turned;
}

std::string ocr_text(const std::vector<unsigned char>& pixels, int width, int height) {
  const OcrPage page = ocr_page(PageImage{pixels.data(), width, height, 1, width, kDpi}, {});
  std::string all = page.error;
  for (const Block& block : page.blocks) all += block.text + "\n";
  return all;
}

// Tesseract cannot read a page upside down: OSD's orientation turns it upright first.
TEST(Ocr, TurnsAnUpsideDownPageUpright) {
  int width = 0, height = 0;
  const std::vector<unsigned char> pixels = turned_letter_top(2, &width, &height);
  const std::string text = ocr_text(pixels, width, height);
  EXPECT_NE(text.find("Slovenia"), std::string::npos) << text;
}

// Turned the right way: a page turned a quarter clockwise is turned back anticlockwise (turned
// the wrong way it would be upside down, and unreadable).
TEST(Ocr, TurnsASidewaysPageBackTheRightWay) {
  int width = 0, height = 0;
  const std::vector<unsigned char> pixels = turned_letter_top(1, &width, &height);
  const std::string text = ocr_text(pixels, width, height);
  EXPECT_NE(text.find("Slovenia"), std::string::npos) << text;
}

// The deadline stops a page; the engine, kept loaded for the next page, reads that page again
// in full once the deadline is gone.
TEST(Ocr, DeadlineStopsThePageAndTheNextPageIsRead) {
  const poppler::image image = render_letter_top(poppler::image::format_gray8, 3);
  ASSERT_TRUE(image.is_valid());
  OcrOptions options;
  options.languages = "eng";
  options.timeout_seconds = 0.001;
  const OcrPage stopped = ocr_page(page_image(image, 1), options);
  EXPECT_TRUE(stopped.timed_out);
  EXPECT_TRUE(stopped.blocks.empty());
  EXPECT_TRUE(stopped.error.empty()) << stopped.error;

  options.timeout_seconds = 0;  // no limit
  const OcrPage read = ocr_page(page_image(image, 1), options);
  EXPECT_FALSE(read.timed_out);
  EXPECT_EQ(read.languages, "eng");
  std::string all;
  for (const Block& block : read.blocks) all += block.text + "\n";
  EXPECT_NE(all.find("Slovenia"), std::string::npos) << all;
}

TEST(Ocr, BadImagesAreErrors) {
  PageImage empty;
  EXPECT_EQ(ocr_page(empty, OcrOptions{}).error, "empty page image");
  const unsigned char pixels[16] = {};
  PageImage odd{pixels, 2, 2, 2, 4, 300};
  EXPECT_EQ(ocr_page(odd, OcrOptions{}).error, "page image has 2 bytes per pixel");
  PageImage short_rows{pixels, 4, 2, 3, 8, 300};
  EXPECT_EQ(ocr_page(short_rows, OcrOptions{}).error, "page image rows are shorter than its width");
}

TEST(Ocr, MissingLanguageIsAnError) {
  const unsigned char pixels[64 * 64] = {};
  PageImage blank{pixels, 64, 64, 1, 64, 300};
  OcrOptions options;
  options.languages = "treatysearch_no_such_language";
  const OcrPage page = ocr_page(blank, options);
  EXPECT_EQ(page.error,
            "cannot load the OCR languages treatysearch_no_such_language (is the tesseract-ocr "
            "language pack installed?)");
}

}  // namespace
}  // namespace treatysearch::ingest
