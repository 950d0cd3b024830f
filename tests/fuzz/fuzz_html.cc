// libFuzzer target: HTML.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extractors.h"
#include "segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace treatysearch::ingest;
  ExtractedDocument document;
  std::string error;
  if (extract_html(std::string_view(reinterpret_cast<const char*>(data), size), ExtractLimits{},
                   &document, &error))
    segment(document);
  return 0;
}
