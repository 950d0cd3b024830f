// libFuzzer target: the indexer's decoder of the worker's answer (worker_protocol.h) on any
// bytes. It must never read out of bounds or allocate beyond the answer's size, and a decoded
// document must survive a second trip through the encoder unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "worker_protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace treatysearch::ingest;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ExtractLimits limits;
  limits.max_text_bytes = 1 << 16;
  ExtractedDocument document;
  std::string error;
  if (!decode_extraction(bytes, limits, &document, &error)) {
    if (error.empty()) std::abort();
    return 0;
  }
  const std::string encoded = encode_extraction(document);
  ExtractedDocument again;
  if (!decode_extraction(encoded, limits, &again, &error)) std::abort();
  if (encode_extraction(again) != encoded) std::abort();
  return 0;
}
