// The text printer shows control characters and escape sequences from file names and document
// text visibly instead of sending them to the terminal; JSON keeps them exact.
#include "hit_printer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace treatysearch::cli {
namespace {

// Bytes a terminal acts on: C0 controls, DEL, and the C1 controls (U+0080..U+009F in UTF-8).
bool has_terminal_controls(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F)
      return true;
  }
  return false;
}

SearchResult hostile_result() {
  Hit hit;
  hit.rank = 1;
  hit.citation = "x\033]0;pwned\007.txt, para. 1";
  hit.section = "Head\033[2Jing";
  hit.text =
      "The \033[31mred\033[0m word\r\n and \xC2\x9B"
      "31m C1.";
  hit.snippet.text =
      "The \033[31mred\033[0m word\r\n and \xC2\x9B"
      "31m C1.";
  const std::size_t red = hit.snippet.text.find("red");
  hit.snippet.highlights = {{red, red + 3}};
  hit.document.source = "x\033]0;pwned\007.txt";
  SearchResult result;
  result.query = "red";
  result.total = 1;
  result.hits = {hit};
  return result;
}

std::string text_of(const SearchResult& result, bool bold) {
  std::ostringstream out;
  TextStyle style;
  style.bold = bold;
  print_text(result, style, out);
  return out.str();
}

TEST(HitPrinterText, ControlCharactersAreShownNotSent) {
  const std::string out = text_of(hostile_result(), false);
  EXPECT_FALSE(has_terminal_controls(out)) << out;
  EXPECT_NE(out.find("1. x\\x1B]0;pwned\\x07.txt, para. 1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Head\\x1B[2Jing"), std::string::npos) << out;
  EXPECT_NE(out.find("The \\x1B[31mred\\x1B[0m word\\x0D\\x0A and \\u009B31m C1."),
            std::string::npos)
      << out;
}

TEST(HitPrinterText, HighlightsStillMarkTheMatchedWord) {
  const std::string out = text_of(hostile_result(), true);
  EXPECT_NE(out.find("\\x1B[31m\033[1mred\033[0m\\x1B[0m"), std::string::npos) << out;
}

TEST(HitPrinterText, OrdinaryTextIsUnchanged) {
  SearchResult result = hostile_result();
  result.hits[0].citation = "CERD/C/CIV/CO/1, para. 3";
  result.hits[0].section = "Côte d'Ivoire > Türkiye — «égalité»";
  result.hits[0].snippet = {"Égalité\tet « non-discrimination » 平等", {}};
  const std::string out = text_of(result, false);
  EXPECT_NE(out.find("1. CERD/C/CIV/CO/1, para. 3\n   Côte d'Ivoire > Türkiye — «égalité»\n"
                     "   Égalité\\x09et « non-discrimination » 平等\n"),
            std::string::npos)
      << out;
}

TEST(HitPrinterJson, ControlCharactersAreEscapedAndExact) {
  const SearchResult result = hostile_result();
  std::ostringstream out;
  print_json(result, out);
  EXPECT_FALSE(has_terminal_controls(out.str())) << out.str();
  const auto json = nlohmann::json::parse(out.str());
  const auto& hit = json["hits"][0];
  EXPECT_EQ(hit["citation"], result.hits[0].citation);
  EXPECT_EQ(hit["section"], result.hits[0].section);
  EXPECT_EQ(hit["text"], result.hits[0].text);
  EXPECT_EQ(hit["snippet"], result.hits[0].snippet.text);
  EXPECT_EQ(hit["document"]["source"], result.hits[0].document.source);
}

// A grouped result with facets and a suggestion, as the library returns them.
SearchResult grouped_result() {
  Hit first;
  first.rank = 1;
  first.id = "00000000000000aa:3";
  first.citation = "CERD/C/KAZ/CO/8-10, para. 18 (b)";
  first.paragraph = "18 (b)";
  first.snippet.text = "racist hate speech";
  Hit second = first;
  second.rank = 2;
  second.id = "00000000000000aa:7";
  second.citation = "CERD/C/KAZ/CO/8-10, para. 32";
  second.paragraph = "32";
  DocumentGroup group;
  group.rank = 1;
  group.file_id = "00000000000000aa";
  group.document.symbol = "CERD/C/KAZ/CO/8-10";
  group.document.state = "Kazakhstan";
  group.document.date = "2022-04-29";
  group.hit_count = 5;
  group.passages = {first, second};
  SearchResult result;
  result.query = "hate speach";
  result.total = 1;
  result.groups = {group};
  Facets facets;
  facets.committee = {{"CERD", 5}};
  facets.state = {{"Kazakhstan", 5}};
  facets.year = {{"2022", 4}, {"2023", 1}};
  result.facets = facets;
  result.suggestion = "hate speech";
  return result;
}

TEST(HitPrinterText, GroupsFacetsAndSuggestion) {
  const std::string out = text_of(grouped_result(), false);
  EXPECT_EQ(out.rfind("Did you mean: hate speech\n\n", 0), 0U) << out;
  EXPECT_NE(out.find("1. CERD/C/KAZ/CO/8-10 \xE2\x80\x94 Kazakhstan (2022-04-29) \xE2\x80\x94 5 "
                     "passages\n   1. CERD/C/KAZ/CO/8-10, para. 18 (b)\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("   2. CERD/C/KAZ/CO/8-10, para. 32\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  committee: CERD 5\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  year: 2022 4, 2023 1\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("  type:"), std::string::npos) << "an empty facet is not printed";
  EXPECT_NE(out.find("Documents 1-1 of 1.\n"), std::string::npos) << out;
}

TEST(HitPrinterJson, GroupsFacetsSuggestionAndIds) {
  std::ostringstream out;
  print_json(grouped_result(), out);
  const auto json = nlohmann::json::parse(out.str());
  EXPECT_TRUE(json["hits"].empty());
  ASSERT_EQ(json["groups"].size(), 1U);
  const auto& group = json["groups"][0];
  EXPECT_EQ(group["hit_count"], 5);
  EXPECT_EQ(group["file_id"], "00000000000000aa");
  EXPECT_EQ(group["document"]["symbol"], "CERD/C/KAZ/CO/8-10");
  ASSERT_EQ(group["passages"].size(), 2U);
  EXPECT_EQ(group["passages"][1]["id"], "00000000000000aa:7");
  EXPECT_EQ(json["facets"]["committee"]["CERD"], 5);
  EXPECT_EQ(json["facets"]["year"]["2023"], 1);
  EXPECT_TRUE(json["facets"]["type"].empty());
  EXPECT_EQ(json["suggestion"], "hate speech");
  EXPECT_TRUE(json["warnings"].empty());
}

TEST(HitPrinterJson, WithoutFacetsOrSuggestionTheKeysSayNothing) {
  std::ostringstream out;
  print_json(hostile_result(), out);
  const auto json = nlohmann::json::parse(out.str());
  EXPECT_FALSE(json.contains("facets"));
  EXPECT_FALSE(json.contains("groups")) << "ungrouped results with hits have no groups key";
  EXPECT_TRUE(json["suggestion"].is_null());
}

TEST(HitPrinterText, PassageInItsDocument) {
  Hit hit;
  hit.citation = "CERD/C/KAZ/CO/8-10, para. 18";
  hit.paragraph = "18";
  hit.text = "The Committee recommends.";
  hit.section = "C. Concerns";
  hit.document.symbol = "CERD/C/KAZ/CO/8-10";
  Hit before = hit, after = hit;
  before.paragraph = "17";
  before.text = "Before.";
  after.paragraph = "19";
  after.text = "After.";
  PassageInContext shown{hit, {before}, {after}};
  std::ostringstream out;
  print_passage_text(shown, out);
  EXPECT_EQ(out.str(),
            "CERD/C/KAZ/CO/8-10, para. 18\nCERD/C/KAZ/CO/8-10\nC. Concerns\n\n   [17] Before.\n\n"
            "\xE2\x96\xB6 [18] The Committee recommends.\n\n   [19] After.\n\n");
}

}  // namespace
}  // namespace treatysearch::cli
