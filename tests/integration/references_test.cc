// Citations between passages over the bundled corpus (issue 11): the follow-up letter's two
// sections link to CERD/C/KAZ/CO/8-10 paras 18 (b) and 32 with their grade; the NGO
// commentary's "the Report" is CERD/C/KAZ/8-11; Filters::cites gives the same passages whatever
// order the files were indexed in.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

const std::string kLetter = TREATYSEARCH_CORPUS_DIR "/cerd-follow-up-letter-kazakhstan-2023.txt";
const std::string kCommentary =
    TREATYSEARCH_CORPUS_DIR "/ngo-commentaries-kazakhstan-cerd-8-11-2022.txt";
const std::string kBelarusObservations =
    TREATYSEARCH_CORPUS_DIR "/crpd/Belarus_2024_CRPD_C_BLR_CO_1.pdf";
const std::string kBelarusFollowUp =
    TREATYSEARCH_CORPUS_DIR "/crpd/Belarus_2024_CRPD_C_BLR_FCO_1.pdf";
const std::string kBrazil = TREATYSEARCH_CORPUS_DIR "/cerd/CERD-Observacoes-Brasil-2022.pdf";

// Indexes `files` one commit each, in the order given.
void build(const std::filesystem::path& dir, const std::vector<std::string>& files) {
  IndexerOptions options;
  options.manifest_path = TREATYSEARCH_CORPUS_DIR "/manifest.xml";
  Indexer indexer = Indexer::open(dir, options);
  for (const std::string& file : files) {
    const IngestReport report = indexer.add_paths({file});
    ASSERT_EQ(report.failed, 0u) << file;
    indexer.commit();
  }
}

// The citations of every passage citing `citation`, sorted.
std::vector<std::string> citing(const Searcher& searcher, const std::string& citation) {
  SearchOptions options;
  options.limit = QueryLimits::kMaxPageSize;
  options.filters.cites = {citation};
  std::vector<std::string> out;
  for (const Hit& hit : searcher.search("", options).hits) out.push_back(hit.citation);
  std::sort(out.begin(), out.end());
  return out;
}

class References : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    build(*dir_ / "forward", {kLetter, kCommentary, kBelarusFollowUp, kBelarusObservations});
    build(*dir_ / "backward", {kBrazil, kCommentary, kLetter});
    forward_ = new Searcher(Searcher::open(*dir_ / "forward"));
    backward_ = new Searcher(Searcher::open(*dir_ / "backward"));
  }
  static void TearDownTestSuite() {
    delete forward_;
    delete backward_;
    delete dir_;
  }

  static testing::TempDir* dir_;
  static Searcher* forward_;
  static Searcher* backward_;
};

testing::TempDir* References::dir_ = nullptr;
Searcher* References::forward_ = nullptr;
Searcher* References::backward_ = nullptr;

TEST_F(References, TheLettersSectionsLinkToTheAssessedParagraphsWithTheirGrade) {
  const std::string letter = "CERD/110th session/2023/FU/AKB/ks, para. ";
  // The opening paragraph names both; each section's passages cite its heading's paragraph.
  EXPECT_EQ(citing(*forward_, "CERD/C/KAZ/CO/8-10, para. 18 (b)"),
            (std::vector<std::string>{letter + "[2]", letter + "[4]", letter + "[5]",
                                      letter + "[6]", letter + "[7]", letter + "[8]"}));
  const auto on_32 = citing(*forward_, "CERD/C/KAZ/CO/8-10, para. 32");
  EXPECT_EQ(on_32.front(), letter + "[10]");
  EXPECT_TRUE(std::find(on_32.begin(), on_32.end(), letter + "[12]") != on_32.end());
  EXPECT_TRUE(std::find(on_32.begin(), on_32.end(), letter + "[4]") == on_32.end());
  // Paragraph 18 as a whole is cited through its sub-paragraph; 18 (a) is not.
  EXPECT_EQ(citing(*forward_, "CERD/C/KAZ/CO/8-10, para. 18"),
            citing(*forward_, "CERD/C/KAZ/CO/8-10, para. 18 (b)"));
  EXPECT_TRUE(citing(*forward_, "CERD/C/KAZ/CO/8-10, para. 18 (a)").empty());

  // The grades, on the passages that give them.
  std::set<std::string> graded;
  SearchOptions options;
  options.limit = QueryLimits::kMaxPageSize;
  options.filters.cites = {"CERD/C/KAZ/CO/8-10"};
  for (const Hit& hit : forward_->search("", options).hits)
    for (const CitedReference& cited : hit.cites)
      if (!cited.grade.empty()) {
        EXPECT_EQ(cited.grade, "partially satisfactory") << hit.citation;
        EXPECT_EQ(cited.symbol, "CERD/C/KAZ/CO/8-10");
        EXPECT_TRUE(cited.inferred) << "from the letter's opening paragraph";
        graded.insert(cited.paragraph);
      }
  EXPECT_EQ(graded, (std::set<std::string>{"18 (b)", "32"}));
}

TEST_F(References, TheCommentarysReportIsTheStateReportItNames) {
  const auto on_25 = citing(*forward_, "CERD/C/KAZ/8-11, para. 25");
  ASSERT_EQ(on_25.size(), 1u);
  EXPECT_NE(on_25.front().find("para. 40"), std::string::npos) << on_25.front();
  // "The Report (paragraphs 95-99)": each paragraph of the range.
  EXPECT_EQ(citing(*forward_, "CERD/C/KAZ/8-11, para. 97"),
            citing(*forward_, "CERD/C/KAZ/8-11, para. 95"));
  EXPECT_EQ(citing(*forward_, "CERD/C/KAZ/8-11, para. 97").size(), 1u);
  // The whole report: the passage naming it and those citing its paragraphs.
  EXPECT_GE(citing(*forward_, "CERD/C/KAZ/8-11").size(), 8u);
}

TEST_F(References, BelarusFollowUpInformationLinksToTheParagraphsItAnswers) {
  // Its paragraph 28 answers "paragraph 5 (e) and recommendation 6 (d)" of CRPD/C/BLR/CO/1,
  // which it does not name: .../FCO/1 follows up .../CO/1.
  const std::vector<std::string> answer{"CRPD/C/BLR/FCO/1, para. 28"};
  EXPECT_EQ(citing(*forward_, "CRPD/C/BLR/CO/1, para. 5 (e)"), answer);
  EXPECT_EQ(citing(*forward_, "CRPD/C/BLR/CO/1, para. 6 (d)"), answer);
  // The whole document: that paragraph, and the document's own paragraph 67 ("the
  // recommendations contained in paragraph 8, ... paragraph 38, ... and paragraph 48").
  EXPECT_EQ(citing(*forward_, "CRPD/C/BLR/CO/1"),
            (std::vector<std::string>{"CRPD/C/BLR/CO/1, para. 67", answer[0]}));
  EXPECT_EQ(citing(*forward_, "CRPD/C/BLR/CO/1, para. 38"),
            std::vector<std::string>{"CRPD/C/BLR/CO/1, para. 67"});
  EXPECT_TRUE(citing(*forward_, "CRPD/C/BLR/CO/1, para. 5 (d)").empty());
  // And back: what it cites, resolved to the indexed paragraphs of CRPD/C/BLR/CO/1.
  SearchOptions options;
  options.limit = QueryLimits::kMaxPageSize;
  options.filters.cited_by = {"CRPD/C/BLR/FCO/1, para. 28"};
  std::vector<std::string> answered;
  for (const Hit& hit : forward_->search("", options).hits) answered.push_back(hit.citation);
  std::sort(answered.begin(), answered.end());
  EXPECT_EQ(answered, (std::vector<std::string>{"CRPD/C/BLR/CO/1, para. 5 (e)",
                                                "CRPD/C/BLR/CO/1, para. 6 (d)"}));
  EXPECT_EQ(forward_->passage("CRPD/C/BLR/CO/1, para. 6 (d)").passage.cited_by, 1u);
}

TEST_F(References, TheCommentarysTableCellsCiteTheirColumnsCycle) {
  // The table after paragraph 32: columns 2004, 2010, 2014; "(Para. N)" in each cell.
  SearchOptions options;
  options.limit = QueryLimits::kMaxPageSize;
  std::map<std::string, std::vector<std::string>> cites_of;
  for (const Hit& hit : forward_->search("para:32 type:ngo-commentary", options).hits)
    for (const CitedReference& cited : hit.cites) cites_of[hit.paragraph].push_back(cited.citation);
  EXPECT_EQ(
      cites_of["32, table entry 4"],
      std::vector<std::string>{
          "concluding observations on the initial to third periodic reports (2004), para. 8"});
  EXPECT_EQ(cites_of["32, table entry 6"], std::vector<std::string>{"CERD/C/KAZ/CO/4-5, para. 10"});
  EXPECT_EQ(cites_of["32, table entry 8"], std::vector<std::string>{"CERD/C/KAZ/CO/6-7, para. 6"});
  // Two empty cells before it: the third column.
  EXPECT_EQ(cites_of["32, table entry 9"], std::vector<std::string>{"CERD/C/KAZ/CO/6-7, para. 8"});
  // "(art. 5 (f)). (Para. 12)" cites the concluding observations, not the article.
  const auto on_12 = citing(*forward_, "CERD/C/KAZ/CO/4-5, para. 12");
  EXPECT_TRUE(std::any_of(on_12.begin(), on_12.end(), [](const std::string& c) {
    return c.ends_with("para. 61, table entry 9");
  }));
  // At least 20 of the table references resolve to the 2010 and 2014 cycles.
  EXPECT_GE(
      citing(*forward_, "CERD/C/KAZ/CO/4-5").size() + citing(*forward_, "CERD/C/KAZ/CO/6-7").size(),
      20u);
}

TEST_F(References, TheSameLinksWhateverTheIndexingOrder) {
  for (const std::string citation :
       {"CERD/C/KAZ/CO/8-10, para. 18 (b)", "CERD/C/KAZ/CO/8-10, para. 32", "CERD/C/KAZ/8-11",
        "CERD/C/KAZ/8-11, para. 14", "CERD/C/KAZ/CO/4-5, para. 9", "CERD/C/KAZ/CO/6-7"}) {
    const auto forward = citing(*forward_, citation);
    EXPECT_FALSE(forward.empty()) << citation;
    EXPECT_EQ(forward, citing(*backward_, citation)) << citation;
  }
}

TEST_F(References, CitesCombinesWithAQueryAndRefusesWhatIsNotACitation) {
  SearchOptions options;
  options.filters.cites = {"CERD/C/KAZ/CO/8-10, para. 18 (b)"};
  const SearchResult result = forward_->search("hate speech", options);
  ASSERT_FALSE(result.hits.empty());
  for (const Hit& hit : result.hits)
    EXPECT_NE(hit.citation.find("CERD/110th session/2023/FU/AKB/ks"), std::string::npos);
  options.filters.cites = {"para. 18"};
  try {
    forward_->search("hate speech", options);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("'para. 18'"), std::string::npos) << e.what();
  }
}

// A constructed pair: concluding observations and the follow-up letter grading two of their
// paragraphs, indexed in either order.
const std::string kRuritaniaObservations =
    "1. The Committee welcomes the report of the State party.\n\n"
    "2. The Committee recommends that the State party:\n\n"
    "(a) Adopt a comprehensive law against racist hate speech;\n\n"
    "(b) Train the police on the new law.\n\n"
    "3. The Committee recommends education in minority languages.\n";
const std::string kRuritaniaLetter =
    "The Committee refers to paragraphs 2 (a) and 3 of its concluding observations "
    "(CERD/C/RUR/CO/1).\n\n"
    "Paragraph 2 (a) of the Concluding Observations\n\n"
    "The Committee considers the response to this recommendation as insufficient.\n\n"
    "Paragraph 3 of the Concluding Observations\n\n"
    "The Committee considers the State party's response as partially satisfactory.\n";

DocumentInfo ruritania(std::string symbol, std::string type, std::string date) {
  DocumentInfo info;
  info.symbol = std::move(symbol);
  info.type = std::move(type);
  info.committee = "CERD";
  info.date = std::move(date);
  info.language = "en";
  return info;
}

class FollowUpLinks : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    Indexer indexer = Indexer::open(dir_ / "index");
    const auto observations = [&] {
      indexer.add_text("co.txt", kRuritaniaObservations,
                       ruritania("CERD/C/RUR/CO/1", doctype::kConcludingObservations, "2022-04"));
      indexer.commit();
    };
    const auto letter = [&] {
      indexer.add_text(
          "letter.txt", kRuritaniaLetter,
          ruritania("CERD/110th session/2023/FU/RUR", doctype::kFollowUpLetter, "2023-09-12"));
      indexer.commit();
    };
    if (GetParam()) {
      observations();
      letter();
    } else {
      letter();
      observations();
    }
    searcher_ = std::make_unique<Searcher>(Searcher::open(dir_ / "index"));
  }

  // The citations of the hits of `options` with no query, sorted.
  std::vector<std::string> hits(const SearchOptions& options) const {
    std::vector<std::string> out;
    for (const Hit& hit : searcher_->search("", options).hits) out.push_back(hit.citation);
    std::sort(out.begin(), out.end());
    return out;
  }
  Hit passage(const std::string& citation) const { return searcher_->passage(citation).passage; }

  testing::TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_P(FollowUpLinks, AGradedParagraphShowsItsGradeAndWhoCitesIt) {
  const Hit assessed = passage("CERD/C/RUR/CO/1, para. 2 (a)");
  ASSERT_EQ(assessed.grades.size(), 1u);
  EXPECT_EQ(assessed.grades[0].grade, "insufficient");
  EXPECT_EQ(assessed.grades[0].date, "2023-09-12");
  EXPECT_NE(assessed.grades[0].citation.find("CERD/110th session/2023/FU/RUR, para. "),
            std::string::npos);
  EXPECT_EQ(passage("CERD/C/RUR/CO/1, para. 3").grades.at(0).grade, "partially satisfactory");
  // Grades belong to the paragraph assessed, not to its neighbours or its parent.
  EXPECT_TRUE(passage("CERD/C/RUR/CO/1, para. 2 (b)").grades.empty());
  EXPECT_TRUE(passage("CERD/C/RUR/CO/1, para. 2").grades.empty());

  // cited_by counts what --cites lists: the opening paragraph and the section's passage.
  SearchOptions citing;
  citing.filters.cites = {"CERD/C/RUR/CO/1, para. 2 (a)"};
  EXPECT_EQ(hits(citing).size(), 2u);
  EXPECT_EQ(assessed.cited_by, 2u);
  EXPECT_EQ(passage("CERD/C/RUR/CO/1, para. 2").cited_by, 2u) << "through its sub-paragraph";
  EXPECT_EQ(passage("CERD/C/RUR/CO/1, para. 2 (b)").cited_by, 0u);
  EXPECT_EQ(passage("CERD/C/RUR/CO/1, para. 1").cited_by, 0u);
}

TEST_P(FollowUpLinks, CitedByResolvesEachReferenceToItsPassages) {
  SearchOptions options;
  options.filters.cited_by = {"CERD/110th session/2023/FU/RUR, para. [1]"};
  EXPECT_EQ(hits(options),
            (std::vector<std::string>{"CERD/C/RUR/CO/1, para. 2 (a)", "CERD/C/RUR/CO/1, para. 3"}));
  // With a query: those of them that match it.
  const SearchResult result = searcher_->search("minority languages", options);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].citation, "CERD/C/RUR/CO/1, para. 3");
  options.filters.cited_by = {"CERD/C/RUR/CO/1, para. 99"};
  try {
    searcher_->search("", options);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound) << e.what();
  }
}

TEST_P(FollowUpLinks, GradeFindsTheAssessedParagraphsAndTheirAssessments) {
  SearchOptions options;
  options.filters.grades = {"Insufficient"};
  const auto found = hits(options);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "CERD/110th session/2023/FU/RUR, para. [2]");  // headings are not passages
  EXPECT_EQ(found[1], "CERD/C/RUR/CO/1, para. 2 (a)");
  options.filters.grades = {"satisfactory"};  // not "partially satisfactory"
  EXPECT_TRUE(hits(options).empty());
}

INSTANTIATE_TEST_SUITE_P(EitherOrder, FollowUpLinks, ::testing::Bool());

}  // namespace
}  // namespace treatysearch

namespace treatysearch {
namespace {

// The same concluding observations in English and French (same symbol, same numbering), and
// another document with the same numbers.
class ParallelLanguages : public ::testing::Test {
 protected:
  // CERD/C/RUR/CO/1 in English and in French.
  static void add_observations(Indexer& indexer) {
    indexer.add_text("co-en.txt",
                     "1. The Committee welcomes the report.\n\n"
                     "2. The Committee recommends that the State party:\n\n"
                     "(a) Adopt a law against racist hate speech;\n\n"
                     "(b) Train the police.\n\n"
                     "3. The Committee recommends education in minority languages.\n",
                     ruritania("CERD/C/RUR/CO/1", doctype::kConcludingObservations, "2022"));
    DocumentInfo french = ruritania("CERD/C/RUR/CO/1", doctype::kConcludingObservations, "2022");
    french.language = "fr";
    indexer.add_text("co-fr.txt",
                     "1. Le Comité accueille avec satisfaction le rapport.\n\n"
                     "2. Le Comité recommande à l'État partie :\n\n"
                     "a) D'adopter une loi contre les discours de haine raciste ;\n\n"
                     "b) De former la police.\n\n"
                     "3. Le Comité recommande l'enseignement dans les langues minoritaires.\n",
                     french);
  }

  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    Indexer indexer = Indexer::open(*dir_ / "index");
    add_observations(indexer);
    indexer.add_text("other.txt",
                     "1. The Committee welcomes another report.\n\n2. It regrets.\n\n"
                     "3. It recommends.\n",
                     ruritania("CERD/C/RUR/CO/2", doctype::kConcludingObservations, "2026"));
    indexer.commit();
    searcher_ = new Searcher(Searcher::open(*dir_ / "index"));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }

  static std::vector<std::string> parallel_of(const std::string& query, const std::string& lang) {
    SearchOptions options;
    options.parallel = true;
    options.limit = 1;
    options.filters.languages = {lang};
    const SearchResult result = searcher_->search(query, options);
    EXPECT_EQ(result.hits.size(), 1u) << query;
    std::vector<std::string> out;
    if (result.hits.empty()) return out;
    for (const ParallelPassage& other : result.hits[0].parallel)
      out.push_back(other.language + " " + other.citation + " " + other.text);
    return out;
  }

  static testing::TempDir* dir_;
  static Searcher* searcher_;
};

testing::TempDir* ParallelLanguages::dir_ = nullptr;
Searcher* ParallelLanguages::searcher_ = nullptr;

TEST_F(ParallelLanguages, EachHitGetsItsParagraphInTheOtherLanguage) {
  EXPECT_EQ(parallel_of("hate speech", "en"),
            std::vector<std::string>{
                "fr CERD/C/RUR/CO/1, para. 2 (a) D'adopter une loi contre les discours de haine "
                "raciste ;"});
  EXPECT_EQ(parallel_of("police", "fr"),
            std::vector<std::string>{"en CERD/C/RUR/CO/1, para. 2 (b) Train the police."});
  // Paragraph 1 of the other document has the same number, not the same symbol.
  const auto welcomes = parallel_of("welcomes report", "en");
  ASSERT_EQ(welcomes.size(), 1u);
  EXPECT_EQ(welcomes[0].substr(0, 27), "fr CERD/C/RUR/CO/1, para. 1");
  // Without the option, nothing is looked up.
  SearchOptions plain;
  plain.limit = 1;
  EXPECT_TRUE(searcher_->search("hate speech", plain).hits.at(0).parallel.empty());
}

// --lang on --cites and --history: an English and a French commentary cite paragraph 2 (a);
// asking in French shows the French paragraph and commentary only.
TEST_F(ParallelLanguages, LanguagesLimitWhatCitesAndHistoryShow) {
  testing::TempDir dir;
  {
    Indexer indexer = Indexer::open(dir / "index");
    add_observations(indexer);
    indexer.add_text("ngo-en.txt",
                     "1. Nothing was done about paragraph 2 (a) of CERD/C/RUR/CO/1.\n\n"
                     "2. Schools teach in one language.\n\n3. The police are not trained.\n",
                     ruritania("", doctype::kNgoCommentary, "2024"));
    DocumentInfo french_ngo = ruritania("", doctype::kNgoCommentary, "2024");
    french_ngo.language = "fr";
    indexer.add_text("ngo-fr.txt",
                     "1. Rien n'a été fait quant au paragraphe 2 a) des observations finales "
                     "(CERD/C/RUR/CO/1).\n\n"
                     "2. Les écoles enseignent dans une seule langue.\n\n3. La police.\n",
                     french_ngo);
    indexer.commit();
  }
  const Searcher searcher = Searcher::open(dir / "index");
  SearchOptions options;
  options.filters.cites = {"CERD/C/RUR/CO/1, para. 2 (a)"};
  EXPECT_EQ(searcher.search("", options).total, 2u);
  options.filters.languages = {"fr"};
  const SearchResult french = searcher.search("", options);
  ASSERT_EQ(french.hits.size(), 1u);
  EXPECT_EQ(french.hits[0].language, "fr");

  SearchOptions in_french;
  in_french.filters.languages = {"fr"};
  const History history = searcher.history("CERD/C/RUR/CO/1, para. 2 (a)", in_french);
  ASSERT_FALSE(history.entries.empty());
  for (const HistoryEntry& entry : history.entries)
    EXPECT_EQ(entry.passage.language, "fr") << entry.passage.citation;
  EXPECT_EQ(history.entries.front().relation, "recommendation");
  EXPECT_GT(searcher.history("CERD/C/RUR/CO/1, para. 2 (a)").entries.size(),
            history.entries.size());
}

}  // namespace
}  // namespace treatysearch

namespace treatysearch {
namespace {

// A recommendation's life: the paragraph (2022), the follow-up letter (2023), an NGO
// commentary (2024) and the next cycle's concluding observations (2026), which either cite it
// or only treat the same matter.
class RecommendationHistory : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    const bool next_cycle_cites = GetParam();
    Indexer indexer = Indexer::open(dir_ / "index");
    DocumentInfo co = ruritania("CERD/C/RUR/CO/1", doctype::kConcludingObservations, "2022-04");
    co.state = "Ruritania";
    indexer.add_text("co.txt", kRuritaniaObservations, co);
    indexer.add_text(
        "letter.txt", kRuritaniaLetter,
        ruritania("CERD/110th session/2023/FU/RUR", doctype::kFollowUpLetter, "2023-09-12"));
    indexer.add_text("ngo.txt",
                     "1. The State has done nothing about paragraph 2 (a) of the concluding "
                     "observations (CERD/C/RUR/CO/1).\n\n2. Schools teach in one language.\n\n"
                     "3. The police are not trained.\n",
                     ruritania("", doctype::kNgoCommentary, "2024"));
    DocumentInfo next = ruritania("CERD/C/RUR/CO/2", doctype::kConcludingObservations, "2026-05");
    next.state = "Ruritania";
    indexer.add_text(
        "co2.txt",
        std::string("1. The Committee welcomes the second report of the State party.\n\n") +
            "2. The Committee remains concerned that no comprehensive law against racist hate "
            "speech has been adopted" +
            (next_cycle_cites ? " (see CERD/C/RUR/CO/1, para. 2 (a))" : "") +
            ", and recommends that the State party adopt one.\n\n"
            "3. The Committee recommends the ratification of the amendment to article 8.\n",
        next);
    indexer.commit();
    searcher_ = std::make_unique<Searcher>(Searcher::open(dir_ / "index"));
  }

  testing::TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_P(RecommendationHistory, EveryPassageAboutItOldestFirst) {
  const History history = searcher_->history("CERD/C/RUR/CO/1, para. 2 (a)");
  std::vector<std::string> lines;
  for (const HistoryEntry& entry : history.entries)
    lines.push_back(entry.passage.document.date + " " + entry.relation + " " +
                    entry.passage.citation);
  const std::string last = GetParam() ? "2026-05 next-cycle CERD/C/RUR/CO/2, para. 2"
                                      : "2026-05 next-cycle-similar CERD/C/RUR/CO/2, para. 2";
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "2022-04 recommendation CERD/C/RUR/CO/1, para. 2 (a)",
                       "2023-09-12 follow-up-letter CERD/110th session/2023/FU/RUR, para. [1]",
                       "2023-09-12 assessment CERD/110th session/2023/FU/RUR, para. [2]",
                       "2024 ngo-commentary ngo.txt, para. 1", last}));
  EXPECT_EQ(history.citation, "CERD/C/RUR/CO/1, para. 2 (a)");
}

TEST_P(RecommendationHistory, EachParagraphHasItsOwn) {
  const History history = searcher_->history("CERD/C/RUR/CO/1, para. 3");
  ASSERT_GE(history.entries.size(), 3u);
  EXPECT_EQ(history.entries[0].relation, "recommendation");
  EXPECT_EQ(history.entries[1].passage.citation, "CERD/110th session/2023/FU/RUR, para. [1]");
  EXPECT_EQ(history.entries[2].relation, "assessment");
  EXPECT_EQ(history.entries[2].passage.cites.at(0).grade, "partially satisfactory");
  // A paragraph nothing indexed is about: no entries; the CLI exits 1 then.
  EXPECT_TRUE(searcher_->history("CERD/C/RUR/CO/7, para. 3").entries.empty());
  // Nothing cites 2 (b): the paragraph, and at most what the next cycle says like it.
  const History uncited = searcher_->history("CERD/C/RUR/CO/1, para. 2 (b)");
  ASSERT_FALSE(uncited.entries.empty());
  EXPECT_EQ(uncited.entries[0].passage.citation, "CERD/C/RUR/CO/1, para. 2 (b)");
  for (std::size_t i = 1; i < uncited.entries.size(); ++i)
    EXPECT_EQ(uncited.entries[i].relation, "next-cycle-similar");
  try {
    searcher_->history("para. 3");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

INSTANTIATE_TEST_SUITE_P(CitedOrNot, RecommendationHistory, ::testing::Bool());

}  // namespace
}  // namespace treatysearch

namespace treatysearch {
namespace {

// cited_by counts passages, not references: one passage citing both paragraph 2 and 2 (a) is
// one citing passage of 2 (a).
TEST(CitedByCount, APassageCitingAParagraphAndItsPartCountsOnce) {
  testing::TempDir dir;
  {
    Indexer indexer = Indexer::open(dir / "index");
    indexer.add_text("co.txt", kRuritaniaObservations,
                     ruritania("CERD/C/RUR/CO/1", doctype::kConcludingObservations, "2022-04"));
    indexer.add_text("letter.txt",
                     "The Committee refers to paragraph 2 and to paragraph 2 (a) of its concluding "
                     "observations (CERD/C/RUR/CO/1).\n\n"
                     "It also recalls paragraph 2 of the concluding observations "
                     "(CERD/C/RUR/CO/1).\n\nIt thanks the State party.\n",
                     ruritania("CERD/111th session/2024/FU/RUR", doctype::kFollowUpLetter, "2024"));
    indexer.commit();
  }
  const Searcher searcher = Searcher::open(dir / "index");
  EXPECT_EQ(searcher.passage("CERD/C/RUR/CO/1, para. 2 (a)").passage.cited_by, 2u);
  EXPECT_EQ(searcher.passage("CERD/C/RUR/CO/1, para. 2").passage.cited_by, 2u);
  EXPECT_EQ(searcher.passage("CERD/C/RUR/CO/1, para. 2 (b)").passage.cited_by, 2u)
      << "both cite paragraph 2 as a whole";
  EXPECT_EQ(searcher.passage("CERD/C/RUR/CO/1, para. 3").passage.cited_by, 0u);
}

}  // namespace
}  // namespace treatysearch
