// Golden queries over the bundled corpus/: for each query, the passage a lawyer would want must
// be among the top 3, with its exact citation. The corpus is indexed once for the suite through
// the public API, exactly as treaty-index does.
#include <gtest/gtest.h>

#include <cctype>
#include <memory>
#include <string>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

const std::string kNgo =
    "Commentaries of Kazakhstan human rights organisations on the eighth to eleventh periodic "
    "reports of Kazakhstan (CERD/C/KAZ/8-11) on the implementation of the ICERD (2022), ";
const std::string kLetter = "CERD/110th session/2023/FU/AKB/ks, ";

class GoldenQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The queries are about the Kazakhstan pair; the other documents of corpus/ have golden
    // tests of their own (golden_formats_test.cc).
    dir_ = new testing::TempDir();
    IndexerOptions options;
    options.manifest_path = TREATYSEARCH_CORPUS_DIR "/manifest.xml";
    Indexer indexer = Indexer::open(*dir_ / "index", options);
    const IngestReport report = indexer.add_paths(
        {TREATYSEARCH_CORPUS_DIR "/cerd-follow-up-letter-kazakhstan-2023.txt",
         TREATYSEARCH_CORPUS_DIR "/ngo-commentaries-kazakhstan-cerd-8-11-2022.txt"});
    ASSERT_EQ(report.failed, 0u);
    ASSERT_EQ(report.added, 2u);
    searcher_ = new Searcher(Searcher::open(*dir_ / "index"));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }

  // The ranks (1-based) at which `citation` appears in the first `depth` hits, or 0.
  static std::size_t rank_of(const std::string& query, const std::string& citation,
                             const SearchOptions& options = {}, std::size_t depth = 3) {
    SearchOptions o = options;
    o.limit = depth;
    const SearchResult result = searcher_->search(query, o);
    for (const Hit& hit : result.hits)
      if (hit.citation == citation) return hit.rank;
    return 0;
  }

  static testing::TempDir* dir_;
  static Searcher* searcher_;
};

testing::TempDir* GoldenQueries::dir_ = nullptr;
Searcher* GoldenQueries::searcher_ = nullptr;

struct Golden {
  const char* query;
  std::string citation;
};

TEST_F(GoldenQueries, ExpectedPassageInTopThree) {
  const Golden cases[] = {
      {"Akhmedyarov", kNgo + "para. 28"},
      {"Sadovskaya emigration", kNgo + "para. 57"},
      {"\"Vienna Convention on the Law of Treaties\"", kNgo + "para. 18"},
      {"QazNetEtiquette", kLetter + "para. [4]"},
      {"mediation trainings ethnic mediators", kLetter + "para. [6]"},
      {"Ombudsmen for Children's Rights", kLetter + "para. [9]"},
      {"separatism", kLetter + "para. [5]"},
      {"\"Education Act\" refugees", kLetter + "para. [9]"},
      {"Dungans fled Kyrgyzstan", kNgo + "para. 195"},
      {"Roma gypsies", kNgo + "para. 175"},
      {"\"stateless persons\" citizenship", kNgo + "para. 161"},
      {"\"Labour Code\" amendments", kNgo + "para. 56"},
      {"non-refoulment asylum", kNgo + "para. 159"},
      {"individual complaint procedure Article 14", kNgo + "para. 21"},
      {"coronavirus", kNgo + "para. 57"},
      {"definition of discrimination national law", kNgo + "para. 35 (b)"},
      {"periodic reports submitted on time", kNgo + "para. 6, recommendation"},
      {"priority of international law ratified treaties", kNgo + "para. 19, recommendation"},
      {"Feminita hate speech", kNgo + "para. 126"},
  };
  for (const auto& c : cases)
    EXPECT_NE(rank_of(c.query, c.citation), 0u) << c.query << " -> " << c.citation;
}

TEST_F(GoldenQueries, InflectedFormsAndCaseMatch) {
  // "discriminated" is not in para. 28; "mediator" is only in its plural form in the letter.
  EXPECT_NE(rank_of("MEDIATOR curriculum", kLetter + "para. [6]"), 0u);
  EXPECT_NE(rank_of("pogrom Masanchi", kNgo + "para. 191"), 0u);
}

TEST_F(GoldenQueries, FiltersNarrowToTheRightDocument) {
  SearchOptions letters;
  letters.filters.types = {"follow-up-letter"};
  EXPECT_EQ(rank_of("regrets information education", kLetter + "para. [10]", letters), 1u);
  SearchOptions by_state_code;
  by_state_code.filters.states = {"kaz"};
  by_state_code.filters.year_from = 2023;
  EXPECT_NE(rank_of("hate speech", kLetter + "para. [4]", by_state_code), 0u);
  SearchOptions other_committee;
  other_committee.filters.committees = {"CCPR"};
  EXPECT_TRUE(searcher_->search("hate speech", other_committee).hits.empty());
}

TEST_F(GoldenQueries, AllWordsRankBeforeSomeWords) {
  SearchOptions o;
  o.limit = 50;
  const SearchResult result = searcher_->search("QazNetEtiquette xylophonezzz", o);
  ASSERT_FALSE(result.hits.empty()) << "a missing word must not empty the result";
  EXPECT_EQ(result.hits.front().citation, kLetter + "para. [4]");
  const SearchResult both = searcher_->search("Masanchi Dungans", o);
  bool seen_partial = false;
  for (const Hit& hit : both.hits) {
    std::string lower = hit.text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool has_both =
        lower.find("masanchi") != std::string::npos && lower.find("dungan") != std::string::npos;
    if (!has_both) seen_partial = true;
    EXPECT_FALSE(seen_partial && has_both)
        << "passage with both words ranked after a partial one: " << hit.citation;
  }
}

TEST_F(GoldenQueries, BooleanOperatorsAndPhrases) {
  EXPECT_TRUE(searcher_->search("QazNetEtiquette AND xylophonezzz").hits.empty());
  EXPECT_FALSE(searcher_->search("QazNetEtiquette OR xylophonezzz").hits.empty());
  EXPECT_TRUE(searcher_->search("QazNetEtiquette NOT hate").hits.empty());
  EXPECT_TRUE(searcher_->search("\"speech hate\"").hits.empty());
  const SearchResult paged = searcher_->search("Kazakhstan", SearchOptions{5, 5, {}, 240});
  ASSERT_EQ(paged.hits.size(), 5u);
  EXPECT_EQ(paged.hits.front().rank, 6u);
}

TEST_F(GoldenQueries, HitsCarryDocumentMetadataAndSnippets) {
  SearchOptions o;
  o.limit = 1;
  const SearchResult result = searcher_->search("QazNetEtiquette", o);
  ASSERT_EQ(result.hits.size(), 1u);
  const Hit& hit = result.hits.front();
  EXPECT_EQ(hit.paragraph, "[4]");
  EXPECT_EQ(hit.section, "Paragraph 18 (b) of the Concluding Observations");
  EXPECT_EQ(hit.document.symbol, "CERD/110th session/2023/FU/AKB/ks");
  EXPECT_EQ(hit.document.type, "follow-up-letter");
  EXPECT_EQ(hit.document.committee, "CERD");
  EXPECT_EQ(hit.document.state, "Kazakhstan");
  EXPECT_EQ(hit.document.session, "110");
  EXPECT_EQ(hit.document.date, "2023-09-12");
  EXPECT_EQ(hit.document.language, "en");
  EXPECT_NE(hit.document.source.find("cerd-follow-up-letter-kazakhstan-2023.txt"),
            std::string::npos);
  ASSERT_EQ(hit.snippet.highlights.size(), 1u);
  const auto& h = hit.snippet.highlights.front();
  EXPECT_EQ(hit.snippet.text.substr(h.begin, h.end - h.begin), "QazNetEtiquette");
  EXPECT_TRUE(hit.text.starts_with("The Committee welcomes the information provided"));
}

}  // namespace
}  // namespace treatysearch
