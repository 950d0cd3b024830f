// What treaty-index prints about a run: the progress line, one line per file (-v), the failures,
// the summary, and the whole report as JSON (--json).
#pragma once

#include <ostream>
#include <string>

#include "treatysearch/indexer.h"

namespace treatysearch::cli {

const char* status_word(FileStatus status);

// "path: reason" for a failed file or folder, with what happened to its indexed passages.
std::string failure_line(const FileReport& file);

// How a file was read, for -v and the progress line: "PDF, 18 pages", "text, windows-1251",
// "PDF, 2 pages, OCR on 2 pages".
std::string reading_details(const FileReport& file);

// The progress line on stderr (a terminal), rewritten after each file.
void print_progress(const Progress& progress);

// -v: a line per file read or kept ("added: path (PDF, 18 pages, 45 passages)") with its notes,
// then a line per thing skipped in the folders.
void print_files(const IngestReport& report, std::ostream& out);
void print_skipped(const IngestReport& report, std::ostream& out);

void print_summary(const IngestReport& report, bool verbose, std::ostream& out);

// --json: the whole report, one object: counts, files (status, passages, bytes, format,
// encoding, pages, ocr, notes, error), skipped.
void print_report_json(const IngestReport& report, std::ostream& out);

}  // namespace treatysearch::cli
