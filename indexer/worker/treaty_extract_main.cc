// treaty-extract: the extraction worker (indexer/src/extract/worker.h). The indexer runs it in
// a child process under limits, with a file's bytes on standard input, and reads its answer
// (worker_protocol.h) from standard output:
//
//   treaty-extract pdf [--ocr | --no-ocr] [--ocr-page-seconds N] [--ocr-languages L]
//                      [--max-text-bytes N] [--max-input-bytes N]
//
// Exit status 0 for every answer, a document or an error line ("PDF is encrypted"): non-zero
// exits and signals are what a crash or a limit looks like to the indexer. 2 is a usage error;
// 3 is running out of memory (std::bad_alloc under the indexer's RLIMIT_AS).
//
// No Boost here: the indexer is the only caller, and the few arguments are read by hand.
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "extractors.h"
#include "worker_protocol.h"

namespace {

using treatysearch::ingest::ExtractedDocument;
using treatysearch::ingest::ExtractLimits;
using treatysearch::ingest::WorkerOptions;

constexpr int kUsageError = 2;
constexpr int kOutOfMemory = 3;

struct Arguments {
  ExtractLimits limits;
  WorkerOptions options;
  // The indexer reads files up to its own size limit before handing them over; this is the
  // worker's own guard.
  std::uint64_t max_input_bytes = 1ull << 30;
};

// Writes to stderr without allocating (it also reports bad_alloc).
void say(std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(2, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

template <typename Number>
bool parse_number(std::string_view text, Number* value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

// argv[1] must be "pdf"; the options follow. False with a message on stderr.
bool parse_arguments(int argc, char** argv, Arguments* arguments) {
  if (argc < 2 || std::string_view(argv[1]) != "pdf") {
    say("usage: treaty-extract pdf [--ocr | --no-ocr] [--ocr-page-seconds N] [--ocr-languages L]"
        " [--max-text-bytes N] [--max-input-bytes N] < file.pdf\n");
    return false;
  }
  for (int i = 2; i < argc; ++i) {
    const std::string_view name = argv[i];
    if (name == "--ocr" || name == "--no-ocr") {
      arguments->options.ocr = name == "--ocr";
      continue;
    }
    if (i + 1 >= argc) {
      say("treaty-extract: " + std::string(name) + " needs a value\n");
      return false;
    }
    const std::string_view value = argv[++i];
    bool good = false;
    if (name == "--ocr-page-seconds") {
      good = parse_number(value, &arguments->options.ocr_page_seconds) &&
             arguments->options.ocr_page_seconds > 0;
    } else if (name == "--ocr-languages") {
      arguments->options.ocr_languages = value;
      good = true;
    } else if (name == "--max-text-bytes") {
      good = parse_number(value, &arguments->limits.max_text_bytes);
    } else if (name == "--max-input-bytes") {
      good = parse_number(value, &arguments->max_input_bytes);
    } else {
      say("treaty-extract: unknown option " + std::string(name) + "\n");
      return false;
    }
    if (!good) {
      say("treaty-extract: bad value for " + std::string(name) + ": " + std::string(value) + "\n");
      return false;
    }
  }
  return true;
}

// All of standard input, or false when it is larger than `max_bytes` or cannot be read.
bool read_input(std::uint64_t max_bytes, std::string* bytes, std::string* error) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(0, buffer, sizeof buffer);
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::string("cannot read the input: ") + std::strerror(errno);
      return false;
    }
    if (bytes->size() + static_cast<std::size_t>(n) > max_bytes) {
      *error = "input is larger than the limit of " + std::to_string(max_bytes) + " bytes";
      return false;
    }
    bytes->append(buffer, static_cast<std::size_t>(n));
  }
}

bool write_output(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(1, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

int run(int argc, char** argv) {
  Arguments arguments;
  if (!parse_arguments(argc, argv, &arguments)) return kUsageError;
  std::string input, error, answer;
  ExtractedDocument document;
  if (!read_input(arguments.max_input_bytes, &input, &error)) {
    answer = treatysearch::ingest::encode_extraction_error(error);
  } else if (treatysearch::ingest::extract_pdf(input, arguments.limits, arguments.options,
                                               &document, &error)) {
    answer = treatysearch::ingest::encode_extraction(document);
  } else {
    answer = treatysearch::ingest::encode_extraction_error(error);
  }
  if (!write_output(answer)) {
    say(std::string("treaty-extract: cannot write the answer: ") + std::strerror(errno) + "\n");
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    // run_child reads "out of memory" on stderr as the memory limit.
    say("treaty-extract: out of memory\n");
    return kOutOfMemory;
  }
}
