// Compact binary records stored in the index: a passage (Xapian document data), an indexed
// file's state (metadata), and a document's DocumentInfo (metadata).
// Format: a version byte, then length-prefixed fields (varint lengths). Decoding never reads out
// of bounds; a malformed record decodes as false.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "references.h"
#include "schema.h"
#include "treatysearch/types.h"

namespace treatysearch::core {

struct PassageRecord {
  std::string file_key;  // schema::file_key of the document
  std::uint32_t ordinal = 0;
  schema::PassageKind kind = schema::PassageKind::kParagraph;
  std::string label;
  std::string citation;
  std::string section;  // heading path joined with " > "
  std::string text;
  std::string parent;
  std::string language;  // the passage's own language (a mixed document's passages differ)
  std::vector<std::string> footnotes;
  std::uint32_t first_page = 0;  // 0: the document has no pages
  std::uint32_t last_page = 0;
  std::vector<Reference> references;  // what the passage cites (references.h)
};

struct FileRecord {
  std::string path;          // absolute path (or add_text name)
  std::string display_path;  // as given by the user
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t content_hash = 0;
  std::uint64_t metadata_hash = 0;  // of the manifest entry that applied (0: none), so that a
                                    // manifest edit re-indexes the file
  std::uint32_t passages = 0;
};

std::string encode_passage(const PassageRecord& record);
bool decode_passage(std::string_view bytes, PassageRecord* record);

std::string encode_file(const FileRecord& record);
bool decode_file(std::string_view bytes, FileRecord* record);

std::string encode_document(const DocumentInfo& info);
bool decode_document(std::string_view bytes, DocumentInfo* info);

}  // namespace treatysearch::core
