// Text files: bytes to UTF-8, then Word's text-export reading (text_blocks.h).
#include <string>

#include "extract.h"
#include "extractors.h"
#include "text_blocks.h"

namespace treatysearch::ingest {

bool extract_text(std::string bytes, const ExtractLimits& limits, ExtractedDocument* document,
                  std::string* error) {
  std::optional<std::string> text = text_from_bytes(std::move(bytes), error);
  if (!text) return false;
  if (text->size() > limits.max_text_bytes) {
    *error = "extracted text exceeds the limit of " + std::to_string(limits.max_text_bytes) +
             " bytes";
    return false;
  }
  *document = document_from_text(*text);
  return true;
}

}  // namespace treatysearch::ingest
