// libFuzzer target: the XML manifest reader. Invalid manifests throw treatysearch::Error (the
// indexer reports them as fatal); anything else escaping is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "manifest.h"
#include "treatysearch/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    treatysearch::ingest::Manifest::parse("/nonexistent-fuzz-folder/manifest.xml",
                                          std::string(reinterpret_cast<const char*>(data), size));
  } catch (const treatysearch::Error&) {
  }
  return 0;
}
