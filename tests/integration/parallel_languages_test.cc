// The same paragraph in other languages where it has no printed number (issue 11): the
// Universal Declaration of Human Rights in the six UN languages and Kazakh (corpus/udhr), whose
// articles align by structure, never by their text.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

constexpr const char* kSymbol = "A/RES/217(III)";

// Article 3 in each language, as the files print it.
const std::map<std::string, std::string> kArticle3 = {
    {"ar", "لكل فرد الحق في الحياة والحرية وسلامة شخصه."},
    {"en", "Everyone has the right to life, liberty and the security of person."},
    {"es", "Todo individuo tiene derecho a la vida, a la libertad y a la seguridad de su persona."},
    {"fr", "Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne."},
    {"kk",
     "Әр адам өмір сүруге, бостандықта болуға және оның жеке басына қол сұғылмауына "
     "құқылы."},
    {"ru", "Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность."},
    {"zh", "人人有权享有生命、自由和人身安全。"},
};

class UniversalDeclaration : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    IndexerOptions options;
    options.manifest_path = TREATYSEARCH_CORPUS_DIR "/manifest.xml";
    Indexer indexer = Indexer::open(*dir_ / "index", options);
    const IngestReport report = indexer.add_paths({TREATYSEARCH_CORPUS_DIR "/udhr"});
    ASSERT_EQ(report.added, 7u);
    ASSERT_EQ(report.failed, 0u);
    indexer.commit();
    searcher_ = new Searcher(Searcher::open(*dir_ / "index"));
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }

  // The best hit for `query` among the Declaration's passages in `language`, with its
  // translations.
  static Hit best(const std::string& query, const std::string& language) {
    SearchOptions options;
    options.parallel = true;
    options.limit = 1;
    options.filters.languages = {language};
    options.filters.symbols = {kSymbol};
    const SearchResult result = searcher_->search(query, options);
    EXPECT_EQ(result.hits.size(), 1u) << query;
    return result.hits.empty() ? Hit{} : result.hits[0];
  }

  static std::map<std::string, std::string> texts_by_language(const Hit& hit) {
    std::map<std::string, std::string> out;
    for (const ParallelPassage& other : hit.parallel) out[other.language] = other.text;
    return out;
  }

  static testing::TempDir* dir_;
  static Searcher* searcher_;
};

testing::TempDir* UniversalDeclaration::dir_ = nullptr;
Searcher* UniversalDeclaration::searcher_ = nullptr;

TEST_F(UniversalDeclaration, AnArticleInAnyLanguageReturnsTheSixOthers) {
  for (const auto& [language, text] : kArticle3) {
    const Hit hit = best('"' + text + '"', language);
    ASSERT_EQ(hit.text, text) << language;
    std::map<std::string, std::string> expected = kArticle3;
    expected.erase(language);
    EXPECT_EQ(texts_by_language(hit), expected) << language;
    for (const ParallelPassage& other : hit.parallel) {
      EXPECT_TRUE(other.citation.starts_with(std::string(kSymbol) + ", para. [")) << other.citation;
      EXPECT_FALSE(other.id.empty());
    }
  }
}

TEST_F(UniversalDeclaration, ListItemsOfAnArticleAlignOneByOne) {
  // Article 23 (2): its own list item, not the article's first.
  const Hit hit = best("equal pay for equal work", "en");
  EXPECT_EQ(hit.text,
            "2. Everyone, without any discrimination, has the right to equal pay for "
            "equal work.");
  const auto others = texts_by_language(hit);
  ASSERT_EQ(others.size(), 6u);
  EXPECT_EQ(others.at("fr"),
            "2. Tous ont droit, sans aucune discrimination, à un salaire égal pour un travail "
            "égal.");
  EXPECT_EQ(others.at("ru").substr(0, 3), "2. ");
}

TEST_F(UniversalDeclaration, APreambleOfAnotherShapeIsNotAligned) {
  // The English and Spanish preambles have ten paragraphs, the French, Russian, Arabic and
  // Kazakh nine, the Chinese eight: only preambles of the same shape align.
  const Hit hit = best("\"Now, therefore\"", "en");
  ASSERT_EQ(hit.text, "Now, therefore,");
  EXPECT_EQ(texts_by_language(hit),
            (std::map<std::string, std::string>{{"es", "Ahora, por tanto,"}}));
}

TEST_F(UniversalDeclaration, TheShownPassageCarriesItsTranslations) {
  const Hit hit = best("\"security of person\"", "en");
  const PassageInContext shown = searcher_->passage(hit.id);
  EXPECT_EQ(shown.passage.parallel.size(), 6u);
}

}  // namespace
}  // namespace treatysearch
