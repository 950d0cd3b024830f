// segment() over extracted documents of the structured formats: pages, footnote marks the
// format placed, page furniture, and the citation of paged documents without numbers.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "passages.h"
#include "segmenter.h"
#include "text_blocks.h"

namespace treatysearch::ingest {
namespace {

Block block(std::string text, int page, BlockKind kind = BlockKind::kParagraph) {
  Block b;
  b.kind = kind;
  b.text = std::move(text);
  b.page = page;
  b.last_page = page;
  return b;
}

using test_support::find_passage;

const Passage* find(const SegmentedText& segmented, std::string_view label) {
  return find_passage(segmented, label);
}

ExtractedDocument numbered_pdf() {
  ExtractedDocument doc;
  doc.format = "PDF";
  doc.pages = 3;
  doc.blocks.push_back(block("GE.22-12345(E)", 1, BlockKind::kFurniture));
  doc.blocks.push_back(block("1. The Committee considered the report of the State party.", 1));
  Block second = block(
      "2. The Committee welcomes the measures taken by the State party to "
      "combat racial discrimination in employment.",
      1);
  second.last_page = 2;  // runs over the page break
  second.footnote_refs = {"1"};
  doc.blocks.push_back(second);
  Block third = block("3. The Committee recommends that the State party adopt a plan.", 2);
  third.footnote_refs = {"2"};
  doc.blocks.push_back(third);
  doc.blocks.push_back(block("4. The Committee requests information on the plan.", 3));
  doc.blocks.push_back(block("See CERD/C/2007/1.", 2, BlockKind::kFootnote));
  doc.blocks.back().label = "1";
  doc.blocks.push_back(block("Act No. 12 of 2020.", 2, BlockKind::kFootnote));
  doc.blocks.back().label = "2";
  return doc;
}

TEST(SegmentBlocks, PassagesCarryThePagesOfTheirBlocks) {
  const SegmentedText segmented = segment(numbered_pdf());
  ASSERT_TRUE(segmented.numbered);
  const Passage* first = find(segmented, "1");
  const Passage* second = find(segmented, "2");
  const Passage* fourth = find(segmented, "4");
  ASSERT_TRUE(first && second && fourth);
  EXPECT_EQ(first->first_page, 1);
  EXPECT_EQ(first->last_page, 1);
  EXPECT_EQ(second->first_page, 1);
  EXPECT_EQ(second->last_page, 2);
  EXPECT_EQ(fourth->first_page, 3);
  EXPECT_EQ(fourth->last_page, 3);
}

TEST(SegmentBlocks, FurnitureNeverBecomesText) {
  const SegmentedText segmented = segment(numbered_pdf());
  for (const Passage& passage : segmented.passages)
    EXPECT_EQ(passage.text.find("GE.22"), std::string::npos) << passage.label;
}

TEST(SegmentBlocks, FootnotesLinkToThePassagesTheFormatMarked) {
  const SegmentedText segmented = segment(numbered_pdf());
  const Passage* note1 = find(segmented, "footnote 1");
  const Passage* note2 = find(segmented, "footnote 2");
  ASSERT_TRUE(note1 && note2);
  EXPECT_EQ(note1->parent, "2");
  EXPECT_EQ(note2->parent, "3");
  EXPECT_EQ(find(segmented, "2")->footnotes, std::vector<std::string>{"footnote 1"});
  EXPECT_EQ(find(segmented, "3")->footnotes, std::vector<std::string>{"footnote 2"});
  EXPECT_EQ(segmented.footnotes_linked, 2u);
}

TEST(SegmentBlocks, FootnotesKeepTheirPrintedNumbers) {
  ExtractedDocument doc = numbered_pdf();
  // The format numbers footnotes itself: a document whose first note is 5 cites it as 5.
  doc.blocks[2].footnote_refs = {"5"};
  doc.blocks[5].label = "5";
  const SegmentedText segmented = segment(doc);
  const Passage* note = find(segmented, "footnote 5");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->parent, "2");
  EXPECT_EQ(find(segmented, "footnote 1"), nullptr);
}

TEST(SegmentBlocks, UnnumberedPagedDocumentIsCitedByPageAndParagraphOnThePage) {
  ExtractedDocument doc;
  doc.format = "PDF";
  doc.pages = 2;
  doc.blocks.push_back(block("Excellency,", 1));
  doc.blocks.push_back(block("I have the honour to refer to the review of your country.", 1));
  doc.blocks.push_back(block("The Committee welcomed the dialogue with the delegation.", 1));
  doc.blocks.push_back(block("I further encourage Slovenia to continue its efforts.", 2));
  doc.blocks.push_back(block("Please accept the assurances of my highest consideration.", 2));
  const SegmentedText segmented = segment(doc);
  ASSERT_FALSE(segmented.numbered);
  std::vector<std::string> labels;
  for (const Passage& passage : segmented.passages) labels.push_back(passage.label);
  ASSERT_FALSE(labels.empty());
  for (const std::string& label : labels) EXPECT_TRUE(label.starts_with("p. ")) << label;
  const Passage* encourage = nullptr;
  for (const Passage& passage : segmented.passages)
    if (passage.text.find("encourage Slovenia") != std::string::npos) encourage = &passage;
  ASSERT_NE(encourage, nullptr);
  EXPECT_EQ(encourage->label, "p. 2, para. [1]");
}

TEST(SegmentBlocks, TextWithoutPagesKeepsOrdinalLabels) {
  const SegmentedText segmented =
      segment(std::string_view("Dear colleague,\n\nThank you for the report.\n\nRegards.\n"));
  for (const Passage& passage : segmented.passages)
    EXPECT_TRUE(passage.label.starts_with("[")) << passage.label;
}

TEST(SegmentBlocks, DocumentTextRebuildsTheCleanedLinesOfAText) {
  const std::string text = "Title\n\n\n1. First.\n\tcell\n2. Second.\n";
  EXPECT_EQ(document_text(document_from_text(text)), "Title\n\n\n1. First.\ncell\n2. Second.\n");
}

Block marked_heading(std::string text, int level) {
  Block b = block(std::move(text), 0, BlockKind::kHeading);
  b.heading_level = level;
  return b;
}

TEST(SegmentBlocks, HeadingsTheFormatMarkedBecomeSectionsAndTheTitleNeither) {
  ExtractedDocument doc;
  doc.format = "DOCX";
  doc.blocks.push_back(marked_heading("Concluding observations on the report of Uruguay", 1));
  doc.blocks.push_back(block("1. The Committee considered the report.", 0));
  doc.blocks.push_back(block("2. The Committee welcomes the report.", 0));
  doc.blocks.push_back(marked_heading("C. Concerns and recommendations", 2));
  doc.blocks.push_back(marked_heading("Indigenous peoples", 3));
  doc.blocks.push_back(block("3. The Committee is concerned about indigenous peoples.", 0));
  const SegmentedText segmented = segment(doc);
  ASSERT_TRUE(segmented.numbered);
  for (const Passage& passage : segmented.passages)
    EXPECT_EQ(passage.text.find("Concluding observations"), std::string::npos) << passage.label;
  const Passage* third = find(segmented, "3");
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(third->section_path,
            (std::vector<std::string>{"C. Concerns and recommendations", "Indigenous peoples"}));
  EXPECT_TRUE(find(segmented, "1")->section_path.empty());
}

// A declaration as HTML gives it: a title, a preamble, articles whose lists number their
// paragraphs afresh.
ExtractedDocument declaration(std::string_view preamble_heading) {
  ExtractedDocument doc;
  doc.format = "HTML";
  doc.blocks.push_back(marked_heading("DECLARATION OF RIGHTS", 1));
  doc.blocks.push_back(marked_heading(std::string(preamble_heading), 2));
  doc.blocks.push_back(block("Whereas rights matter,", 0));
  doc.blocks.push_back(block("Now, therefore,", 0));
  doc.blocks.push_back(block("Proclaims this Declaration.", 0));
  doc.blocks.push_back(marked_heading("Article 1", 2));
  doc.blocks.push_back(block("All are born free.", 0));
  doc.blocks.push_back(marked_heading("Article 2", 2));
  doc.blocks.push_back(block("1. Everyone has the right to work.", 0));
  doc.blocks.push_back(block("2. Everyone has the right to equal pay.", 0));
  doc.blocks.push_back(block("3. Everyone has the right to rest.", 0));
  doc.blocks.push_back(marked_heading("Article 3", 2));
  doc.blocks.push_back(block("1. Everyone has the right to education.", 0));
  doc.blocks.push_back(block("2. Education shall be free.", 0));
  doc.blocks.push_back(marked_heading("Article 4", 2));
  doc.blocks.push_back(block("1. Everyone has duties.", 0));
  doc.blocks.push_back(block("2. Rights have limits.", 0));
  return doc;
}

std::vector<std::string> labels_and_sections(const SegmentedText& segmented) {
  std::vector<std::string> out;
  for (const Passage& passage : segmented.passages) {
    std::string section;
    for (const std::string& heading : passage.section_path) section += "/" + heading;
    out.push_back(passage.label + " " + section + " " + passage.text);
  }
  return out;
}

TEST(SegmentBlocks, NumberingThatRestartsUnderEachMarkedHeadingNumbersItemsNotTheDocument) {
  const SegmentedText segmented = segment(declaration("Preamble"));
  EXPECT_FALSE(segmented.numbered);
  EXPECT_EQ(labels_and_sections(segmented),
            (std::vector<std::string>{
                "[1] /Preamble Whereas rights matter,",
                "[2] /Preamble Now, therefore,",
                "[3] /Preamble Proclaims this Declaration.",
                "[4] /Article 1 All are born free.",
                "[5] /Article 2 1. Everyone has the right to work.",
                "[6] /Article 2 2. Everyone has the right to equal pay.",
                "[7] /Article 2 3. Everyone has the right to rest.",
                "[8] /Article 3 1. Everyone has the right to education.",
                "[9] /Article 3 2. Education shall be free.",
                "[10] /Article 4 1. Everyone has duties.",
                "[11] /Article 4 2. Rights have limits.",
            }));
  EXPECT_EQ(segmented.front_matter, std::vector<std::string>{"DECLARATION OF RIGHTS"});
}

TEST(SegmentBlocks, MarkedHeadingsAreTheOnlyHeadingsEvenInCapitals) {
  // Capitals after a capital title are not letterhead, and a short line is not a heading when
  // the format marks the headings.
  const SegmentedText segmented = segment(declaration("PREAMBULE"));
  ASSERT_GE(segmented.passages.size(), 2u);
  EXPECT_EQ(segmented.passages[1].text, "Now, therefore,");
  EXPECT_EQ(segmented.passages[1].section_path, std::vector<std::string>{"PREAMBULE"});
}

TEST(SegmentBlocks, NumberingThatRunsOnAcrossMarkedHeadingsStaysTheDocuments) {
  // One article restarting at 1 is a list inside the document's own numbering.
  ExtractedDocument doc;
  doc.format = "DOCX";
  doc.blocks.push_back(marked_heading("A. Introduction", 2));
  doc.blocks.push_back(block("1. The Committee considered the report.", 0));
  doc.blocks.push_back(block("2. It welcomes the report.", 0));
  doc.blocks.push_back(marked_heading("B. Concerns", 2));
  doc.blocks.push_back(block("3. The Committee recommends that the State party:", 0));
  doc.blocks.push_back(block("1. Adopt a law;", 0));
  doc.blocks.push_back(block("2. Train the police.", 0));
  doc.blocks.push_back(marked_heading("C. Follow-up", 2));
  doc.blocks.push_back(block("4. The Committee requests information.", 0));
  const SegmentedText segmented = segment(doc);
  ASSERT_TRUE(segmented.numbered);
  ASSERT_NE(find(segmented, "4"), nullptr);
  EXPECT_NE(find(segmented, "3")->text.find("Train the police"), std::string::npos);
}

TEST(SegmentBlocks, MetadataTextPlacesTheTitleNoteAfterTheTitle) {
  ExtractedDocument doc;
  doc.format = "DOCX";
  doc.blocks.push_back(block("Concluding observations on the report of Uruguay", 0));
  doc.blocks.back().footnote_refs = {"*"};
  doc.blocks.push_back(
      block("1. Guidelines adopted by the Committee at its seventy-first session.", 0));
  doc.blocks.push_back(
      block("Adopted by the Committee at its ninety-first session.", 0, BlockKind::kFootnote));
  doc.blocks.back().label = "*";
  const std::string text = metadata_text(doc);
  EXPECT_LT(text.find("ninety-first"), text.find("seventy-first")) << text;
  EXPECT_EQ(text.find("ninety-first"), text.rfind("ninety-first")) << "placed once: " << text;
}

TEST(SegmentBlocks, MetadataTextOfAPagedDocumentReadsTheFirstPageWhole) {
  ExtractedDocument doc = numbered_pdf();
  doc.blocks.push_back(block("CERD/C/BRA/CO/18-20", 1, BlockKind::kFurniture));
  doc.blocks.push_back(block("Adopted at its 108th session.", 1, BlockKind::kFootnote));
  const std::string text = metadata_text(doc);
  EXPECT_NE(text.find("CERD/C/BRA/CO/18-20"), std::string::npos);
  EXPECT_LT(text.find("108th session"), text.find("4. The Committee requests"));
  EXPECT_EQ(text.find("GE.22"), text.rfind("GE.22"));
}

}  // namespace
}  // namespace treatysearch::ingest
