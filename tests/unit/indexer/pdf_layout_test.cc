// The PDF layout steps on words made up here: lines from text boxes, reference marks, labels,
// two columns, furniture, footnotes, paragraphs, hyphenation, right-to-left lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pdf_arabic.h"
#include "pdf_footnotes.h"
#include "pdf_furniture.h"
#include "pdf_layout.h"
#include "pdf_paragraphs.h"

namespace treatysearch::ingest::pdf {
namespace {

constexpr double kPageWidth = 595, kPageHeight = 842;

// Words of one printed line: each word 6 points a character, a space of 3 between them, set
// in `size` (a box of height `size`) with its top at `top`.
void add_line(std::vector<Word>* words, double left, double top, const std::string& text,
              double size = 9) {
  double x = left;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      Word word;
      word.text = text.substr(start, end - start);
      word.x0 = x;
      word.x1 = x + 6.0 * static_cast<double>(word.text.size());
      word.y0 = top;
      word.y1 = top + size;
      word.font_size = size;
      word.space_after = end < text.size();
      x = word.x1 + 3;
      words->push_back(word);
    }
    start = end + 1;
  }
}

Word make_word(const std::string& text, double x0, double y0, double x1, double y1) {
  Word word;
  word.text = text;
  word.x0 = x0;
  word.y0 = y0;
  word.x1 = x1;
  word.y1 = y1;
  word.font_size = y1 - y0;
  return word;
}

TEST(PdfLayout, NumberInItsOwnBoxJoinsItsLineAndSuperscriptsBecomeReferences) {
  std::vector<Word> words;
  // poppler gives the number as a box of its own, listed after the text.
  add_line(&words, 141, 100, "The Committee considered the report of Brazil,");
  words.push_back(make_word("12.", 113, 100, 126, 109));
  // A raised, smaller "1" right after "Brazil,": a footnote reference mark.
  const double after = words[words.size() - 2].x1;
  words.push_back(make_word("1", after, 99.5, after + 3, 104.9));
  add_line(&words, 113, 112, "submitted in one document.");
  const std::vector<Line> lines = lines_from_words(words, kPageWidth);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "12. The Committee considered the report of Brazil,");
  EXPECT_EQ(lines[0].lead, "12.");
  EXPECT_TRUE(lines[0].lead_gap);
  EXPECT_DOUBLE_EQ(lines[0].text_x0, 141);
  ASSERT_EQ(lines[0].refs.size(), 1u);
  EXPECT_EQ(lines[0].refs[0], "1");
  EXPECT_EQ(lines[1].text, "submitted in one document.");
  EXPECT_TRUE(lines[1].refs.empty());
}

// The first page of CRPD/C/NOR/CO/1 as poppler gives it: the Convention's name set large on
// the left spans two lines of the small top-right block; those stay two lines.
TEST(PdfLayout, ALargeLineBesideTwoSmallOnesDoesNotJoinThem) {
  std::vector<Word> words;
  words.push_back(make_word("des", 120.5, 85.8, 144.2, 101.2));
  words.push_back(make_word("personnes", 148.4, 85.8, 221.2, 101.2));
  words.push_back(make_word("handicapées", 225.5, 85.8, 314.2, 101.2));
  words.push_back(make_word("7", 396.9, 84.0, 401.9, 93.0));
  words.push_back(make_word("mai", 404.5, 84.0, 419.2, 93.0));
  words.push_back(make_word("2019", 421.7, 84.0, 441.8, 93.0));
  words.push_back(make_word("Français", 396.9, 96.1, 430.7, 105.0));
  const std::vector<Line> lines = lines_from_words(words, kPageWidth);
  std::vector<std::string> texts;
  for (const Line& line : lines) texts.push_back(line.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"des personnes handicapées", "7 mai 2019", "Français"}));
}

TEST(PdfLayout, AWideSpaceOfAJustifiedLineIsNoTab) {
  // Every space of this line is 6 points wide (justified), the one after "(2009)" too.
  std::vector<Word> words;
  double x = 113;
  for (const char* text : {"(2009)", "on", "the", "meaning", "and", "scope", "of", "special"}) {
    Word word = make_word(text, x, 100, x + 6.0 * std::string(text).size(), 109);
    x = word.x1 + 6;
    words.push_back(word);
  }
  const std::vector<Line> lines = lines_from_words(words, kPageWidth);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].lead, "(2009)");
  EXPECT_FALSE(lines[0].lead_gap);
}

TEST(PdfPages, ABulletItemsNextLineAlignsWithTheTextAfterTheBullet) {
  std::vector<Word> words;
  words.push_back(make_word("\xE2\x80\xA2", 141, 100, 145, 109));
  add_line(&words, 170, 100, "Economic empowerment: this theme involves putting in place the");
  add_line(&words, 170, 112, "measures that enable persons with disabilities to work.");
  add_line(&words, 113, 130, "Next paragraph of running text.");
  PageLayout page;
  page.number = 1;
  page.width = kPageWidth;
  page.height = kPageHeight;
  page.lines = lines_from_words(words, kPageWidth);
  const std::vector<Block> blocks = paragraph_blocks({page}, 9.0);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].text,
            "\xE2\x80\xA2 Economic empowerment: this theme involves putting in place the measures "
            "that enable persons with disabilities to work.");
}

TEST(PdfLayout, ANumberOnTheBaselineIsText) {
  std::vector<Word> words;
  add_line(&words, 113, 100, "held on 16 and 17 November 2022");
  const std::vector<Line> lines = lines_from_words(words, kPageWidth);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "held on 16 and 17 November 2022");
  EXPECT_TRUE(lines[0].refs.empty());
}

TEST(PdfLayout, TwoColumnsAreReadOneAfterTheOther) {
  std::vector<Word> words;
  add_line(&words, 60, 60, "A heading across the whole width of the page here", 12);
  for (int row = 0; row < 10; ++row) {
    const double top = 100 + 12 * row;
    add_line(&words, 60, top, "left" + std::to_string(row) + " alpha beta gamma delta");
    add_line(&words, 320, top, "right" + std::to_string(row) + " alpha beta gamma delta");
  }
  const std::vector<Line> lines = lines_from_words(words, kPageWidth);
  ASSERT_EQ(lines.size(), 21u);
  EXPECT_EQ(lines[0].text.substr(0, 9), "A heading");
  for (int row = 0; row < 10; ++row) {
    EXPECT_EQ(lines[1 + row].text.substr(0, 5), "left" + std::to_string(row));
    EXPECT_EQ(lines[11 + row].text.substr(0, 6), "right" + std::to_string(row));
    EXPECT_EQ(lines[11 + row].column, 1);
  }
}

TEST(PdfLayout, ATableOfFiguresIsReadRowByRow) {
  std::vector<Word> words;
  for (int row = 0; row < 12; ++row) {
    const double top = 100 + 12 * row;
    add_line(&words, 60, top, "Province" + std::to_string(row) + " 716 076 2.8");
    add_line(&words, 330, top, "355 765 2.8 360 310");
  }
  const std::vector<Line> lines = lines_from_words(words, kPageWidth);
  ASSERT_EQ(lines.size(), 24u);  // each row in two pieces (a wide gap), in row order
  for (int row = 0; row < 12; ++row) {
    EXPECT_EQ(lines[2 * row].text, "Province" + std::to_string(row) + " 716 076 2.8");
    EXPECT_EQ(lines[2 * row + 1].text, "355 765 2.8 360 310");
    EXPECT_EQ(lines[2 * row + 1].column, 0);
  }
}

TEST(PdfLayout, OneColumnWithAWideGapIsNotTwoColumns) {
  std::vector<Word> words;
  for (int row = 0; row < 10; ++row) {
    add_line(&words, 60, 100 + 12 * row,
             "a line of running text that crosses the middle of the page " + std::to_string(row));
  }
  const std::vector<Line> lines = lines_from_words(words, kPageWidth);
  ASSERT_EQ(lines.size(), 10u);
  for (const Line& line : lines) EXPECT_EQ(line.column, 0);
}

TEST(PdfLayout, LabelTokens) {
  for (const char* label :
       {"12.", "(a)", "b)", "(iv)", "6.4", "5-", "*", "**", "1", "а)", "\xD9\xA1\xD9\xA1-"}) {
    EXPECT_TRUE(is_label_token(label)) << label;
  }
  for (const char* word : {"The", "art.", "etc.", "of", "2022,", "(arts", "A/HRC/46/35"}) {
    EXPECT_FALSE(is_label_token(word)) << word;
  }
}

TEST(PdfArabic, VisualLineBecomesLogicalWithNumbersInTheirOrder) {
  // "5- لجنة 2019" drawn right to left: visually "2019 ةنجل -5" (words and letters reversed,
  // the number's digits in their own order).
  const std::string logical = logical_from_visual("2019 \xD8\xA9\xD9\x86\xD8\xAC\xD9\x84 -5", true);
  EXPECT_EQ(logical, "5- \xD9\x84\xD8\xAC\xD9\x86\xD8\xA9 2019");
  EXPECT_GT(rtl_balance(logical), 0);
}

TEST(PdfArabic, ReversalKeepsMarksOnTheirLetters) {
  // ب + fatha, then ت: reversed is ت, then ب + fatha.
  EXPECT_EQ(reverse_characters("\xD8\xA8\xD9\x8E\xD8\xAA"), "\xD8\xAA\xD8\xA8\xD9\x8E");
}

TEST(PdfArabic, PresentationFormsFoldToLetters) {
  // U+FEDF U+FEE0 U+FEA0 U+FEE8 U+FE94 (لجنة in presentation forms) and the lam-alef ligature
  // U+FEFB (لا).
  std::string text = "\xEF\xBB\x9F\xEF\xBB\xA0\xEF\xBA\xA0\xEF\xBB\xA8\xEF\xBA\x94 \xEF\xBB\xBB";
  fold_presentation_forms(&text);
  EXPECT_EQ(text, "\xD9\x84\xD9\x84\xD8\xAC\xD9\x86\xD8\xA9 \xD9\x84\xD8\xA7");
  std::string plain = "no forms here";
  fold_presentation_forms(&plain);
  EXPECT_EQ(plain, "no forms here");
}

TEST(PdfArabic, MixedDigitsBecomeAscii) {
  std::string text =
      "\xD9\xA1"
      "2- 20\xD9\xA1"
      "9 \xD9\xA1\xD9\xA2";
  unify_mixed_digits(&text);
  EXPECT_EQ(text, "12- 2019 \xD9\xA1\xD9\xA2");
}

TEST(PdfHyphenation, BrokenWordsJoinCompoundsKeepTheirHyphen) {
  Vocabulary vocabulary;
  vocabulary.words = {"population", "anti-racism"};
  std::string text = "of the popu-";
  append_line(&text, "lation as a whole", &vocabulary);
  EXPECT_EQ(text, "of the population as a whole");
  text = "peaceful anti-";
  append_line(&text, "racism protests", &vocabulary);
  EXPECT_EQ(text, "peaceful anti-racism protests");
  text = "the non-";
  append_line(&text, "repetition of violations", &vocabulary);
  EXPECT_EQ(text, "the non-repetition of violations");
  text = "community-";
  append_line(&text, "based services", nullptr);
  EXPECT_EQ(text, "community-based services");
  text = "the above-";
  append_line(&text, "mentioned report", nullptr);
  EXPECT_EQ(text, "the above-mentioned report");
  text = "among Afro-";
  append_line(&text, "Brazilians", nullptr);
  EXPECT_EQ(text, "among Afro-Brazilians");
  text = "the COVID-";
  append_line(&text, "19 pandemic", nullptr);
  EXPECT_EQ(text, "the COVID-19 pandemic");
  text = "an unprece-";
  append_line(&text, "dented rise", nullptr);
  EXPECT_EQ(text, "an unprecedented rise");
  text = "soft\xC2\xAD";
  append_line(&text, "ware", nullptr);
  EXPECT_EQ(text, "software");
  // Cyrillic has no list of compound parts: the hyphen stays unless the word is printed whole.
  text = "\xD0\xB4\xD0\xB5\xD0\xB2\xD0\xBE\xD1\x87\xD0\xB5\xD0\xBA-";
  append_line(&text, "\xD0\xB8\xD0\xBD\xD0\xB2\xD0\xB0\xD0\xBB\xD0\xB8\xD0\xB4\xD0\xBE\xD0\xB2",
              nullptr);
  EXPECT_EQ(text,
            "\xD0\xB4\xD0\xB5\xD0\xB2\xD0\xBE\xD1\x87\xD0\xB5\xD0\xBA-\xD0\xB8\xD0\xBD\xD0"
            "\xB2\xD0\xB0\xD0\xBB\xD0\xB8\xD0\xB4\xD0\xBE\xD0\xB2");
  text = "see https://www.ohchr.org/en/";
  append_line(&text, "documents now", nullptr);
  EXPECT_EQ(text, "see https://www.ohchr.org/en/documents now");
  text = "plain";
  append_line(&text, "words", nullptr);
  EXPECT_EQ(text, "plain words");
}

// Three pages with a running header and footer, a footnote, and a paragraph running over the
// first page break.
std::vector<PageLayout> sample_pages() {
  std::vector<PageLayout> pages;
  for (int number = 1; number <= 3; ++number) {
    std::vector<Word> words;
    if (number > 1) add_line(&words, 56, 44, "CERD/C/BRA/CO/18-20");
    double top = 100;
    const auto body = [&](const std::string& text, double left = 113) {
      add_line(&words, left, top, text);
      top += 12;
    };
    if (number == 1) {
      body("1. The Committee considered the report and the written replies of the State");
      body("party,");
      const double x = words.back().x1;
      words.push_back(make_word("1", x, 111.5, x + 3, 117));
      body("which it welcomes.");
      top += 10;
      body("2. The Committee recommends that the State party take all the measures needed");
      for (int i = 0; i < 4; ++i) {
        body("to guarantee the rights of everyone under its jurisdiction, in every region and");
      }
      add_line(&words, 105, 760, "1", 5.4);
      add_line(&words, 113, 760.5, "CERD/C/BRA/18-20.", 8);
      add_line(&words, 56, 805, "GE.22-27770(E)");
    } else {
      body("at all levels of government, without delay.");
      top += 10;
      body(std::to_string(number + 1) + ". Another numbered paragraph that is short.");
      add_line(&words, 534, 805, std::to_string(number));
    }
    PageLayout page;
    page.number = number;
    page.width = kPageWidth;
    page.height = kPageHeight;
    page.lines = lines_from_words(words, kPageWidth);
    pages.push_back(std::move(page));
  }
  return pages;
}

TEST(PdfPages, FurnitureFootnotesAndParagraphsAcrossAPageBreak) {
  std::vector<PageLayout> pages = sample_pages();
  mark_furniture(pages);
  for (const PageLayout& page : pages) {
    for (const Line& line : page.lines) {
      const bool furniture_text = line.text == "CERD/C/BRA/CO/18-20" ||
                                  line.text == "GE.22-27770(E)" || line.text == "2" ||
                                  line.text == "3";
      EXPECT_EQ(line.role == LineRole::kFurniture, furniture_text) << line.text;
    }
  }
  const double body_font = body_font_size(pages);
  EXPECT_DOUBLE_EQ(body_font, 9.0);
  mark_footnotes(pages, body_font);
  const std::vector<Block> notes = footnote_blocks(pages);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].label, "1");
  EXPECT_EQ(notes[0].text, "CERD/C/BRA/18-20.");
  EXPECT_EQ(notes[0].page, 1);

  const std::vector<Block> blocks = paragraph_blocks(pages, body_font);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].text,
            "1. The Committee considered the report and the written replies of the State party, "
            "which it welcomes.");
  EXPECT_EQ(blocks[0].footnote_refs, std::vector<std::string>{"1"});
  EXPECT_EQ(blocks[1].text.substr(0, 3), "2. ");
  EXPECT_EQ(blocks[1].page, 1);
  EXPECT_EQ(blocks[1].last_page, 2);
  EXPECT_NE(blocks[1].text.find("region and at all levels of government, without delay."),
            std::string::npos);
  EXPECT_EQ(blocks[2].text.substr(0, 3), "3. ");
  EXPECT_EQ(blocks[3].text.substr(0, 3), "4. ");
  EXPECT_EQ(blocks[3].page, 3);
}

TEST(PdfPages, AFootnoteGoesOnAtTheFootOfTheNextPage) {
  std::vector<PageLayout> pages;
  for (int number = 1; number <= 2; ++number) {
    std::vector<Word> words;
    for (int row = 0; row < 5; ++row) {
      add_line(&words, 113, 100 + 12 * row, "running text of the page set in the body size");
    }
    if (number == 1) {
      words.push_back(make_word("7", 105, 740, 108, 745.4));
      add_line(&words, 113, 740.5, "A footnote that does not end on this", 8);
    } else {
      add_line(&words, 113, 740.5, "page but on the next one.", 8);
      // Small text higher up on a page is no footnote.
      add_line(&words, 113, 300, "A small caption under a figure", 8);
    }
    PageLayout page;
    page.number = number;
    page.width = kPageWidth;
    page.height = kPageHeight;
    page.lines = lines_from_words(words, kPageWidth);
    pages.push_back(std::move(page));
  }
  mark_footnotes(pages, body_font_size(pages));
  const std::vector<Block> notes = footnote_blocks(pages);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].label, "7");
  EXPECT_EQ(notes[0].text, "A footnote that does not end on this page but on the next one.");
  EXPECT_EQ(notes[0].page, 1);
  EXPECT_EQ(notes[0].last_page, 2);
  const std::vector<Block> blocks = paragraph_blocks(pages, body_font_size(pages));
  EXPECT_TRUE(std::any_of(blocks.begin(), blocks.end(), [](const Block& block) {
    return block.text == "A small caption under a figure";
  }));
}

TEST(PdfFurniture, MarginTexts) {
  Line line;
  for (const char* text : {"3", "- 3 -", "Page 3 of 18", "GE.19-18603 (S) 061219", "*2227770*",
                           "Please recycle", "061219"}) {
    line.text = text;
    EXPECT_TRUE(is_furniture_text(line)) << text;
  }
  for (const char* text : {"CERD/C/BRA/18-20.", "2022 report", "12345"}) {
    line.text = text;
    EXPECT_FALSE(is_furniture_text(line)) << text;
  }
}

}  // namespace
}  // namespace treatysearch::ingest::pdf
