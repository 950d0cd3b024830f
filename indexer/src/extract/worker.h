// Extraction out of process: the indexer hands a file's bytes to the worker program
// treaty-extract (indexer/worker/), which runs poppler, Tesseract or antiword on them and answers
// with an ExtractedDocument (worker_protocol.h). The worker runs under the limits of
// WorkerOptions (address space, CPU, wall clock, no files written), in its own process group;
// a crash, a hang or a memory bomb costs that one file, never the run. This is how Xapian's
// Omega runs its filters.
//
// Finding treaty-extract: WorkerOptions::worker_path if set; else the environment variable
// TREATYSEARCH_EXTRACT_WORKER; else the installed program
// (<libexecdir>/treatysearch/treaty-extract); else the one in the build tree the library was
// built in. When none exists, PDF and Word 97 files fail with a message saying so.
//
// Thread-safe: each call spawns its own child; the indexer calls it from its analysis threads.
#pragma once

#include <string>
#include <string_view>

#include "extracted_document.h"
#include "extractors.h"

namespace treatysearch::ingest {

// The worker's sub-commands.
enum class WorkerFormat { kPdf, kWord97 };

// Runs the worker on `bytes` and decodes its answer. False with a one-line *error naming what
// went wrong ("PDF is encrypted", "extraction timed out after 600 s", "extraction crashed
// (signal 11)", "extraction ran out of memory (limit 2147483648 bytes)").
bool extract_in_worker(WorkerFormat format, std::string_view bytes, const ExtractLimits& limits,
                       const WorkerOptions& options, ExtractedDocument* document,
                       std::string* error);

// The worker program that extract_in_worker would run, or empty (with *error) if none is found.
std::string find_worker(const WorkerOptions& options, std::string* error);

}  // namespace treatysearch::ingest
