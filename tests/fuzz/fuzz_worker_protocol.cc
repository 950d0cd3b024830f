// libFuzzer target: the worker's answer as the indexer decodes it (a crashed or hostile worker
// may write anything).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "worker_protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace treatysearch::ingest;
  ExtractedDocument document;
  std::string error;
  decode_extraction(std::string_view(reinterpret_cast<const char*>(data), size), ExtractLimits{},
                    &document, &error);
  return 0;
}
