// Text files: bytes to UTF-8 in whatever encoding they are (text_decode.h), then Word's
// text-export reading (text_blocks.h).
#include <string>

#include "extractors.h"
#include "text_blocks.h"
#include "text_decode.h"

namespace treatysearch::ingest {

std::string text_limit_error(std::size_t max_text_bytes) {
  return "extracted text exceeds the limit of " + std::to_string(max_text_bytes) + " bytes";
}

bool extract_text(std::string bytes, const ExtractLimits& limits, ExtractedDocument* document,
                  std::string* error) {
  DecodedText decoded;
  if (!decode_text(std::move(bytes), limits.max_text_bytes, &decoded, error)) return false;
  *document = document_from_text(decoded.text);
  document->encoding = decoded.encoding;
  if (decoded.replaced > 0) {
    document->notes.push_back(std::to_string(decoded.replaced) + " malformed " +
                              (decoded.replaced == 1 ? "sequence" : "sequences") + " of " +
                              decoded.encoding + " replaced by U+FFFD");
  }
  return true;
}

}  // namespace treatysearch::ingest
