// The worker's answer on its standard output: an ExtractedDocument, or an error line, as a
// compact binary record (a magic and version, then length-prefixed fields). The indexer never
// trusts it: decoding is bounded (no length may pass the bytes left, counts are capped by
// ExtractLimits) and any malformed answer decodes as false. Fuzzed (tests/fuzz).
#pragma once

#include <string>
#include <string_view>

#include "extracted_document.h"
#include "extractors.h"

namespace treatysearch::ingest {

std::string encode_extraction(const ExtractedDocument& document);
std::string encode_extraction_error(std::string_view error);

// True and *document set for a document; false with *error set for an error answer or for
// bytes that are not a valid answer ("malformed answer from the extraction worker").
bool decode_extraction(std::string_view bytes, const ExtractLimits& limits,
                       ExtractedDocument* document, std::string* error);

}  // namespace treatysearch::ingest
