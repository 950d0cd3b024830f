// Quoted phrases through the public API, over an index of several shards: Xapian finds the
// passages with the words, the passages' position lists decide (passage_check.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using testing::TempDir;

class PhraseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    index_ = *dir_ / "index";
    IndexerOptions options;
    options.shards = 3;  // the checks see documents of several sub-databases
    Indexer indexer = Indexer::open(index_, options);
    add(indexer, "a", "The Committee condemns hate speech online.");
    add(indexer, "b", "The Committee notes that speech inciting hate is punished.");
    add(indexer, "c", "Hate Speech Act of the Committee.");
    add(indexer, "d", "Hate crimes and hate speech, said the Committee.");
    add(indexer, "e", "The committee the Committee the committee.");
    add(indexer, "f", "Committee the: the State party.");
    add(indexer, "g", "Speech about hate crimes.");
    for (int i = 0; i < 40; ++i)
      add(indexer, "filler" + std::to_string(i),
          "The Committee regrets item " + std::to_string(i) + " of the committee list.");
    indexer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static void add(Indexer& indexer, const std::string& name, const std::string& sentence) {
    DocumentInfo info;
    info.language = "en";
    info.title = name;
    ASSERT_TRUE(indexer.add_text(name, "1. " + sentence + "\n", info).error.empty());
  }

  // The titles of every passage the query finds.
  static std::set<std::string> found(const std::string& query) {
    SearchOptions options;
    options.limit = 100;
    const SearchResult result = Searcher::open(index_).search(query, options);
    std::set<std::string> titles;
    for (const auto& hit : result.hits) titles.insert(hit.document.title);
    EXPECT_EQ(result.total, result.hits.size()) << query;  // small sets are counted exactly
    return titles;
  }

  static TempDir* dir_;
  static std::string index_;
};

TempDir* PhraseTest::dir_ = nullptr;
std::string PhraseTest::index_;

TEST_F(PhraseTest, WordsMustBeAdjacentAndInOrder) {
  EXPECT_EQ(found("\"hate speech\""), (std::set<std::string>{"a", "c", "d"}));
  EXPECT_EQ(found("\"speech hate\""), std::set<std::string>{});
  EXPECT_EQ(found("\"speech inciting hate\""), std::set<std::string>{"b"});
  EXPECT_EQ(found("\"hate crimes and hate speech\""), std::set<std::string>{"d"});
}

TEST_F(PhraseTest, ExactMarkKeepsTheWrittenForms) {
  EXPECT_EQ(found("#\"Hate Speech\""), std::set<std::string>{"c"});
  EXPECT_EQ(found("#\"hate speech\""), (std::set<std::string>{"a", "d"}));
}

TEST_F(PhraseTest, PhrasesCombineWithOtherParts) {
  EXPECT_EQ(found("\"hate speech\" OR punished"), (std::set<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(found("\"hate speech\" -online"), (std::set<std::string>{"c", "d"}));
  EXPECT_EQ(found("\"hate speech\" AND crimes"), std::set<std::string>{"d"});
  EXPECT_EQ(found("NOT \"hate speech\" AND hate"), (std::set<std::string>{"b", "g"}));
  EXPECT_EQ(found("-\"hate speech\" speech"), (std::set<std::string>{"b", "g"}));
}

TEST_F(PhraseTest, PhrasesOfWordsInEveryPassage) {
  EXPECT_EQ(found("\"committee the\""), (std::set<std::string>{"e", "f"}));
  EXPECT_EQ(found("\"the committee the committee\""), std::set<std::string>{"e"});
  std::set<std::string> expected;
  for (int i = 0; i < 40; ++i) expected.insert("filler" + std::to_string(i));
  expected.insert({"a", "b", "c", "d", "e"});
  EXPECT_EQ(found("\"the committee\""), expected);
}

TEST_F(PhraseTest, PassagesWithThePhraseAndEveryWordRankFirst) {
  SearchOptions options;
  options.limit = 10;
  const SearchResult result = Searcher::open(index_).search("\"hate speech\" crimes", options);
  ASSERT_EQ(result.hits.size(), 4u);
  EXPECT_EQ(result.total, 4u);
  EXPECT_EQ(result.hits[0].document.title, "d");  // the phrase and "crimes"
  std::set<std::string> rest;
  for (std::size_t i = 1; i < result.hits.size(); ++i) rest.insert(result.hits[i].document.title);
  // The phrase alone (a, c) or "crimes" alone (g, whose words are out of order).
  EXPECT_EQ(rest, (std::set<std::string>{"a", "c", "g"}));
}

TEST_F(PhraseTest, PagesOfCheckedMatches) {
  std::set<std::string> seen;
  for (std::size_t offset = 0; offset < 3; ++offset) {
    SearchOptions options;
    options.limit = 1;
    options.offset = offset;
    const SearchResult page = Searcher::open(index_).search("\"committee the\"", options);
    if (offset < 2) {
      ASSERT_EQ(page.hits.size(), 1u) << offset;
      EXPECT_EQ(page.hits[0].rank, offset + 1);
      seen.insert(page.hits[0].document.title);
    } else {
      EXPECT_TRUE(page.hits.empty());
    }
  }
  EXPECT_EQ(seen, (std::set<std::string>{"e", "f"}));
}

TEST_F(PhraseTest, HyphenatedWordsAreSequences) {
  // A typed word that analyses into several tokens is matched as their sequence.
  EXPECT_EQ(found("hate-speech"), (std::set<std::string>{"a", "c", "d"}));
}

}  // namespace
}  // namespace treatysearch
