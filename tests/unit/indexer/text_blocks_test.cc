// The text extractor (document_from_text): what it reads from the artifacts of Word's text
// export (table cells, the footnote zone, lines broken where a footnote mark was removed) and
// where it places footnotes (infer_footnote_refs), so that the segmenter only labels blocks.
#include "text_blocks.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "footnote_links.h"
#include "passages.h"
#include "segmenter.h"

namespace treatysearch::ingest {
namespace {

constexpr std::string_view kMark = "\xEF\xBF\xBD";  // U+FFFD, the export's footnote mark

std::vector<const Block*> blocks_of_kind(const ExtractedDocument& document, BlockKind kind) {
  std::vector<const Block*> found;
  for (const Block& block : document.blocks)
    if (block.kind == kind) found.push_back(&block);
  return found;
}

TEST(TextBlocks, LinesBecomeCleanedBlocksWithTheirBlankLines) {
  const ExtractedDocument document =
      document_from_text("Title\n\n\n1. First\xC2\xA0paragraph.\n\tcell\n_____\n2. Second.\n");
  ASSERT_EQ(document.blocks.size(), 4U);
  EXPECT_EQ(document.blocks[0].text, "Title");
  EXPECT_EQ(document.blocks[1].text, "1. First paragraph.");
  EXPECT_EQ(document.blocks[1].gap_before, 2);
  EXPECT_EQ(document.blocks[2].kind, BlockKind::kTableCell);
  EXPECT_EQ(document.blocks[2].text, "cell");
  // A horizontal rule is a blank line.
  EXPECT_EQ(document.blocks[3].gap_before, 1);
  EXPECT_EQ(document.format, "text");
  EXPECT_EQ(document.pages, 0);
}

TEST(TextBlocks, TheTrailingMarkedBlocksAreFootnotesNumberedInOrder) {
  const std::string text = std::string(kMark) + " A mark used as a field delimiter.\n\n" +
                           "1. The Committee notes the law.\n\n" + std::string(kMark) +
                           " See the Law of 2015,\ncontinued here.\n\n" + std::string(kMark) +
                           " Second note.\n";
  const ExtractedDocument document = document_from_text(text);
  const std::vector<const Block*> notes = blocks_of_kind(document, BlockKind::kFootnote);
  ASSERT_EQ(notes.size(), 2U);
  EXPECT_EQ(notes[0]->label, "1");
  EXPECT_EQ(notes[0]->text, "See the Law of 2015, continued here.");
  EXPECT_EQ(notes[1]->label, "2");
  EXPECT_EQ(notes[1]->text, "Second note.");
  // Before the zone, a marked line is text.
  EXPECT_EQ(document.blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(document.blocks[0].text, "A mark used as a field delimiter.");
}

TEST(TextBlocks, LinesBrokenAtRemovedMarksContinueTheirSentence) {
  const ExtractedDocument document = document_from_text(
      "1. The Committee notes the Labour Code\n"  // then a space-led continuation
      " of 2015 and the census\n"                 // then lower case after no punctuation
      "of 2021\n"                                 // then closing punctuation
      ", which it welcomes:\n"
      "(a) a sub-paragraph is no continuation;\n"
      " 2. nor is a numbered paragraph, space-led or not.\n");
  ASSERT_EQ(document.blocks.size(), 6U);
  EXPECT_FALSE(document.blocks[0].continues_sentence);
  EXPECT_TRUE(document.blocks[1].continues_sentence);
  EXPECT_TRUE(document.blocks[2].continues_sentence);
  EXPECT_TRUE(document.blocks[3].continues_sentence);
  EXPECT_FALSE(document.blocks[4].continues_sentence);
  EXPECT_FALSE(document.blocks[5].continues_sentence);
  EXPECT_EQ(document.removed_mark_sites, 3U);
}

TEST(TextBlocks, NoContinuationAfterABlankLineOrInATable) {
  const ExtractedDocument document =
      document_from_text("The first line\n\n of a new block\n\n\tA cell\n continued\n");
  for (const Block& block : document.blocks) EXPECT_FALSE(block.continues_sentence) << block.text;
  EXPECT_EQ(document.removed_mark_sites, 0U);
}

// Three paragraphs, each broken once where a mark was removed, and three footnotes: each break
// takes its footnote, whose label goes to the line the mark followed.
TEST(TextBlocks, FootnotesArePlacedOnTheLinesTheirMarksFollowed) {
  std::string text;
  for (int n = 1; n <= 3; ++n) {
    text += std::to_string(n) + ". The Committee takes note of the report on item " +
            std::to_string(n) + "\n and of the replies of the State party.\n\n";
  }
  for (int n = 1; n <= 3; ++n) text += std::string(kMark) + " Note " + std::to_string(n) + ".\n\n";
  const ExtractedDocument document = document_from_text(text);
  ASSERT_EQ(document.removed_mark_sites, 3U);
  std::vector<std::vector<std::string>> refs;
  for (const Block& block : document.blocks)
    if (block.kind == BlockKind::kParagraph) refs.push_back(block.footnote_refs);
  const std::vector<std::vector<std::string>> expected = {{"1"}, {}, {"2"}, {}, {"3"}, {}};
  EXPECT_EQ(refs, expected);

  const SegmentedText segmented = segment(document);
  for (int n = 1; n <= 3; ++n) {
    const Passage* note = test_support::find_passage(segmented, "footnote " + std::to_string(n));
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->parent, std::to_string(n));
  }
  EXPECT_EQ(segmented.footnotes_linked, 3U);
  EXPECT_EQ(segmented.footnote_sites, 3U);
}

// A format that lost its marks without leaving line breaks (a PDF whose superscripts were not
// found): only words can place a footnote at a block end, and only a footnote they single out.
TEST(InferFootnoteRefs, WordsPlaceAFootnoteAtTheEndOfTheBlockTheyShare) {
  ExtractedDocument document;
  const auto add = [&document](BlockKind kind, std::string text, std::string label = "") {
    Block block;
    block.kind = kind;
    block.text = std::move(text);
    block.label = std::move(label);
    document.blocks.push_back(std::move(block));
  };
  add(BlockKind::kParagraph, "1. The Committee welcomes the report of the State party.");
  add(BlockKind::kParagraph,
      "2. The Committee notes the adoption of the Zhambyl regional programme on Dungan "
      "language schools.");
  add(BlockKind::kParagraph, "3. The Committee requests information on the plan.");
  add(BlockKind::kFootnote, "Zhambyl regional programme on Dungan schools, 2019.");
  infer_footnote_refs(document);
  EXPECT_TRUE(document.blocks[0].footnote_refs.empty());
  EXPECT_EQ(document.blocks[1].footnote_refs, std::vector<std::string>{"1"});
  EXPECT_TRUE(document.blocks[2].footnote_refs.empty());
  EXPECT_EQ(document.blocks[3].label, "1");  // the unlabelled footnote gets its ordinal
}

TEST(InferFootnoteRefs, AFootnoteNothingSinglesOutStaysUnplaced) {
  ExtractedDocument document;
  for (const char* text : {"1. The Committee welcomes the report.", "2. The Committee notes it."}) {
    Block block;
    block.text = text;
    document.blocks.push_back(block);
  }
  Block note;
  note.kind = BlockKind::kFootnote;
  note.label = "7";
  note.text = "Unrelated words entirely.";
  document.blocks.push_back(note);
  infer_footnote_refs(document);
  for (const Block& block : document.blocks) EXPECT_TRUE(block.footnote_refs.empty());
}

}  // namespace
}  // namespace treatysearch::ingest
