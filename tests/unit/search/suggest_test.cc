// Did you mean over constructed indexes: which words are looked at (rare or absent, long
// enough, not operators, fields or truncations), which spelling replaces them (the index's own
// frequent terms, in any script) and the limits of SuggestLimits at N and N+1.
#include <gtest/gtest.h>

#include <string>

#include "searcher_suggest.h"
#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using search::SuggestLimits;
using testing::TempDir;

std::u32string u32(const char32_t* text) { return text; }

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndTranspositions) {
  EXPECT_EQ(search::edit_distance(u32(U"discrimnation"), u32(U"discrimination"), 2), 1u);
  EXPECT_EQ(search::edit_distance(u32(U"discirmination"), u32(U"discrimination"), 2), 1u);
  EXPECT_EQ(search::edit_distance(u32(U"discrimination"), u32(U"discrimination"), 2), 0u);
  EXPECT_EQ(search::edit_distance(u32(U"dyscrimnation"), u32(U"discrimination"), 2), 2u);
  EXPECT_EQ(search::edit_distance(u32(U"дискриминацыя"), u32(U"дискриминация"), 1), 1u);
  // Over the budget: budget + 1, however far.
  EXPECT_EQ(search::edit_distance(u32(U"police"), u32(U"justice"), 1), 2u);
  EXPECT_EQ(search::edit_distance(u32(U"a"), u32(U"abcdef"), 2), 3u);
}

// An index where `common` is in `common_count` passages and `rare` in `rare_count`.
class Suggest : public ::testing::Test {
 protected:
  Searcher build(const std::vector<std::pair<std::string, int>>& words) {
    const std::string index = dir_ / ("index" + std::to_string(indexes_++));
    Indexer indexer = Indexer::open(index);
    std::string text;
    int paragraph = 0;
    for (const auto& [word, count] : words)
      for (int i = 0; i < count; ++i)
        text += std::to_string(++paragraph) + ". The committee notes " + word + " here.\n\n";
    indexer.add_text("doc.txt", text);
    indexer.commit();
    return Searcher::open(index);
  }
  TempDir dir_;
  int indexes_ = 0;
};

TEST_F(Suggest, AnAbsentWordGetsTheFrequentSpellingOfTheIndex) {
  const Searcher searcher = build({{"discrimination", 30}, {"police", 5}});
  EXPECT_EQ(searcher.search("discrimnation").suggestion, "discrimination");
  EXPECT_EQ(searcher.search("Police discirmination").suggestion, "Police discrimination");
  EXPECT_EQ(searcher.search("(police OR discrimnation) NOT riots").suggestion,
            "(police OR discrimination) NOT riots");
  EXPECT_EQ(searcher.search("discrimination police").suggestion, "");
}

TEST_F(Suggest, OperatorsFieldsExactAndTruncatedWordsAreLeftAlone) {
  const Searcher searcher = build({{"discrimination", 30}});
  SearchOptions options;
  for (const std::string query : {"#discrimnation", "discrimnation*", "discriminatoin!"}) {
    try {
      EXPECT_EQ(searcher.search(query).suggestion, "") << query;
    } catch (const Error&) {
      // The query language may refuse the form; it is never "corrected" either way.
    }
  }
}

TEST_F(Suggest, WorksInEveryScript) {
  const Searcher searcher = build({{"дискриминация", 20}, {"discriminación", 20}});
  EXPECT_EQ(searcher.search("дискриминацыя").suggestion, "дискриминация");
  // A word the index only writes with an accent is suggested as written.
  EXPECT_EQ(searcher.search("discriminacin").suggestion, "discriminación");
}

TEST_F(Suggest, ShortWordsAreNeverCorrected) {
  const Searcher searcher = build({{"cats", 30}, {"rats", 30}});
  static_assert(SuggestLimits::kMinWordChars == 4);
  EXPECT_EQ(searcher.search("cat").suggestion, "");       // 3 characters: never
  EXPECT_EQ(searcher.search("cabs").suggestion, "cats");  // 4: looked at (cats before rats)
}

TEST_F(Suggest, OnlyRareWordsAndOnlyForACommonEnoughSpelling) {
  static_assert(SuggestLimits::kMaxRareFrequency == 3 && SuggestLimits::kCommonRatio == 10 &&
                SuggestLimits::kMinCandidateFrequency == 2);
  // An absent word: the spelling must be in kMinCandidateFrequency passages.
  EXPECT_EQ(build({{"tribunal", 1}}).search("tribunel").suggestion, "");
  EXPECT_EQ(build({{"tribunal", 2}}).search("tribunel").suggestion, "tribunal");
  // A word in kMaxRareFrequency passages is rare; one more is not.
  EXPECT_EQ(build({{"tribunal", 30}, {"tribunel", 3}}).search("tribunel").suggestion, "tribunal");
  EXPECT_EQ(build({{"tribunal", 100}, {"tribunel", 4}}).search("tribunel").suggestion, "");
  // The spelling must be kCommonRatio times as frequent.
  EXPECT_EQ(build({{"tribunal", 29}, {"tribunel", 3}}).search("tribunel").suggestion, "");
}

TEST_F(Suggest, AWordFoundByItsStemIsNotRare) {
  // "discriminations" is absent, but the query finds it through the stem of "discrimination".
  const Searcher searcher = build({{"discrimination", 30}, {"discriminatio", 30}});
  EXPECT_EQ(searcher.search("discriminations").suggestion, "");
}

}  // namespace
}  // namespace treatysearch
