// libFuzzer target: PDF layout analysis over poppler (in process here; the indexer runs it in
// the worker). OCR is off: Tesseract is not what is fuzzed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extractors.h"
#include "segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace treatysearch::ingest;
  WorkerOptions options;
  options.ocr = false;
  ExtractedDocument document;
  std::string error;
  if (extract_pdf(std::string_view(reinterpret_cast<const char*>(data), size), ExtractLimits{},
                  options, &document, &error))
    segment(document);
  return 0;
}
