// Segmentation on small synthetic documents: main sequence versus nested numbering, joins,
// sub-paragraphs, recommendations, tables, footnotes, letters, headings, hostile input.
#include "segmenter.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace treatysearch::ingest {
namespace {

using Path = std::vector<std::string>;

const Passage* find(const SegmentedText& segmented, std::string_view label) {
  const Passage* found = nullptr;
  for (const Passage& passage : segmented.passages) {
    if (passage.label != label) continue;
    EXPECT_EQ(found, nullptr) << "label appears twice: " << label;
    found = &passage;
  }
  return found;
}

// The passage with this label, or an empty passage (and a test failure) when there is none.
const Passage& at(const SegmentedText& segmented, std::string_view label) {
  static const Passage kMissing;
  const Passage* passage = find(segmented, label);
  if (passage == nullptr) {
    ADD_FAILURE() << "missing label " << label;
    return kMissing;
  }
  return *passage;
}

std::vector<std::string> labels_of_kind(const SegmentedText& segmented, PassageKind kind) {
  std::vector<std::string> labels;
  for (const Passage& passage : segmented.passages) {
    if (passage.kind == kind) labels.push_back(passage.label);
  }
  return labels;
}

std::vector<std::string> all_labels(const SegmentedText& segmented) {
  std::vector<std::string> labels;
  for (const Passage& passage : segmented.passages) labels.push_back(passage.label);
  return labels;
}

using core::is_valid_utf8;

// Checks one passage: exactly one passage has the label, with this kind, text and parent.
void expect_passage(const SegmentedText& segmented, std::string_view label, PassageKind kind,
                    std::string_view text, std::string_view parent) {
  SCOPED_TRACE("label " + std::string(label));
  const Passage* passage = find(segmented, label);
  ASSERT_NE(passage, nullptr);
  EXPECT_EQ(passage_kind_name(passage->kind), passage_kind_name(kind));
  EXPECT_EQ(passage->text, text);
  EXPECT_EQ(passage->parent, parent);
}

// --- main sequence versus nested numbering -----------------------------------------------------

TEST(MainSequenceTest, QuotedLawArticlesStayInsideTheirParagraph) {
  const SegmentedText segmented = segment(
      "1. First paragraph.\n\n"
      "2. Article 4 of the Constitution stipulates:\n\n"
      "\u00AB1. The effective law includes the Constitution.\n\n"
      "2. The Constitution has supreme legal force.\n\n"
      "3. International treaties have priority\u00BB.\n\n"
      "3. Thus the Constitution proclaims its values.\n\n"
      "4. Fourth paragraph.\n");
  EXPECT_TRUE(segmented.numbered);
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"1", "2", "3", "4"}));
  expect_passage(
      segmented, "2", PassageKind::kParagraph,
      "Article 4 of the Constitution stipulates: \u00AB1. The effective law includes the "
      "Constitution. 2. The Constitution has supreme legal force. 3. International "
      "treaties have priority\u00BB.",
      "");
  expect_passage(segmented, "3", PassageKind::kParagraph,
                 "Thus the Constitution proclaims its values.", "");
}

TEST(MainSequenceTest, UnquotedNestedListBeforeTheNextNumberIsNotAParagraph) {
  const SegmentedText segmented = segment(
      "1. The law provides:\n\n"
      "1. Everyone is equal.\n\n"
      "2. No one may be discriminated against.\n\n"
      "2. Second paragraph.\n\n"
      "3. Third paragraph.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"1", "2", "3"}));
  expect_passage(segmented, "1", PassageKind::kParagraph,
                 "The law provides: 1. Everyone is equal. 2. No one may be discriminated against.",
                 "");
  expect_passage(segmented, "2", PassageKind::kParagraph, "Second paragraph.", "");
}

TEST(MainSequenceTest, NestedListWithHigherNumbersThanTheParagraphIsIgnored) {
  const SegmentedText segmented = segment(
      "14. Article 4 stipulates:\n\n"
      "\u00AB1. One.\n\n"
      "2. Two.\n\n"
      "3. Three\u00BB.\n"
      "15. Thus the values.\n"
      "16. According to Article 20:\n\n"
      "\u00AB1. Each treaty\u2026\n"
      "3. The President.\n\n"
      "5. General supervision\u00BB.\n"
      "17. From the point of view.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"14", "15", "16", "17"}));
  expect_passage(segmented, "15", PassageKind::kParagraph, "Thus the values.", "");
  expect_passage(segmented, "16", PassageKind::kParagraph,
                 "According to Article 20: \u00AB1. Each treaty\u2026 3. The President. 5. General "
                 "supervision\u00BB.",
                 "");
}

TEST(MainSequenceTest, BulletsStayInsideTheirParagraph) {
  const SegmentedText segmented = segment(
      "4. Intro.\n\n5. The reasons for this are as follows:\n\n"
      "- the courts indicate the advisory nature;\n\n"
      "- the Ministry claims otherwise;\n"
      "- the courts consider it legitimate.\n\n"
      "6. Moreover, it turned out.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"4", "5", "6"}));
  expect_passage(
      segmented, "5", PassageKind::kParagraph,
      "The reasons for this are as follows: - the courts indicate the advisory nature; - "
      "the Ministry claims otherwise; - the courts consider it legitimate.",
      "");
}

TEST(MainSequenceTest, SkippedNumberKeepsTheRestOfTheSequence) {
  std::string text;
  for (int n : {97, 98, 99, 101, 102, 103}) {
    text += std::to_string(n) + ". Paragraph " + std::to_string(n) + ".\n\n";
  }
  const SegmentedText segmented = segment(text);
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"97", "98", "99", "101", "102", "103"}));
}

TEST(MainSequenceTest, RepeatedNumberStaysUnderThePrintedLabel) {
  const SegmentedText segmented =
      segment("1. One.\n\n2. Two.\n\n3. Three first.\n\n3. Three again.\n\n4. Four.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"1", "2", "3", "4"}));
  expect_passage(segmented, "3", PassageKind::kParagraph, "Three first. 3. Three again.", "");
}

TEST(MainSequenceTest, TooFewNumbersMeanAnUnnumberedDocument) {
  const SegmentedText segmented = segment("1. First point.\n\n2. Second point.\n\nClosing text.\n");
  EXPECT_FALSE(segmented.numbered);
  EXPECT_EQ(all_labels(segmented), (std::vector<std::string>{"[1]", "[2]", "[3]"}));
}

// A paragraph sequence starting at `first`, `count` paragraphs long.
std::string numbered_from(int first, int count) {
  std::string text;
  for (int n = first; n < first + count; ++n)
    text += std::to_string(n) + ". Paragraph " + std::to_string(n) + ".\n\n";
  return text;
}

TEST(MainSequenceTest, ParagraphNumbersAbove9999AreParagraphs) {
  const SegmentedText segmented = segment(numbered_from(9998, 4));
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"9998", "9999", "10000", "10001"}));
  expect_passage(segmented, "10000", PassageKind::kParagraph, "Paragraph 10000.", "");
}

TEST(MainSequenceTest, ParagraphNumberLimitAtNAndNPlusOne) {
  const SegmentedText segmented = segment(numbered_from(kMaxParagraphNumber - 2, 4));
  const std::string n = std::to_string(kMaxParagraphNumber);
  const std::string n_plus_1 = std::to_string(kMaxParagraphNumber + 1);
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{std::to_string(kMaxParagraphNumber - 2),
                                      std::to_string(kMaxParagraphNumber - 1), n}));
  expect_passage(segmented, n, PassageKind::kParagraph,
                 "Paragraph " + n + ". " + n_plus_1 + ". Paragraph " + n_plus_1 + ".", "");
}

// --- line joins ----------------------------------------------------------------------------------

TEST(LineJoinTest, LinesBrokenWhereAFootnoteMarkWasRemovedAreJoined) {
  const SegmentedText segmented = segment(
      "1. The number of emigrants increased to 32,200 thousand\n"
      " again.\n\n"
      "2. According to the preliminary results of the census\n"
      ", the share of Kazakhs increased.\n\n"
      "3. Members of the Supreme Judicial Council\n"
      ".\n\n"
      "4. Separatist sentiments arise therein,\u201D\n"
      "meaning the Uyghur area.\n");
  expect_passage(segmented, "1", PassageKind::kParagraph,
                 "The number of emigrants increased to 32,200 thousand again.", "");
  expect_passage(segmented, "2", PassageKind::kParagraph,
                 "According to the preliminary results of the census, the share of Kazakhs "
                 "increased.",
                 "");
  expect_passage(segmented, "3", PassageKind::kParagraph,
                 "Members of the Supreme Judicial Council.", "");
  expect_passage(segmented, "4", PassageKind::kParagraph,
                 "Separatist sentiments arise therein,\u201D meaning the Uyghur area.", "");
  EXPECT_EQ(segmented.footnote_sites, 4U);
}

TEST(LineJoinTest, OrdinaryWrappedLinesAreJoinedWithoutCountingAFootnoteSite) {
  const SegmentedText segmented = segment(
      "1. One.\n\n2. A sentence that ends.\nAnother sentence on the next line.\n\n3. Three.\n");
  expect_passage(segmented, "2", PassageKind::kParagraph,
                 "A sentence that ends. Another sentence on the next line.", "");
  EXPECT_EQ(segmented.footnote_sites, 0U);
}

// --- sub-paragraphs ------------------------------------------------------------------------------

TEST(SubParagraphTest, ParenthesisedLettersInConcludingObservationsLayout) {
  const SegmentedText segmented = segment(
      "16. The Committee is concerned.\n\n"
      "17. The Committee recommends that the State party:\n\n"
      "(a) Adopt a comprehensive anti-discrimination law;\n\n"
      "(b) Ensure effective remedies, including:\n\n"
      "(i) compensation;\n\n"
      "(ii) rehabilitation;\n\n"
      "(c) Report on progress.\n\n"
      "18. Next paragraph.\n\n"
      "(a) Its own first sub-paragraph.\n");
  expect_passage(segmented, "17", PassageKind::kParagraph,
                 "The Committee recommends that the State party:", "");
  expect_passage(segmented, "17 (a)", PassageKind::kSubParagraph,
                 "Adopt a comprehensive anti-discrimination law;", "17");
  expect_passage(segmented, "17 (b)", PassageKind::kSubParagraph,
                 "Ensure effective remedies, including: (i) compensation; (ii) rehabilitation;",
                 "17");
  expect_passage(segmented, "17 (c)", PassageKind::kSubParagraph, "Report on progress.", "17");
  expect_passage(segmented, "18 (a)", PassageKind::kSubParagraph, "Its own first sub-paragraph.",
                 "18");
  EXPECT_EQ(find(segmented, "17 (i)"), nullptr);
}

TEST(SubParagraphTest, BareLetterMarkersOnAdjacentLines) {
  const SegmentedText segmented = segment(
      "34. One.\n\n"
      "35. They remain unfulfilled.\n"
      " CRPD invited the Republic of Kazakhstan \u00ABto provide information on:\n"
      "a) plans to enact legislation; \n"
      "b) the definition of discrimination\u00BB. That is, another body agreed.\n"
      "36. Article 14.\n");
  expect_passage(
      segmented, "35", PassageKind::kParagraph,
      "They remain unfulfilled. CRPD invited the Republic of Kazakhstan \u00ABto provide "
      "information on:",
      "");
  expect_passage(segmented, "35 (a)", PassageKind::kSubParagraph, "plans to enact legislation;",
                 "35");
  expect_passage(segmented, "35 (b)", PassageKind::kSubParagraph,
                 "the definition of discrimination\u00BB. That is, another body agreed.", "35");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"34", "35", "36"}));
}

TEST(SubParagraphTest, LetterInsideAWrappedSentenceIsNotASubParagraph) {
  const SegmentedText segmented = segment(
      "1. One.\n\n2. In line with article 4\n(a) of the Convention, it acts.\n\n3. Three.\n"
      "(b) A stray letter out of sequence.\n");
  EXPECT_TRUE(labels_of_kind(segmented, PassageKind::kSubParagraph).empty());
  expect_passage(segmented, "2", PassageKind::kParagraph,
                 "In line with article 4 (a) of the Convention, it acts.", "");
}

// --- recommendations -----------------------------------------------------------------------------

TEST(RecommendationTest, SingleUnnumberedBlock) {
  const SegmentedText segmented = segment(
      "5. Five.\n\n6. In 2013 the reports were late.\n\n"
      "\tRECOMMENDATION:\n\n"
      "To ensure that regular periodic reports are submitted\n"
      "on time and without delay.\n\n\n"
      "7. Seven.\n");
  expect_passage(segmented, "6, recommendation", PassageKind::kRecommendation,
                 "To ensure that regular periodic reports are submitted on time and without delay.",
                 "6");
  expect_passage(segmented, "6", PassageKind::kParagraph, "In 2013 the reports were late.", "");
  expect_passage(segmented, "7", PassageKind::kParagraph, "Seven.", "");
}

TEST(RecommendationTest, NumberedItems) {
  const SegmentedText segmented = segment(
      "31. One.\n\n32. Despite the fact.\n\n"
      "\tRECOMMENDATIONS:\n\n"
      "1. To enshrine in the legislation the obligations.\n\n"
      "2. To enshrine the binding force.\n"
      "3. To amend the criminal procedure\n"
      "legislation.\n\n\n"
      "33. In terms of promotion.\n");
  expect_passage(segmented, "32, recommendation 1", PassageKind::kRecommendation,
                 "To enshrine in the legislation the obligations.", "32");
  expect_passage(segmented, "32, recommendation 2", PassageKind::kRecommendation,
                 "To enshrine the binding force.", "32");
  expect_passage(segmented, "32, recommendation 3", PassageKind::kRecommendation,
                 "To amend the criminal procedure legislation.", "32");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"31", "32", "33"}));
}

TEST(RecommendationTest, ListNumberedLikeTheNextParagraphDoesNotStealIt) {
  const SegmentedText segmented = segment(
      "1. One.\n\n2. Two.\n\nRECOMMENDATIONS:\n\n"
      "1. First.\n\n2. Second.\n\n3. Third.\n\n\n"
      "3. Three.\n\n4. Four.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"1", "2", "3", "4"}));
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kRecommendation),
            (std::vector<std::string>{"2, recommendation 1", "2, recommendation 2",
                                      "2, recommendation 3"}));
  expect_passage(segmented, "3", PassageKind::kParagraph, "Three.", "");
}

TEST(RecommendationTest, SeveralUnnumberedBlocksGetBracketedOrdinals) {
  const SegmentedText segmented = segment(
      "1. One.\n\n2. Two.\n\n3. Three.\n\n\tRECOMMENDATIONS:\n\n"
      "First recommendation text.\n\n"
      "Second recommendation text.\n\n"
      "Third recommendation text.\n\n\n"
      "4. Four.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kRecommendation),
            (std::vector<std::string>{"3, recommendation [1]", "3, recommendation [2]",
                                      "3, recommendation [3]"}));
  expect_passage(segmented, "3, recommendation [2]", PassageKind::kRecommendation,
                 "Second recommendation text.", "3");
}

TEST(RecommendationTest, HeadingAfterTheBlockEndsIt) {
  const SegmentedText segmented = segment(
      "1. One.\n\n2. Two.\n\n3. Three.\n\n\tRECOMMENDATION:\n\nDo this.\n\n\n"
      " Recommendations on emigration issues \n\n"
      "4. Four.\n");
  expect_passage(segmented, "3, recommendation", PassageKind::kRecommendation, "Do this.", "3");
  const Passage* four = find(segmented, "4");
  ASSERT_NE(four, nullptr);
  EXPECT_EQ(four->section_path, (Path{"Recommendations on emigration issues"}));
}

// --- tables --------------------------------------------------------------------------------------

const char kThreeColumnTable[] =
    "\tRecommendations of the CERD upon the initial reports (2004)\n"
    "\tRecommendations of the CERD upon the fourth reports (2010)\n"
    "\n"
    "\tSpecific domestic law would be a useful tool. (Para. 8)\n"
    "Adopt legislation to implement article 4 (a). (Para. 9)\n"
    "\tProvide in its next periodic report information on\n"
    "the measures taken to this end. (Para. 12)\n"
    "\t\n"
    "\t\n"
    "\tTake special measures to ensure that migrant workers\n"
    "\n"
    "enjoy equal access to education. (Para. 16)\n";

TEST(TableTest, CellsAndItemsBecomeNumberedEntriesOfThePrecedingParagraph) {
  const std::string text = std::string("30. Thirty.\n\n31. Thirty-one.\n\n32. Thirty-two.\n\n") +
                           "Recommendations on adoption of legislation\n\n" + kThreeColumnTable +
                           "\n\n33. In terms of promotion.\n";
  const SegmentedText segmented = segment(text);
  EXPECT_EQ(
      labels_of_kind(segmented, PassageKind::kTable),
      (std::vector<std::string>{"32, table entry 1", "32, table entry 2", "32, table entry 3",
                                "32, table entry 4", "32, table entry 5", "32, table entry 6"}));
  expect_passage(segmented, "32, table entry 1", PassageKind::kTable,
                 "Recommendations of the CERD upon the initial reports (2004)", "32");
  expect_passage(segmented, "32, table entry 3", PassageKind::kTable,
                 "Specific domestic law would be a useful tool. (Para. 8)", "32");
  expect_passage(segmented, "32, table entry 4", PassageKind::kTable,
                 "Adopt legislation to implement article 4 (a). (Para. 9)", "32");
  expect_passage(segmented, "32, table entry 5", PassageKind::kTable,
                 "Provide in its next periodic report information on the measures taken to this "
                 "end. (Para. 12)",
                 "32");
  expect_passage(segmented, "32, table entry 6", PassageKind::kTable,
                 "Take special measures to ensure that migrant workers enjoy equal access to "
                 "education. (Para. 16)",
                 "32");
  const Passage* entry = find(segmented, "32, table entry 1");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->section_path, (Path{"Recommendations on adoption of legislation"}));
  expect_passage(segmented, "33", PassageKind::kParagraph, "In terms of promotion.", "");
  expect_passage(segmented, "32", PassageKind::kParagraph, "Thirty-two.", "");
}

TEST(TableTest, ShortDataCellsFormRowsAndEmptyCellsAreDropped) {
  const SegmentedText segmented = segment(
      "61. One.\n\n62. Two.\n\n63. Below is a comparative table.\n\n"
      "\t\n\t1999\n\t2009\n\n\t2017\n\n\n"
      "\tRussians\n\t29.9 %\n\t23.7 %\n\n"
      "\tOther ethnic groups\n\t5.1 %\n\t4.5 %\n\n\n"
      "64. In September 2021.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kTable),
            (std::vector<std::string>{"63, table entry 1", "63, table entry 2", "63, table entry 3",
                                      "63, table entry 4"}));
  expect_passage(segmented, "63, table entry 1", PassageKind::kTable, "1999 2009", "63");
  expect_passage(segmented, "63, table entry 2", PassageKind::kTable, "2017", "63");
  expect_passage(segmented, "63, table entry 3", PassageKind::kTable, "Russians 29.9 % 23.7 %",
                 "63");
  expect_passage(segmented, "63, table entry 4", PassageKind::kTable,
                 "Other ethnic groups 5.1 % 4.5 %", "63");
}

TEST(TableTest, EntryNumbersContinueAcrossTablesOfTheSameParagraph) {
  const std::string table =
      "\tFirst cell of a table with long text. (Para. 1)\n"
      "\tSecond cell of a table with long text. (Para. 2)\n";
  const SegmentedText segmented = segment("1. One.\n\n2. Two.\n\n3. Three.\n\nHeading one\n\n" +
                                          table + "\n\nHeading two\n\n" + table + "\n\n4. Four.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kTable),
            (std::vector<std::string>{"3, table entry 1", "3, table entry 2", "3, table entry 3",
                                      "3, table entry 4"}));
  const Passage* third = find(segmented, "3, table entry 3");
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(third->section_path, (Path{"Heading two"}));
}

TEST(TableTest, TableBeforeTheFirstParagraphHasNoParagraphPrefix) {
  const SegmentedText segmented = segment(
      "\tRecommendations of the CERD upon the initial reports (2004)\n"
      "\tInclude information in its next periodic report on emigration. (Para. 10)\n\n\n"
      "1. One.\n\n2. Two.\n\n3. Three.\n");
  expect_passage(segmented, "table entry 1", PassageKind::kTable,
                 "Recommendations of the CERD upon the initial reports (2004)", "");
  expect_passage(segmented, "table entry 2", PassageKind::kTable,
                 "Include information in its next periodic report on emigration. (Para. 10)", "");
}

TEST(TableTest, ASingleIndentedLineIsNotATable) {
  const SegmentedText segmented =
      segment("1. One.\n\n2. Two.\n\n\tAn indented continuation of paragraph two.\n\n3. Three.\n");
  EXPECT_TRUE(labels_of_kind(segmented, PassageKind::kTable).empty());
  expect_passage(segmented, "2", PassageKind::kParagraph,
                 "Two. An indented continuation of paragraph two.", "");
}

// --- footnotes -----------------------------------------------------------------------------------

const char kBodyWithTwoSites[] =
    "1. The Kazakhstan report was published by the Bureau\n"
    " in October 2021.\n\n"
    "2. According to the preliminary results of the census\n"
    ", the share increased.\n\n"
    "3. No footnote here.\n\n\n";

TEST(FootnoteTest, FootnotesAreLinkedWhenEverySiteIsAccountedFor) {
  const std::string text = std::string(kBodyWithTwoSites) +
                           "\uFFFD See the Bureau report.\n\n\n"
                           "\uFFFD \uFFFD HYPERLINK \"https://stat.gov.kz/census\" "
                           "\uFFFDhttps://stat.gov.kz/census\uFFFD\n\n";
  const SegmentedText segmented = segment(text);
  EXPECT_EQ(segmented.footnote_sites, 2U);
  EXPECT_EQ(segmented.footnotes_linked, 2U);
  expect_passage(segmented, "footnote 1", PassageKind::kFootnote, "See the Bureau report.", "1");
  expect_passage(segmented, "footnote 2", PassageKind::kFootnote, "https://stat.gov.kz/census",
                 "2");
  EXPECT_EQ(at(segmented, "1").footnotes, (std::vector<std::string>{"footnote 1"}));
  EXPECT_EQ(at(segmented, "2").footnotes, (std::vector<std::string>{"footnote 2"}));
  EXPECT_TRUE(at(segmented, "3").footnotes.empty());
  EXPECT_EQ(segmented.passages.back().label, "footnote 2");
}

// Three footnotes, two sites, and no word in common: the third mark left no trace, and nothing
// says which footnote that was (the first could stand on a title, the second at the end of
// paragraph 1, the third at the end of paragraph 2 or 3). Nothing is linked.
TEST(FootnoteTest, NothingIsLinkedWhenNothingSaysWhichMarkLeftNoSite) {
  const std::string text = std::string(kBodyWithTwoSites) +
                           "\uFFFD First note.\n\n\uFFFD Second note.\n\n\uFFFD Third note\n"
                           "continued on a second line.\n";
  const SegmentedText segmented = segment(text);
  EXPECT_EQ(segmented.footnote_sites, 2U);
  EXPECT_EQ(segmented.footnotes_linked, 0U);
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kFootnote),
            (std::vector<std::string>{"footnote 1", "footnote 2", "footnote 3"}));
  expect_passage(segmented, "footnote 3", PassageKind::kFootnote,
                 "Third note continued on a second line.", "");
  for (const Passage& passage : segmented.passages) EXPECT_TRUE(passage.footnotes.empty());
  // The footnote bodies are not body text.
  expect_passage(segmented, "3", PassageKind::kParagraph, "No footnote here.", "");
}

// A body with two sites, one in paragraph 1 and one in paragraph 2 just after "Kordai District".
const char kBodyWithTwoPlacesForOneNote[] =
    "1. The Akim met the residents of the village\n"
    " on Monday.\n\n"
    "2. The police detained several people in the Kordai District\n"
    " after the clashes.\n\n"
    "3. Nothing else happened.\n\n\n";

TEST(FootnoteTest, WordsOfATransliteratedUrlDecideBetweenSites) {
  // "kordayskom-rayone" is Russian for "in the Kordai District".
  const SegmentedText segmented =
      segment(std::string(kBodyWithTwoPlacesForOneNote) +
              "\uFFFD https://www.zakon.kz/5006451-v-kordayskom-rayone-napali-na.html\n");
  EXPECT_EQ(segmented.footnote_sites, 2U);
  EXPECT_EQ(segmented.footnotes_linked, 1U);
  EXPECT_EQ(at(segmented, "footnote 1").parent, "2");
  EXPECT_TRUE(at(segmented, "1").footnotes.empty());
  EXPECT_EQ(at(segmented, "2").footnotes, (std::vector<std::string>{"footnote 1"}));
}

TEST(FootnoteTest, WithoutSharedWordsOneFootnoteForTwoSitesStaysUnlinked) {
  const SegmentedText segmented = segment(std::string(kBodyWithTwoPlacesForOneNote) +
                                          "\uFFFD https://rus.azattyq.org/a/30424064.html\n");
  EXPECT_EQ(segmented.footnote_sites, 2U);
  EXPECT_EQ(segmented.footnotes_linked, 0U);
  EXPECT_EQ(at(segmented, "footnote 1").parent, "");
  for (const Passage& passage : segmented.passages) EXPECT_TRUE(passage.footnotes.empty());
}

// Footnote 2's mark stood at the end of paragraph 2 and left no line break: three footnotes for
// two sites. The words of each footnote place it, the second at the end of its paragraph.
TEST(FootnoteTest, AFootnoteWithoutASiteIsPlacedByItsWords) {
  const SegmentedText segmented = segment(
      "1. Many members of the Kazakh diaspora in Mongolia\n"
      " returned in the nineties.\n\n"
      "2. The Talas District Court sentenced eleven men for the riot in May 2021.\n\n"
      "3. The villagers of Kaskabulak\n"
      " met the Akim on the next day.\n\n"
      "4. The Ministry did not comment.\n\n\n"
      "\uFFFD https://example.kz/news/diaspora-v-mongolii\n\n"
      "\uFFFD Talas District Court, judgment in the riot case, May 2021.\n\n"
      "\uFFFD https://newtimes.kz/115169-saparbaev-priekhal-v-kaskabulak\n");
  EXPECT_EQ(segmented.footnote_sites, 2U);
  EXPECT_EQ(segmented.footnotes_linked, 3U);
  EXPECT_EQ(at(segmented, "footnote 1").parent, "1");
  EXPECT_EQ(at(segmented, "footnote 2").parent, "2");
  EXPECT_EQ(at(segmented, "footnote 3").parent, "3");
  EXPECT_TRUE(at(segmented, "4").footnotes.empty());
}

// Paragraph 3 breaks a line in mid-sentence although no mark stood there: three footnotes for
// four sites. The words of each footnote place it, and paragraph 3 gets none.
TEST(FootnoteTest, ASiteWithoutAFootnoteIsLeftOver) {
  const SegmentedText segmented = segment(
      "1. Emigration rose again in 2021, according to the expert Sadovskaya\n"
      " and the statistics committee.\n\n"
      "2. The Dungan community of Masanchi\n"
      " asked the authorities for protection.\n\n"
      "3. The committee met the villagers and\n"
      " listened to their complaints.\n\n"
      "4. The police in Shornak\n"
      " detained eighty people.\n\n\n"
      "\uFFFD E. Sadovskaya, Labour emigration from Kazakhstan, 2021.\n\n"
      "\uFFFD https://rus.azattyq.org/a/kazakhstan-masanchi-karakemer-kazakh-dungan-report/"
      "30463465.html\n\n"
      "\uFFFD https://informburo.kz/novosti/80-chelovek-zaderzhali-vozle-posyolka-shornak.html\n");
  EXPECT_EQ(segmented.footnote_sites, 4U);
  EXPECT_EQ(segmented.footnotes_linked, 3U);
  EXPECT_EQ(at(segmented, "footnote 1").parent, "1");
  EXPECT_EQ(at(segmented, "footnote 2").parent, "2");
  EXPECT_EQ(at(segmented, "footnote 3").parent, "4");
  EXPECT_TRUE(at(segmented, "3").footnotes.empty());
  // A linked footnote takes its citing passage's section path (here: none).
  EXPECT_EQ(at(segmented, "footnote 3").section_path, at(segmented, "4").section_path);
}

// Words alone never link a footnote whose place is a block end unless they single it out
// clearly: one shared word is not enough.
TEST(FootnoteTest, OneSharedWordDoesNotPlaceAFootnoteAtAParagraphEnd) {
  const SegmentedText segmented = segment(
      "1. The census counted the population\n"
      " in 2021.\n\n"
      "2. The Talas court sentenced eleven men.\n\n"
      "3. The villagers of Kaskabulak\n"
      " met the Akim.\n\n\n"
      "\uFFFD https://stat.gov.kz/census\n\n"
      "\uFFFD https://example.kz/talas\n\n"
      "\uFFFD https://newtimes.kz/v-kaskabulak\n");
  EXPECT_EQ(at(segmented, "footnote 2").parent, "");
  EXPECT_TRUE(at(segmented, "2").footnotes.empty());
}

TEST(FootnoteTest, AnEmptyFootnoteKeepsItsNumberButIsNoPassage) {
  const SegmentedText segmented =
      segment("1. One.\n\n2. Two.\n\n3. Three.\n\n\uFFFD First.\n\n\uFFFD\n\n\uFFFD Third.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kFootnote),
            (std::vector<std::string>{"footnote 1", "footnote 3"}));
  expect_passage(segmented, "footnote 3", PassageKind::kFootnote, "Third.", "");
}

// --- headings ------------------------------------------------------------------------------------

TEST(HeadingTest, NumberedCapitalHeadingsAreSectionsNotParagraphs) {
  const SegmentedText segmented = segment(
      " 1. GENERAL INFORMATION\n\n"
      "General information on the submission of reports \n\n"
      "1. Pursuant to Article 9.\n"
      "2. The Republic acceded.\n\n"
      "The Republic and international obligations\n\n"
      "3. The Republic declared independence.\n\n\n"
      "2. KAZAKHSTAN\u2019S COMPLIANCE WITH THE OBLIGATIONS (ICERD)\n\n"
      "Recommendations on emigration issues\n\n"
      "4. According to E. Sadovskaya.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"1", "2", "3", "4"}));
  EXPECT_EQ(at(segmented, "1").section_path,
            (Path{"1. GENERAL INFORMATION", "General information on the submission of reports"}));
  EXPECT_EQ(at(segmented, "3").section_path,
            (Path{"1. GENERAL INFORMATION", "The Republic and international obligations"}));
  EXPECT_EQ(at(segmented, "4").section_path,
            (Path{"2. KAZAKHSTAN\u2019S COMPLIANCE WITH THE OBLIGATIONS (ICERD)",
                  "Recommendations on emigration issues"}));
}

TEST(HeadingTest, ConcludingObservationsLayout) {
  const SegmentedText segmented = segment(
      "Committee on the Elimination of Racial Discrimination\n\n"
      "Concluding observations on the combined eighth to tenth periodic reports of Kazakhstan\n\n"
      "A. Introduction\n\n"
      "1. The Committee welcomes the submission.\n\n"
      "B. Positive aspects\n\n"
      "2. The Committee welcomes the ratification.\n\n"
      "C. Concerns and recommendations\n\n"
      "Hate speech\n\n"
      "3. The Committee is concerned about:\n\n"
      "(a) The persistence of hate speech;\n\n"
      "(b) The lack of data.\n\n"
      "4.\tThe Committee recommends that the State party:\n\n"
      "\t(a)\tAdopt measures;\n\n"
      "\t(b)\tCollect data.\n\n"
      "I. Annex\n\n"
      "5. Final paragraph.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(at(segmented, "1").section_path, (Path{"A. Introduction"}));
  EXPECT_EQ(at(segmented, "3").section_path,
            (Path{"C. Concerns and recommendations", "Hate speech"}));
  EXPECT_EQ(at(segmented, "4 (b)").section_path,
            (Path{"C. Concerns and recommendations", "Hate speech"}));
  expect_passage(segmented, "4", PassageKind::kParagraph,
                 "The Committee recommends that the State party:", "");
  expect_passage(segmented, "4 (a)", PassageKind::kSubParagraph, "Adopt measures;", "4");
  expect_passage(segmented, "3 (b)", PassageKind::kSubParagraph, "The lack of data.", "3");
  EXPECT_EQ(at(segmented, "5").section_path, (Path{"I. Annex"}));
  EXPECT_TRUE(labels_of_kind(segmented, PassageKind::kTable).empty());
  EXPECT_TRUE(labels_of_kind(segmented, PassageKind::kUnnumbered).empty());
}

TEST(HeadingTest, ARunOfShortLinesIsTextNotHeadings) {
  const SegmentedText numbered = segment(
      "1. One.\n\n2. The delegation included representatives of the\n\n"
      "Ministry of Justice\n\nMinistry of Foreign Affairs\n\nSupreme Court\n\n3. Three.\n");
  expect_passage(numbered, "2", PassageKind::kParagraph,
                 "The delegation included representatives of the Ministry of Justice Ministry of "
                 "Foreign Affairs Supreme Court",
                 "");
  EXPECT_TRUE(at(numbered, "3").section_path.empty());

  const SegmentedText unnumbered =
      segment("Kazakhstan\n\nKyrgyzstan\n\nUzbekistan\n\nThe list ends here.\n");
  EXPECT_EQ(all_labels(unnumbered), (std::vector<std::string>{"[1]", "[2]", "[3]", "[4]"}));
  expect_passage(unnumbered, "[2]", PassageKind::kUnnumbered, "Kyrgyzstan", "");

  const SegmentedText titled = segment("A title\n\nA subtitle\n\nThe body text.\n");
  EXPECT_EQ(all_labels(titled), (std::vector<std::string>{"[1]"}));
  EXPECT_FALSE(at(titled, "[1]").section_path.empty());
}

TEST(HeadingTest, PreambleTextBeforeTheFirstParagraphGetsOrdinals) {
  const SegmentedText segmented = segment(
      "Distr.: General, 12 May 2022.\n\nOriginal: English.\n\n"
      "1. One.\n\n2. Two.\n\n3. Three.\n");
  expect_passage(segmented, "[1]", PassageKind::kUnnumbered, "Distr.: General, 12 May 2022.", "");
  expect_passage(segmented, "[2]", PassageKind::kUnnumbered, "Original: English.", "");
}

// --- letters and prose ---------------------------------------------------------------------------

TEST(LetterTest, BlocksGetOrdinalLabelsAndLetterPartsAreNotPassages) {
  const SegmentedText segmented = segment(
      "\n\nOFFICE OF THE HIGH COMMISSIONER \u2022 GENEVA\n"
      "www.ohchr.org \u2022 TEL: +41 22 917 9000\n\n"
      "REFERENCE: CERD/110th session/2023\n\n"
      "12 September 2023\n\n"
      "Excellency,\n\n"
      "I wish to inform you of the follow-up.\n\n"
      "Paragraph 18 (b) of the Concluding Observations\n\n"
      "The Committee welcomes the\n"
      "information provided.\n\n"
      "H.E. Mr. Yerlan Alimbayev\n"
      "Permanent Representative\n"
      "Geneva\n"
      "mission@example.ch\n\n"
      "The Committee notes the steps taken.\n\n"
      "Please accept, Excellency, the assurances of my highest consideration.\n\n"
      "Yours sincerely,\n\n\n\n"
      "Verene Shepherd\nChair\n\n"
      "Committee on the Elimination of Racial Discrimination\n");
  EXPECT_FALSE(segmented.numbered);
  EXPECT_EQ(all_labels(segmented), (std::vector<std::string>{"[1]", "[2]", "[3]", "[4]", "[5]"}));
  expect_passage(segmented, "[1]", PassageKind::kUnnumbered,
                 "I wish to inform you of the follow-up.", "");
  expect_passage(segmented, "[2]", PassageKind::kUnnumbered,
                 "The Committee welcomes the information provided.", "");
  expect_passage(segmented, "[3]", PassageKind::kUnnumbered, "The Committee notes the steps taken.",
                 "");
  expect_passage(segmented, "[5]", PassageKind::kUnnumbered,
                 "Yours sincerely, Verene Shepherd Chair Committee on the Elimination of Racial "
                 "Discrimination",
                 "");
  EXPECT_TRUE(at(segmented, "[1]").section_path.empty());
  EXPECT_EQ(at(segmented, "[2]").section_path,
            (Path{"Paragraph 18 (b) of the Concluding Observations"}));
  EXPECT_EQ(segmented.front_matter,
            (std::vector<std::string>{"OFFICE OF THE HIGH COMMISSIONER \u2022 GENEVA",
                                      "www.ohchr.org \u2022 TEL: +41 22 917 9000",
                                      "REFERENCE: CERD/110th session/2023", "12 September 2023",
                                      "Excellency,"}));
  EXPECT_EQ(segmented.address_block,
            (std::vector<std::string>{"H.E. Mr. Yerlan Alimbayev", "Permanent Representative",
                                      "Geneva", "mission@example.ch"}));
}

TEST(LetterTest, LetterheadWithoutSalutationIsStillFrontMatter) {
  const SegmentedText segmented = segment(
      "PALAIS DES NATIONS \u2022 1211 GENEVA 10\n\n3 March 2021\n\nThe Committee met.\n\n"
      "It adopted a decision.\n");
  EXPECT_EQ(segmented.front_matter,
            (std::vector<std::string>{"PALAIS DES NATIONS \u2022 1211 GENEVA 10", "3 March 2021"}));
  EXPECT_EQ(all_labels(segmented), (std::vector<std::string>{"[1]", "[2]"}));
}

TEST(ProseTest, PlainProseWithoutStructure) {
  const SegmentedText segmented =
      segment("Human rights are universal.\r\nThey apply to everyone.\r\n\r\nSecond block.");
  EXPECT_TRUE(segmented.front_matter.empty());
  expect_passage(segmented, "[1]", PassageKind::kUnnumbered,
                 "Human rights are universal. They apply to everyone.", "");
  expect_passage(segmented, "[2]", PassageKind::kUnnumbered, "Second block.", "");
}

// --- hostile input -------------------------------------------------------------------------------

TEST(RobustnessTest, EmptyAndBlankInput) {
  EXPECT_TRUE(segment("").passages.empty());
  EXPECT_TRUE(segment("\n\n \t \n\u00A0\n").passages.empty());
  EXPECT_TRUE(segment("\uFFFD").passages.empty());  // a lone footnote mark: no text to index
}

TEST(RobustnessTest, GarbageBytesAreSegmentedDeterministically) {
  std::string garbage;
  std::uint32_t state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1664525U + 1013904223U;  // a fixed LCG, so the test is reproducible
    garbage += static_cast<char>(state >> 24U);
  }
  const SegmentedText first = segment(garbage);
  const SegmentedText second = segment(garbage);
  ASSERT_EQ(first.passages.size(), second.passages.size());
  EXPECT_FALSE(first.passages.empty());
  for (std::size_t i = 0; i < first.passages.size(); ++i) {
    EXPECT_EQ(first.passages[i].label, second.passages[i].label);
    EXPECT_EQ(first.passages[i].text, second.passages[i].text);
    EXPECT_TRUE(is_valid_utf8(first.passages[i].text));
  }
}

TEST(RobustnessTest, GarbageWithStructureCharactersDoesNotCrash) {
  std::string text;
  const std::string pieces[] = {"1. ",          "\t",    "\n",    "(a) ", "RECOMMENDATIONS:",
                                "\uFFFD",       "- ",    "a) ",   "\n\n", "2. ",
                                "HYPERLINK \"", "(ii) ", "A. X",  "\xFF", "3.",
                                "\r",           "I. Y",  "Yours,"};
  std::uint32_t state = 7;
  for (int i = 0; i < 50000; ++i) {
    state = state * 1664525U + 1013904223U;
    text += pieces[(state >> 16U) % std::size(pieces)];
  }
  const SegmentedText segmented = segment(text);
  for (const Passage& passage : segmented.passages) EXPECT_TRUE(is_valid_utf8(passage.text));
}

// The text of consecutive pieces of one split passage, joined as the segmenter cut them.
std::string joined_text(const SegmentedText& segmented, std::string_view label) {
  std::string joined;
  for (const Passage& passage : segmented.passages) {
    if (passage.label != label) continue;
    if (!joined.empty()) joined += ' ';
    joined += passage.text;
  }
  return joined;
}

void expect_every_passage_within_the_cap(const SegmentedText& segmented) {
  for (const Passage& passage : segmented.passages) {
    EXPECT_LE(passage.text.size(), kMaxPassageBytes) << passage.label;
    EXPECT_FALSE(passage.text.empty()) << passage.label;
    EXPECT_TRUE(is_valid_utf8(passage.text)) << passage.label;
  }
}

TEST(RobustnessTest, OneMegabyteSingleLine) {
  std::string line;
  while (line.size() < 1024 * 1024) line += "discrimination \u00A0\uFFFD ";
  const SegmentedText segmented = segment(line);
  ASSERT_GT(segmented.passages.size(), 1U);
  for (const Passage& passage : segmented.passages) {
    EXPECT_EQ(passage.label, "[1]");
    EXPECT_EQ(passage.text.find("  "), std::string::npos);
    EXPECT_EQ(passage.text.find("\uFFFD"), std::string::npos);
  }
  expect_every_passage_within_the_cap(segmented);
  EXPECT_GT(joined_text(segmented, "[1]").size(), 512U * 1024U);
}

TEST(RobustnessTest, OneMegabyteNumberedParagraph) {
  std::string text = "1. One.\n\n2. Two.\n\n3. ";
  while (text.size() < 1024 * 1024) text += "word ";
  const SegmentedText segmented = segment(text);
  const std::vector<std::string> labels = labels_of_kind(segmented, PassageKind::kParagraph);
  ASSERT_GT(labels.size(), 3U);
  EXPECT_EQ(std::vector<std::string>(labels.begin(), labels.begin() + 3),
            (std::vector<std::string>{"1", "2", "3"}));
  for (std::size_t i = 3; i < labels.size(); ++i) EXPECT_EQ(labels[i], "3");
  expect_every_passage_within_the_cap(segmented);
}

// --- passage size cap ----------------------------------------------------------------------------

// Words of 7 letters and a space, cut to exactly `bytes` bytes (ending in a letter).
std::string words_of_size(std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += "abcdefg ";
  text.resize(bytes);
  if (text.back() == ' ') text.back() = 'x';
  return text;
}

TEST(PassageCapTest, AtTheCapOnePassageOverItTwo) {
  const SegmentedText at_cap = segment(words_of_size(kMaxPassageBytes));
  ASSERT_EQ(at_cap.passages.size(), 1U);
  EXPECT_EQ(at_cap.passages[0].text.size(), kMaxPassageBytes);

  const std::string over = words_of_size(kMaxPassageBytes + 1);
  const SegmentedText over_cap = segment(over);
  ASSERT_EQ(over_cap.passages.size(), 2U);
  EXPECT_EQ(all_labels(over_cap), (std::vector<std::string>{"[1]", "[1]"}));
  expect_every_passage_within_the_cap(over_cap);
  EXPECT_EQ(joined_text(over_cap, "[1]"), over);  // cut between words: no word is lost or split
}

TEST(PassageCapTest, AFewMegabytesWithoutBreaksKeepEveryWordInCappedPieces) {
  std::string text = "1. One.\n\n2. Two.\n\n3. ";
  std::string paragraph;
  for (int n = 0; paragraph.size() < 3 * 1024 * 1024; ++n)
    paragraph += "Sentence " + std::to_string(n) + " of the paragraph. ";
  paragraph.pop_back();
  text += paragraph + "\n\n4. Four.\n";
  const SegmentedText segmented = segment(text);
  expect_every_passage_within_the_cap(segmented);
  EXPECT_EQ(joined_text(segmented, "3"), paragraph);
  EXPECT_EQ(at(segmented, "4").text, "Four.");
  for (const Passage& passage : segmented.passages) {
    if (passage.label != "3") continue;
    EXPECT_EQ(passage.kind, PassageKind::kParagraph);
    EXPECT_EQ(passage.text.back(), '.') << "cut after a sentence";
  }
}

TEST(PassageCapTest, AWordLongerThanTheCapIsCutBetweenCharacters) {
  std::string word;
  while (word.size() < 3 * kMaxPassageBytes) word += "\u0436\u4E2D";  // 2 + 3 bytes
  const SegmentedText segmented = segment(word);
  ASSERT_GE(segmented.passages.size(), 3U);
  expect_every_passage_within_the_cap(segmented);
  std::string joined;
  for (const Passage& passage : segmented.passages) joined += passage.text;
  EXPECT_EQ(joined, word);
}

TEST(PassageCapTest, PiecesKeepTheirParagraphsSectionAndParent) {
  const SegmentedText segmented = segment(
      "1. One.\n\n2. Two:\n\n(a) " + words_of_size(kMaxPassageBytes + 100) + "\n\n3. Three.\n");
  const std::vector<std::string> subs = labels_of_kind(segmented, PassageKind::kSubParagraph);
  EXPECT_EQ(subs, (std::vector<std::string>{"2 (a)", "2 (a)"}));
  for (const Passage& passage : segmented.passages) {
    if (passage.kind != PassageKind::kSubParagraph) continue;
    EXPECT_EQ(passage.parent, "2");
  }
  expect_every_passage_within_the_cap(segmented);
}

TEST(PassageKindNameTest, NamesEveryKind) {
  EXPECT_EQ(passage_kind_name(PassageKind::kParagraph), "paragraph");
  EXPECT_EQ(passage_kind_name(PassageKind::kSubParagraph), "sub-paragraph");
  EXPECT_EQ(passage_kind_name(PassageKind::kRecommendation), "recommendation");
  EXPECT_EQ(passage_kind_name(PassageKind::kTable), "table");
  EXPECT_EQ(passage_kind_name(PassageKind::kUnnumbered), "unnumbered");
  EXPECT_EQ(passage_kind_name(PassageKind::kFootnote), "footnote");
}

}  // namespace
}  // namespace treatysearch::ingest
