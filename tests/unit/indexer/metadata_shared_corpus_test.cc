// A development check over the CRPD documents of ../shared/corpus/crpd-cycles-pdfs (265 PDFs,
// read in place, never copied): the symbol detected on each first page (pdftotext's text) must
// be the one the file is named after ("Andorra_2020_CRPD_C_AND_Q_1.pdf" -> CRPD/C/AND/Q/1).
// Skips when the folder or pdftotext is absent: the project never needs ../shared, and the
// behaviour is tested on bundled excerpts in metadata_first_page_test.cc.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "metadata_detect.h"

namespace treatysearch::ingest {
namespace {

namespace fs = std::filesystem;

fs::path shared_folder() {
  if (const char* dir = std::getenv("TREATYSEARCH_SHARED_CORPUS")) return dir;
  return fs::path(TREATYSEARCH_CORPUS_DIR) / ".." / ".." / "shared" / "corpus";
}

// pdftotext's text of the first page, or empty when it cannot run.
std::string first_page_text(const fs::path& pdf) {
  std::string quoted = "'";
  for (char c : pdf.string()) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  const std::string command = "pdftotext -q -l 1 " + quoted + " - 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {};
  std::string text;
  char buffer[4096];
  std::size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, read);
  pclose(pipe);
  return text;
}

// "Andorra_2020_CRPD_C_AND_Q_1.pdf" -> "CRPD/C/AND/Q/1".
std::string symbol_in_file_name(const std::string& name) {
  const std::size_t start = name.find("CRPD_");
  if (start == std::string::npos) return {};
  std::string symbol = name.substr(start, name.size() - start - 4);
  for (char& c : symbol) {
    if (c == '_') c = '/';
  }
  return symbol;
}

TEST(SharedCorpusCheck, CrpdFirstPageSymbolsMatchFileNames) {
  const fs::path folder = shared_folder() / "crpd-cycles-pdfs";
  if (!fs::is_directory(folder)) GTEST_SKIP() << folder << " is absent";
  if (std::system("pdftotext -v >/dev/null 2>&1") != 0) GTEST_SKIP() << "no pdftotext";
  std::vector<fs::path> pdfs;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
  }
  std::sort(pdfs.begin(), pdfs.end());
  std::size_t agree = 0;
  std::map<std::string, int> types;
  int empty_type = 0, empty_date = 0, empty_session = 0, empty_state = 0, empty_original = 0;
  for (const fs::path& pdf : pdfs) {
    const std::string expected = symbol_in_file_name(pdf.filename().string());
    const DocumentInfo info = detect_metadata(first_page_text(pdf));
    if (info.symbol == expected) {
      ++agree;
    } else {
      std::cout << "symbol differs: " << pdf.filename().string() << " detected \"" << info.symbol
                << "\"\n";
    }
    ++types[info.type];
    empty_type += info.type.empty();
    empty_date += info.date.empty();
    empty_session += info.session.empty();
    empty_state += info.state.empty();
    empty_original += info.original_language.empty();
    if (std::getenv("TREATYSEARCH_SHOW_METADATA") != nullptr) {
      std::cout << pdf.filename().string() << "\t" << info.symbol << "\t" << info.type << "\t"
                << info.committee << "\t" << info.state << "\t" << info.session << "\t" << info.date
                << "\t" << info.language << "/" << info.original_language << "\t" << info.title
                << "\n";
    }
  }
  std::cout << "symbols agreeing with file names: " << agree << " of " << pdfs.size() << "\n";
  for (const auto& [type, count] : types)
    std::cout << "  type \"" << type << "\": " << count << "\n";
  std::cout << "  empty: type " << empty_type << ", date " << empty_date << ", session "
            << empty_session << ", state " << empty_state << ", original language "
            << empty_original << "\n";
  // Measured at 265 of 265 when written; a few misprints in the collection may be tolerated,
  // a regression in symbol reading may not.
  EXPECT_GE(agree * 100, pdfs.size() * 98);
}

}  // namespace
}  // namespace treatysearch::ingest
