// libFuzzer target: text decoding (BOMs, UTF-16/32, charset detection) and the Word text-export
// reading, then segmentation of what comes out.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extractors.h"
#include "segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace treatysearch::ingest;
  ExtractedDocument document;
  std::string error;
  if (extract_text(std::string(reinterpret_cast<const char*>(data), size), ExtractLimits{},
                   &document, &error))
    segment(document);
  return 0;
}
