// Word 97-2003 through antiword's text: paragraphs, bullets, table rows, joined lines. The
// fixture is antiword's output for corpus/upr-slovenia/Advance_questions_Slovenia_first_batch.doc
// (`antiword -m UTF-8.txt -w 0`), captured and committed so that the tests need no antiword.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "extract_test_files.h"
#include "extractors.h"

namespace treatysearch::ingest {
namespace {

using test::fixture;

ExtractedDocument blocks(const std::string& text, const ExtractLimits& limits = {}) {
  ExtractedDocument document;
  std::string error;
  EXPECT_TRUE(blocks_from_antiword(text, limits, &document, &error)) << error;
  return document;
}

TEST(AntiwordBlocks, AdvanceQuestionsFirstBatch) {
  const ExtractedDocument document = blocks(fixture("antiword/advance_questions_first_batch.txt"));
  EXPECT_EQ(document.format, "Word 97-2003");
  std::vector<std::string> paragraphs;
  int bullets = 0;
  for (const Block& block : document.blocks) {
    if (block.kind == BlockKind::kListItem) {
      EXPECT_EQ(block.label, "\u2022");
      EXPECT_EQ(block.text.rfind("\u2022 ", 0), 0u) << block.text;
      ++bullets;
    } else {
      EXPECT_EQ(block.kind, BlockKind::kParagraph);
      paragraphs.push_back(block.text);
    }
  }
  const std::vector<std::string> expected = {
      "ADVANCE QUESTIONS TO SLOVENIA (FIRST BATCH)",
      "PORTUGAL on behalf of the Group of Friends on NMIRF\u2019s",
      "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "GERMANY"};
  EXPECT_EQ(paragraphs, expected);
  EXPECT_EQ(bullets, 7);
  EXPECT_EQ(document.blocks[2].text.rfind("\u2022 Could the State-under-review describe its "
                                          "national mechanism",
                                          0),
            0u);
}

TEST(AntiwordBlocks, LinesJoinIntoParagraphs) {
  const ExtractedDocument document = blocks("First line\nsecond line.\n\n\n  Next   paragraph.\n");
  ASSERT_EQ(document.blocks.size(), 2u);
  EXPECT_EQ(document.blocks[0].text, "First line second line.");
  EXPECT_EQ(document.blocks[1].text, "Next paragraph.");
  EXPECT_EQ(document.blocks[1].gap_before, 1);
}

TEST(AntiwordBlocks, TableRowsAndPictures) {
  const ExtractedDocument document = blocks(
      "|Recommendation |Position |\n|115.1 Ratify   |         |Supported|\n\n[pic]\n\nAfter.\n");
  ASSERT_EQ(document.blocks.size(), 5u);
  EXPECT_EQ(document.blocks[0].kind, BlockKind::kTableCell);
  EXPECT_TRUE(document.blocks[0].row_start);
  EXPECT_EQ(document.blocks[1].text, "Position");
  EXPECT_FALSE(document.blocks[1].row_start);
  EXPECT_EQ(document.blocks[1].gap_before, 0);
  EXPECT_TRUE(document.blocks[2].row_start);
  EXPECT_EQ(document.blocks[3].text, "Supported");
  EXPECT_EQ(document.blocks[4].text, "After.");
  EXPECT_EQ(document.blocks[4].gap_before, 2);
}

TEST(AntiwordBlocks, BadInputFails) {
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(blocks_from_antiword("\n\n  \n", ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, "no text in the Word 97-2003 document");
  EXPECT_FALSE(blocks_from_antiword("caf\xe9", ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, "antiword's output is not valid UTF-8 at byte 3");
}

TEST(AntiwordBlocks, TextLimitAtNAndNPlusOne) {
  const std::string text = "Twelve bytes";
  ExtractLimits limits;
  limits.max_text_bytes = text.size();
  blocks(text, limits);
  limits.max_text_bytes = text.size() - 1;
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(blocks_from_antiword(text, limits, &document, &error));
  EXPECT_EQ(error, "extracted text exceeds the limit of 11 bytes");
}

// The captured fixture is still what antiword writes for the bundled file (skipped where
// antiword is not installed).
TEST(AntiwordBlocks, FixtureMatchesAntiwordWhenInstalled) {
  if (std::system("command -v antiword >/dev/null 2>&1") != 0) GTEST_SKIP() << "no antiword";
  const std::string command = std::string("antiword -m UTF-8.txt -w 0 '") +
                              TREATYSEARCH_CORPUS_DIR +
                              "/upr-slovenia/Advance_questions_Slovenia_first_batch.doc'";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  std::size_t got = 0;
  while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, got);
  EXPECT_EQ(pclose(pipe), 0);
  EXPECT_EQ(output, fixture("antiword/advance_questions_first_batch.txt"));
}

}  // namespace
}  // namespace treatysearch::ingest
