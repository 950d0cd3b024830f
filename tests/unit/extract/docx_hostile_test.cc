// Hostile DOCX files (tests/fixtures/make_hostile.py): each fails with one line naming what is
// wrong; none crashes or hangs; limits at N and N + 1.
#include <gtest/gtest.h>

#include <string>

#include "extract_test_files.h"
#include "extractors.h"

namespace treatysearch::ingest {
namespace {

using test::fixture;

std::string failure(const std::string& name, const ExtractLimits& limits = ExtractLimits{}) {
  const std::string bytes = fixture("hostile/" + name);
  EXPECT_FALSE(bytes.empty()) << name;
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(extract_docx(bytes, limits, &document, &error)) << name;
  EXPECT_TRUE(document.blocks.empty()) << name;
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  return error;
}

bool reads(const std::string& name, const ExtractLimits& limits) {
  ExtractedDocument document;
  std::string error;
  const bool ok = extract_docx(fixture("hostile/" + name), limits, &document, &error);
  EXPECT_TRUE(ok || !error.empty());
  return ok;
}

TEST(DocxHostile, ZipBomb) {
  EXPECT_EQ(failure("zip_bomb.docx"),
            "zip entry word/document.xml inflates more than 100 times its compressed size (a zip "
            "bomb?)");
}

TEST(DocxHostile, TooManyEntriesAtNAndNPlusOne) {
  ExtractLimits limits;
  limits.max_zip_entries = 40;
  EXPECT_TRUE(reads("entries_40.docx", limits));
  limits.max_zip_entries = 39;
  EXPECT_EQ(failure("entries_40.docx", limits), "zip archive has 40 entries, over the limit of 39");
}

TEST(DocxHostile, HeaderLyingAboutTheSize) {
  EXPECT_EQ(failure("lying_size.docx"),
            "zip entry word/document.xml inflates to more than the 100 bytes its header says");
}

TEST(DocxHostile, PathTricksInEntryNames) {
  EXPECT_EQ(failure("dotdot_name.docx"), "zip entry name '../../x' points outside the archive");
  EXPECT_EQ(failure("absolute_name.docx"), "zip entry name '/etc/x' points outside the archive");
}

TEST(DocxHostile, BillionLaughsAndExternalEntity) {
  const std::string dtd =
      "word/document.xml has a document type declaration (DTD), which Office files never have; "
      "entities are not expanded";
  EXPECT_EQ(failure("billion_laughs.docx"), dtd);
  EXPECT_EQ(failure("xxe.docx"), dtd);
}

TEST(DocxHostile, NestingAtNAndNPlusOne) {
  ExtractLimits limits;
  limits.max_xml_depth = 50;
  EXPECT_TRUE(reads("depth_50.docx", limits));
  limits.max_xml_depth = 49;
  EXPECT_EQ(failure("depth_50.docx", limits),
            "word/document.xml nests elements 50 deep, over the limit of 49");
}

TEST(DocxHostile, NestingOneOverTheDefaultLimit) {
  // The nesting is so regular that the file also trips the inflate ratio; the ratio is lifted
  // here so that the depth is what is tested.
  ExtractLimits limits;
  limits.max_zip_ratio = 1e9;
  ASSERT_EQ(limits.max_xml_depth, 10'000u);
  EXPECT_EQ(failure("depth_10001.docx", limits),
            "word/document.xml nests elements 10001 deep, over the limit of 10000");
  limits.max_xml_depth = 10'001;
  EXPECT_TRUE(reads("depth_10001.docx", limits));
}

TEST(DocxHostile, TruncatedZip) {
  EXPECT_EQ(
      failure("truncated.docx").rfind("not a readable zip archive (truncated or damaged): ", 0),
      0u);
}

TEST(DocxHostile, PackageWithoutADocument) {
  EXPECT_EQ(failure("no_document.docx"),
            "not a Word document: the zip archive has no word/document.xml");
}

TEST(DocxHostile, NotAZipAtAll) {
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(extract_docx("%PDF-1.7 not a zip", ExtractLimits{}, &document, &error));
  EXPECT_EQ(error.rfind("not a readable zip archive", 0), 0u) << error;
  // No bytes at all is an empty archive to libzip: it holds no document.
  EXPECT_FALSE(extract_docx("", ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, "not a Word document: the zip archive has no word/document.xml");
}

}  // namespace
}  // namespace treatysearch::ingest
