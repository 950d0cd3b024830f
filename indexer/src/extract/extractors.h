// The extractors, one per format, and the limits they work under. Each turns a file's bytes into
// an ExtractedDocument (extracted_document.h) or a one-line reason why not ("encrypted PDF",
// "zip entry word/document.xml inflates beyond 256 MiB"). None throws for bad input (only
// std::bad_alloc); each is deterministic; none writes files or opens anything but what it is
// given. Internal to the indexer.
//
// Where each runs: text, DOCX and HTML in the indexing process (memory-safe parsers, capped);
// PDF, OCR and Word 97 out of process (worker.h), since poppler, Tesseract and antiword are
// native parsers of hostile formats with a history of crashes and hangs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extracted_document.h"

namespace treatysearch::ingest {

// Limits common to every format. Each is tested at N and N+1.
struct ExtractLimits {
  // Text extracted from one file; beyond it the file fails ("extracted text exceeds ...").
  std::size_t max_text_bytes = 64u << 20;
  // Depth of element nesting in XML and HTML; deeper input fails (parsers are not recursive
  // over it, but the document model would be).
  std::size_t max_xml_depth = 10'000;
  // DOCX (zip) limits, after Apache POI's ZipSecureFile.
  std::size_t max_zip_entries = 10'000;
  std::uint64_t max_zip_entry_bytes = 256ull << 20;  // inflated size of one entry read
  std::uint64_t max_zip_total_bytes = 512ull << 20;  // inflated size of all entries read
  double max_zip_ratio = 100.0;                      // inflated/compressed, checked above...
  std::uint64_t zip_ratio_floor_bytes = 100u << 10;  // ...this inflated size
};

// Options of the out-of-process formats.
struct WorkerOptions {
  // OCR of PDF pages that have no text layer. Off: such pages are skipped with a note, and a
  // PDF with no text at all fails ("no text layer; OCR is off").
  bool ocr = true;
  int ocr_page_seconds = 60;  // per page; a page over it is skipped with a note
  std::string ocr_languages;  // Tesseract languages ("eng+fra"); empty = by script (OSD)
  // The worker process: address space, CPU seconds, wall-clock seconds per file. A file over a
  // limit fails with "extraction ... (limit ...)"; the run goes on.
  std::uint64_t address_space_bytes = 2ull << 30;
  int cpu_seconds = 300;
  int wall_seconds = 600;
  // The treaty-extract executable; empty = found as worker.h describes.
  std::string worker_path;
};

// The one-line error of every extractor whose text passes ExtractLimits::max_text_bytes:
// "extracted text exceeds the limit of 67108864 bytes".
std::string text_limit_error(std::size_t max_text_bytes);

// Text: UTF-8, UTF-16/32 with or without a byte-order mark, legacy code pages (ICU charset
// detection; the encoding read goes to document.encoding). One block per non-blank line with
// the Word text-export readings (table cell, footnote body, space-led line).
bool extract_text(std::string bytes, const ExtractLimits& limits, ExtractedDocument* document,
                  std::string* error);

// DOCX (Office Open XML): libzip from memory, pugixml without DTDs or entities.
bool extract_docx(std::string_view bytes, const ExtractLimits& limits, ExtractedDocument* document,
                  std::string* error);

// HTML: visible block text, headings as headings.
bool extract_html(std::string_view bytes, const ExtractLimits& limits, ExtractedDocument* document,
                  std::string* error);

// The in-process halves of the worker formats; they run inside treaty-extract (worker.h runs
// them from the indexer). extract_pdf may OCR pages without text (options.ocr).
bool extract_pdf(std::string_view bytes, const ExtractLimits& limits, const WorkerOptions& options,
                 ExtractedDocument* document, std::string* error);

// Word 97-2003: `antiword_text` is antiword's UTF-8 output for the file (`antiword -m UTF-8.txt
// -w 0`); this turns it into blocks.
bool blocks_from_antiword(std::string_view antiword_text, const ExtractLimits& limits,
                          ExtractedDocument* document, std::string* error);

}  // namespace treatysearch::ingest
