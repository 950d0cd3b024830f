#include "extract.h"

#include <gtest/gtest.h>

#include "file_walker.h"
#include "temp_dir.h"

namespace treatysearch::ingest {
namespace {

using treatysearch::testing::TempDir;

std::string text_or_error(std::string bytes) {
  std::string error;
  auto text = text_from_bytes(std::move(bytes), &error);
  return text ? *text : "ERROR: " + error;
}

TEST(Extract, NormalizesLineEndsAndStripsBom) {
  EXPECT_EQ(text_or_error("\xEF\xBB\xBFline one\r\nline two\rthree"), "line one\nline two\nthree");
}

TEST(Extract, RejectsEmptyBlankBinaryInvalidAndUtf16) {
  EXPECT_EQ(text_or_error(""), "ERROR: file is empty");
  EXPECT_EQ(text_or_error("\xEF\xBB\xBF"), "ERROR: file is empty");
  EXPECT_EQ(text_or_error(" \n\t\r\n"), "ERROR: file has no text");
  EXPECT_EQ(text_or_error(std::string("ab\0c", 4)), "ERROR: binary file (NUL byte at byte 2)");
  EXPECT_EQ(text_or_error("ok \xC3\x28"),
            "ERROR: not valid UTF-8 at byte 3 (save the file as UTF-8)");
  EXPECT_NE(text_or_error("\xFF\xFEh\0").find("UTF-16"), std::string::npos);
}

TEST(Extract, FormatFromExtension) {
  EXPECT_EQ(format_for_path("a/B.TXT").format, Format::kText);
  EXPECT_EQ(format_for_path("x.pdf").format, Format::kUnsupported);
  EXPECT_EQ(format_for_path("x.pdf").name, "PDF");
  EXPECT_EQ(format_for_path("noext").name, "unknown");
}

TEST(Extract, ReadLimitAtNAndNPlusOne) {
  TempDir dir;
  const std::string file = dir.write("f.txt", "12345");
  std::string error;
  EXPECT_TRUE(read_file_limited(file, 5, &error).has_value());
  EXPECT_FALSE(read_file_limited(file, 4, &error).has_value());
  EXPECT_EQ(error, "file is larger than the limit of 4 bytes");
  EXPECT_FALSE(read_file_limited(dir / "missing.txt", 10, &error).has_value());
  EXPECT_FALSE(error.empty());
}

TEST(FileWalker, WalksFoldersSortedSkippingHiddenUnsupportedAndManifest) {
  TempDir dir;
  dir.write("docs/b.txt", "b");
  dir.write("docs/a.txt", "a");
  dir.write("docs/sub/c.txt", "c");
  dir.write("docs/.hidden/d.txt", "d");
  dir.write("docs/.e.txt", "e");
  dir.write("docs/report.pdf", "%PDF");
  dir.write("docs/manifest.xml", "<x/>");
  const WalkResult walked = walk_paths({dir / "docs", dir / "docs/report.pdf", dir / "nope"});
  std::vector<std::string> names;
  for (const auto& f : walked.files)
    names.push_back(f.absolute.filename().string() + (f.error.empty() ? "" : "!"));
  EXPECT_EQ(names, (std::vector<std::string>{"a.txt", "b.txt", "c.txt", "report.pdf", "nope!"}));
  ASSERT_EQ(walked.folders.size(), 1u);
  ASSERT_EQ(walked.manifests.size(), 1u);
  EXPECT_EQ(walked.manifests[0].filename(), "manifest.xml");
  EXPECT_EQ(walked.files[0].display, dir / "docs" + "/a.txt");
  EXPECT_TRUE(walked.files[3].named);
}

}  // namespace
}  // namespace treatysearch::ingest
