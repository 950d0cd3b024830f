// Filters through the public API: unknown committees, types and States are errors that say
// what is accepted; known values match in any spelling the filters promise, non-ASCII included;
// paging numbers cannot wrap around.
#include <gtest/gtest.h>

#include <limits>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

using testing::TempDir;

DocumentInfo document(std::string state, std::string committee = "CERD",
                      std::string type = doctype::kConcludingObservations) {
  DocumentInfo info;
  info.state = std::move(state);
  info.committee = std::move(committee);
  info.type = std::move(type);
  return info;
}

// One index of three small documents: one each about Côte d'Ivoire, Türkiye and a State the
// table does not know (an embedding program may give any value).
class FilterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    Indexer indexer = Indexer::open(*dir_ / "index");
    indexer.add_text("civ.txt", "1. The astrolabe of Abidjan.\n", document("Côte d'Ivoire"));
    indexer.add_text("tur.txt", "1. The astrolabe of Ankara.\n",
                     document("Republic of Türkiye", "CCPR", doctype::kFollowUpLetter));
    indexer.add_text("own.txt", "1. The astrolabe of Zenda.\n", document("Ruritanië"));
    indexer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::vector<std::string> sources(const Filters& filters) {
    SearchOptions options;
    options.filters = filters;
    std::vector<std::string> out;
    for (const Hit& hit : Searcher::open(*dir_ / "index").search("astrolabe", options).hits)
      out.push_back(hit.document.source);
    std::sort(out.begin(), out.end());
    return out;
  }
  static std::vector<std::string> by_state(const std::string& state) {
    Filters filters;
    filters.states = {state};
    return sources(filters);
  }

  // The message of the Error kInvalidArgument that `filters` cause.
  static std::string error_for(const Filters& filters) {
    SearchOptions options;
    options.filters = filters;
    try {
      Searcher::open(*dir_ / "index").search("astrolabe", options);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
      return e.what();
    }
    ADD_FAILURE() << "no error";
    return {};
  }

  static TempDir* dir_;
};
TempDir* FilterTest::dir_ = nullptr;

using Sources = std::vector<std::string>;

TEST_F(FilterTest, NonAsciiStatesMatchByNameCodeAndAsciiSpelling) {
  for (const char* civ : {"Côte d'Ivoire", "côte d'ivoire", "COTE D'IVOIRE", "Côte d’Ivoire", "CIV",
                          "civ", "Republic of Côte d'Ivoire"})
    EXPECT_EQ(by_state(civ), Sources{"civ.txt"}) << civ;
  for (const char* tur : {"Türkiye", "türkiye", "Turkey", "turkiye", "TUR"})
    EXPECT_EQ(by_state(tur), Sources{"tur.txt"}) << tur;
}

TEST_F(FilterTest, AStateOutsideTheTableMatchesAsIndexed) {
  EXPECT_EQ(by_state("Ruritanië"), Sources{"own.txt"});
  EXPECT_EQ(by_state("RURITANIë"), Sources{"own.txt"});  // ASCII letters in any case
}

TEST_F(FilterTest, KnownCommitteesAndTypesMatchInAnyCase) {
  Filters filters;
  filters.committees = {"ccpr"};
  EXPECT_EQ(sources(filters), Sources{"tur.txt"});
  filters.committees = {"CERD", "CCPR"};
  EXPECT_EQ(sources(filters), (Sources{"civ.txt", "own.txt", "tur.txt"}));
  filters = {};
  filters.types = {"Follow-Up-Letter"};
  EXPECT_EQ(sources(filters), Sources{"tur.txt"});
  filters.types = {doctype::kDecision};  // known, nothing of that type: no hits, no error
  EXPECT_EQ(sources(filters), Sources{});
}

TEST_F(FilterTest, UnknownCommitteeListsTheCommittees) {
  Filters filters;
  filters.committees = {"CERD", "CRED"};
  const std::string message = error_for(filters);
  EXPECT_NE(message.find("committee \"CRED\""), std::string::npos) << message;
  EXPECT_NE(message.find("CERD, CCPR, CESCR, CEDAW, CRC, CAT, CRPD, CMW, CED"), std::string::npos)
      << message;
}

TEST_F(FilterTest, UnknownTypeListsTheTypes) {
  Filters filters;
  filters.types = {"concluding-observation"};
  const std::string message = error_for(filters);
  EXPECT_NE(message.find("type \"concluding-observation\""), std::string::npos) << message;
  for (const char* type : {doctype::kConcludingObservations, doctype::kFollowUpLetter,
                           doctype::kNgoCommentary, doctype::kStateReport, doctype::kListOfIssues,
                           doctype::kGeneralComment, doctype::kDecision, doctype::kOther})
    EXPECT_NE(message.find(type), std::string::npos) << type << " not in " << message;
}

TEST_F(FilterTest, UnknownStateSaysSo) {
  Filters filters;
  filters.states = {"Narnia"};
  const std::string message = error_for(filters);
  EXPECT_NE(message.find("state \"Narnia\": matches no known State"), std::string::npos) << message;
}

TEST_F(FilterTest, OffsetCannotWrapAroundTheWindow) {
  SearchOptions options;
  options.limit = 1;
  options.offset = std::numeric_limits<std::size_t>::max();
  EXPECT_THROW(Searcher::open(*dir_ / "index").search("astrolabe", options), Error);
  options.offset = QueryLimits::kMaxWindow - 1;  // N: offset + limit == the window
  EXPECT_NO_THROW(Searcher::open(*dir_ / "index").search("astrolabe", options));
  options.offset = QueryLimits::kMaxWindow;  // N + 1
  EXPECT_THROW(Searcher::open(*dir_ / "index").search("astrolabe", options), Error);
}

}  // namespace
}  // namespace treatysearch
