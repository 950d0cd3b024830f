// The query language of issue 10 through the public API: connectors, truncation and fields, over
// small constructed texts (where /s and /p, w/3 and pre/3 differ) and over documents of
// corpus/ with known citations.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "temp_dir.h"
#include "treatysearch/error.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using testing::TempDir;

class ConstructedTexts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    index_ = *dir_ / "index";
    IndexerOptions options;
    options.shards = 2;
    Indexer indexer = Indexer::open(index_, options);
    add(indexer, "two-sentences", "The police arrested the journalist. Torture was alleged later.");
    add(indexer, "one-sentence", "The police used torture during the arrest.");
    add(indexer, "reversed", "Torture by the police was reported.");
    add(indexer, "abbreviation",
        "The police, as stated in para. 5 Of the report and by Mr. Smith, resorted to torture.");
    add(indexer, "discrimination", "Racial discrimination and discriminatory laws persist.");
    std::string many;
    for (int i = 1000; i <= 1200; ++i) many += "limit" + std::to_string(i) + " ";
    add(indexer, "many-words", many + "end.");
    add(indexer, "base", "Text of the base document.", "CERD/C/XYZ/CO/1");
    add(indexer, "addendum", "Text of its addendum.", "CERD/C/XYZ/CO/1/Add.1");
    add(indexer, "other", "Text of another document.", "CERD/C/XYZ/CO/10");
    DocumentInfo views;
    views.language = "en";
    views.title = "views";
    ASSERT_TRUE(indexer
                    .add_text("views",
                              "1.1 The author is a national of the State party.\n"
                              "1.2 He claims a violation of article 9.\n"
                              "6.1 Before considering any claim, the Committee must decide.\n"
                              "6.2 The Committee notes the objection of the State party.\n"
                              "6.3 The Committee considers the claim admissible.\n"
                              "7.1 The Committee has considered the communication.\n"
                              "7.2 The Committee finds a violation.\n",
                              views)
                    .error.empty());
    indexer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static void add(Indexer& indexer, const std::string& name, const std::string& text,
                  const std::string& symbol = "") {
    DocumentInfo info;
    info.language = "en";
    info.title = name;
    info.symbol = symbol;
    info.committee = symbol.empty() ? "" : "CERD";
    info.date = "2020-05-01";
    ASSERT_TRUE(indexer.add_text(name, "1. " + text + "\n", info).error.empty());
  }

  static SearchResult search(const std::string& query, const SearchOptions& given = {}) {
    SearchOptions options = given;
    options.limit = 100;
    return Searcher::open(index_).search(query, options);
  }

  // The titles of the documents whose passages the query finds.
  static std::set<std::string> found(const std::string& query, const SearchOptions& options = {}) {
    const SearchResult result = search(query, options);
    std::set<std::string> titles;
    for (const auto& hit : result.hits) titles.insert(hit.document.title);
    EXPECT_EQ(result.total, result.hits.size()) << query;
    return titles;
  }

  using Titles = std::set<std::string>;
  static TempDir* dir_;
  static std::string index_;
};

TempDir* ConstructedTexts::dir_ = nullptr;
std::string ConstructedTexts::index_;

TEST_F(ConstructedTexts, SameSentenceAndSameParagraphDiffer) {
  EXPECT_EQ(found("police /s torture"), (Titles{"one-sentence", "reversed", "abbreviation"}));
  EXPECT_EQ(found("police /p torture"),
            (Titles{"two-sentences", "one-sentence", "reversed", "abbreviation"}));
  EXPECT_EQ(found("police /S torture"), found("police /s torture"));
}

TEST_F(ConstructedTexts, InOrderSentenceAndParagraphConnectors) {
  // Westlaw's +s and +p: /s and /p with the first operand before the second.
  EXPECT_EQ(found("police +s torture"), (Titles{"one-sentence", "abbreviation"}));
  EXPECT_EQ(found("torture +s police"), (Titles{"reversed"}));
  EXPECT_EQ(found("police +p torture"), (Titles{"two-sentences", "one-sentence", "abbreviation"}));
  EXPECT_EQ(found("torture +p police"), (Titles{"reversed"}));
  EXPECT_EQ(found("police +S torture"), found("police +s torture"));
}

TEST_F(ConstructedTexts, ParaOfASectionNumberFindsItsDottedParagraphs) {
  std::set<std::string> labels;
  for (const Hit& hit : search("para:6").hits) labels.insert(hit.paragraph);
  EXPECT_EQ(labels, (std::set<std::string>{"6.1", "6.2", "6.3"}));
  labels.clear();
  for (const Hit& hit : search("para:6.2").hits) labels.insert(hit.paragraph);
  EXPECT_EQ(labels, (std::set<std::string>{"6.2"}));
}

TEST_F(ConstructedTexts, AbbreviationsDoNotEndTheSentence) {
  // "para. 5 Of" and "Mr. Smith" stand inside the sentence that has both words.
  EXPECT_TRUE(found("police /s torture").count("abbreviation"));
  EXPECT_TRUE(found("report /s torture").count("abbreviation"));
}

TEST_F(ConstructedTexts, WithinAndPrecedesDiffer) {
  // "police used torture": 2 apart, in order; "Torture by the police": 3 apart, reversed.
  EXPECT_EQ(found("police w/3 torture"), (Titles{"one-sentence", "reversed"}));
  EXPECT_EQ(found("police pre/3 torture"), (Titles{"one-sentence"}));
  EXPECT_EQ(found("torture pre/3 police"), (Titles{"reversed"}));
  // The width at the distance and one less.
  EXPECT_EQ(found("torture w/3 police"), (Titles{"one-sentence", "reversed"}));
  EXPECT_EQ(found("torture w/2 police"), (Titles{"one-sentence"}));
}

TEST_F(ConstructedTexts, ConnectorsCombineWithTheRest) {
  EXPECT_EQ(found("police w/3 torture -arrest"), (Titles{"reversed"}));
  EXPECT_EQ(found("(police OR militia) w/3 (torture OR ill-treatment)"),
            (Titles{"one-sentence", "reversed"}));
  EXPECT_EQ(found("\"the police\" pre/2 torture"), (Titles{"one-sentence"}));
  EXPECT_EQ(found("police w/3 torture OR discrimination"),
            (Titles{"one-sentence", "reversed", "discrimination"}));
}

TEST_F(ConstructedTexts, TruncationFindsEveryFormOfTheIndex) {
  EXPECT_EQ(found("discriminat*"), (Titles{"discrimination"}));
  EXPECT_EQ(found("discriminat!"), (Titles{"discrimination"}));
  EXPECT_EQ(found("\"racial discriminat*\""), (Titles{"discrimination"}));
  EXPECT_EQ(found("discriminat* pre/2 laws"), (Titles{"discrimination"}));
  EXPECT_EQ(found("arr?st"), (Titles{"one-sentence"}));
  // A word only ever written with a capital ("Mr. Smith") is a spelling in the vocabulary of
  // its shard, not a term of its own: it is found all the same.
  EXPECT_EQ(found("smi*"), (Titles{"abbreviation"}));
  EXPECT_TRUE(search("discriminat*").warnings.empty());
}

TEST_F(ConstructedTexts, TheExpansionLimitIsReportedNotSilent) {
  const SearchResult result = search("limit1*");  // 201 words
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings.front(),
            "\"limit1*\" matches 201 words; only the 200 most frequent are searched (type more "
            "letters)");
  EXPECT_EQ(result.hits.size(), 1u);
  EXPECT_TRUE(search("limit10*").warnings.empty());  // 100 words: within the limit
}

TEST_F(ConstructedTexts, SymbolFieldFindsTheBaseDocumentAndItsAddendaOrExactlyOne) {
  EXPECT_EQ(found("symbol:CERD/C/XYZ/CO/1"), (Titles{"base", "addendum"}));
  EXPECT_EQ(found("symbol:CERD/C/XYZ/CO/1/Add.1"), (Titles{"addendum"}));
  EXPECT_EQ(found("text symbol:cerd/c/xyz/co/10"), (Titles{"other"}));
  // The option means what the field means.
  SearchOptions base, addendum;
  base.filters.symbols = {"CERD/C/XYZ/CO/1"};
  addendum.filters.symbols = {"CERD/C/XYZ/CO/1/Add.1"};
  EXPECT_EQ(found("text", base), (Titles{"base", "addendum"}));
  EXPECT_EQ(found("text", addendum), (Titles{"addendum"}));
  // Both given: what both allow (the base allows its addendum).
  EXPECT_EQ(found("text symbol:CERD/C/XYZ/CO/1/Add.1", base), (Titles{"addendum"}));
  EXPECT_EQ(found("text symbol:CERD/C/XYZ/CO/1", addendum), (Titles{"addendum"}));
}

TEST_F(ConstructedTexts, FieldsAloneListThePassagesTheyAllow) {
  EXPECT_EQ(found("committee:CERD"), (Titles{"base", "addendum", "other"}));
  EXPECT_EQ(found("committee:cerd year:2020"), (Titles{"base", "addendum", "other"}));
  EXPECT_TRUE(found("committee:CERD year:2021..").empty());
}

TEST_F(ConstructedTexts, FieldsAndOptionsMustBothHold) {
  SearchOptions options;
  options.filters.symbols = {"CERD/C/XYZ/CO/1/Add.1"};
  EXPECT_EQ(found("symbol:CERD/C/XYZ/CO/1 text", options), (Titles{"addendum"}));
  options.filters = {};
  options.filters.committees = {"CCPR"};
  EXPECT_THROW(search("committee:CERD text", options), Error);
}

TEST_F(ConstructedTexts, BadQueriesAreOneClearError) {
  for (const auto& [query, message] : std::vector<std::pair<std::string, std::string>>{
           {"police AND (torture OR ill-treatment", "unbalanced parenthesis at 12"},
           {"torture w/ police", "w/ needs a number at 9"},
           {"police w/0 torture", "w/0 at 8: the width must be 1..255"},
           {"police w/256 torture", "w/256 at 8: the width must be 1..255"},
           {"di* police", "\"di*\" at 1: needs at least 3 letters"},
           {"year:20 police", "year:20 at 1: a year is four digits"},
           {"committee:CRED police", "unknown committee"},
       }) {
    try {
      search(query);
      ADD_FAILURE() << query << ": no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
    }
  }
}

// Documents of corpus/ (text and DOCX: no worker needed) with citations known from them.
class CorpusQueries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    IndexerOptions options;
    options.manifest_path = TREATYSEARCH_CORPUS_DIR "/manifest.xml";
    Indexer indexer = Indexer::open(*dir_ / "index", options);
    const IngestReport report = indexer.add_paths(
        {TREATYSEARCH_CORPUS_DIR "/cerd-follow-up-letter-kazakhstan-2023.txt",
         TREATYSEARCH_CORPUS_DIR "/ngo-commentaries-kazakhstan-cerd-8-11-2022.txt",
         TREATYSEARCH_CORPUS_DIR "/cerd/G1700519.docx"});
    ASSERT_EQ(report.failed, 0u);
    searcher_ = new Searcher(Searcher::open(*dir_ / "index"));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }

  static SearchResult search(const std::string& query, const SearchOptions& given = {}) {
    SearchOptions options = given;
    options.limit = 100;
    return searcher_->search(query, options);
  }

  static std::set<std::string> citations(const std::string& query) {
    std::set<std::string> out;
    for (const auto& hit : search(query).hits) out.insert(hit.citation);
    return out;
  }

  static std::set<std::string> labels(const std::string& query) {
    std::set<std::string> out;
    for (const auto& hit : search(query).hits) out.insert(hit.paragraph);
    return out;
  }

  static TempDir* dir_;
  static Searcher* searcher_;
};

TempDir* CorpusQueries::dir_ = nullptr;
Searcher* CorpusQueries::searcher_ = nullptr;

TEST_F(CorpusQueries, ParaFindsTheParagraphAndWhatIsUnderIt) {
  EXPECT_EQ(citations("para:26 symbol:CERD/C/URY/CO/21-23"),
            (std::set<std::string>{
                "CERD/C/URY/CO/21-23, para. 26", "CERD/C/URY/CO/21-23, para. 26 (a)",
                "CERD/C/URY/CO/21-23, para. 26 (b)", "CERD/C/URY/CO/21-23, para. 26 (c)"}));
  EXPECT_EQ(citations("para:\"26 (b)\" symbol:CERD/C/URY/CO/21-23"),
            (std::set<std::string>{"CERD/C/URY/CO/21-23, para. 26 (b)"}));
  EXPECT_EQ(labels("para:56 type:ngo-commentary"),
            (std::set<std::string>{"56", "56, recommendation 1", "56, recommendation 2",
                                   "56, recommendation 3", "56, table entry 1", "56, table entry 2",
                                   "56, table entry 3", "56, table entry 4"}));
}

TEST_F(CorpusQueries, FieldsInTheQueryEqualTheSameOptions) {
  const SearchResult written =
      search("discrimination state:Kazakhstan year:2023 type:follow-up-letter lang:en");
  SearchOptions options;
  options.filters.states = {"Kazakhstan"};
  options.filters.year_from = options.filters.year_to = 2023;
  options.filters.types = {"follow-up-letter"};
  options.filters.languages = {"en"};
  const SearchResult given = search("discrimination", options);
  ASSERT_FALSE(given.hits.empty());
  ASSERT_EQ(written.hits.size(), given.hits.size());
  for (std::size_t i = 0; i < given.hits.size(); ++i)
    EXPECT_EQ(written.hits[i].citation, given.hits[i].citation);
}

TEST_F(CorpusQueries, ConnectorsAndTruncationWithKnownCitations) {
  EXPECT_TRUE(labels("police /s torture state:Kazakhstan").count("202"));
  EXPECT_TRUE(
      citations("organi?ation symbol:CERD/C/URY/CO/21-23").count("CERD/C/URY/CO/21-23, para. 24"));
  EXPECT_TRUE(citations("hate w/2 speech").count("CERD/110th session/2023/FU/AKB/ks, para. [4]"));
  EXPECT_FALSE(search("racial pre/1 discrimination").hits.empty());
  EXPECT_TRUE(search("discrimination pre/1 racial").hits.empty());
  // The phrase is "racial" right before "discrimination" (pre/1 also takes their inflections).
  EXPECT_GE(search("racial pre/1 discrimination").total, search("\"racial discrimination\"").total);
}

}  // namespace
}  // namespace treatysearch
