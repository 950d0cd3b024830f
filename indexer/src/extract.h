// Reading a file, recognising its format, and handing its bytes to the extractor of that format
// (extract/extractors.h), in process or in the worker (extract/worker.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "extracted_document.h"
#include "extractors.h"

namespace treatysearch::ingest {

enum class Format { kText, kPdf, kDocx, kWord97, kHtml, kUnsupported };

struct FormatInfo {
  Format format;
  std::string name;  // "text", "PDF", "DOCX", ...; for an unsupported format its extension
};

// The format a file name says. Folders are walked for the files whose extension names a format
// indexed (.txt .text .pdf .docx .doc .html .htm .xhtml); a file named on the command line is
// read whatever its name, and its content decides.
FormatInfo format_for_path(const std::filesystem::path& path);

// The format the bytes are, whatever the name says: "%PDF-" (in the first KiB, as readers
// allow), a zip holding word/document.xml (DOCX; other zips, such as OpenDocument, are
// unsupported), the OLE2 signature (Word 97-2003 when it holds a WordDocument stream; Excel or
// PowerPoint files are unsupported), "{\rtf" (unsupported), HTML by its opening tags; anything
// else is text (which extract_text may still refuse as binary).
FormatInfo sniff_format(std::string_view bytes);

struct ExtractOptions {
  ExtractLimits limits;
  WorkerOptions worker;
};

// Extracts `bytes` by their sniffed format. False with a one-line *error (the format is named:
// "PDF: encrypted"); never throws but std::bad_alloc.
bool extract_document(std::string bytes, const ExtractOptions& options, ExtractedDocument* document,
                      std::string* error);

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
