// Extraction quality over the CRPD concluding observations of the shared corpus (read in place,
// never copied): for each *_CO_*.pdf, do the blocks that open with a printed paragraph number
// give the main sequence 1..N complete, in order? Nested lists numbered from 1 again inside a
// paragraph (China, Montenegro's Add.1) do not break the main sequence.
//
// A development check, not a required test: it runs only when TREATYSEARCH_SHARED_CORPUS names
// the shared corpus folder (for example ../shared/corpus) and skips otherwise, so the suite
// never needs ../shared. It prints each exception and the count.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "extractors.h"
#include "pdf_test_support.h"

namespace treatysearch::ingest {
namespace {

TEST(SharedCorpus, ConcludingObservationsGiveTheirParagraphNumbersInOrder) {
  const char* root = std::getenv("TREATYSEARCH_SHARED_CORPUS");
  if (root == nullptr) GTEST_SKIP() << "TREATYSEARCH_SHARED_CORPUS is not set";
  const std::filesystem::path folder = std::filesystem::path(root) / "crpd-cycles-pdfs";
  if (!std::filesystem::is_directory(folder)) GTEST_SKIP() << folder << " is absent";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.find("_CO_") != std::string::npos && entry.path().extension() == ".pdf") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  WorkerOptions options;
  options.ocr = false;
  std::size_t complete = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ExtractedDocument document;
    std::string error;
    if (!extract_pdf(bytes, ExtractLimits{}, options, &document, &error)) {
      std::cout << file.filename().string() << ": " << error << "\n";
      continue;
    }
    int next = 1, highest = 0;
    for (const Block& block : document.blocks) {
      if (block.kind != BlockKind::kParagraph) continue;
      const int number = opening_number(block.text).value_or(0);
      highest = std::max(highest, number);
      if (number == next) ++next;
    }
    if (highest > 0 && next - 1 == highest) {
      ++complete;
    } else {
      std::cout << file.filename().string() << ": sequence stops at " << next - 1
                << ", highest number " << highest << "\n";
    }
  }
  std::cout << complete << " of " << files.size()
            << " concluding observations give their paragraph numbers 1..N in order\n";
  EXPECT_EQ(complete, files.size());
}

}  // namespace
}  // namespace treatysearch::ingest
