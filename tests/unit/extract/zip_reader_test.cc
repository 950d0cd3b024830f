// The zip layer of DOCX: lookups by name, and each limit at N and N+1 on the bytes actually
// inflated.
#include "zip_reader.h"

#include <gtest/gtest.h>

#include "extract_test_files.h"

namespace treatysearch::ingest {
namespace {

using test::fixture;

// A zip entry's inflated size, read without limits in the way.
std::uint64_t inflated_size(const std::string& bytes, const std::string& entry) {
  ExtractLimits open_limits;
  open_limits.max_zip_ratio = 1e12;
  std::string error;
  auto zip = ZipReader::open(bytes, open_limits, &error);
  EXPECT_NE(zip, nullptr) << error;
  if (!zip) return 0;
  const auto data = zip->read(entry, &error);
  EXPECT_TRUE(data.has_value()) << error;
  return data ? data->size() : 0;
}

TEST(ZipReader, ReadsEntriesByExactNameThenIgnoringCase) {
  const std::string bytes = fixture("docx/numbered.docx");
  std::string error;
  auto zip = ZipReader::open(bytes, ExtractLimits{}, &error);
  ASSERT_NE(zip, nullptr) << error;
  EXPECT_TRUE(zip->contains("word/document.xml"));
  EXPECT_TRUE(zip->contains("WORD/Document.XML"));
  const auto document = zip->read("word/document.xml", &error);
  ASSERT_TRUE(document.has_value()) << error;
  EXPECT_NE(document->find("<w:body>"), std::string::npos);
  EXPECT_EQ(zip->total_inflated(), document->size());
}

TEST(ZipReader, AbsentEntryIsNotAnError) {
  const std::string bytes = fixture("docx/numbered.docx");
  std::string error;
  auto zip = ZipReader::open(bytes, ExtractLimits{}, &error);
  ASSERT_NE(zip, nullptr) << error;
  EXPECT_FALSE(zip->read("word/endnotes.xml", &error).has_value());
  EXPECT_TRUE(error.empty());
  EXPECT_FALSE(zip->contains("../word/document.xml"));
}

TEST(ZipReader, EntryCountLimitAtNAndNPlusOne) {
  const std::string bytes = fixture("hostile/entries_40.docx");
  ExtractLimits limits;
  limits.max_zip_entries = 40;
  std::string error;
  EXPECT_NE(ZipReader::open(bytes, limits, &error), nullptr) << error;
  limits.max_zip_entries = 39;
  EXPECT_EQ(ZipReader::open(bytes, limits, &error), nullptr);
  EXPECT_EQ(error, "zip archive has 40 entries, over the limit of 39");
}

TEST(ZipReader, EntrySizeLimitAtNAndNPlusOne) {
  const std::string bytes = fixture("docx/numbered.docx");
  const std::uint64_t size = inflated_size(bytes, "word/document.xml");
  ASSERT_GT(size, 0u);
  ExtractLimits limits;
  limits.max_zip_entry_bytes = size;
  std::string error;
  auto zip = ZipReader::open(bytes, limits, &error);
  ASSERT_NE(zip, nullptr);
  EXPECT_TRUE(zip->read("word/document.xml", &error).has_value()) << error;
  limits.max_zip_entry_bytes = size - 1;
  zip = ZipReader::open(bytes, limits, &error);
  ASSERT_NE(zip, nullptr);
  EXPECT_FALSE(zip->read("word/document.xml", &error).has_value());
  EXPECT_EQ(error, "zip entry word/document.xml inflates beyond the limit of " +
                       std::to_string(size - 1) + " bytes");
}

TEST(ZipReader, TotalSizeLimitAtNAndNPlusOne) {
  const std::string bytes = fixture("docx/numbered.docx");
  const std::uint64_t total =
      inflated_size(bytes, "word/document.xml") + inflated_size(bytes, "word/styles.xml");
  for (const std::uint64_t limit : {total, total - 1}) {
    ExtractLimits limits;
    limits.max_zip_total_bytes = limit;
    std::string error;
    auto zip = ZipReader::open(bytes, limits, &error);
    ASSERT_NE(zip, nullptr);
    ASSERT_TRUE(zip->read("word/document.xml", &error).has_value()) << error;
    const bool second = zip->read("word/styles.xml", &error).has_value();
    EXPECT_EQ(second, limit == total) << error;
    if (!second) {
      EXPECT_EQ(error, "zip entries inflate beyond the limit of " + std::to_string(limit) +
                           " bytes in total");
    }
  }
}

TEST(ZipReader, InflateRatioIsCheckedAboveTheFloorOnly) {
  const std::string bytes = fixture("hostile/zip_bomb.docx");
  const std::uint64_t size = inflated_size(bytes, "word/document.xml");
  ASSERT_GT(size, 4u << 20);
  ExtractLimits limits;
  std::string error;
  // Default limits: the bomb inflates about 1000 times.
  auto zip = ZipReader::open(bytes, limits, &error);
  ASSERT_NE(zip, nullptr);
  EXPECT_FALSE(zip->read("word/document.xml", &error).has_value());
  EXPECT_EQ(error,
            "zip entry word/document.xml inflates more than 100 times its compressed size (a zip "
            "bomb?)");
  // Up to the floor the ratio is not checked: at N it reads, at N - 1 it fails.
  limits.zip_ratio_floor_bytes = size;
  zip = ZipReader::open(bytes, limits, &error);
  EXPECT_TRUE(zip->read("word/document.xml", &error).has_value()) << error;
  limits.zip_ratio_floor_bytes = size - 1;
  zip = ZipReader::open(bytes, limits, &error);
  EXPECT_FALSE(zip->read("word/document.xml", &error).has_value());
}

TEST(ZipReader, HeaderThatLiesAboutTheSizeIsCaughtWhileReading) {
  const std::string bytes = fixture("hostile/lying_size.docx");
  std::string error;
  auto zip = ZipReader::open(bytes, ExtractLimits{}, &error);
  ASSERT_NE(zip, nullptr) << error;
  EXPECT_FALSE(zip->read("word/document.xml", &error).has_value());
  EXPECT_EQ(error,
            "zip entry word/document.xml inflates to more than the 100 bytes its header says");
}

TEST(ZipReader, EntryNamesOutsideTheArchiveAreRefused) {
  std::string error;
  EXPECT_EQ(ZipReader::open(fixture("hostile/dotdot_name.docx"), ExtractLimits{}, &error), nullptr);
  EXPECT_EQ(error, "zip entry name '../../x' points outside the archive");
  EXPECT_EQ(ZipReader::open(fixture("hostile/absolute_name.docx"), ExtractLimits{}, &error),
            nullptr);
  EXPECT_EQ(error, "zip entry name '/etc/x' points outside the archive");
}

TEST(ZipReader, TruncatedAndNonZipInputFail) {
  std::string error;
  EXPECT_EQ(ZipReader::open(fixture("hostile/truncated.docx"), ExtractLimits{}, &error), nullptr);
  EXPECT_EQ(error.rfind("not a readable zip archive (truncated or damaged): ", 0), 0u) << error;
  EXPECT_EQ(ZipReader::open("plain text, not a zip", ExtractLimits{}, &error), nullptr);
  EXPECT_EQ(error.rfind("not a readable zip archive", 0), 0u) << error;
}

}  // namespace
}  // namespace treatysearch::ingest
