// A folder of hostile files (tests/fixtures/hostile, made by tests/fixtures/make_hostile.py, and
// broken PDFs made here) beside good ones: each bad file fails with its one line, naming what is
// wrong, and everything else is indexed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(HostileFiles, EachFailsWithItsOneLineAndTheRestIsIndexed) {
  TempDir dir;
  const fs::path folder = dir / "in";
  fs::create_directories(folder);
  for (const auto& entry : fs::directory_iterator(TREATYSEARCH_FIXTURES_DIR "/hostile"))
    fs::copy_file(entry.path(), folder / entry.path().filename());
  const std::string pdf =
      read_bytes(TREATYSEARCH_CORPUS_DIR "/cerd/CERD-Observacoes-Brasil-2022.pdf");
  ASSERT_GT(pdf.size(), 4000u);
  dir.write("in/truncated.pdf", pdf.substr(0, 4000));
  dir.write("in/garbage.pdf", "%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> garbage\n");
  dir.write("in/good.txt", "1. A good paragraph about zanzibarqq.\n");

  const std::string index = dir / "index";
  Indexer indexer = Indexer::open(index);
  const IngestReport report = indexer.add_paths({folder.string()});
  indexer.commit();

  // What each must say (a part of its line).
  const std::map<std::string, std::string> expected = {
      {"absolute_name.docx", "points outside the archive"},
      {"dotdot_name.docx", "points outside the archive"},
      {"billion_laughs.docx", "document type declaration (DTD)"},
      {"xxe.docx", "document type declaration (DTD)"},
      {"zip_bomb.docx", "inflates more than 100 times"},
      {"depth_10001.docx", "inflates more than 100 times"},  // caught as a bomb before its depth
      {"lying_size.docx", "inflates to more than the 100 bytes its header says"},
      {"no_document.docx", "DOCX: "},
      {"truncated.docx", "DOCX: "},
      {"truncated.pdf", "PDF: PDF is damaged"},
      {"garbage.pdf", "PDF: PDF is damaged"},
  };
  std::size_t failed = 0;
  for (const FileReport& file : report.files) {
    const std::string name = fs::path(file.path).filename().string();
    const auto want = expected.find(name);
    if (want == expected.end()) {
      EXPECT_TRUE(file.error.empty()) << name << ": " << file.error;
      continue;
    }
    ++failed;
    EXPECT_EQ(file.status, FileStatus::kFailed) << name;
    EXPECT_NE(file.error.find(want->second), std::string::npos) << name << ": " << file.error;
    EXPECT_EQ(file.error.find('\n'), std::string::npos) << name;
  }
  EXPECT_EQ(failed, expected.size());
  EXPECT_EQ(report.failed, expected.size());
  // good.txt, and the two fixtures that stay within the limits (40 entries, depth 50).
  EXPECT_EQ(report.added, 3u);
  EXPECT_EQ(Searcher::open(index).search("zanzibarqq").hits.size(), 1u);
}

}  // namespace
}  // namespace treatysearch
