#include "extract.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

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

// `text` in UTF-16 or UTF-32, little- or big-endian, without a byte-order mark.
template <typename Char>
std::string wide(std::basic_string_view<Char> text, bool big_endian) {
  std::string bytes;
  for (const Char c : text) {
    for (std::size_t k = 0; k < sizeof(Char); ++k) {
      const std::size_t shift = 8 * (big_endian ? sizeof(Char) - 1 - k : k);
      bytes.push_back(static_cast<char>((static_cast<std::uint32_t>(c) >> shift) & 0xFF));
    }
  }
  return bytes;
}

TEST(Extract, Utf16WithoutAByteOrderMarkIsNamedNotCalledBinary) {
  const std::string expected =
      "ERROR: UTF-16 text (without a byte-order mark) is not supported yet; save it as UTF-8";
  for (const bool big : {false, true}) {
    EXPECT_EQ(text_or_error(wide(std::u16string_view(u"1. The Committee notes."), big)), expected);
    EXPECT_EQ(text_or_error(wide(std::u16string_view(u"1. Комитет отмечает, что 中文"), big)),
              expected);
  }
}

TEST(Extract, Utf32IsNamedNotCalledUtf16OrBinary) {
  const std::string with_bom = "ERROR: UTF-32 text is not supported; save it as UTF-8";
  EXPECT_EQ(text_or_error(std::string("\xFF\xFE\0\0h\0\0\0i\0\0\0", 12)), with_bom);
  EXPECT_EQ(text_or_error(std::string("\0\0\xFE\xFF\0\0\0h\0\0\0i", 12)), with_bom);
  for (const bool big : {false, true})
    EXPECT_EQ(text_or_error(wide(std::u32string_view(U"1. Комитет 𝄞 notes."), big)),
              "ERROR: UTF-32 text (without a byte-order mark) is not supported; save it as UTF-8");
}

TEST(Extract, BinaryStaysBinary) {
  // Too short to be told from text, NUL runs, control bytes: binary.
  EXPECT_EQ(text_or_error(std::string("ab\0c", 4)), "ERROR: binary file (NUL byte at byte 2)");
  EXPECT_EQ(text_or_error(std::string("abcd\0\0\0\0efgh", 12)),
            "ERROR: binary file (NUL byte at byte 4)");
  EXPECT_EQ(text_or_error(std::string("\x7F"
                                      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                      16)),
            "ERROR: binary file (NUL byte at byte 7)");
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

TEST(Extract, ALinkSwappedInAfterTheWalkIsRefusedUnlessLinksAreAllowed) {
  TempDir dir;
  const std::string secret = dir.write("outside/secret.txt", "1. Secret text.\n");
  const std::string walked = dir / "docs/a.txt";
  std::filesystem::create_directories(dir / "docs");
  std::filesystem::create_symlink(secret, walked);
  std::string error;
  EXPECT_FALSE(read_file_limited(walked, 100, &error, /*through_links=*/false).has_value());
  EXPECT_EQ(error, "is now a symbolic link, which is not followed");
  const auto through = read_file_limited(walked, 100, &error, /*through_links=*/true);
  ASSERT_TRUE(through.has_value()) << error;
  EXPECT_EQ(*through, "1. Secret text.\n");
}

TEST(Extract, AFifoIsRefusedWithoutWaitingForAWriter) {
  TempDir dir;
  const std::string fifo = dir / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string error;
  EXPECT_FALSE(read_file_limited(fifo, 100, &error).has_value());
  EXPECT_EQ(error, "not a regular file");
}

TEST(Extract, AFileOfTheLimitWithTheLargestLimitIsRead) {
  TempDir dir;
  const std::string file = dir.write("f.txt", "12345");
  std::string error;
  const auto bytes = read_file_limited(file, UINT64_MAX, &error);
  ASSERT_TRUE(bytes.has_value()) << error;
  EXPECT_EQ(*bytes, "12345");
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
