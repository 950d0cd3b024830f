// Quoted phrases through the public API, over an index of several shards: Xapian finds the
// passages with the words, the passages' position lists decide (passage_check.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

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

// A word is posted under its folded form however written (schema.h): a default word finds
// every spelling, a #word the spelling written alone, told apart by the position lists.
TEST_F(PhraseTest, ExactWordsAreCheckedInThePositionLists) {
  EXPECT_EQ(found("hate"), (std::set<std::string>{"a", "b", "c", "d", "g"}));
  EXPECT_EQ(found("#Hate"), (std::set<std::string>{"c", "d"}));
  EXPECT_EQ(found("#hate"), (std::set<std::string>{"a", "b", "d", "g"}));
  EXPECT_EQ(found("#Speech"), (std::set<std::string>{"c", "g"}));
  EXPECT_EQ(found("#\"Speech\""), (std::set<std::string>{"c", "g"}));
  EXPECT_EQ(found("#Hate OR punished"), (std::set<std::string>{"b", "c", "d"}));
  EXPECT_EQ(found("#Hate -crimes"), std::set<std::string>{"c"});
  EXPECT_EQ(found("#Hate AND #hate"), std::set<std::string>{"d"});
  EXPECT_EQ(found("#Hate w/1 speech"), (std::set<std::string>{"c"}));
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

namespace treatysearch {
namespace {

// Hundreds of passages drawn from a few words, some capitalised, so that most hold every word
// of a phrase and only some the phrase: the checks then stream the candidates in document id order
// and rule most out by their pair signatures (pair_signature.h) before reading positions. Counts
// must be what the words in the texts say.
class ManyCandidates : public ::testing::Test {
 protected:
  static constexpr int kPassages = 600;
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    index_ = *dir_ / "index";
    IndexerOptions options;
    options.shards = 2;
    Indexer indexer = Indexer::open(index_, options);
    const char* const words[] = {"the", "state", "party", "should", "report", "on", "rights"};
    std::uint32_t random = 12345;
    texts_ = new std::vector<std::string>;
    for (int p = 0; p < kPassages; ++p) {
      std::string text, written;  // written: with some words capitalised, as texts have them
      for (int w = 0; w < 12 + p % 40; ++w) {
        random = random * 1103515245u + 12345u;
        std::string word = words[(random >> 16) % 7];
        text += (w ? " " : "") + word;
        if ((random >> 8) % 4 == 0) word[0] = static_cast<char>(word[0] - 'a' + 'A');
        written += (w ? " " : "") + word;
      }
      texts_->push_back(text);
      DocumentInfo info;
      info.language = "en";
      ASSERT_TRUE(
          indexer.add_text("p" + std::to_string(p), "1. " + written + ".\n", info).error.empty());
    }
    indexer.commit();
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete texts_;
  }
  // Passages whose words hold `phrase` (lower case, single spaces), counted in the texts as
  // folded.
  static std::uint64_t holding(const std::string& phrase) {
    std::uint64_t n = 0;
    for (const std::string& text : *texts_)
      n += (" " + text + " ").find(" " + phrase + " ") != std::string::npos;
    return n;
  }
  static testing::TempDir* dir_;
  static std::string index_;
  static std::vector<std::string>* texts_;
};

testing::TempDir* ManyCandidates::dir_ = nullptr;
std::string ManyCandidates::index_;
std::vector<std::string>* ManyCandidates::texts_ = nullptr;

TEST_F(ManyCandidates, PhraseCountsAreExactInFacetsAndPages) {
  const Searcher searcher = Searcher::open(index_);
  for (const std::string phrase :
       {"the state", "state party", "the state party", "the state party should", "party state",
        "rights on the state party report", "should should"}) {
    const std::uint64_t expected = holding(phrase);
    SearchOptions facets;
    facets.facets = true;
    const SearchResult counted = searcher.search("\"" + phrase + "\"", facets);
    EXPECT_EQ(counted.total, expected) << phrase;
    // Every page of hits, gathered, is every passage holding the phrase.
    std::set<std::string> ids;
    for (std::size_t offset = 0;; offset += 100) {
      SearchOptions page;
      page.limit = 100;
      page.offset = offset;
      const SearchResult result = searcher.search("\"" + phrase + "\"", page);
      for (const Hit& hit : result.hits) ids.insert(hit.id);
      if (result.hits.size() < 100) break;
    }
    EXPECT_EQ(ids.size(), expected) << phrase;
  }
}

}  // namespace
}  // namespace treatysearch
