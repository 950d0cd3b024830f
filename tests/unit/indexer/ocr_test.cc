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

namespace treatysearch::ingest {
namespace {

constexpr int kDpi = 200;  // the scan's own resolution

// The top of the first page (the letterhead, the date and the first paragraphs): enough text for
// OSD and the assertions, at a third of the cost of the whole page.
poppler::image render_letter_top(poppler::image::format_enum format) {
  const std::string path =
      std::string(TREATYSEARCH_CORPUS_DIR) + "/upr-slovenia/Letter-OHCHR-HC-Slovenia.pdf";
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
  if (document == nullptr || document->pages() < 1) return poppler::image();
  std::unique_ptr<poppler::page> page(document->create_page(0));
  poppler::page_renderer renderer;
  renderer.set_image_format(format);
  const int width = static_cast<int>(page->page_rect().width() * kDpi / 72);
  const int height = static_cast<int>(page->page_rect().height() * kDpi / 72);
  return renderer.render_page(page.get(), kDpi, kDpi, 0, 0, width, height * 2 / 5);
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

TEST(Ocr, ReadsTheScannedLetterWithTheScriptFoundByOsd) {
  const poppler::image image = render_letter_top(poppler::image::format_argb32);
  ASSERT_TRUE(image.is_valid());
  const OcrPage page = ocr_page(page_image(image, 4), OcrOptions{});
  EXPECT_TRUE(page.error.empty()) << page.error;
  EXPECT_FALSE(page.timed_out);
  EXPECT_EQ(page.languages, "eng+fra+spa");  // OSD: Latin
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

TEST(Ocr, DeadlineStopsThePage) {
  const poppler::image image = render_letter_top(poppler::image::format_gray8);
  ASSERT_TRUE(image.is_valid());
  OcrOptions options;
  options.languages = "eng";
  options.timeout_seconds = 0.001;
  const OcrPage page = ocr_page(page_image(image, 1), options);
  EXPECT_TRUE(page.timed_out);
  EXPECT_TRUE(page.blocks.empty());
  EXPECT_TRUE(page.error.empty()) << page.error;
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
