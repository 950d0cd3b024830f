// Letter case as segmentation sees it: the code points hand-written case tables got wrong, and
// the decisions that depend on case in Greek and Cyrillic text (a line that continues a sentence
// in lower case, a heading that starts with a capital).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "segmenter.h"
#include "text.h"

namespace treatysearch::ingest {
namespace {

using core::is_lower_letter;
using core::is_upper_letter;

TEST(LetterCaseTest, CodePointsTheOldTablesGotWrong) {
  EXPECT_TRUE(is_lower_letter(0x0138));  // ĸ kra: lower case only
  EXPECT_FALSE(is_upper_letter(0x0138));
  EXPECT_TRUE(is_upper_letter(0x04C1));  // Ӂ: a capital
  EXPECT_FALSE(is_lower_letter(0x04C1));
  EXPECT_TRUE(is_lower_letter(0x04C2));   // ӂ
  EXPECT_FALSE(is_upper_letter(0x0482));  // ҂ thousands sign: no letter at all
  EXPECT_FALSE(is_lower_letter(0x0482));
  for (const char32_t capital : {0x0386, 0x0388, 0x0389, 0x038A, 0x038C, 0x038E, 0x038F}) {
    EXPECT_TRUE(is_upper_letter(capital)) << std::hex << static_cast<unsigned>(capital);
  }
  for (const char32_t small : {0x03AC, 0x03AD, 0x03AE, 0x03AF, 0x03CC, 0x03CD, 0x03CE}) {
    EXPECT_TRUE(is_lower_letter(small)) << std::hex << static_cast<unsigned>(small);
  }
  EXPECT_TRUE(is_upper_letter(0x0500));  // Ԁ, Cyrillic Supplement
  EXPECT_TRUE(is_lower_letter(0x0501));
}

// "έχει" starts in lower case: after a line without clause punctuation it continues the sentence
// where the export removed a footnote mark.
TEST(LetterCaseTest, GreekLineStartingWithAnAccentedSmallLetterIsARemovedMarkSite) {
  const SegmentedText segmented = segment(
      "1. Η Επιτροπή χαιρετίζει την έκθεση.\n\n"
      "2. Η Επιτροπή σημειώνει ότι ο νόμος\n"
      "έχει τροποποιηθεί.\n\n"
      "3. Η Επιτροπή συνιστά την εφαρμογή του.\n");
  ASSERT_EQ(segmented.passages.size(), 3U);
  EXPECT_EQ(segmented.passages[1].text, "Η Επιτροπή σημειώνει ότι ο νόμος έχει τροποποιηθεί.");
  EXPECT_EQ(segmented.footnote_sites, 1U);
}

// "Ӂ" is a capital: a line starting with it is an ordinary wrapped line, not a continuation in
// lower case where a footnote mark was removed.
TEST(LetterCaseTest, CyrillicLineStartingWithACapitalIsNoRemovedMarkSite) {
  const SegmentedText segmented = segment(
      "1. Комитет приветствует доклад.\n\n"
      "2. Комитет отмечает, что закон\n"
      "Ӂ принят.\n\n"
      "3. Комитет рекомендует его применять.\n");
  ASSERT_EQ(segmented.passages.size(), 3U);
  EXPECT_EQ(segmented.footnote_sites, 0U);
}

// A heading that starts with an accented Greek capital is a heading.
TEST(LetterCaseTest, GreekHeadingStartingWithAnAccentedCapitalIsASection) {
  const SegmentedText segmented = segment(
      "1. Η Επιτροπή χαιρετίζει την έκθεση.\n\n"
      "2. Η Επιτροπή σημειώνει την πρόοδο.\n\n"
      "Έκθεση για την εφαρμογή\n\n"
      "3. Η Επιτροπή συνιστά την εφαρμογή του νόμου.\n");
  ASSERT_EQ(segmented.passages.size(), 3U);
  EXPECT_EQ(segmented.passages[2].label, "3");
  EXPECT_EQ(segmented.passages[2].section_path,
            (std::vector<std::string>{"Έκθεση για την εφαρμογή"}));
}

}  // namespace
}  // namespace treatysearch::ingest
