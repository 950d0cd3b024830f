// The on-disk rules both the indexer and the searcher follow (schema.h). Their values are part
// of the index format: changing one needs a new schema version, so they are pinned here.
#include "schema.h"

#include <gtest/gtest.h>

namespace treatysearch::core::schema {
namespace {

TEST(Schema, FilterTermsAreLowerCaseAsciiWithNonAsciiKept) {
  EXPECT_EQ(filter_term(kCommitteePrefix, "CERD"), "XCcerd");
  EXPECT_EQ(filter_term(kTypePrefix, "Follow-Up-Letter"), "XTfollow-up-letter");
  EXPECT_EQ(filter_term(kStatePrefix, "Côte d'Ivoire"), "XScôte d'ivoire");
  EXPECT_EQ(filter_term(kStatePrefix, "Türkiye"), "XStürkiye");
  EXPECT_EQ(filter_term(kSymbolPrefix, "CERD/C/KAZ/CO/8-10"), "XYcerd/c/kaz/co/8-10");
}

TEST(Schema, FilterValuesAreCutAtTheLimit) {
  const std::string at_limit(kMaxFilterValueBytes, 'A');
  EXPECT_EQ(filter_term(kSymbolPrefix, at_limit), "XY" + std::string(kMaxFilterValueBytes, 'a'));
  EXPECT_EQ(filter_term(kSymbolPrefix, at_limit + "B"),
            "XY" + std::string(kMaxFilterValueBytes, 'a'));
}

TEST(Schema, StateFilterValuesAreCanonicalNamesWhenKnown) {
  EXPECT_EQ(state_filter_term("CIV"), "XScôte d'ivoire");
  EXPECT_EQ(state_filter_term("Cote d'Ivoire"), "XScôte d'ivoire");
  EXPECT_EQ(state_filter_term("Turkey"), "XStürkiye");
  EXPECT_EQ(state_filter_term("Ruritania"), "XSruritania");  // unknown: kept as given
}

TEST(Schema, IdAndFileTerms) {
  EXPECT_EQ(id_term("0123456789abcdef", 0), "Q0123456789abcdef:0");
  EXPECT_EQ(id_term("0123456789abcdef", 41), "Q0123456789abcdef:41");
  EXPECT_EQ(file_term("0123456789abcdef"), "K0123456789abcdef");
}

TEST(Schema, PassageKindsHaveFixedStoredValues) {
  EXPECT_EQ(static_cast<int>(PassageKind::kParagraph), 0);
  EXPECT_EQ(static_cast<int>(PassageKind::kSubParagraph), 1);
  EXPECT_EQ(static_cast<int>(PassageKind::kRecommendation), 2);
  EXPECT_EQ(static_cast<int>(PassageKind::kTable), 3);
  EXPECT_EQ(static_cast<int>(PassageKind::kUnnumbered), 4);
  EXPECT_EQ(static_cast<int>(PassageKind::kFootnote), 5);
  for (int value = 0; value <= 5; ++value) EXPECT_TRUE(is_passage_kind(value)) << value;
  EXPECT_FALSE(is_passage_kind(6));
  EXPECT_FALSE(is_passage_kind(255));
}

TEST(Schema, ParagraphNumberHeads) {
  using Heads = std::vector<std::string_view>;
  EXPECT_EQ(paragraph_number_heads("18 (b) (i)"), (Heads{"18"}));
  EXPECT_EQ(paragraph_number_heads("18, recommendation 1"), (Heads{"18"}));
  EXPECT_EQ(paragraph_number_heads("6.4"), (Heads{"6", "6.4"}));
  EXPECT_EQ(paragraph_number_heads("3.5.1 (a)"), (Heads{"3", "3.5", "3.5.1"}));
  EXPECT_EQ(paragraph_number_heads("7."), (Heads{"7"}));
  EXPECT_EQ(paragraph_number_heads("1..2"), (Heads{"1", "1..2"}));
  EXPECT_TRUE(paragraph_number_heads("footnote 3").empty());
  EXPECT_TRUE(paragraph_number_heads("[5]").empty());
  EXPECT_TRUE(paragraph_number_heads("").empty());
}

}  // namespace
}  // namespace treatysearch::core::schema
