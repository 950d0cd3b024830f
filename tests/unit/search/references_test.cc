// Paragraph label lists, pinpoint citations as typed, and the terms that link a citing passage
// to the paragraph it cites (references.h).
#include "references.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace treatysearch::core {
namespace {

using Labels = std::vector<std::string>;

Labels labels_in(std::string_view text, std::size_t* end = nullptr) {
  std::size_t stop = 0;
  Labels labels = read_label_list(text, 0, &stop);
  if (end) *end = stop;
  return labels;
}

TEST(LabelList, OneLabelWithItsParts) {
  std::size_t end = 0;
  EXPECT_EQ(labels_in("18 (b) of the Concluding Observations", &end), Labels{"18 (b)"});
  EXPECT_EQ(end, 6u);
  EXPECT_EQ(labels_in("18(b)(ii) above"), Labels{"18 (b) (ii)"});
  EXPECT_EQ(labels_in("6.4 of the Views"), Labels{"6.4"});
  EXPECT_EQ(labels_in("12. The Committee"), Labels{"12"});  // a sentence's full stop
}

TEST(LabelList, FrenchAndSpanishPartsWithoutOpeningBracket) {
  std::size_t end = 0;
  EXPECT_EQ(labels_in("2 a) des observations finales", &end), Labels{"2 (a)"});
  EXPECT_EQ(end, 4u);
  EXPECT_EQ(labels_in("16 b) y c) de las observaciones"), (Labels{"16 (b)", "16 (c)"}));
  EXPECT_EQ(labels_in("36 a)-d)"), (Labels{"36 (a)", "36 (b)", "36 (c)", "36 (d)"}));
  EXPECT_EQ(labels_in("5 a 7"), (Labels{"5", "6", "7"}));  // "a" a range word, not a part
  EXPECT_EQ(labels_in("12 ab)c"), Labels{"12"});           // glued to a word: not a part
}

TEST(LabelList, ListsInEachLanguage) {
  EXPECT_EQ(labels_in("18 (b) and 32 of the"), (Labels{"18 (b)", "32"}));
  EXPECT_EQ(labels_in("5, 7 et 9 du rapport"), (Labels{"5", "7", "9"}));
  EXPECT_EQ(labels_in("5 y 7"), (Labels{"5", "7"}));
  EXPECT_EQ(labels_in("5 \u0438 7"), (Labels{"5", "7"}));
  EXPECT_EQ(labels_in("5, 7, and 9"), (Labels{"5", "7", "9"}));
  // A comma not followed by a number ends the list there.
  std::size_t end = 0;
  EXPECT_EQ(labels_in("25, which", &end), Labels{"25"});
  EXPECT_EQ(end, 2u);
}

TEST(LabelList, TopicsInBracketsAndPartsAlone) {
  // CERD/C/BRA/CO/18-20, paras 68 and 69.
  EXPECT_EQ(labels_in("17 (a) (right to health and the impact of the COVID-19 pandemic), 19 (c) "
                      "(disparities in education) and 23 (poverty and hunger) of the"),
            (Labels{"17 (a)", "19 (c)", "23"}));
  EXPECT_EQ(labels_in("17 (b)\u2013(c) and (e)\u2013(f) (right to health), 23"),
            (Labels{"17 (b)", "17 (c)", "17 (e)", "17 (f)", "23"}));
  // A topic that ends the list is not read: the labels end before it.
  std::size_t end = 0;
  EXPECT_EQ(labels_in("38 (on living independently) above", &end), Labels{"38"});
  EXPECT_EQ(end, 2u);
}

TEST(LabelList, RangesExpandToEachParagraph) {
  EXPECT_EQ(labels_in("160-166"), (Labels{"160", "161", "162", "163", "164", "165", "166"}));
  EXPECT_EQ(labels_in("37\u201338"), (Labels{"37", "38"}));
  EXPECT_EQ(labels_in("5 to 7"), (Labels{"5", "6", "7"}));
  EXPECT_EQ(labels_in("5 a 7"), (Labels{"5", "6", "7"}));
  EXPECT_EQ(labels_in("36 (a)-(d)"), (Labels{"36 (a)", "36 (b)", "36 (c)", "36 (d)"}));
  EXPECT_EQ(labels_in("6.2-6.4"), (Labels{"6.2", "6.3", "6.4"}));
  // Ends that differ in more than their last part, or run backwards: the two ends.
  EXPECT_EQ(labels_in("6.2-7.1"), (Labels{"6.2", "7.1"}));
  EXPECT_EQ(labels_in("9-3"), (Labels{"9", "3"}));
}

TEST(LabelList, RangeLimitAtNAndNPlusOne) {
  const std::size_t n = kMaxRangeLabels;
  EXPECT_EQ(labels_in("1-" + std::to_string(n)).size(), n);
  EXPECT_EQ(labels_in("1-" + std::to_string(n + 1)), (Labels{"1", std::to_string(n + 1)}));
}

TEST(LabelList, NothingWhereNoLabelStarts) {
  std::size_t end = 99;
  EXPECT_TRUE(labels_in("of the report", &end).empty());
  EXPECT_EQ(end, 0u);
  EXPECT_TRUE(labels_in("2023a").empty());
}

TEST(ParseCitation, FormsLawyersType) {
  std::string symbol, label;
  ASSERT_TRUE(parse_citation("CERD/C/KAZ/CO/8-10, para. 18 (b)", &symbol, &label));
  EXPECT_EQ(symbol, "CERD/C/KAZ/CO/8-10");
  EXPECT_EQ(label, "18 (b)");
  ASSERT_TRUE(parse_citation("  CCPR/C/86/D/1228/2003 para 6.4 ", &symbol, &label));
  EXPECT_EQ(symbol, "CCPR/C/86/D/1228/2003");
  EXPECT_EQ(label, "6.4");
  ASSERT_TRUE(parse_citation("cerd/c/kaz/co/8-10 \u00a732", &symbol, &label));
  EXPECT_EQ(label, "32");
  ASSERT_TRUE(parse_citation("CERD/C/KAZ/CO/8-10", &symbol, &label));
  EXPECT_EQ(label, "");
  ASSERT_TRUE(parse_citation("CERD/C/KAZ/CO/8-10, 18(b)", &symbol, &label));
  EXPECT_EQ(label, "18 (b)");
}

TEST(ParseCitation, RefusesWhatIsNotOne) {
  std::string symbol, label;
  EXPECT_FALSE(parse_citation("", &symbol, &label));
  EXPECT_FALSE(parse_citation("para. 18", &symbol, &label));
  EXPECT_FALSE(parse_citation("CERD/C/KAZ/CO/8-10, para. eighteen", &symbol, &label));
  EXPECT_FALSE(parse_citation("CERD/C/KAZ/CO/8-10, para. 18 and more", &symbol, &label));
}

// True if a passage holding `cited` is found by the terms of a search for (symbol, label).
bool found(const Reference& cited, std::string_view symbol, std::string_view label) {
  const auto held = reference_terms(cited);
  const auto wanted = citing_terms(symbol, label);
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& term) {
    return std::find(held.begin(), held.end(), term) != held.end();
  });
}

Reference cites(std::string symbol, std::string label) {
  Reference r;
  r.symbol = std::move(symbol);
  r.label = std::move(label);
  return r;
}

TEST(CitingTerms, AParagraphItsPartsAndTheWhole) {
  const std::string co = "CERD/C/KAZ/CO/8-10";
  EXPECT_TRUE(found(cites(co, "18 (b)"), co, "18 (b)"));
  EXPECT_TRUE(found(cites(co, "18(B)"), "cerd/c/kaz/co/8-10", "18 (b)"));  // spelling
  EXPECT_TRUE(found(cites(co, "18 (b)"), co, "18"));                       // a part of 18
  EXPECT_TRUE(found(cites(co, "18"), co, "18 (b)"));  // the whole of 18 holds 18 (b)
  EXPECT_FALSE(found(cites(co, "18 (c)"), co, "18 (b)"));
  EXPECT_FALSE(found(cites(co, "18 (b)"), co, "18 (c)"));
  EXPECT_FALSE(found(cites(co, "181"), co, "18"));
  EXPECT_FALSE(found(cites(co, "18"), "CERD/C/KAZ/CO/6-7", "18"));
  EXPECT_TRUE(found(cites(co, "18"), co, ""));  // the document as a whole
  EXPECT_TRUE(found(cites(co, ""), co, ""));
  EXPECT_FALSE(found(cites(co, ""), co, "18"));
  EXPECT_TRUE(found(cites("CCPR/C/86/D/1228/2003", "6.4"), "CCPR/C/86/D/1228/2003", "6"));
}

TEST(CitingTerms, NoneWithoutASymbol) {
  Reference unknown;
  unknown.label = "8";
  unknown.document = "concluding observations";
  EXPECT_TRUE(reference_terms(unknown).empty());
}

}  // namespace
}  // namespace treatysearch::core
