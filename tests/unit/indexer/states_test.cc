#include "states.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace treatysearch::core {
namespace {

TEST(StatesTest, CodeToUnShortName) {
  EXPECT_EQ(state_name_for_code("KAZ"), "Kazakhstan");
  EXPECT_EQ(state_name_for_code("BRA"), "Brazil");
  EXPECT_EQ(state_name_for_code("URY"), "Uruguay");
  EXPECT_EQ(state_name_for_code("AUS"), "Australia");
  // Where the UN short name differs from ISO's `name`, the UN one is canonical.
  EXPECT_EQ(state_name_for_code("GBR"), "United Kingdom of Great Britain and Northern Ireland");
  EXPECT_EQ(state_name_for_code("USA"), "United States of America");
  EXPECT_EQ(state_name_for_code("BOL"), "Bolivia (Plurinational State of)");
  EXPECT_EQ(state_name_for_code("KOR"), "Republic of Korea");
  EXPECT_EQ(state_name_for_code("PRK"), "Democratic People's Republic of Korea");
  EXPECT_EQ(state_name_for_code("TZA"), "United Republic of Tanzania");
  EXPECT_EQ(state_name_for_code("COD"), "Democratic Republic of the Congo");
  EXPECT_EQ(state_name_for_code("COG"), "Congo");
  EXPECT_EQ(state_name_for_code("TUR"), "Türkiye");
}

TEST(StatesTest, CodeLookupIgnoresCaseAndSpaceButNotLength) {
  EXPECT_EQ(state_name_for_code("kaz"), "Kazakhstan");
  EXPECT_EQ(state_name_for_code("Kaz"), "Kazakhstan");
  EXPECT_EQ(state_name_for_code(" KAZ "), "Kazakhstan");
  EXPECT_EQ(state_name_for_code("KZ"), "");  // alpha-2 is not accepted
  EXPECT_EQ(state_name_for_code("KAZA"), "");
  EXPECT_EQ(state_name_for_code("XXX"), "");
  EXPECT_EQ(state_name_for_code(""), "");
}

TEST(StatesTest, NameToCode) {
  EXPECT_EQ(state_code_for_name("Kazakhstan"), "KAZ");
  EXPECT_EQ(state_code_for_name("kazakhstan"), "KAZ");
  EXPECT_EQ(state_code_for_name("KAZAKHSTAN"), "KAZ");
  EXPECT_EQ(state_code_for_name("Republic of Kazakhstan"), "KAZ");
  EXPECT_EQ(state_code_for_name("United Kingdom"), "GBR");
  EXPECT_EQ(state_code_for_name("united kingdom of great britain and northern ireland"), "GBR");
  EXPECT_EQ(state_code_for_name("Turkey"), "TUR");
  EXPECT_EQ(state_code_for_name("Turkiye"), "TUR");
  EXPECT_EQ(state_code_for_name("Bolivia"), "BOL");
  EXPECT_EQ(state_code_for_name("Viet Nam"), "VNM");
  // Typographic apostrophe, as UN documents print it.
  EXPECT_EQ(state_code_for_name("Côte d’Ivoire"), "CIV");
  EXPECT_EQ(state_code_for_name("Cote d'Ivoire"), "CIV");
  EXPECT_EQ(state_code_for_name("Lao People’s Democratic Republic"), "LAO");
}

// Letter case is ignored beyond ASCII too: a name typed or printed in capitals is the name.
TEST(StatesTest, NameLookupIgnoresCaseOfAccentedLetters) {
  EXPECT_EQ(state_code_for_name("TÜRKIYE"), "TUR");
  EXPECT_EQ(state_code_for_name("CÔTE D’IVOIRE"), "CIV");
  EXPECT_EQ(state_code_for_name("côte d'ivoire"), "CIV");
  EXPECT_EQ(canonical_state("REPUBLIC OF TÜRKIYE"), "Türkiye");
  EXPECT_EQ(state_code_for_name("TÜRKIYEE"), "");
}

TEST(StatesTest, NameLookupIsExactNotPrefixOrSubstring) {
  EXPECT_EQ(state_code_for_name("Kazakh"), "");
  EXPECT_EQ(state_code_for_name("Kazakhstann"), "");
  EXPECT_EQ(state_code_for_name("Guinea"), "GIN");
  EXPECT_EQ(state_code_for_name("Guinea-Bissau"), "GNB");
  EXPECT_EQ(state_code_for_name("Niger"), "NER");
  EXPECT_EQ(state_code_for_name("Nigeria"), "NGA");
  EXPECT_EQ(state_code_for_name("Kazakstan"), "");  // misspellings are not aliases
  EXPECT_EQ(state_code_for_name(""), "");
}

TEST(StatesTest, CanonicalStateAcceptsCodesAndNames) {
  EXPECT_EQ(canonical_state("KAZ"), "Kazakhstan");
  EXPECT_EQ(canonical_state("kaz"), "Kazakhstan");
  EXPECT_EQ(canonical_state("kazakhstan"), "Kazakhstan");
  EXPECT_EQ(canonical_state("United Kingdom"),
            "United Kingdom of Great Britain and Northern Ireland");
  EXPECT_EQ(canonical_state("Iran"), "Iran (Islamic Republic of)");
  EXPECT_EQ(canonical_state("Czech Republic"), "Czechia");
  EXPECT_EQ(canonical_state("Atlantis"), "");
  EXPECT_EQ(canonical_state(""), "");
}

TEST(StatesTest, TableIsConsistent) {
  std::set<std::string> codes;
  std::set<std::string> canonical_codes;
  std::set<std::string> lowered_names;
  for (const StateName& row : all_state_names()) {
    ASSERT_EQ(row.code.size(), 3u) << row.name;
    for (char c : row.code) ASSERT_TRUE(c >= 'A' && c <= 'Z') << row.code;
    ASSERT_FALSE(row.name.empty()) << row.code;
    codes.emplace(row.code);
    if (row.canonical) {
      EXPECT_TRUE(canonical_codes.emplace(row.code).second) << "two canonical names: " << row.code;
    }
    // Every name resolves back to its own code: no name is shared by two States.
    EXPECT_EQ(state_code_for_name(row.name), row.code) << row.name;
    std::string lowered(row.name);
    for (char& c : lowered) c = static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
    EXPECT_TRUE(lowered_names.insert(lowered).second) << "duplicate name: " << row.name;
  }
  EXPECT_EQ(codes.size(), 249u);  // every ISO 3166-1 entry
  EXPECT_EQ(canonical_codes, codes);
}

}  // namespace
}  // namespace treatysearch::core
