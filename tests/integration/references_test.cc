// Citations between passages over the bundled corpus (issue 11): the follow-up letter's two
// sections link to CERD/C/KAZ/CO/8-10 paras 18 (b) and 32 with their grade; the NGO
// commentary's "the Report" is CERD/C/KAZ/8-11; Filters::cites gives the same passages whatever
// order the files were indexed in.
#include <gtest/gtest.h>

#include <algorithm>
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
    build(*dir_ / "forward", {kLetter, kCommentary, kBelarusFollowUp});
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
  EXPECT_EQ(citing(*forward_, "CRPD/C/BLR/CO/1"), answer);
  EXPECT_TRUE(citing(*forward_, "CRPD/C/BLR/CO/1, para. 5 (d)").empty());
}

TEST_F(References, TheSameLinksWhateverTheIndexingOrder) {
  for (const std::string citation :
       {"CERD/C/KAZ/CO/8-10, para. 18 (b)", "CERD/C/KAZ/CO/8-10, para. 32", "CERD/C/KAZ/8-11",
        "CERD/C/KAZ/8-11, para. 14"}) {
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

}  // namespace
}  // namespace treatysearch
