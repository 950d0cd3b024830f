// Reading a file and turning its bytes into text the segmenter can take.
//
// Today: UTF-8 plain text. The PDF, DOCX and HTML extractors of later issues slot in behind
// `format_for_path` and `extract_text`: each turns bytes into text (later: blocks with page
// numbers and style hints) or a one-line reason why not.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "text_decode.h"  // text_from_bytes, until indexer.cc reads through extract_text

namespace treatysearch::ingest {

enum class Format { kText, kUnsupported };

struct FormatInfo {
  Format format;
  std::string name;  // "text", "PDF", "DOCX", ...; for an unsupported format its extension
};

// Decides the format from the file name. Folders are walked for supported formats only.
FormatInfo format_for_path(const std::filesystem::path& path);

// Reads at most `max_bytes` + 1 bytes of `path`, which must be a regular file (a FIFO, socket or
// device is refused without blocking). With `through_links` false a symbolic link is refused
// too (O_NOFOLLOW): a file found in a folder cannot be swapped for a link between the walk and
// the read. On failure returns nullopt and sets *error to a one-line reason ("file is larger
// than the limit of 268435456 bytes", "Permission denied").
std::optional<std::string> read_file_limited(const std::filesystem::path& path,
                                             std::uint64_t max_bytes, std::string* error,
                                             bool through_links = true);

// Whether `path` can be opened for reading now, as read_file_limited would open it; else false
// with *error set. Asked of files that are not read because their size and time are unchanged.
bool can_read(const std::filesystem::path& path, std::string* error, bool through_links = true);

}  // namespace treatysearch::ingest
