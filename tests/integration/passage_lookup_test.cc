// Naming a passage (constructed indexes): by id and by citation, a citation shared by several
// documents (translations share their symbol) is an error listing their ids, the pieces of one
// long passage share a citation that names the first; equal scores and equal dates keep one
// order.
#include <gtest/gtest.h>

#include <string>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using testing::TempDir;

DocumentInfo info(const std::string& symbol, const std::string& language,
                  const std::string& date = "2020-01-01") {
  DocumentInfo d;
  d.symbol = symbol;
  d.language = language;
  d.committee = "CERD";
  d.state = "Kazakhstan";
  d.type = doctype::kConcludingObservations;
  d.date = date;
  return d;
}

class PassageLookup : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    Indexer indexer = Indexer::open(*dir_ / "index");
    indexer.add_text("co-en.txt",
                     "1. The Committee welcomes the report.\n\n2. The Committee recommends a "
                     "comprehensive law on discrimination.\n\n3. The Committee thanks the "
                     "delegation.\n",
                     info("CERD/C/ZZZ/CO/1", "en"));
    indexer.add_text("co-fr.txt",
                     "1. Le Comité accueille le rapport.\n\n2. Le Comité recommande une loi "
                     "complète contre la discrimination.\n\n3. Le Comité remercie la "
                     "délégation.\n",
                     info("CERD/C/ZZZ/CO/1", "fr"));
    indexer.add_text("other.txt",
                     "1. Another committee text about lighthouses.\n\n2. And harbours.\n\n"
                     "3. And anchors.\n",
                     info("CERD/C/YYY/CO/2", "en"));
    // Equal scores, equal dates: five documents with the same paragraph.
    for (int i = 0; i < 5; ++i)
      indexer.add_text("same-" + std::to_string(i) + ".txt",
                       "1. The identical paragraph about astrolabes.\n",
                       info("CERD/C/SAME/" + std::to_string(i), "en", "2019-05-05"));
    indexer.commit();
    searcher_ = new Searcher(Searcher::open(*dir_ / "index"));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }
  static TempDir* dir_;
  static Searcher* searcher_;
};

TempDir* PassageLookup::dir_ = nullptr;
Searcher* PassageLookup::searcher_ = nullptr;

TEST_F(PassageLookup, ACitationOfOneDocumentNamesItsPassage) {
  const PassageInContext shown = searcher_->passage("CERD/C/YYY/CO/2, para. 1");
  EXPECT_EQ(shown.passage.citation, "CERD/C/YYY/CO/2, para. 1");
  // Spaces and the case of ASCII letters do not matter.
  EXPECT_EQ(searcher_->passage("  cerd/c/yyy/co/2,   PARA. 1 ").passage.id, shown.passage.id);
  EXPECT_EQ(searcher_->passage(shown.passage.id).passage.citation, shown.passage.citation);
}

TEST_F(PassageLookup, ACitationOfSeveralDocumentsIsAnErrorListingTheirIds) {
  const SearchResult en = searcher_->search("comprehensive law");
  const SearchResult fr = searcher_->search("complète");
  ASSERT_FALSE(en.hits.empty());
  ASSERT_FALSE(fr.hits.empty());
  try {
    searcher_->passage("CERD/C/ZZZ/CO/1, para. 2");
    FAIL() << "an ambiguous citation named one passage";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    const std::string message = e.what();
    EXPECT_NE(message.find("2 documents"), std::string::npos) << message;
    EXPECT_NE(message.find(en.hits[0].id), std::string::npos) << message;
    EXPECT_NE(message.find(fr.hits[0].id), std::string::npos) << message;
  }
  EXPECT_THROW(searcher_->similar("CERD/C/ZZZ/CO/1, para. 2"), Error);
  // Either id works.
  EXPECT_EQ(searcher_->passage(fr.hits[0].id).passage.language, "fr");
  EXPECT_EQ(searcher_->passage(en.hits[0].id, 1).after.size(), 1u);
}

TEST_F(PassageLookup, EqualScoresAndDatesKeepOneOrder) {
  for (SortOrder sort :
       {SortOrder::kRelevance, SortOrder::kDateAscending, SortOrder::kDateDescending}) {
    SearchOptions options;
    options.sort = sort;
    const SearchResult first = searcher_->search("astrolabes", options);
    ASSERT_EQ(first.hits.size(), 5u);
    for (const Hit& hit : first.hits) EXPECT_DOUBLE_EQ(hit.score, first.hits[0].score);
    for (int run = 0; run < 3; ++run) {
      const Searcher again = Searcher::open(*dir_ / "index");
      const SearchResult result = again.search("astrolabes", options);
      ASSERT_EQ(result.hits.size(), first.hits.size());
      for (std::size_t i = 0; i < result.hits.size(); ++i)
        EXPECT_EQ(result.hits[i].id, first.hits[i].id);
    }
    // Pages agree with the whole list.
    options.limit = 2;
    options.offset = 2;
    const SearchResult page = searcher_->search("astrolabes", options);
    ASSERT_EQ(page.hits.size(), 2u);
    EXPECT_EQ(page.hits[0].id, first.hits[2].id);
    EXPECT_EQ(page.hits[1].id, first.hits[3].id);
  }
}

}  // namespace
}  // namespace treatysearch
