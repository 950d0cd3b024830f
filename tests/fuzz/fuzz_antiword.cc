// libFuzzer target: the reading of antiword's output for Word 97-2003 files.
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
  if (blocks_from_antiword(std::string_view(reinterpret_cast<const char*>(data), size),
                           ExtractLimits{}, &document, &error))
    segment(document);
  return 0;
}
