// Placeholders replaced by the extractors as they land (issue 9). Each fails with a message.
#include "extractors.h"

namespace treatysearch::ingest {

bool extract_html(std::string_view, const ExtractLimits&, ExtractedDocument*, std::string* error) {
  *error = "HTML is not read yet";
  return false;
}

bool blocks_from_antiword(std::string_view, const ExtractLimits&, ExtractedDocument*,
                          std::string* error) {
  *error = "Word 97-2003 is not read yet";
  return false;
}

}  // namespace treatysearch::ingest
