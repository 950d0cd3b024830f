// Placeholder replaced by the PDF extractor (issue 9).
#include "extractors.h"

namespace treatysearch::ingest {

bool extract_pdf(std::string_view, const ExtractLimits&, const WorkerOptions&, ExtractedDocument*,
                 std::string* error) {
  *error = "PDF is not read yet";
  return false;
}

}  // namespace treatysearch::ingest
