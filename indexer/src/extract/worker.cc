// The indexer's side of out-of-process extraction: find treaty-extract, run it (or antiword)
// under the limits of WorkerOptions, and turn what came back into a document or one line.
#include "worker.h"

#include <cstdlib>
#include <cstring>

#include "process_runner.h"
#include "worker_protocol.h"

#ifndef TREATYSEARCH_INSTALLED_WORKER
#error "TREATYSEARCH_INSTALLED_WORKER (the installed treaty-extract) must be defined"
#endif
#ifndef TREATYSEARCH_BUILD_TREE_WORKER
#error "TREATYSEARCH_BUILD_TREE_WORKER (treaty-extract in the build tree) must be defined"
#endif

namespace treatysearch::ingest {
namespace {

constexpr const char* kWorkerVariable = "TREATYSEARCH_EXTRACT_WORKER";

// The limits of WorkerOptions. `our_build` is true for treaty-extract, built with this library
// (and so with its sanitizers), false for a system program such as antiword.
ChildLimits child_limits(const WorkerOptions& options, bool our_build) {
  ChildLimits limits;
  limits.address_space_bytes = options.address_space_bytes;
#if defined(__SANITIZE_ADDRESS__)
  // An AddressSanitizer build of the worker reserves terabytes of shadow address space at
  // start-up and cannot run under RLIMIT_AS; the wall-clock and CPU limits still hold.
  if (our_build) limits.address_space_bytes = 0;
#else
  (void)our_build;
#endif
  limits.cpu_seconds = options.cpu_seconds;
  limits.wall_seconds = options.wall_seconds;
  return limits;
}

// One line for a child that did not answer: `who` is "extraction" (the worker) or "antiword".
// run_child's line says what happened ("timed out after 600 s", "ran out of memory (limit ...)",
// "exited with status 1: ..."); a signal that is no limit's is a crash.
std::string failure_line(const std::string& who, const ChildOutcome& outcome) {
  if (outcome.signal != 0 && !outcome.timed_out && !outcome.out_of_memory &&
      outcome.error.starts_with("killed by signal")) {
    std::string line = who + " crashed (signal " + std::to_string(outcome.signal);
    if (const char* description = ::sigdescr_np(outcome.signal))
      line += std::string(", ") + description;
    return line + ")";
  }
  return who + " " + outcome.error;
}

bool extract_pdf_in_worker(std::string_view bytes, const ExtractLimits& limits,
                           const WorkerOptions& options, ExtractedDocument* document,
                           std::string* error) {
  const std::string worker = find_worker(options, error);
  if (worker.empty()) return false;
  std::vector<std::string> argv = {worker,
                                   "pdf",
                                   options.ocr ? "--ocr" : "--no-ocr",
                                   "--ocr-page-seconds",
                                   std::to_string(options.ocr_page_seconds),
                                   "--max-text-bytes",
                                   std::to_string(limits.max_text_bytes)};
  if (!options.ocr_languages.empty()) {
    argv.push_back("--ocr-languages");
    argv.push_back(options.ocr_languages);
  }
  ChildLimits child = child_limits(options, /*our_build=*/true);
  // The answer is the text plus a few bytes per block and string; anything much larger is not
  // an answer within the text limit.
  child.max_output_bytes = 2 * static_cast<std::uint64_t>(limits.max_text_bytes) + (1u << 20);
  // Tesseract's OpenMP threads would compete with the indexer's own threads and with other
  // workers: one file is one thread of work.
  const ChildOutcome outcome = run_child(argv, bytes, child, {"OMP_THREAD_LIMIT=1"});
  if (!outcome.ok) {
    *error = outcome.output_too_large ? "the extraction worker's answer exceeds " +
                                            std::to_string(child.max_output_bytes) + " bytes"
                                      : failure_line("extraction", outcome);
    return false;
  }
  return decode_extraction(outcome.output, limits, document, error);
}

// antiword reads the file named on its command line; /dev/stdin is the memfd run_child gives,
// which antiword can seek in, so the file's path is never used again after the indexer read it.
bool extract_word97_in_worker(std::string_view bytes, const ExtractLimits& limits,
                              const WorkerOptions& options, ExtractedDocument* document,
                              std::string* error) {
  ChildLimits child = child_limits(options, /*our_build=*/false);
  child.max_output_bytes = limits.max_text_bytes;
  const ChildOutcome outcome =
      run_child({"antiword", "-m", "UTF-8.txt", "-w", "0", "/dev/stdin"}, bytes, child);
  if (!outcome.ok) {
    if (outcome.output_too_large) {
      *error =
          text_limit_error(limits.max_text_bytes);
    } else if (outcome.exit_status == -1 && outcome.signal == 0 && !outcome.timed_out) {
      *error = "Word 97-2003 files need antiword: " + outcome.error;  // not started
    } else {
      // antiword names its input, which is /dev/stdin here: "the file" says more.
      *error = failure_line("antiword", outcome);
      for (std::size_t at; (at = error->find("/dev/stdin")) != std::string::npos;) {
        error->replace(at, std::string_view("/dev/stdin").size(), "the file");
      }
    }
    return false;
  }
  return blocks_from_antiword(outcome.output, limits, document, error);
}

}  // namespace

std::string find_worker(const WorkerOptions& options, std::string* error) {
  if (!options.worker_path.empty()) {
    if (is_executable_file(options.worker_path)) return options.worker_path;
    *error = "extraction worker " + options.worker_path + " is not an executable file";
    return {};
  }
  if (const char* from_environment = std::getenv(kWorkerVariable);
      from_environment != nullptr && *from_environment != '\0') {
    if (is_executable_file(from_environment)) return from_environment;
    *error = std::string("extraction worker ") + from_environment + " (" + kWorkerVariable +
             ") is not an executable file";
    return {};
  }
  for (const char* candidate : {TREATYSEARCH_INSTALLED_WORKER, TREATYSEARCH_BUILD_TREE_WORKER}) {
    if (is_executable_file(candidate)) return candidate;
  }
  *error = std::string("the extraction worker treaty-extract was not found (looked for ") +
           TREATYSEARCH_INSTALLED_WORKER + " and " + TREATYSEARCH_BUILD_TREE_WORKER + "; set " +
           kWorkerVariable + ")";
  return {};
}

bool extract_in_worker(WorkerFormat format, std::string_view bytes, const ExtractLimits& limits,
                       const WorkerOptions& options, ExtractedDocument* document,
                       std::string* error) {
  switch (format) {
    case WorkerFormat::kPdf:
      return extract_pdf_in_worker(bytes, limits, options, document, error);
    case WorkerFormat::kWord97:
      return extract_word97_in_worker(bytes, limits, options, document, error);
  }
  *error = "unknown worker format";
  return false;
}

}  // namespace treatysearch::ingest
