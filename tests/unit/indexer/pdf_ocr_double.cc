// A test double of ocr_page (ocr.h) for pdf_tests only: the PDF extractor's handling of pages
// without a text layer is tested without Tesseract. It "recognises" one block whose text names
// the image size, so a test can see that the page was rendered at 300 dpi. Linked as an object
// of the test program, it takes the place of the real ocr_page in the treatysearch_pdf archive.
#include "ocr.h"

namespace treatysearch::ingest {

OcrPage ocr_page(const PageImage& image, const OcrOptions&) {
  OcrPage page;
  Block block;
  block.text = "Recognised text of a page " + std::to_string(image.width) + " by " +
               std::to_string(image.height) + " pixels";
  block.confidence = 87.5f;
  page.blocks.push_back(block);
  page.confidence = 87.5f;
  page.languages = "eng";
  return page;
}

}  // namespace treatysearch::ingest
