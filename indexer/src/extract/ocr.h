// OCR of one page image with Tesseract (runs in the worker only; see worker.h). Tesseract is in
// a module, treatysearch-ocr.so, loaded at the first call (ocr_loader.cc): a PDF with a text
// layer never pays for loading it. When the module cannot be loaded, every page fails with
// OcrPage::error ("OCR is not available: ...").
#pragma once

#include <string>
#include <vector>

#include "extracted_document.h"

namespace treatysearch::ingest {

struct PageImage {
  const unsigned char* pixels = nullptr;  // rows top to bottom
  int width = 0, height = 0;
  int bytes_per_pixel = 0;  // 1 (gray), 3 (RGB) or 4 (RGBA/BGRA as poppler renders)
  int bytes_per_line = 0;
  int dpi = 300;
};

struct OcrOptions {
  // "eng+fra"; empty = detect the script (OSD) and choose the languages (and turn a page scanned
  // sideways or upside down upright).
  std::string languages;
  // Word recognition stops at this time (a double, so that tests can give a fraction of a
  // second); 0 = no limit.
  double timeout_seconds = 60;
};

struct OcrPage {
  // Paragraph blocks in reading order (page is left 0: the caller knows it); each with its
  // confidence.
  std::vector<Block> blocks;
  float confidence = -1.0f;  // mean word confidence of the page
  std::string languages;     // the languages used
  bool timed_out = false;
  std::string error;  // set when the page could not be recognised at all
};

OcrPage ocr_page(const PageImage& image, const OcrOptions& options);

}  // namespace treatysearch::ingest
