// Extraction out of process: finding treaty-extract, what it is given, how each way it can fail
// reads (with stand-in workers written as shell scripts), the real worker's round trip, and
// Word 97 through antiword.
#include "worker.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "process_runner.h"

#ifndef TREATYSEARCH_TEST_WORKER
#error "TREATYSEARCH_TEST_WORKER (the path of treaty-extract) must be defined"
#endif

namespace treatysearch::ingest {
namespace {

constexpr const char* kWorkerVariable = "TREATYSEARCH_EXTRACT_WORKER";

// Sets or clears the worker variable for one test and restores it after.
class ScopedWorkerVariable {
 public:
  explicit ScopedWorkerVariable(const char* value) {
    if (const char* old = std::getenv(kWorkerVariable)) saved_ = old;
    if (value != nullptr) {
      ::setenv(kWorkerVariable, value, 1);
    } else {
      ::unsetenv(kWorkerVariable);
    }
  }
  ~ScopedWorkerVariable() {
    if (saved_) {
      ::setenv(kWorkerVariable, saved_->c_str(), 1);
    } else {
      ::unsetenv(kWorkerVariable);
    }
  }

 private:
  std::optional<std::string> saved_;
};

// An executable shell script standing in for treaty-extract.
std::string write_script(const std::string& name, const std::string& body) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
  ::chmod(path.c_str(), 0755);
  return path;
}

std::string read_corpus_file(const std::string& relative) {
  std::ifstream in(std::string(TREATYSEARCH_CORPUS_DIR) + "/" + relative, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool run_pdf(const WorkerOptions& options, std::string* error,
             std::string_view bytes = "%PDF-1.4\n") {
  ExtractedDocument document;
  return extract_in_worker(WorkerFormat::kPdf, bytes, ExtractLimits{}, options, &document, error);
}

TEST(FindWorker, OptionThenEnvironmentThenInstalledThenBuildTree) {
  const std::string stand_in = write_script("find-worker-stand-in", "exit 0");
  std::string error;
  {
    ScopedWorkerVariable variable(stand_in.c_str());
    WorkerOptions options;
    options.worker_path = TREATYSEARCH_TEST_WORKER;
    EXPECT_EQ(find_worker(options, &error), TREATYSEARCH_TEST_WORKER);  // the option first
    EXPECT_EQ(find_worker(WorkerOptions{}, &error), stand_in);          // then the variable
  }
  {
    ScopedWorkerVariable variable(nullptr);
    const std::string found = find_worker(WorkerOptions{}, &error);
    struct stat st;
    if (::stat(TREATYSEARCH_INSTALLED_WORKER, &st) == 0) {
      EXPECT_EQ(found, TREATYSEARCH_INSTALLED_WORKER);
    } else {
      EXPECT_EQ(found, TREATYSEARCH_TEST_WORKER);  // the build tree's
    }
  }
  {
    ScopedWorkerVariable variable("");  // empty is unset
    EXPECT_FALSE(find_worker(WorkerOptions{}, &error).empty());
  }
}

TEST(FindWorker, AChosenWorkerThatIsMissingIsAnError) {
  std::string error;
  WorkerOptions options;
  options.worker_path = "/nonexistent/treaty-extract";
  EXPECT_EQ(find_worker(options, &error), "");
  EXPECT_EQ(error, "extraction worker /nonexistent/treaty-extract is not an executable file");

  ScopedWorkerVariable variable(::testing::TempDir().c_str());  // a folder, not a program
  EXPECT_EQ(find_worker(WorkerOptions{}, &error), "");
  EXPECT_EQ(error, "extraction worker " + ::testing::TempDir() +
                       " (TREATYSEARCH_EXTRACT_WORKER) is not an executable file");
  EXPECT_FALSE(run_pdf(WorkerOptions{}, &error));
  EXPECT_NE(error.find("TREATYSEARCH_EXTRACT_WORKER"), std::string::npos) << error;
}

TEST(ExtractInWorker, PassesOptionsAsArgumentsAndBytesOnStdin) {
  // The stand-in fails with its arguments and the size of its input as stderr's last line.
  WorkerOptions options;
  options.worker_path =
      write_script("echo-arguments", "echo \"$* [$(wc -c | tr -d ' ') bytes]\" >&2; exit 1");
  std::string error;
  EXPECT_FALSE(run_pdf(options, &error, "12345"));
  EXPECT_EQ(error,
            "extraction exited with status 1: pdf --ocr --ocr-page-seconds 60 --max-text-bytes "
            "67108864 [5 bytes]");
  options.ocr = false;
  options.ocr_page_seconds = 5;
  options.ocr_languages = "rus+eng";
  EXPECT_FALSE(run_pdf(options, &error, ""));
  EXPECT_EQ(error,
            "extraction exited with status 1: pdf --no-ocr --ocr-page-seconds 5 --max-text-bytes "
            "67108864 --ocr-languages rus+eng [0 bytes]");
}

// Tesseract's OpenMP threads are held to one in the worker.
TEST(ExtractInWorker, WorkerRunsWithOneOpenMpThread) {
  WorkerOptions options;
  options.worker_path =
      write_script("echo-omp", "echo \"OMP_THREAD_LIMIT=$OMP_THREAD_LIMIT\" >&2; exit 1");
  std::string error;
  EXPECT_FALSE(run_pdf(options, &error));
  EXPECT_EQ(error, "extraction exited with status 1: OMP_THREAD_LIMIT=1");
}

TEST(ExtractInWorker, ErrorAnswerComesThrough) {
  WorkerOptions options;
  // TSXW, version 2, 'E', length 16, the message.
  options.worker_path =
      write_script("error-answer", "cat > /dev/null; printf 'TSXW\\002E\\020PDF is encrypted'");
  std::string error;
  EXPECT_FALSE(run_pdf(options, &error));
  EXPECT_EQ(error, "PDF is encrypted");
}

TEST(ExtractInWorker, WorkerFailuresAreOneLineEach) {
  WorkerOptions options;
  std::string error;
  options.worker_path = write_script("garbage-answer", "echo this is no answer");
  EXPECT_FALSE(run_pdf(options, &error));
  EXPECT_EQ(error, "malformed answer from the extraction worker");

  options.worker_path = write_script("crashing-worker", "kill -SEGV $$");
  EXPECT_FALSE(run_pdf(options, &error));
  EXPECT_EQ(error, "extraction crashed (signal 11, Segmentation fault)");

  options.worker_path = write_script("hanging-worker", "sleep 30");
  options.wall_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(run_pdf(options, &error));
  EXPECT_EQ(error, "extraction timed out after 1 s");
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

TEST(ExtractInWorker, MemoryLimit) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "RLIMIT_AS is not applied under AddressSanitizer";
#endif
  if (::access("/usr/bin/perl", X_OK) != 0) GTEST_SKIP() << "perl is missing";
  WorkerOptions options;
  options.address_space_bytes = 256ull << 20;
  options.worker_path = write_script(
      "memory-hungry-worker",
      "exec perl -e 'my $n = 512 * 1024 * 1024 + @ARGV; my $x = \"a\" x $n; print $x'");
  std::string error;
  EXPECT_FALSE(run_pdf(options, &error));
  EXPECT_EQ(error, "extraction ran out of memory (limit 268435456 bytes)");
}

// The real treaty-extract answers for a file that is not a readable PDF with an error answer
// (exit 0), not a crash, a limit or a malformed answer. Also times the round trip.
TEST(ExtractInWorker, RealWorkerRoundTrip) {
  WorkerOptions options;
  options.worker_path = TREATYSEARCH_TEST_WORKER;
  std::string error;
  EXPECT_FALSE(run_pdf(options, &error, "%PDF-1.4\nthis is not really a PDF\n"));
  EXPECT_FALSE(error.empty());
  EXPECT_NE(error, "malformed answer from the extraction worker");
  EXPECT_FALSE(error.starts_with("extraction ")) << error;

  // A one-page PDF, for the time of a round trip (spawn, exec, read, answer).
  const std::string tiny_pdf =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R"
      "/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
      "4 0 obj<</Length 42>>stream\nBT /F1 24 Tf 72 700 Td (Hello world) Tj ET\nendstream\n"
      "endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
      "trailer<</Root 1 0 R>>\n%%EOF\n";
  constexpr int kRounds = 10;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRounds; ++i) {
    ExtractedDocument document;
    std::string round_error;
    extract_in_worker(WorkerFormat::kPdf, tiny_pdf, ExtractLimits{}, options, &document,
                      &round_error);
    EXPECT_FALSE(round_error.starts_with("extraction ")) << round_error;
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() /
      kRounds;
  std::cout << "worker round trip (tiny PDF): " << ms << " ms\n";
  RecordProperty("worker_round_trip_ms", std::to_string(ms));
}

// antiword reads the .doc from the memfd on stdin through /dev/stdin.
TEST(Word97, AntiwordReadsTheFileFromStdin) {
  const std::string doc =
      read_corpus_file("upr-slovenia/Advance_questions_Slovenia_first_batch.doc");
  ASSERT_GT(doc.size(), 10'000u);
  ChildLimits limits;
  limits.wall_seconds = 60;
  const ChildOutcome outcome =
      run_child({"antiword", "-m", "UTF-8.txt", "-w", "0", "/dev/stdin"}, doc, limits);
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_NE(outcome.output.find("ADVANCE QUESTIONS TO SLOVENIA"), std::string::npos);
  EXPECT_NE(outcome.output.find("Slovenia"), std::string::npos);
  // UTF-8 output: the curly apostrophe of "NMIRF’s".
  EXPECT_NE(outcome.output.find("NMIRF\u2019s"), std::string::npos);
}

TEST(Word97, NotAWordFileIsOneLine) {
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(extract_in_worker(WorkerFormat::kWord97, "garbage bytes here", ExtractLimits{},
                                 WorkerOptions{}, &document, &error));
  EXPECT_EQ(error, "antiword exited with status 1: the file is not a Word Document.");
}

TEST(Word97, TextLimitAtNAndNPlusOne) {
  const std::string doc =
      read_corpus_file("upr-slovenia/Advance_questions_Slovenia_first_batch.doc");
  ChildLimits unlimited;
  const ChildOutcome full =
      run_child({"antiword", "-m", "UTF-8.txt", "-w", "0", "/dev/stdin"}, doc, unlimited);
  ASSERT_TRUE(full.ok) << full.error;
  ExtractLimits limits;
  limits.max_text_bytes = full.output.size() - 1;
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(
      extract_in_worker(WorkerFormat::kWord97, doc, limits, WorkerOptions{}, &document, &error));
  EXPECT_EQ(error, "extracted text exceeds the limit of " + std::to_string(limits.max_text_bytes) +
                       " bytes");
  limits.max_text_bytes = full.output.size();
  error.clear();
  EXPECT_TRUE(
      extract_in_worker(WorkerFormat::kWord97, doc, limits, WorkerOptions{}, &document, &error))
      << error;
}

TEST(Word97, ExtractsTheSloveniaQuestions) {
  const std::string doc =
      read_corpus_file("upr-slovenia/Advance_questions_Slovenia_first_batch.doc");
  ExtractedDocument document;
  std::string error;
  const bool ok = extract_in_worker(WorkerFormat::kWord97, doc, ExtractLimits{}, WorkerOptions{},
                                    &document, &error);
  ASSERT_TRUE(ok) << error;
  bool found = false;
  for (const Block& block : document.blocks) {
    found = found || block.text.find("SLOVENIA") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace treatysearch::ingest
