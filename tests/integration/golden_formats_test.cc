// Golden tests over corpus/ as the UN publishes it: for a PDF and a DOCX of CERD and for CRPD
// documents in Arabic, Spanish and Russian, the exact printed label (sub-paragraphs included)
// and pages of passages found by a phrase of their own, the citation a lawyer pastes, and the
// metadata read from the first page; the scanned letter found by a word OCR read; the Word 97
// file read. The expected labels and pages were read off the printed pages (pdftotext of each
// page: every passage's first words stand on its first page), not off our own output.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "temp_dir.h"
#include "treatysearch/indexer.h"
#include "treatysearch/search.h"

namespace treatysearch {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

struct GoldenPassage {
  const char* label;
  int first_page, last_page;  // 0: the format has no pages
  const char* phrase;         // words of this passage found in no other of its document
};

struct GoldenDocument {
  const char* file;  // under corpus/
  const char* symbol;
  const char* type;
  const char* committee;
  const char* state;
  const char* date;
  const char* session;  // nullptr: not asserted
  const char* language;
  const char* format;
  std::vector<GoldenPassage> passages;
};

const std::vector<GoldenDocument>& golden_documents() {
  static const std::vector<GoldenDocument> documents = {
      {"cerd/CERD-Observacoes-Brasil-2022.pdf",
       "CERD/C/BRA/CO/18-20",
       "concluding-observations",
       "CERD",
       "Brazil",
       "2022-12-19",
       "108",
       "en",
       "PDF",
       {
           {"1", 1, 1, "The Committee considered the combined eighteenth"},
           {"10", 3, 3, "Recalling its general recommendation No. 17"},
           {"38", 11, 11, "Recalling its general recommendation No. 31"},
           {"3", 1, 1, "The Committee welcomes the ratification by"},
           {"3 (a)", 1, 1, "Discrimination and Related Forms of Intolerance,"},
           {"9", 2, 3, "The Committee is concerned that the"},
           {"12", 3, 3, "The Committee recalls that an absence"},
           {"17", 4, 4, "take all necessary measures to ensure"},
           {"18", 5, 5, "The Committee remains concerned about disparities"},
           {"19 (a)", 5, 5, "Adopt adequate measures to address illiteracy,"},
           {"29", 7, 8, "recommends that the State party adopt"},
           {"31", 8, 8, "Recalling its general recommendation No. 35"},
           {"36", 10, 10, "that the State party take immediate"},
           {"44 (c)", 12, 12, "Take all necessary steps to end"},
           {"53", 14, 15, "Recalling its previous concluding observations and"},
           {"62", 16, 16, "recommends that the State party accept"},
           {"70", 18, 18, "recommends that the State party submit"},
       }},
      {"cerd/G1700519.docx",
       "CERD/C/URY/CO/21-23",
       "concluding-observations",
       "CERD",
       "Uruguay",
       "2017-01-12",
       "91",
       "en",
       "DOCX",
       {
           {"1", 0, 0, "The Committee on the Elimination of"},
           {"4 (a)", 0, 0, "Convention on the Rights of the"},
           {"6", 0, 0, "The Committee welcomes the legislative and"},
           {"6 (d)", 0, 0, "The steps recently taken towards launching"},
           {"10", 0, 0, "The Committee reiterates its concern at"},
           {"17", 0, 0, "mind its general recommendation No. 32"},
           {"17 (c)", 0, 0, "Design, promote and implement — in"},
           {"22", 0, 0, "Although the Committee welcomes the State"},
           {"23 (b)", 0, 0, "Take effective measures to combat stereotypes"},
           {"26 (c)", 0, 0, "Step up efforts to ensure effective"},
           {"30", 0, 0, "the State party to take the"},
           {"34 (d)", 0, 0, "Have prison registers include an ethno-racial"},
           {"38", 0, 0, "of its general recommendation No. 33"},
           {"41", 0, 0, "that the State party continue consulting"},
           {"44", 0, 0, "recommends that the State party submit"},
       }},
      {// Its adoption footnote's glyphs are mapped wrongly by its font (every extractor reads
       // them so): the session is not asserted.
       "crpd/Rwanda_UnknownYear_CRPD_C_RWA_CO_1.pdf",
       "CRPD/C/RWA/CO/1",
       "concluding-observations",
       "CRPD",
       "Rwanda",
       "2019-05-03",
       nullptr,
       "ar",
       "PDF",
       {
           {"1", 1, 1, "نظرت اللجنة يف التقرير األويل لروانداا"},
           {"2", 1, 1, "و رحب اللجنة ابلتقرير األويل لرواناا،"},
           {"3", 1, 1, "وأعرقت اللجنة ع قايره احلدتار الدند"},
           {"4", 1, 2, "ثين اللجنة عل الاولة ال ر"},
           {"6", 2, 2, "توصييي اللجنيية الدوليية ال ييرل تن"},
           {"8", 2, 2, "تذ كّر اللجنة بتعليقهنا العال رقق"},
           {"11 (أ)", 3, 3, "عددام وجدتني قهد فت مصددنفة متمت"},
           {"24", 6, 6, "توصييي اللجنيية نييوء تعليقهنييا العييال رقييق"},
           {"33", 8, 8, "دددعر اللجنددة ابلقلدل زام احلدتاجز الدو"},
           {"42 (أ)", 10, 10, "توفري ما ي فيي ويناايب مين"},
           {"5", 2, 2, "يس د ور اللجنددة القلددل ألر"},
           {"10", 3, 3, "اللجنة الدولة ال رل يختاذ مجيع"},
           {"10 (أ)", 3, 3, "ادراق احلرميان مين اليتيبيات التيسيريية املعقولية"},
           {"22 (أ)", 5, 6, "التأكييد ميين أن اخل يية واللوتوكييولت"},
           {"26", 6, 6, "اللجنة الدولة ال رل يعتماد تدابري"},
           {"34 (أ)", 8, 8, "تيدعيق بيرانم التسييجي لتنفيييذ القيانون رقييق"},
           {"50 (أ)", 12, 12, "اعتماد ما يلزل من ايااات وتدابري"},
           {"55", 13, 13, "دعر اللجنة ابلقلل ألر الاولة ال"},
           {"60", 14, 14, "اللجنة الدولة ال رل تن تعمق"},
           {"66", 15, 15, "وت لب اللجنة اىل الدولة ال"},
       }},
      {"crpd/Greece_2019_CRPD_C_GRC_CO_1.pdf",
       "CRPD/C/GRC/CO/1",
       "concluding-observations",
       "CRPD",
       "Greece",
       "2019-10-29",
       "22",
       "es",
       "PDF",
       {
           {"1", 1, 1, "El Comité examinó el informe inicial"},
           {"2", 1, 1, "El Comité acoge con satisfacción el"},
           {"6", 2, 2, "recomienda al Estado parte que, en"},
           {"6 (b)", 2, 2, "Establezca una estrategia y un plan"},
           {"8 (d)", 2, 2, "Tenga en cuenta el artículo 5"},
           {"10", 3, 3, "En relación con su observación general"},
           {"14 (a)", 4, 4, "Adopte las medidas legales y de"},
           {"16 (c)", 4, 5, "Garantice que las personas con discapacidad,"},
           {"24 (c)", 6, 6, "Las condiciones de acogida y detención"},
           {"29", 7, 7, "recomienda al Estado parte que, de"},
           {"34 (d)", 8, 8, "La falta de datos suficientes sobre"},
           {"35 (e)", 8, 8, "Incorpore la formación en educación inclusiva"},
           {"37 (b)", 9, 9, "Supervise eficazmente la prestación de servicios"},
           {"40", 9, 9, "Al Comité le preocupa que los"},
           {"45", 10, 10, "que el Estado parte adopte todas"},
           {"54", 12, 12, "solicita al Estado parte que presente"},
       }},
      {"crpd/Bangladesh_UnknownYear_CRPD_C_BGD_Q_1.pdf",
       "CRPD/C/BGD/Q/1",
       "list-of-issues",
       "CRPD",
       "Bangladesh",
       "2019-05-06",
       "",
       "ru",
       "PDF",
       {
           {"2", 1, 1, "вноситься поправки в национальный план действий"},
           {"3", 1, 1, "какие меры были приняты для введения"},
           {"11 (a)", 2, 2, "о мерах по учету проблем инвалидов"},
           {"27 (b)", 7, 7, "о планируемых мерах по ратификации Марракешского"},
           {"1 (b)", 1, 1, "о согласовании законов и политики с"},
           {"4", 1, 2, "Просьба предоставить дезагрегированные статистические данные о"},
           {"7 (a)", 2, 2, "о проведении конструктивных консультаций с инвалидами"},
           {"10", 2, 2, "Просьба проинформировать Комитет о принятых мерах"},
           {"12 (b)", 3, 3, "по переходу от субститутивного режима принятия"},
           {"13 (c)", 3, 3, "о программах ознакомления судебных работников с"},
           {"16 (e)", 4, 4, "достижения Цели 5.2 в области устойчивого"},
           {"18", 4, 4, "Просьба предоставить информацию об услугах на"},
           {"20 (d)", 5, 5, "обеспечению доступности для инвалидов телевизионных программ"},
           {"23 (c)", 6, 6, "внедрения предусмотренной в Конвенции правозащитной модели"},
           {"24 (c)", 6, 6, "активизации соответствующих мер, в том числе"},
           {"26 (a)", 6, 6, "гарантирования права на участие в политической"},
           {"30 (b)", 7, 7, "об участии инвалидов и их представительных"},
       }},
  };
  return documents;
}

// corpus/ indexed once for the suite (the scanned letter's OCR is the slow part).
class GoldenFormats : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    Indexer indexer = Indexer::open(index());
    report_ = indexer.add_paths({TREATYSEARCH_CORPUS_DIR});
    indexer.commit();
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static std::string index() { return *dir_ / "index"; }

  static std::unique_ptr<TempDir> dir_;
  static IngestReport report_;
};

std::unique_ptr<TempDir> GoldenFormats::dir_;
IngestReport GoldenFormats::report_;

TEST_F(GoldenFormats, EveryFileOfTheCorpusIsRead) {
  EXPECT_EQ(report_.failed, 0u);
  for (const FileReport& file : report_.files) {
    EXPECT_TRUE(file.error.empty()) << file.path << ": " << file.error;
    EXPECT_GT(file.passages, 0u) << file.path;
  }
}

TEST_F(GoldenFormats, PassagesHaveTheirPrintedLabelsPagesAndCitations) {
  Searcher searcher = Searcher::open(index());
  for (const GoldenDocument& doc : golden_documents()) {
    for (const GoldenPassage& expected : doc.passages) {
      SearchOptions options;
      options.filters.symbols = {doc.symbol};
      options.limit = 10;
      const SearchResult result =
          searcher.search("\"" + std::string(expected.phrase) + "\"", options);
      const Hit* hit = nullptr;
      for (const Hit& candidate : result.hits)
        if (candidate.paragraph == expected.label) hit = &candidate;
      ASSERT_NE(hit, nullptr) << doc.symbol << " para. " << expected.label << ": \""
                              << expected.phrase << "\" found in "
                              << (result.hits.empty() ? "nothing" : result.hits[0].citation);
      EXPECT_EQ(hit->citation, std::string(doc.symbol) + ", para. " + expected.label);
      EXPECT_EQ(hit->first_page, expected.first_page) << hit->citation;
      EXPECT_EQ(hit->last_page, expected.last_page) << hit->citation;
    }
  }
}

TEST_F(GoldenFormats, MetadataIsReadFromTheFirstPage) {
  Searcher searcher = Searcher::open(index());
  for (const GoldenDocument& doc : golden_documents()) {
    SearchOptions options;
    options.filters.symbols = {doc.symbol};
    options.limit = 1;
    const SearchResult result = searcher.search(doc.passages.front().phrase, options);
    ASSERT_FALSE(result.hits.empty()) << doc.symbol;
    const DocumentInfo& info = result.hits.front().document;
    EXPECT_TRUE(info.source.ends_with(doc.file)) << info.source;
    EXPECT_EQ(info.symbol, doc.symbol);
    EXPECT_EQ(info.type, doc.type) << doc.symbol;
    EXPECT_EQ(info.committee, doc.committee) << doc.symbol;
    EXPECT_EQ(info.state, doc.state) << doc.symbol;
    EXPECT_EQ(info.date, doc.date) << doc.symbol;
    if (doc.session != nullptr) {
      EXPECT_EQ(info.session, doc.session) << doc.symbol;
    }
    EXPECT_EQ(info.language, doc.language) << doc.symbol;
    EXPECT_EQ(info.format, doc.format) << doc.symbol;
    EXPECT_FALSE(info.ocr) << doc.symbol;
  }
}

TEST_F(GoldenFormats, TheScannedLetterIsFoundByAWordOcrRead) {
  SearchOptions options;
  options.limit = 100;
  const SearchResult result =
      Searcher::open(index()).search("\"national mechanism for comprehensive reporting\"", options);
  ASSERT_FALSE(result.hits.empty());
  const Hit& hit = result.hits.front();
  EXPECT_TRUE(hit.document.source.ends_with("upr-slovenia/Letter-OHCHR-HC-Slovenia.pdf"));
  EXPECT_TRUE(hit.document.ocr);
  EXPECT_EQ(hit.document.format, "PDF");
  EXPECT_EQ(hit.document.state, "Slovenia");
  // A letter prints no paragraph numbers: it is cited by page and paragraph on the page.
  EXPECT_EQ(hit.first_page, 2);
  EXPECT_TRUE(hit.paragraph.starts_with("p. 2, para. [")) << hit.paragraph;
  EXPECT_EQ(hit.citation, "Letter-OHCHR-HC-Slovenia.pdf, " + hit.paragraph);
  const auto letter = std::find_if(report_.files.begin(), report_.files.end(), [](const auto& f) {
    return f.path.ends_with("Letter-OHCHR-HC-Slovenia.pdf");
  });
  ASSERT_NE(letter, report_.files.end());
  EXPECT_TRUE(letter->ocr);
  EXPECT_EQ(letter->ocr_pages, 7);
  EXPECT_EQ(letter->pages, 7);
}

TEST_F(GoldenFormats, WordFilesAreReadWhateverTheirExtensionSays) {
  Searcher searcher = Searcher::open(index());
  // A genuine Word 97-2003 file, read through antiword.
  const SearchResult word97 = searcher.search("\"Media Freedom Coalition\"");
  ASSERT_FALSE(word97.hits.empty());
  EXPECT_TRUE(
      word97.hits[0].document.source.ends_with("Advance_questions_Slovenia_first_batch.doc"));
  EXPECT_EQ(word97.hits[0].document.format, "Word 97-2003");
  // A DOCX saved under a .doc name, read as DOCX.
  for (const FileReport& file : report_.files) {
    if (file.path.ends_with("AdvancedQuestionsSlovenia.doc")) {
      EXPECT_EQ(file.format, "DOCX");
    }
    if (file.path.ends_with("Advance_questions_Slovenia_first_batch.doc")) {
      EXPECT_EQ(file.format, "Word 97-2003");
    }
  }
}

// Every .doc of the UPR Slovenia originals (three Word 97 files, four DOCX under .doc names), when
// the shared collection is at hand; it is not shipped (its own licence), so this skips without.
TEST(GoldenFormatsShared, EveryWordFileOfTheUprOriginalsIsRead) {
  const char* shared = std::getenv("TREATYSEARCH_SHARED_CORPUS");
  const fs::path folder = fs::path(shared ? shared : TREATYSEARCH_SOURCE_DIR "/../shared/corpus") /
                          "upr-slovenia-un-docs/original";
  if (!fs::is_directory(folder)) GTEST_SKIP() << folder << " is not here";
  std::vector<std::string> docs;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".doc") docs.push_back(entry.path().string());
  ASSERT_EQ(docs.size(), 7u);
  TempDir dir;
  Indexer indexer = Indexer::open(dir / "index");
  const IngestReport report = indexer.add_paths(docs);
  EXPECT_EQ(report.failed, 0u);
  for (const FileReport& file : report.files) {
    EXPECT_TRUE(file.error.empty()) << file.path << ": " << file.error;
    EXPECT_GT(file.passages, 0u) << file.path;
  }
}

}  // namespace
}  // namespace treatysearch
