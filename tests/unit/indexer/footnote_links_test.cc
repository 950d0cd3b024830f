// Footnote alignment on hand-built units and sites: words shared by a footnote and the text
// around a site decide between sites that the structure alone cannot tell apart, in every script.
#include "footnote_links.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace treatysearch::ingest {
namespace {

// Two paragraphs, each with a line-break site at its end, and one footnote: the structure gives
// both sites the same score, so only the footnote's words can link it. Returns the paragraph the
// footnote is linked to ("1" or "2"; "" when it stays unlinked).
std::string linked_paragraph(const std::string& first, const std::string& second,
                             const std::string& footnote) {
  const std::vector<std::string> units = {first, second};
  const std::vector<FootnoteSite> sites = {
      {0, first.size(), FootnoteSiteKind::kLineBreak},
      {1, second.size(), FootnoteSiteKind::kLineBreak},
  };
  const std::vector<std::size_t> links = align_footnotes({footnote}, sites, units);
  EXPECT_EQ(links.size(), 1U);
  if (links.empty() || links[0] == kNoFootnoteSite) return "";
  return std::to_string(sites[links[0]].unit + 1);
}

TEST(FootnoteWordsTest, EnglishWordsSharedWithOneParagraphLinkTheFootnote) {
  EXPECT_EQ(linked_paragraph("The Committee welcomes the report of the State party.",
                             "The Domestic Violence Act provides for protection orders.",
                             "Domestic Violence Act of 2014, article 5."),
            "2");
}

TEST(FootnoteWordsTest, WithoutSharedWordsTheFootnoteStaysUnlinked) {
  EXPECT_EQ(linked_paragraph("The Committee welcomes the report of the State party.",
                             "The Domestic Violence Act provides for protection orders.",
                             "See the annual survey, 2014."),
            "");
}

// Arabic has no letter case: words must still be words.
TEST(FootnoteWordsTest, ArabicWordsSharedWithOneParagraphLinkTheFootnote) {
  EXPECT_EQ(linked_paragraph("ترحب اللجنة بتقرير الدولة الطرف.",
                             "ينص قانون مكافحة العنف المنزلي على أوامر الحماية.",
                             "قانون مكافحة العنف المنزلي لعام 2014، المادة 5."),
            "2");
}

// Chinese writes no spaces between words: the text shares runs of ideographs, not whole runs.
TEST(FootnoteWordsTest, ChineseWordsSharedWithOneParagraphLinkTheFootnote) {
  EXPECT_EQ(linked_paragraph("委员会欢迎缔约国提交的报告。",
                             "《中华人民共和国反家庭暴力法》规定了人身安全保护令制度。",
                             "《反家庭暴力法》，2015年12月27日通过。"),
            "2");
}

// Greek and Cyrillic words match whatever their case: a word capitalised at the start of a
// footnote is the word of the text.
TEST(FootnoteWordsTest, CyrillicWordsMatchWhateverTheirCase) {
  EXPECT_EQ(linked_paragraph("Комитет приветствует доклад государства-участника.",
                             "Закон предусматривает защитные предписания для пострадавших.",
                             "ЗАЩИТНЫЕ ПРЕДПИСАНИЯ, статья 5."),
            "2");
}

TEST(FootnoteWordsTest, DocumentSymbolsSharedWithOneParagraphLinkTheFootnote) {
  EXPECT_EQ(linked_paragraph("The Committee welcomes the report of the State party.",
                             "As the Committee noted (CERD/C/KAZ/CO/8-10), the law is vague.",
                             "CERD/C/KAZ/CO/8-10, para. 12."),
            "2");
}

}  // namespace
}  // namespace treatysearch::ingest
