// DOCX as Word shows it: the synthetic fixture for every feature (tests/fixtures/make_docx.py),
// then the real UN files: CERD/C/URY/CO/21-23 (corpus/cerd/G1700519.docx), the UPR advance
// questions saved as DOCX under a .doc name, and (when present) the shared corpus's DOCX files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "extract_test_files.h"
#include "extractors.h"
#include "segmenter.h"
#include "text.h"

namespace treatysearch::ingest {
namespace {

using test::corpus_file;
using test::fixture;

ExtractedDocument extract(const std::string& bytes) {
  ExtractedDocument document;
  std::string error;
  EXPECT_TRUE(extract_docx(bytes, ExtractLimits{}, &document, &error)) << error;
  return document;
}

struct Expected {
  BlockKind kind;
  std::string text;
  std::string label = "";
  int heading_level = 0;
};

TEST(DocxExtract, NumberingHeadingsFieldsAndTrackedChanges) {
  const ExtractedDocument document = extract(fixture("docx/numbered.docx"));
  EXPECT_EQ(document.format, "DOCX");
  using K = BlockKind;
  const std::vector<Expected> expected = {
      {K::kHeading, "Concluding observations on the report of Xyz*", "", 1},
      {K::kHeading, "A. Introduction", "", 2},
      {K::kListItem, "1. The Committee considered the report.", "1."},
      {K::kListItem, "2. The Committee welcomes:", "2."},
      {K::kListItem, "(a) The adoption of a law;", "(a)"},
      {K::kListItem, "(b) The creation of an office;", "(b)"},
      {K::kListItem, "(i) In the capital;", "(i)"},
      {K::kListItem, "(ii) In the provinces;", "(ii)"},
      {K::kListItem, "(c) The plan of action.", "(c)"},
      {K::kHeading, "B. Positive aspects", "", 2},
      // Numbering inherited through two styles (MyParaNo based on ParaNoG).
      {K::kListItem, "3. The Committee notes the census.", "3."},
      {K::kListItem, "4. Recommends that the State party:", "4."},
      {K::kListItem, "(a) Collect data;", "(a)"},                       // restarted after level 0
      {K::kParagraph, "An unnumbered paragraph in a numbered style."},  // numId 0
      {K::kHeading, "Statistics", "", 3},
      {K::kHeading, "Built-in heading", "", 2},
      {K::kParagraph, "A looped style is read without hanging."},
      {K::kListItem, "1) First item", "1)"},
      {K::kListItem, "2) Second item", "2)"},
      {K::kListItem, "2.I Item at a level that never restarts", "2.I"},
      {K::kListItem, "1) Restarted item", "1)"},
      {K::kListItem, "2) Continued item", "2)"},
      {K::kListItem, "2.II Item at the level that did not restart", "2.II"},
      {K::kListItem, "\u2022 A bullet", "\u2022"},
      {K::kListItem, "20. A paragraph restarted at twenty.", "20."},
      // A paragraph deleted whole is not numbered; an empty one is (Word shows "21." alone).
      {K::kListItem, "22. After an empty numbered paragraph.", "22."},
      // Field result "7" without its instruction "PAGE"; deleted and hidden text left out,
      // inserted text kept; tab and line break as spaces.
      {K::kParagraph, "Page 7 of the report with inserted words after a tab after a break"},
      {K::kTableCell, "Recommendation"},
      {K::kTableCell, "Position"},
      {K::kTableCell, "115.1 Ratify the Optional Protocol"},
      {K::kParagraph, "Source: A/HRC/28/15/Add.1"},
      {K::kTableCell, "Supported"},
      {K::kParagraph, "After the table."},
      // Footnotes in the order of their references: the custom mark, then 1 and 2.
      {K::kFootnote, "Adopted by the Committee at its 99th session.", "*"},
      {K::kFootnote, "See CERD/C/XYZ/CO/1, para. 4.", "1"},
      {K::kFootnote, "Second note, in two paragraphs.", "2"},
  };
  ASSERT_EQ(document.blocks.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Block& block = document.blocks[i];
    SCOPED_TRACE("block " + std::to_string(i) + ": " + block.text);
    EXPECT_EQ(block.kind, expected[i].kind);
    EXPECT_EQ(block.text, expected[i].text);
    EXPECT_EQ(block.label, expected[i].label);
    EXPECT_EQ(block.heading_level, expected[i].heading_level);
    EXPECT_EQ(block.page, 0);
  }
  // Footnote references recorded on the paragraphs that hold them.
  EXPECT_EQ(document.blocks[0].footnote_refs, std::vector<std::string>{"*"});
  EXPECT_EQ(document.blocks[3].footnote_refs, std::vector<std::string>{"1"});
  EXPECT_EQ(document.blocks[10].footnote_refs, std::vector<std::string>{"2"});
  EXPECT_TRUE(document.blocks[2].footnote_refs.empty());
  // Tables row by row: row starts, cells of a row adjacent, a cell's second paragraph adjacent,
  // two blank lines after the table.
  EXPECT_TRUE(document.blocks[27].row_start);
  EXPECT_FALSE(document.blocks[28].row_start);
  EXPECT_EQ(document.blocks[28].gap_before, 0);
  EXPECT_TRUE(document.blocks[29].row_start);
  EXPECT_EQ(document.blocks[30].gap_before, 0);
  EXPECT_FALSE(document.blocks[31].row_start);
  EXPECT_EQ(document.blocks[32].gap_before, 2);
  EXPECT_EQ(document.blocks[2].gap_before, 1);

  EXPECT_EQ(document.hints.title, "Concluding observations");
  EXPECT_EQ(document.hints.subject, "CERD/C/XYZ/CO/1");
  EXPECT_EQ(document.hints.author, "Test Author");
  EXPECT_EQ(document.hints.created, "2021-05-04");
  EXPECT_EQ(document.hints.language, "en-GB");
}

TEST(DocxExtract, NumberedFixtureSegmentsIntoCitableLabels) {
  const SegmentedText segmented = segment(extract(fixture("docx/numbered.docx")));
  std::map<std::string, std::string> by_label;
  for (const Passage& passage : segmented.passages) by_label[passage.label] = passage.text;
  EXPECT_EQ(by_label["1"], "The Committee considered the report.");
  EXPECT_EQ(by_label["2 (b)"].rfind("The creation of an office;", 0), 0u);
  EXPECT_EQ(by_label["4 (a)"].rfind("Collect data;", 0), 0u);
  EXPECT_EQ(by_label["footnote 1"], "See CERD/C/XYZ/CO/1, para. 4.");
  for (const Passage& passage : segmented.passages) {
    if (passage.label == "footnote 1") {
      EXPECT_EQ(passage.parent, "2");
    } else if (passage.label == "footnote 2") {
      EXPECT_EQ(passage.parent, "3");
    }
  }
}

TEST(DocxExtract, MainPartFoundThroughRelationshipsAndExternalTargetsIgnored) {
  // doc/main.xml with prefix x: for WordprocessingML; its footnotes at notes/fn.xml; an
  // external footnotes relationship to file:///etc/passwd comes first and is not followed.
  const ExtractedDocument document = extract(fixture("docx/relocated.docx"));
  ASSERT_EQ(document.blocks.size(), 3u);
  EXPECT_EQ(document.blocks[0].text, "Found through the relationships.");
  EXPECT_EQ(document.blocks[0].footnote_refs, std::vector<std::string>{"1"});
  // DrawingML's a:t is not Word text.
  EXPECT_EQ(document.blocks[1].text, "DrawingML text is not Word text:");
  EXPECT_EQ(document.blocks[2].kind, BlockKind::kFootnote);
  EXPECT_EQ(document.blocks[2].text, "The note of the relocated part.");
}

TEST(DocxExtract, TextLimitAtNAndNPlusOne) {
  const std::string bytes = fixture("docx/relocated.docx");
  const ExtractedDocument document = extract(bytes);
  std::size_t total = 0;
  for (const Block& block : document.blocks) total += block.text.size();
  ExtractLimits limits;
  limits.max_text_bytes = total;
  ExtractedDocument out;
  std::string error;
  EXPECT_TRUE(extract_docx(bytes, limits, &out, &error)) << error;
  limits.max_text_bytes = total - 1;
  EXPECT_FALSE(extract_docx(bytes, limits, &out, &error));
  EXPECT_EQ(error, "extracted text exceeds the limit of " + std::to_string(total - 1) + " bytes");
}

// --- CERD/C/URY/CO/21-23 -----------------------------------------------------------------------

const ExtractedDocument& uruguay() {
  static const ExtractedDocument document = extract(corpus_file("cerd/G1700519.docx"));
  return document;
}

const SegmentedText& uruguay_passages() {
  static const SegmentedText segmented = segment(uruguay());
  return segmented;
}

const Passage* find_passage(const std::string& label) {
  for (const Passage& passage : uruguay_passages().passages) {
    if (passage.label == label) return &passage;
  }
  return nullptr;
}

TEST(DocxUruguay, ParagraphLabelsAsPrinted) {
  // Paragraphs 1 to 44 and their sub-paragraphs, as printed in CERD/C/URY/CO/21-23 (the CSV of
  // the shared corpus, parsed_docx_en.csv, gives 1 to 43 with the same texts and sub-paragraph
  // letters; it drops the last paragraph, 44, "The Committee recommends that the State party
  // submit its combined twenty-fourth to twenty-sixth periodic reports ...").
  std::vector<std::string> expected;
  const std::map<int, char> last_sub = {{4, 'e'},  {6, 'd'},  {17, 'd'},
                                        {23, 'c'}, {26, 'c'}, {34, 'd'}};
  for (int number = 1; number <= 44; ++number) {
    expected.push_back(std::to_string(number));
    if (const auto found = last_sub.find(number); found != last_sub.end()) {
      for (char letter = 'a'; letter <= found->second; ++letter) {
        expected.push_back(std::to_string(number) + " (" + letter + ")");
      }
    }
  }
  std::vector<std::string> labels;
  for (const Passage& passage : uruguay_passages().passages) {
    if (passage.kind == PassageKind::kParagraph || passage.kind == PassageKind::kSubParagraph) {
      labels.push_back(passage.label);
    }
  }
  EXPECT_EQ(labels, expected);
}

TEST(DocxUruguay, ParagraphTextsUnderTheirLabels) {
  const std::vector<std::pair<std::string, std::string>> starts = {
      {"1", "The Committee on the Elimination of Racial Discrimination considered the combined"},
      {"2", "The Committee welcomes the presentation of the combined twenty-first"},
      {"4", "The Committee welcomes the State party\u2019s ratification of or accession"},
      {"4 (a)",
       "Optional Protocol to the Convention on the Rights of the Child on a communications"},
      {"4 (e)", "The International Labour Organization (ILO) Domestic Workers Convention"},
      {"6 (c)", "The presentation of the teaching guide on education and people of African"},
      {"8", "While the Committee welcomes the efforts made to include an ethno-racial variable"},
      {"12", "The Committee regrets that the State party has not implemented"},
      {"17", "Bearing in mind its general recommendation No. 32 (2009)"},
      {"17 (b)", "Ensure that the Honorary Commission against Racism, Xenophobia"},
      {"23 (b)", "Take effective measures to combat stereotypes of persons of indigenous origin"},
      {"26", "The Committee recommends that the State party:"},
      {"26 (a)", "Take into account the Committee\u2019s general recommendation No. 25 (2000)"},
      {"29", "The Committee, while welcoming the State party\u2019s refugee resettlement"},
      {"34 (d)", "Have prison registers include an ethno-racial variable"},
      {"35", "The Committee reiterates its earlier concern (CERD/C/URY/CO/16-20, para. 19)"},
      {"42", "In accordance with article 9 (1) of the Convention and rule 65"},
      {"43", "The Committee wishes to draw the attention of the State party to the particular"},
      {"44", "The Committee recommends that the State party submit its combined twenty-fourth"},
  };
  for (const auto& [label, start] : starts) {
    const Passage* passage = find_passage(label);
    ASSERT_NE(passage, nullptr) << label;
    EXPECT_EQ(passage->text.rfind(start, 0), 0u) << label << ": " << passage->text;
  }
}

TEST(DocxUruguay, HeadingsFromUnStyles) {
  std::vector<std::pair<int, std::string>> headings;
  for (const Block& block : uruguay().blocks) {
    if (block.kind == BlockKind::kHeading) headings.emplace_back(block.heading_level, block.text);
  }
  ASSERT_GE(headings.size(), 10u);
  EXPECT_EQ(headings[0].first, 1);  // HChG
  EXPECT_EQ(headings[0].second.rfind("Concluding observations on the combined twenty-first", 0),
            0u);
  EXPECT_EQ(headings[1], std::make_pair(2, std::string("A. Introduction")));  // H1G
  EXPECT_EQ(headings[2], std::make_pair(2, std::string("B. Positive aspects")));
  EXPECT_EQ(headings[3], std::make_pair(2, std::string("C. Concerns and recommendations")));
  EXPECT_EQ(headings[4], std::make_pair(3, std::string("Statistical information")));  // H23G
  EXPECT_EQ(headings.back(), std::make_pair(3, std::string("Preparation of the next report")));
  const Passage* paragraph_10 = find_passage("10");
  ASSERT_NE(paragraph_10, nullptr);
  ASSERT_FALSE(paragraph_10->section_path.empty());
  EXPECT_EQ(paragraph_10->section_path.back(), "Legislative measures");
}

TEST(DocxUruguay, FootnoteLinkedToTheTitle) {
  const ExtractedDocument& document = uruguay();
  std::vector<const Block*> footnotes;
  for (const Block& block : document.blocks) {
    if (block.kind == BlockKind::kFootnote) footnotes.push_back(&block);
  }
  // One footnote, with Word's custom mark "*"; the separators of footnotes.xml are not notes.
  ASSERT_EQ(footnotes.size(), 1u);
  EXPECT_EQ(footnotes[0], &document.blocks.back());
  EXPECT_EQ(footnotes[0]->label, "*");
  EXPECT_EQ(footnotes[0]->text,
            "Adopted by the Committee at its ninety-first session (21 November-9 December 2016).");
  const auto title = std::find_if(document.blocks.begin(), document.blocks.end(),
                                  [](const Block& block) { return block.heading_level == 1; });
  ASSERT_NE(title, document.blocks.end());
  EXPECT_EQ(title->footnote_refs, std::vector<std::string>{"*"});
  EXPECT_EQ(title->text.back(), '*');  // the mark as the reader sees it
}

TEST(DocxUruguay, FirstPageAndCoreProperties) {
  const ExtractedDocument& document = uruguay();
  EXPECT_EQ(document.hints.subject, "CERD/C/URY/CO/21-23");
  EXPECT_EQ(document.hints.created, "2017-03-28");
  EXPECT_EQ(document.hints.author, "Anni Vi TIROL");
  // The cover page is a table: symbol, distribution, date and languages as cells in reading
  // order.
  std::vector<std::string> first;
  for (std::size_t i = 0; i < 8 && i < document.blocks.size(); ++i) {
    first.push_back(document.blocks[i].text);
  }
  const std::vector<std::string> expected = {
      "United Nations",
      "CERD/C/URY/CO/21-23",
      "International Convention on the Elimination of All Forms of Racial Discrimination",
      "Distr.: General",
      "12 January 2017",
      "English",
      "Original: Spanish",
      "Committee on the Elimination of Racial Discrimination"};
  EXPECT_EQ(first, expected);
  EXPECT_EQ(document.blocks[0].kind, BlockKind::kTableCell);
  EXPECT_TRUE(document.blocks[0].row_start);
  EXPECT_EQ(document.blocks[7].gap_before, 2);  // after the cover table
}

TEST(DocxUruguay, MatchesTheSharedCsvWhenPresent) {
  const auto csv =
      test::read_bytes(test::shared_corpus("cerd-uruguay-co-en-es/parsed_docx_en.csv"));
  if (!csv) GTEST_SKIP() << "../shared/corpus is not present";
  int compared = 0;
  for (const std::string_view line : core::split_lines(*csv)) {
    // index#topheader#superheader#header#subheader#text; text "N.\t..." with "(a)\t" items.
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (int i = 0; i < 5; ++i) {
      const std::size_t hash = line.find('#', start);
      if (hash == std::string_view::npos) break;
      fields.push_back(line.substr(start, hash - start));
      start = hash + 1;
    }
    if (fields.size() < 5) continue;
    const std::string_view text = line.substr(start);
    const std::size_t tab = text.find(".\t");
    if (tab == std::string_view::npos || tab > 3) continue;
    const std::string number(text.substr(0, tab));
    std::string body = core::collapse_whitespace(text.substr(tab + 2));
    body = body.substr(0, std::min<std::size_t>(body.find(" (a) "), 60));
    const Passage* passage = find_passage(number);
    ASSERT_NE(passage, nullptr) << number;
    EXPECT_EQ(core::collapse_whitespace(passage->text).rfind(body, 0), 0u)
        << number << ": CSV '" << body << "' vs '" << passage->text << "'";
    ++compared;
  }
  EXPECT_EQ(compared, 43);
}

// --- UPR advance questions: a DOCX named .doc, bullets from a paragraph style -------------------

TEST(DocxUpr, AdvanceQuestionsSavedUnderADocName) {
  const ExtractedDocument document =
      extract(corpus_file("upr-slovenia/AdvancedQuestionsSlovenia.doc"));
  ASSERT_FALSE(document.blocks.empty());
  EXPECT_EQ(document.blocks[0].text, "ADVANCE QUESTIONS TO SLOVENIA");
  std::vector<std::string> countries;
  int bullets = 0;
  for (const Block& block : document.blocks) {
    if (block.kind == BlockKind::kListItem) {
      EXPECT_EQ(block.label, "\u2022");
      EXPECT_EQ(block.text.rfind("\u2022 ", 0), 0u);
      ++bullets;
    } else if (block.kind == BlockKind::kParagraph && block.text.size() < 40) {
      countries.push_back(block.text);
    }
  }
  // Belgium's first five questions take their bullets from the paragraph style "UPR" (whose
  // w:numPr is in styles.xml, not in the paragraph).
  EXPECT_EQ(
      document.blocks[2].text.rfind("\u2022 What is the state of play of the ratification", 0), 0u);
  const std::vector<std::string> first_countries = {"BELGIUM", "GERMANY", "NETHERLANDS", "NORWAY"};
  ASSERT_GE(countries.size(), 5u);
  EXPECT_EQ(std::vector<std::string>(countries.begin() + 1, countries.begin() + 5),
            first_countries);
  EXPECT_GE(bullets, 15);
}

TEST(DocxShared, EveryDocxOfTheUprFolderReads) {
  const std::filesystem::path folder = test::shared_corpus("upr-slovenia-un-docs/original");
  if (!std::filesystem::is_directory(folder)) GTEST_SKIP() << "../shared/corpus is not present";
  int read = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const auto bytes = test::read_bytes(entry.path());
    ASSERT_TRUE(bytes.has_value());
    if (bytes->rfind("PK\x03\x04", 0) != 0) continue;  // PDFs and Word 97 files
    ExtractedDocument document;
    std::string error;
    EXPECT_TRUE(extract_docx(*bytes, ExtractLimits{}, &document, &error))
        << entry.path() << ": " << error;
    EXPECT_GT(document.blocks.size(), 2u) << entry.path();
    ++read;
  }
  EXPECT_EQ(read, 8);
}

}  // namespace
}  // namespace treatysearch::ingest
