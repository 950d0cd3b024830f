#include "analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fold.h"

namespace treatysearch::core {
namespace {

struct Seen {
  std::string surface, original, lower, stem, text;
  std::uint32_t position;
  TokenKind kind;
};

class Recorder : public TokenSink {
 public:
  explicit Recorder(std::string_view text) : text_(text) {}
  void on_token(const Token& t) override {
    seen.push_back({std::string(t.surface), std::string(t.original), std::string(t.lower),
                    std::string(t.stem), std::string(text_.substr(t.begin, t.end - t.begin)),
                    t.position, t.kind});
  }
  std::vector<Seen> seen;

 private:
  std::string_view text_;
};

std::vector<Seen> analyze(std::string_view text, std::string_view language = "en") {
  Analyzer analyzer;
  Recorder recorder(text);
  analyzer.analyze(text, language, recorder);
  return recorder.seen;
}

std::vector<std::string> surfaces(std::string_view text, std::string_view language = "en") {
  std::vector<std::string> out;
  for (const auto& s : analyze(text, language)) out.push_back(s.surface);
  return out;
}

TEST(Analyzer, SegmentsFoldsAndSkipsPunctuation) {
  EXPECT_EQ(surfaces("The Committee, however, REGRETS: hate-speech!"),
            (std::vector<std::string>{"the", "committee", "however", "regrets", "hate", "speech"}));
}

TEST(Analyzer, OffsetsPointAtTheOriginalWords) {
  const std::string text = "Égalité  des  «droits»";
  const auto tokens = analyze(text, "fr");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].text, "Égalité");
  EXPECT_EQ(tokens[2].text, "droits");
  EXPECT_EQ(tokens[0].position, 1u);
  EXPECT_EQ(tokens[2].position, 3u);
}

TEST(Analyzer, StemsInTheDocumentLanguageFromTheAccentedForm) {
  const auto en = analyze("discriminated discrimination", "en");
  ASSERT_EQ(en.size(), 2u);
  EXPECT_EQ(en[0].stem, en[1].stem);
  EXPECT_FALSE(en[0].stem.empty());
  const auto fr = analyze("égalité", "fr");
  ASSERT_EQ(fr.size(), 1u);
  EXPECT_EQ(fr[0].surface, "egalite");
  EXPECT_EQ(fr[0].lower, "égalité");
  EXPECT_EQ(fr[0].original, "égalité");
  EXPECT_EQ(fr[0].stem, "egal");  // stem of the accented form, then stripped
}

TEST(Analyzer, DoesNotStemWordsOfAnotherScriptOrLanguagesWithoutStemmer) {
  EXPECT_TRUE(analyze("дискриминации", "en")[0].stem.empty());
  EXPECT_FALSE(analyze("дискриминации", "ru")[0].stem.empty());
  EXPECT_EQ(analyze("Қазақстанның", "kk")[0].stem, "қазақстан");  // our Kazakh stemmer
  EXPECT_TRUE(analyze("қазақстанның", "zh")[0].stem.empty());
  EXPECT_TRUE(analyze("2023", "en")[0].stem.empty());
  EXPECT_EQ(analyze("2023", "en")[0].kind, TokenKind::kNumber);
}

TEST(Analyzer, CaseFoldsEveryScriptAndKeepsCyrillicLetters) {
  EXPECT_EQ(surfaces("ҚАЗАҚСТАН Республикасы", "kk"),
            (std::vector<std::string>{"қазақстан", "республикасы"}));
  EXPECT_EQ(surfaces("РАСОВОЙ", "ru"), (std::vector<std::string>{"расовой"}));  // й kept
  EXPECT_EQ(surfaces("Ёлки", "ru"), (std::vector<std::string>{"елки"}));
  EXPECT_EQ(surfaces("Straße ＣＥＲＤ", "de"), (std::vector<std::string>{"strasse", "cerd"}));
}

TEST(Analyzer, HandlesElisionPossessiveAndTypographicApostrophes) {
  EXPECT_EQ(surfaces("l’élimination d'une qu'il", "fr"),
            (std::vector<std::string>{"elimination", "une", "il"}));
  EXPECT_EQ(surfaces("the Committee’s view, States' reports", "en"),
            (std::vector<std::string>{"the", "committee", "view", "states", "reports"}));
}

TEST(Analyzer, NormalizesArabic) {
  // Tashkeel and tatweel removed; alef variants unified; Arabic-Indic digits as ASCII.
  EXPECT_EQ(surfaces("الْمَكْتَبَات أحمد إحمد ٢٠٢٣", "ar"),
            (std::vector<std::string>{"المكتبات", "احمد", "احمد", "2023"}));
  EXPECT_TRUE(surfaces("ـــ", "ar").empty());  // tatweel only: nothing to index
}

TEST(Analyzer, SegmentsChineseWithTheDictionary) {
  const auto tokens = analyze("消除种族歧视委员会", "zh");
  ASSERT_GE(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kIdeographic);
  std::string joined;
  for (const auto& t : tokens) joined += t.surface;
  EXPECT_EQ(joined, "消除种族歧视委员会");
}

TEST(Analyzer, SkipsOverlongTokensButKeepsGoing) {
  const std::string text = std::string(200000, 'x') + " convention";
  const auto tokens = analyze(text);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].surface, "convention");
}

TEST(Analyzer, OriginalKeepsCaseAccentsAndTashkeelButNotElisionOrTatweel) {
  const auto fr = analyze("L’Élimination", "fr");
  ASSERT_EQ(fr.size(), 1u);
  EXPECT_EQ(fr[0].original, "Élimination");
  EXPECT_EQ(fr[0].lower, "élimination");
  EXPECT_EQ(fr[0].surface, "elimination");
  const auto ru = analyze("Ёлки", "ru");
  EXPECT_EQ(ru[0].original, "Ёлки");
  EXPECT_EQ(ru[0].lower, "елки");
  const auto ar = analyze("الْمَكْتَبَاتِ ٢٠٢٣ أحمـــد", "ar");
  ASSERT_EQ(ar.size(), 3u);
  EXPECT_EQ(ar[0].original, "الْمَكْتَبَاتِ");
  EXPECT_EQ(ar[0].surface, "المكتبات");
  EXPECT_EQ(ar[1].original, "2023");
  EXPECT_EQ(ar[2].original, "أحمد");
  EXPECT_EQ(ar[2].surface, "احمد");
}

class GramRecorder : public TokenSink {
 public:
  void on_token(const Token&) override {}
  void on_gram(std::string_view gram) override { grams.emplace_back(gram); }
  void on_symbol(std::string_view symbol, std::uint32_t, std::uint32_t) override {
    symbols.emplace_back(symbol);
  }
  std::vector<std::string> grams, symbols;
};

TEST(Analyzer, IdeographicRunsGiveUnigramsAndBigramsAcrossWordBreaks) {
  Analyzer analyzer;
  GramRecorder recorder;
  analyzer.analyze("哈萨克斯坦，委员会", "zh", recorder);
  // 哈萨克斯坦 is one run however ICU splits it; the comma ends the run.
  const std::vector<std::string> expected = {"哈", "萨",   "哈萨", "克", "萨克", "斯", "克斯",
                                             "坦", "斯坦", "委",   "员", "委员", "会", "员会"};
  EXPECT_EQ(recorder.grams, expected);
}

TEST(Analyzer, FindsDocumentSymbolsWhole) {
  Analyzer analyzer;
  GramRecorder recorder;
  analyzer.analyze(
      "See CERD/C/KAZ/CO/8-10, E/C.12/AUS/CO/6 and (A/HRC/WG.6/1/BRA/1). Not https://x.org/A/B/C "
      "nor 12/05/2023 nor and/or/both.",
      "en", recorder);
  EXPECT_EQ(recorder.symbols, (std::vector<std::string>{"cerd/c/kaz/co/8-10", "e/c.12/aus/co/6",
                                                        "a/hrc/wg.6/1/bra/1"}));
}

TEST(Analyzer, InvalidUtf8DoesNotCrash) {
  const std::string text = "abc\xFF\xFE def \xC0";
  EXPECT_EQ(surfaces(text), (std::vector<std::string>{"abc", "def"}));
}

TEST(Fold, StripElisionLeavesShortWordsAlone) {
  std::string s = "l'";
  strip_elision(&s);
  EXPECT_EQ(s, "l");
  s = "aujourd'hui";
  strip_elision(&s);
  EXPECT_EQ(s, "aujourd'hui");
}

}  // namespace
}  // namespace treatysearch::core
