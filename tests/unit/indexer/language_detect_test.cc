// Language identification: whole texts, passages of mixed documents, and the manifest's say.
// The real text is the Universal Declaration in tests/fixtures/udhr/ (one paragraph per
// article, the same numbering in every language).
#include "language_detect.h"

#include <dlfcn.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "metadata_detect.h"
#include "segmenter.h"

namespace treatysearch::ingest {
namespace {

const std::vector<std::string> kUdhrLanguages = {"en", "fr", "es", "ru", "ar", "zh", "kk"};

std::string read_udhr(const std::string& language) {
  const std::string path =
      std::string(TREATYSEARCH_FIXTURES_DIR) + "/udhr/udhr-" + language + ".txt";
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Article `n` of the Declaration in `language`: the block "n. ..." without its number. Read
// straight from the file so that these tests do not depend on the segmenter.
std::string article(const std::string& language, int n) {
  const std::string text = read_udhr(language);
  const std::string marker = std::to_string(n) + ". ";
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    const std::string_view block = std::string_view(text).substr(start, end - start);
    if (block.starts_with(marker)) return std::string(block.substr(marker.size()));
    start = end + 2;
  }
  ADD_FAILURE() << "no article " << n << " in udhr-" << language << ".txt";
  return {};
}

Passage passage(std::string label, std::string text, PassageKind kind = PassageKind::kParagraph) {
  Passage p;
  p.kind = kind;
  p.label = std::move(label);
  p.text = std::move(text);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Whole texts.

class UdhrLanguageTest : public testing::TestWithParam<std::string> {};

TEST_P(UdhrLanguageTest, IdentifiesOneParagraph) {
  // Article 1 is two sentences in every language (40 ideographs in Chinese).
  EXPECT_EQ(detect_language(article(GetParam(), 1)), GetParam());
  EXPECT_EQ(detect_language(article(GetParam(), 19)), GetParam());
}

TEST_P(UdhrLanguageTest, IdentifiesTheWholeFileAndDetectMetadataReportsIt) {
  const std::string text = read_udhr(GetParam());
  EXPECT_EQ(detect_language(text), GetParam());
  EXPECT_EQ(detect_metadata(text).language, GetParam());
}

TEST_P(UdhrLanguageTest, SegmentsIntoArticlesOneToThirty) {
  const SegmentedText segmented = segment(read_udhr(GetParam()));
  EXPECT_TRUE(segmented.numbered);
  std::vector<std::string> paragraphs;
  for (const Passage& p : segmented.passages) {
    if (p.kind == PassageKind::kParagraph) paragraphs.push_back(p.label);
  }
  std::vector<std::string> expected;
  for (int n = 1; n <= 30; ++n) expected.push_back(std::to_string(n));
  EXPECT_EQ(paragraphs, expected);
}

TEST_P(UdhrLanguageTest, NoPassageOfAOneLanguageDocumentGetsAnotherLanguage) {
  // The preamble's short lines ("The General Assembly", "Now, therefore,") and every article are
  // in the document's language: all stay empty. A false positive here would send a passage to
  // the wrong stemmer.
  SegmentedText segmented = segment(read_udhr(GetParam()));
  assign_passage_languages(&segmented.passages, GetParam());
  for (const Passage& p : segmented.passages) {
    EXPECT_EQ(p.language, "") << GetParam() << " passage " << p.label << ": " << p.text;
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, UdhrLanguageTest, testing::ValuesIn(kUdhrLanguages),
                         [](const auto& param_info) { return param_info.param; });

TEST(DetectLanguageTest, TreatyBodyProse) {
  EXPECT_EQ(detect_language("The Committee is concerned about reports of hate speech against "
                            "ethnic minorities, including in the media and on the Internet."),
            "en");
  EXPECT_EQ(detect_language("Le Comité est préoccupé par les informations faisant état de "
                            "discours de haine visant les minorités ethniques."),
            "fr");
  EXPECT_EQ(detect_language("El Comité está preocupado por los informes sobre el discurso de "
                            "odio contra las minorías étnicas, incluso en los medios de "
                            "comunicación."),
            "es");
  EXPECT_EQ(detect_language("Комитет обеспокоен сообщениями о высказываниях, разжигающих "
                            "ненависть в отношении этнических меньшинств."),
            "ru");
}

TEST(DetectLanguageTest, ShortOrLetterlessTextGetsNoLanguage) {
  EXPECT_EQ(detect_language(""), "");
  EXPECT_EQ(detect_language("Права человека"), "");  // CLD2 alone says Serbian
  EXPECT_EQ(detect_language("Human rights"), "");
  EXPECT_EQ(detect_language("Article 1"), "");
  EXPECT_EQ(detect_language("人权"), "");
  EXPECT_EQ(detect_language("CERD/C/KAZ/CO/8-10, paras. 12-14; 2023-09-12; 1 234 567,89 ..."), "");
  EXPECT_EQ(detect_language(std::string(5000, '.') + " 12345 \t\n ---"), "");
  // 39 letters: one short of the threshold, however clear the language.
  const std::string just_short = "The Committee recommends that the State party";
  ASSERT_EQ(count_letters(just_short), kMinLettersToIdentify - 1);
  EXPECT_EQ(detect_language(just_short), "");
  EXPECT_EQ(detect_language(just_short + " takes"), "en");
}

TEST(DetectLanguageTest, LargeTextIsWeighedAsAWhole) {
  // Only a sample of a text over 4 MB is read; it must come from all of it, not the start:
  // 3 MB of French then 5 MB of Russian is Russian.
  const std::string french = read_udhr("fr");
  const std::string russian = read_udhr("ru");
  std::string text;
  while (text.size() < (3U << 20)) text += french;
  while (text.size() < (8U << 20)) text += russian;
  EXPECT_EQ(detect_language(text), "ru");
}

TEST(DetectLanguageTest, ASampleThatShowsTwoLanguagesSendsTheWholeTextToCld2) {
  // A long text is first identified from a small sample; here the sample shows two languages,
  // so the whole text is weighed as before, and the one with twice the text wins. (Not with
  // English: CLD2 prefers any other language with a sizeable share over English.)
  const std::string spanish = read_udhr("es");
  const std::string french = read_udhr("fr");
  EXPECT_EQ(detect_language(spanish + french + french), "fr");
  EXPECT_EQ(detect_language(spanish + spanish + french), "es");
  const std::string russian = read_udhr("ru");
  const std::string kazakh = read_udhr("kk");
  EXPECT_EQ(detect_language(russian + kazakh + kazakh), "kk");
  EXPECT_EQ(detect_language(kazakh + russian + russian), "ru");
}

TEST(DetectLanguageTest, ToleratesInvalidUtf8AndControlCharacters) {
  std::string text = article("fr", 1);
  text.insert(20, "\xff\xfe\x01\x7f\xc3");  // stray bytes, a control, a truncated sequence
  text.insert(0, std::string("\0\x1b[0m", 5));
  EXPECT_EQ(detect_language(text), "fr");
}

TEST(DetectLanguageTest, CountsLettersNotBytes) {
  EXPECT_EQ(count_letters("abc 123, def."), 6U);
  EXPECT_EQ(count_letters("Права"), 5U);
  EXPECT_EQ(count_letters("Қазақстан"), 9U);
  EXPECT_EQ(count_letters("人人生而自由"), 12U);  // ideographs count twice
  EXPECT_EQ(count_letters("١٢٣ ،؛"), 0U);         // Arabic digits and punctuation
  EXPECT_EQ(count_letters("\xff\xfe"), 0U);
}

TEST(DetectLanguageTest, NormalizesCld2Codes) {
  EXPECT_EQ(normalize_language_code("en"), "en");
  EXPECT_EQ(normalize_language_code("zh-Hant"), "zh");
  EXPECT_EQ(normalize_language_code("sr-ME"), "sr");
  EXPECT_EQ(normalize_language_code("iw"), "he");
  EXPECT_EQ(normalize_language_code("jw"), "jv");
  EXPECT_EQ(normalize_language_code("ceb"), "ceb");
  EXPECT_EQ(normalize_language_code("un"), "");
  EXPECT_EQ(normalize_language_code("xxx"), "");
  EXPECT_EQ(normalize_language_code("xx-Latn"), "");
  EXPECT_EQ(normalize_language_code("zzp"), "");
  EXPECT_EQ(normalize_language_code("tlh"), "");
  EXPECT_EQ(normalize_language_code(""), "");
}

TEST(DetectLanguageTest, FullCld2TablesAreLinked) {
  // libcld2's own tables know about 80 languages; libcld2_full's replace them only if it is
  // loaded first, and the linker drops it silently under --as-needed (see
  // indexer/CMakeLists.txt). Kazakh is identified either way, so check the loader directly:
  // the table symbol CLD2 reads must come from libcld2_full.
  void* table = dlsym(RTLD_DEFAULT, "_ZN4CLD29kQuad_objE");  // CLD2::kQuad_obj
  ASSERT_NE(table, nullptr);
  Dl_info info{};
  ASSERT_NE(dladdr(table, &info), 0);
  ASSERT_NE(info.dli_fname, nullptr);
  EXPECT_NE(std::string_view(info.dli_fname).find("libcld2_full"), std::string_view::npos)
      << info.dli_fname;
}

// ---------------------------------------------------------------------------------------------
// The manifest.

TEST(ManifestLanguageTest, ManifestOverridesDetection) {
  const std::string french = read_udhr("fr");
  const DocumentInfo detected = detect_metadata(french);
  EXPECT_EQ(detected.language, "fr");
  DocumentInfo overrides;
  overrides.language = "es";
  EXPECT_EQ(merge(detected, overrides).language, "es");
  // No manifest language: detection stands.
  EXPECT_EQ(merge(detected, DocumentInfo{}).language, "fr");
}

TEST(ManifestLanguageTest, TooShortToDetectLeavesTheCallerToDecide) {
  // analyse_text() falls back to "en" only in this case.
  EXPECT_EQ(detect_metadata("1. Права человека.\n2. Статья 2.\n3. Статья 3.\n").language, "");
}

TEST(ManifestLanguageTest, PassagesInTheManifestLanguageStayEmpty) {
  // The manifest says Kazakh: the Kazakh passages carry no language of their own, the Russian
  // one does.
  std::vector<Passage> passages = {passage("1", article("kk", 1)), passage("2", article("ru", 2)),
                                   passage("3", article("kk", 3))};
  assign_passage_languages(&passages, "KK");  // as a manifest may spell it
  EXPECT_EQ(passages[0].language, "");
  EXPECT_EQ(passages[1].language, "ru");
  EXPECT_EQ(passages[2].language, "");
}

// ---------------------------------------------------------------------------------------------
// Passages.

// A treaty printed in four languages one after the other, each block opening with its title
// and carrying short article headings: the shape of a bilateral agreement's authentic texts.
std::vector<Passage> four_language_treaty() {
  std::vector<Passage> passages;
  const std::vector<std::pair<std::string, std::vector<std::string>>> blocks = {
      {"en", {"Agreement", "Article 1", "Article 2"}},
      {"fr", {"Accord", "Article premier", "Article 2"}},
      {"ru", {"Соглашение", "Статья 1", "Статья 2"}},
      {"kk", {"Келісім", "1 бап", "2 бап"}},
  };
  int ordinal = 0;
  for (const auto& [language, headings] : blocks) {
    passages.push_back(
        passage("[" + std::to_string(++ordinal) + "]", headings[0], PassageKind::kUnnumbered));
    for (int n = 1; n <= 2; ++n) {
      passages.push_back(
          passage("[" + std::to_string(++ordinal) + "]", headings[n], PassageKind::kUnnumbered));
      // Articles 1 and 2 of the Declaration; article 2 is long, article 1 two sentences.
      passages.push_back(passage("[" + std::to_string(++ordinal) + "]", article(language, n),
                                 PassageKind::kUnnumbered));
    }
  }
  return passages;
}

TEST(PassageLanguageTest, FourLanguageTreatyGetsALanguagePerPassage) {
  std::vector<Passage> passages = four_language_treaty();
  std::string whole;
  for (const Passage& p : passages) whole += p.text + "\n\n";
  // The document language is whichever block has the most text (Kazakh or Russian, about
  // equal); its passages then carry no language of their own.
  const std::string document = detect_language(whole);
  ASSERT_TRUE(document == "ru" || document == "kk") << "[" << document << "]";
  assign_passage_languages(&passages, document);
  const std::vector<std::string> blocks = {"en", "fr", "ru", "kk"};
  ASSERT_EQ(passages.size(), 4U * 5U);
  for (std::size_t i = 0; i < passages.size(); ++i) {
    const std::string& expected = blocks[i / 5];
    EXPECT_EQ(passages[i].language, expected == document ? "" : expected)
        << "passage " << passages[i].label << ": " << passages[i].text;
  }
}

TEST(PassageLanguageTest, SevenLanguageDeclarationGetsEveryPassageRight) {
  // The seven fixture files one after the other, preambles and all: every passage, short lines
  // ("Now, therefore,", "The General Assembly") included, ends up in its file's language.
  std::vector<Passage> passages;
  std::vector<std::string> truth;
  std::string whole;
  for (const std::string& language : kUdhrLanguages) {
    for (Passage& p : segment(read_udhr(language)).passages) {
      whole += p.text + "\n\n";
      passages.push_back(std::move(p));
      truth.push_back(language);
    }
  }
  // No language has a majority; CLD2 ranks them all the same and the leader is taken.
  const std::string document = detect_language(whole);
  EXPECT_NE(document, "");
  assign_passage_languages(&passages, document);
  for (std::size_t i = 0; i < passages.size(); ++i) {
    const std::string& got = passages[i].language.empty() ? document : passages[i].language;
    EXPECT_EQ(got, truth[i]) << "passage " << passages[i].label << ": " << passages[i].text;
  }
}

TEST(PassageLanguageTest, ShortPassagesFollowTheirNeighboursOnlyInMixedDocuments) {
  // One French quotation in an English report: the short English lines around it stay English.
  std::vector<Passage> passages = {
      passage("1", article("en", 2)), passage("2", "As follows:"),
      passage("3", article("fr", 2)), passage("4", "(Unofficial translation.)"),
      passage("5", article("en", 3)), passage("6", "Thus."),
  };
  assign_passage_languages(&passages, "en");
  EXPECT_EQ(passages[0].language, "");
  EXPECT_EQ(passages[1].language, "");  // between English and French: CLD2's guess says English
  EXPECT_EQ(passages[2].language, "fr");
  EXPECT_EQ(passages[3].language, "");
  EXPECT_EQ(passages[4].language, "");
  EXPECT_EQ(passages[5].language, "");  // after the last identified passage, English

  // In a document of one language, a short line is never given another one, even one CLD2
  // would name on its own.
  std::vector<Passage> plain = {passage("1", article("ru", 1)), passage("2", "Права человека"),
                                passage("3", article("ru", 3))};
  assign_passage_languages(&plain, "ru");
  EXPECT_EQ(plain[1].language, "");
}

TEST(PassageLanguageTest, ShortPassageBetweenTwoLanguagesTakesTheOneOfItsScript) {
  // The Kazakh heading "1 бап" is too short for CLD2; its script is Cyrillic, like the Kazakh
  // article after it and unlike the English one before it.
  std::vector<Passage> passages = {passage("1", article("en", 1)), passage("2", "1 бап"),
                                   passage("3", article("kk", 1))};
  assign_passage_languages(&passages, "en");
  EXPECT_EQ(passages[1].language, "kk");
  EXPECT_EQ(passages[2].language, "kk");
}

TEST(PassageLanguageTest, FootnoteFollowsThePassageCitingIt) {
  std::vector<Passage> passages = {
      passage("1", article("en", 1)),
      passage("2", article("es", 1)),
      passage("3", article("en", 3)),
      passage("footnote 1", "Ibid., párr. 4.", PassageKind::kFootnote),
      passage("footnote 2", "Ibid., para. 4.", PassageKind::kFootnote),
      passage("footnote 3", article("es", 3), PassageKind::kFootnote),
  };
  passages[3].parent = "2";
  passages[4].parent = "3";
  passages[5].parent = "1";
  assign_passage_languages(&passages, "en");
  EXPECT_EQ(passages[1].language, "es");
  EXPECT_EQ(passages[3].language, "es");  // cited from the Spanish paragraph
  EXPECT_EQ(passages[4].language, "");    // cited from an English one
  EXPECT_EQ(passages[5].language, "es");  // long enough to be identified itself
}

// Passages plainly in the document language skip CLD2 (their alphabet and function words say
// so); these check that what is not plainly so still reaches it, in the same script too.

TEST(PassageLanguageTest, OneForeignArticleDeepInsideAOneLanguageDocument) {
  // Document language, quoted language: same script or not.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"en", "es"}, {"fr", "es"}, {"es", "fr"}, {"es", "en"}, {"ru", "kk"},
      {"kk", "ru"}, {"ru", "en"}, {"ar", "fr"}, {"zh", "en"}};
  for (const auto& [document, quoted] : cases) {
    std::vector<Passage> passages = segment(read_udhr(document)).passages;
    const std::size_t middle = passages.size() / 2;
    passages.insert(passages.begin() + static_cast<std::ptrdiff_t>(middle),
                    passage("quoted", article(quoted, 19)));
    assign_passage_languages(&passages, document);
    for (std::size_t i = 0; i < passages.size(); ++i) {
      EXPECT_EQ(passages[i].language, i == middle ? quoted : "")
          << document << " document, passage " << passages[i].label << ": " << passages[i].text;
    }
  }
}

TEST(PassageLanguageTest, QuotationRunIntoAParagraphIsNotTakenForTheDocumentLanguage) {
  // A lead-in in the document language and a longer quotation in one passage: enough of the
  // document language's function words, but the quotation's letters (French é, è, à in an
  // English passage) or its own function words (Russian in a Kazakh passage, which has Kazakh
  // letters enough) send the passage to CLD2, which weighs the whole of it.
  std::vector<Passage> passages = {
      passage("1", article("en", 3)),
      passage("2", "The Declaration puts it as follows. " + article("fr", 2)),
      passage("3", article("en", 4))};
  assign_passage_languages(&passages, "en");
  EXPECT_EQ(passages[0].language, "");
  EXPECT_EQ(passages[1].language, "fr");
  EXPECT_EQ(passages[2].language, "");

  passages = {passage("1", article("kk", 3)),
              passage("2", article("kk", 1) + " " + article("ru", 23)),
              passage("3", article("kk", 4))};
  assign_passage_languages(&passages, "kk");
  EXPECT_EQ(passages[0].language, "");
  EXPECT_EQ(passages[1].language, "ru");
  EXPECT_EQ(passages[2].language, "");
}

TEST(PassageLanguageTest, LanguageWithoutAProfileStillGetsEveryPassageIdentified) {
  // No alphabet or function words are kept for German: every passage goes to CLD2, as before.
  std::vector<Passage> passages = {passage("1", article("en", 1)), passage("2", article("fr", 1))};
  assign_passage_languages(&passages, "de");
  EXPECT_EQ(passages[0].language, "en");
  EXPECT_EQ(passages[1].language, "fr");
}

TEST(PassageLanguageTest, EmptyInput) {
  std::vector<Passage> none;
  assign_passage_languages(&none, "en");
  EXPECT_TRUE(none.empty());
  assign_passage_languages(nullptr, "en");
  std::vector<Passage> blank = {passage("1", ""), passage("2", "12. 13. --")};
  assign_passage_languages(&blank, "");
  EXPECT_EQ(blank[0].language, "");
  EXPECT_EQ(blank[1].language, "");
}

}  // namespace
}  // namespace treatysearch::ingest
