// Word-export artifact cleaning: each artifact class, idempotence, and untouched scripts.
#include "text_cleanup.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text.h"

namespace treatysearch::ingest {
namespace {

using core::is_valid_utf8;

TEST(CleanInlineTest, RemovesFootnoteReferenceMark) {
  EXPECT_EQ(clean_inline("the Supreme Judicial Council\uFFFD."), "the Supreme Judicial Council.");
  EXPECT_EQ(clean_inline("\uFFFD https://qmonitor.kz/society/3682"),
            "https://qmonitor.kz/society/3682");
  EXPECT_EQ(clean_inline("\uFFFDhttps://lenta.ru/news/2015/02/06/murder/"),
            "https://lenta.ru/news/2015/02/06/murder/");
}

TEST(CleanInlineTest, RawWordFieldCharactersAreRemoved) {
  EXPECT_EQ(clean_inline("a\x13 b\x14 c\x15"), "a b c");
}

TEST(CleanInlineTest, HyperlinkFieldKeepsTheVisibleUrlOnce) {
  // The exact shape of a footnote in the NGO commentary export.
  const std::string line =
      "\uFFFD \uFFFD HYPERLINK \"https://www.zakon.kz/5006451-v-kordayskom-rayone-napali-na.html\" "
      "\uFFFDhttps://www.zakon.kz/5006451-v-kordayskom-rayone-napali-na.html\uFFFD";
  EXPECT_EQ(clean_inline(line), "https://www.zakon.kz/5006451-v-kordayskom-rayone-napali-na.html");
}

TEST(CleanInlineTest, HyperlinkFieldKeepsDifferentVisibleText) {
  EXPECT_EQ(clean_inline("See \uFFFD HYPERLINK \"http://a.org/x\" \uFFFDthe report\uFFFD here."),
            "See the report here.");
}

TEST(CleanInlineTest, HyperlinkFieldWithoutVisibleResultIsReplacedByItsUrl) {
  EXPECT_EQ(clean_inline("see HYPERLINK \"http://a.org/x\" for details"),
            "see http://a.org/x for details");
}

TEST(CleanInlineTest, HyperlinkFieldFollowedByTheSameUrlKeepsItOnce) {
  EXPECT_EQ(clean_inline("HYPERLINK \"http://a.org/x\" http://a.org/x"), "http://a.org/x");
}

TEST(CleanInlineTest, HyperlinkSwitchArgumentsAreNotTheUrl) {
  EXPECT_EQ(
      clean_inline("HYPERLINK \"http://a.org\" \\o \"tooltip\" \\t \"_blank\" \uFFFDClick\uFFFD"),
      "Click");
  EXPECT_EQ(clean_inline("HYPERLINK \\l \"_Toc123\" \uFFFDSection 2\uFFFD"), "Section 2");
}

TEST(CleanInlineTest, ReferenceFieldCodesAreDropped) {
  EXPECT_EQ(clean_inline("Introduction PAGEREF _Toc5342 \\h 3"), "Introduction 3");
  EXPECT_EQ(clean_inline("see note NOTEREF _Ref12345 \\h \\* MERGEFORMAT 7"), "see note 7");
  EXPECT_EQ(clean_inline("TOC \\o \"1-3\" \\h \\z \\u Contents"), "Contents");
  EXPECT_EQ(clean_inline("Table SEQ Table \\* ARABIC 2"), "Table 2");
}

TEST(CleanInlineTest, CapitalisedWordsThatAreNotFieldCodesAreKept) {
  const std::vector<std::string> lines = {
      "REFERENCE: CERD/110th session/2023/FU/AKB/ks",
      "The TOC of the report and REF numbers",
      "HYPERLINK is a Word field",
      "SEQ and REF without arguments",
  };
  for (const std::string& line : lines) EXPECT_EQ(clean_inline(line), line);
}

TEST(CleanInlineTest, NonBreakingAndOtherUnicodeSpacesBecomeSpaces) {
  EXPECT_EQ(clean_inline("CCPR/C/KAZ/CO/2,\u00A0\u00A737"), "CCPR/C/KAZ/CO/2, \u00A737");
  EXPECT_EQ(clean_inline("10\u202F000\u2009tenge\u3000now"), "10 000 tenge now");
  EXPECT_EQ(clean_inline("\u00A0 \u00A0 \u00A0 "), "");
}

TEST(CleanInlineTest, TabsFromTablesBecomeSpaces) {
  EXPECT_EQ(clean_inline("\tRussians\t29.9 %"), "Russians 29.9 %");
  EXPECT_EQ(clean_inline("\t"), "");
}

TEST(CleanInlineTest, SoftHyphensAndZeroWidthCharactersAreRemoved) {
  EXPECT_EQ(clean_inline("discrimi\u00ADnation"), "discrimination");
  EXPECT_EQ(clean_inline("\uFEFFhate\u200B speech\u2060"), "hate speech");
  EXPECT_EQ(clean_inline("left\u200Eright\u200F"), "leftright");
}

TEST(CleanInlineTest, JoinersThatSpellWordsAreKept) {
  const std::string persian =
      "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";  // می‌خواهم
  EXPECT_EQ(clean_inline(persian), persian);
}

TEST(CleanInlineTest, RunsOfSpacesCollapseAndEndsAreTrimmed) {
  EXPECT_EQ(clean_inline("   (c)  The sufficient   provision  "), "(c) The sufficient provision");
  EXPECT_EQ(clean_inline("Kazakhstan. "), "Kazakhstan.");
  EXPECT_EQ(clean_inline(""), "");
}

TEST(CleanInlineTest, CarriageReturnsAndControlCharactersBecomeSpaces) {
  EXPECT_EQ(clean_inline("text\r"), "text");
  EXPECT_EQ(clean_inline("cell\x07next\x0Bline\x0C"), "cell next line");
  EXPECT_EQ(clean_inline(std::string_view("a\0b", 3)), "a b");
}

TEST(CleanInlineTest, SymbolFontBulletsBecomeABulletCharacter) {
  EXPECT_EQ(clean_inline("\uF0B7\tfirst item"), "\u2022 first item");
}

TEST(CleanInlineTest, MalformedUtf8BecomesSpacesAndTheResultIsValid) {
  EXPECT_EQ(clean_inline("a\xFF\xFE"
                         "b"),
            "a b");
  EXPECT_EQ(clean_inline("over\xC0\xAFlong"), "over long");
  EXPECT_EQ(clean_inline("surrogate\xED\xA0\x80x"), "surrogate x");
  EXPECT_EQ(clean_inline("cut\xE2\x80"), "cut");
  const std::string garbage = "\x80\x81\xC3(\xF0\x28\x8C\xBC\xF8\xA1\xA1\xA1\xA1 ok";
  EXPECT_TRUE(is_valid_utf8(clean_inline(garbage)));
}

TEST(CleanInlineTest, OtherScriptsPassThroughUntouched) {
  const std::vector<std::string> lines = {
      "Мониторинг языка вражды в социальных сетях в Казахстане",
      "No. 449-V ЗРК «On Ratification»",
      "\u0627\u0644\u0644\u062C\u0646\u0629 \u0627\u0644\u0645\u0639\u0646\u064A\u0629",  // Arabic
      "\u6D88\u9664\u79CD\u65CF\u6B67\u89C6\u59D4\u5458\u4F1A",                           // Chinese
      "Kazakhstan\u2019s \u201Cpatriots\u201D \u2013 \u00ABtied\u00BB \u2026 \u00A737-38",
      "emoji \U0001F600 and \U0001F468\u200D\U0001F469",
  };
  for (const std::string& line : lines) EXPECT_EQ(clean_inline(line), line);
}

TEST(CleanInlineTest, IsIdempotent) {
  const std::vector<std::string> samples = {
      "\uFFFD \uFFFD HYPERLINK \"https://a.kz/x\" \uFFFDhttps://a.kz/x\uFFFD",
      "see HYPERLINK \"http://a.org/x\" for details",
      "  \tRussians\t29.9\u00A0%  ",
      "discrimi\u00ADnation\u200B and\r",
      "Introduction PAGEREF _Toc5342 \\h 3",
      "a\xFF\xFE"
      "b \uF0B7 c",
      "Мониторинг \u0627\u0644\u0644\u062C\u0646\u0629 \u6D88\u9664",
  };
  for (const std::string& sample : samples) {
    const std::string once = clean_inline(sample);
    EXPECT_EQ(clean_inline(once), once) << "sample: " << sample;
  }
}

TEST(RawLineFactsTest, RecognisesTabsSpacesAndFootnoteMarks) {
  EXPECT_TRUE(starts_with_tab("\tRECOMMENDATION:"));
  EXPECT_FALSE(starts_with_tab(" \tx"));
  EXPECT_TRUE(starts_with_space(" CRPD invited"));
  EXPECT_TRUE(starts_with_space("\u00A0again"));
  EXPECT_FALSE(starts_with_space("again"));
  EXPECT_TRUE(starts_with_footnote_mark("\uFFFD https://x"));
  EXPECT_TRUE(starts_with_footnote_mark("  \uFFFD\uFFFD HYPERLINK"));
  EXPECT_FALSE(starts_with_footnote_mark("text \uFFFD"));
  EXPECT_FALSE(starts_with_footnote_mark(""));
}

}  // namespace
}  // namespace treatysearch::ingest
