#include "snippet.h"

#include <gtest/gtest.h>

#include "query_parser.h"

namespace treatysearch::search {
namespace {

std::vector<std::string> marked(const Snippet& s) {
  std::vector<std::string> out;
  for (const auto& h : s.highlights) out.push_back(s.text.substr(h.begin, h.end - h.begin));
  return out;
}

class SnippetTest : public ::testing::Test {
 protected:
  Snippet snippet(const std::string& query, const std::string& text, std::size_t chars = 240,
                  const std::string& language = "en") {
    const auto compiled =
        compile_query(parse_query(query), analyzer_, QueryContext{{"en"}, {}}, query);
    return make_snippet(text, language, compiled.highlights, analyzer_, chars);
  }
  core::Analyzer analyzer_;
};

TEST_F(SnippetTest, ShortTextIsWholeWithInflectedMatchesMarked) {
  const auto s = snippet("discriminate speech",
                         "Racial Discrimination and hate speech; discriminated groups.");
  EXPECT_EQ(s.text, "Racial Discrimination and hate speech; discriminated groups.");
  EXPECT_EQ(marked(s), (std::vector<std::string>{"Discrimination", "speech", "discriminated"}));
}

TEST_F(SnippetTest, OnlyTheStartOfAGiantPassageIsAnalysed) {
  // A passage of an index built before passages were capped: a match at kMaxSnippetSourceBytes
  // is looked for, one past it is not (the whole passage was analysed for every hit: 43 s).
  std::string text;
  while (text.size() < kMaxSnippetSourceBytes - 7) text += "words ";
  text.resize(kMaxSnippetSourceBytes - 7);
  text.back() = ' ';
  const std::string at_limit = text + "target";  // ends exactly at the limit
  EXPECT_EQ(at_limit.size(), kMaxSnippetSourceBytes - 1);
  EXPECT_EQ(marked(snippet("target", at_limit + " and 1 MB more" + std::string(1 << 20, 'x'))),
            (std::vector<std::string>{"target"}));
  const auto s = snippet("target", text + "xx target" + std::string(1 << 20, 'x'));
  EXPECT_TRUE(s.highlights.empty());
  EXPECT_TRUE(s.text.ends_with("\xE2\x80\xA6")) << "cut, with an ellipsis";
  EXPECT_LT(s.text.size(), 2048u);
}

TEST_F(SnippetTest, LongTextIsCutAroundTheDensestMatches) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "filler words here. ";
  text += "The Committee regrets the hate speech by officials. ";
  for (int i = 0; i < 60; ++i) text += "more filler text. ";
  const auto s = snippet("hate speech officials", text, 80);
  EXPECT_TRUE(s.text.starts_with("\xE2\x80\xA6")) << s.text;
  EXPECT_TRUE(s.text.ends_with("\xE2\x80\xA6")) << s.text;
  EXPECT_NE(s.text.find("hate speech by officials"), std::string::npos) << s.text;
  EXPECT_EQ(marked(s), (std::vector<std::string>{"hate", "speech", "officials"}));
  EXPECT_LT(s.text.size(), 140u);
}

TEST_F(SnippetTest, HighlightsAreExactInNonLatinScripts) {
  const auto s = snippet("қазақстан", "Қазақстан Республикасы, ҚАЗАҚСТАН.", 240, "kk");
  EXPECT_EQ(marked(s), (std::vector<std::string>{"Қазақстан", "ҚАЗАҚСТАН"}));
  const auto ar = snippet("اللجنة", "إن اللجنة تلاحظ", 240, "ar");
  EXPECT_EQ(marked(ar), (std::vector<std::string>{"اللجنة"}));
}

TEST_F(SnippetTest, NoMatchGivesTheStartOfTheText) {
  std::string text(1000, 'a');
  text = "First words. " + std::string(2000, 'b') + " end";
  const auto s = snippet("zebra", text, 50);
  EXPECT_TRUE(s.text.starts_with("First words")) << s.text;
  EXPECT_TRUE(s.highlights.empty());
}

}  // namespace
}  // namespace treatysearch::search
