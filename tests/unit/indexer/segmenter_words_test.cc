// Per-language words, letters and digits (segmenter_words.h): a Russian "б)", a French
// "Recommandations :", an Arabic "١٢-" are labelled as their English equivalents are. The
// documents are our own words in the layout of UN documents.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "passages.h"
#include "segmenter.h"

namespace treatysearch::ingest {
namespace {

using test_support::find_passage;
using test_support::labels_of_kind;

const Passage* find(const SegmentedText& segmented, std::string_view label) {
  return find_passage(segmented, label);
}

using Labels = std::vector<std::string>;

// --- Russian sub-paragraphs --------------------------------------------------------------------

TEST(SegmentWords, CyrillicSubParagraphsInAlphabeticalOrder) {
  const SegmentedText segmented = segment(
      "1. Комитет приветствует доклад.\n\n"
      "2. Комитет рекомендует государству-участнику:\n\n"
      "а) принять закон о борьбе с дискриминацией;\n\n"
      "б) создать независимое учреждение;\n\n"
      "в) собирать данные.\n\n"
      "3. Комитет просит представить доклад.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph), (Labels{"1", "2", "3"}));
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kSubParagraph),
            (Labels{"2 (а)", "2 (б)", "2 (в)"}));
  const Passage* second = find(segmented, "2 (б)");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->text, "создать независимое учреждение;");
  EXPECT_EQ(second->parent, "2");
}

TEST(SegmentWords, ACyrillicLetterOutOfOrderIsNotASubParagraph) {
  // а) then в): "в" is not the letter after "а", so it stays text of (а).
  const SegmentedText segmented =
      segment("1. Один.\n\n2. Комитет рекомендует:\n\nа) первое;\n\nв) третье.\n\n3. Три.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kSubParagraph), Labels{"2 (а)"});
  // The lettering skips ё, й, ъ, ы, ь: щ) is followed by э), and ё) starts nothing.
  std::string lettered = "1. Один.\n\n2. Комитет рекомендует:\n\n";
  for (const char* letter : {"а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л", "м", "н",
                             "о", "п", "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "э"})
    lettered += std::string(letter) + ") пункт;\n\n";
  lettered += "3. Три.\n";
  const auto subs = labels_of_kind(segment(lettered), PassageKind::kSubParagraph);
  ASSERT_EQ(subs.size(), 26u);
  EXPECT_EQ(subs[24], "2 (щ)");
  EXPECT_EQ(subs[25], "2 (э)");
  EXPECT_TRUE(labels_of_kind(segment("1. Один.\n\n2. Два:\n\nё) пункт;\n\n3. Три.\n"),
                             PassageKind::kSubParagraph)
                  .empty());
}

TEST(SegmentWords, LatinLettersInARussianDocumentStayLatin) {
  // UN Russian documents letter with Latin a), b), c) today; the alphabet of the first letter
  // holds for the paragraph: a Cyrillic "б" does not follow a Latin "a".
  const SegmentedText segmented = segment(
      "1. Один.\n\n2. Просьба представить информацию:\n\na) о мерах;\n\nb) о законах.\n\n"
      "3. Три.\n\n4. Четыре:\n\na) о мерах;\n\nб) о законах.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kSubParagraph),
            (Labels{"2 (a)", "2 (b)", "4 (a)"}));
}

// --- recommendation markers --------------------------------------------------------------------

// The English test RecommendationTest.NumberedItems, in other languages.
SegmentedText with_marker(std::string_view marker) {
  return segment("31. Un.\n\n32. Malgré les efforts.\n\n\t" + std::string(marker) +
                 "\n\n1. Adopter une loi.\n\n2. Créer un organe.\n\n\n33. Trois.\n");
}

TEST(SegmentWords, RecommendationMarkersInEveryLanguage) {
  const Labels expected = {"32, recommendation 1", "32, recommendation 2"};
  for (const std::string_view marker :
       {"RECOMMENDATIONS:", "Recommendations:", "Recommandations :", "RECOMMANDATIONS",
        "Recommandation :", "Recomendaciones:", "RECOMENDACIONES",
        "Recomendación:", "Рекомендации:", "РЕКОМЕНДАЦИИ", "التوصيات:", "التوصية:", "建议："}) {
    SCOPED_TRACE(std::string(marker));
    const SegmentedText segmented = with_marker(marker);
    EXPECT_EQ(labels_of_kind(segmented, PassageKind::kRecommendation), expected);
    EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph), (Labels{"31", "32", "33"}));
  }
}

TEST(SegmentWords, WordsWithoutColonOrCapitalsAreNotMarkers) {
  // A title-case word alone is a heading; a caseless word needs its colon; other words are
  // text.
  for (const std::string_view line : {"Recommandations", "Recomendaciones", "Рекомендации",
                                      "التوصيات", "Observations :", "Le Comité recommande :"}) {
    SCOPED_TRACE(std::string(line));
    EXPECT_TRUE(labels_of_kind(with_marker(line), PassageKind::kRecommendation).empty());
  }
}

// --- Arabic digits and letters -------------------------------------------------------------------

TEST(SegmentWords, ArabicIndicParagraphNumbersAreLabelledInAsciiDigits) {
  // "١-" (the hyphen of Arabic documents), "٢." and Extended Arabic-Indic "۳.", with ASCII
  // labels; PDF text layers mix ASCII and Arabic-Indic digits in one number ("1٠").
  std::string text;
  const char* numbers[] = {"١-", "٢-", "٣-", "٤-",  "٥-",  "٦-",
                           "٧-", "٨-", "٩-", "1٠-", "١١-", "١٢-"};
  for (const char* number : numbers) text += std::string(number) + " تلاحظ اللجنة التقرير.\n\n";
  const SegmentedText segmented = segment(text);
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph),
            (Labels{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}));
  const Passage* tenth = find(segmented, "10");
  ASSERT_NE(tenth, nullptr);
  EXPECT_EQ(tenth->text, "تلاحظ اللجنة التقرير.");

  EXPECT_EQ(labels_of_kind(segment("۱. یک.\n\n۲. دو.\n\n۳. سه.\n"), PassageKind::kParagraph),
            (Labels{"1", "2", "3"}));
  EXPECT_EQ(
      labels_of_kind(segment("١. أولا.\n\n٢. ثانيا.\n\n٣. ثالثا.\n"), PassageKind::kParagraph),
      (Labels{"1", "2", "3"}));
}

TEST(SegmentWords, AHyphenEndsAParagraphNumberOnlyBeforeArabicText) {
  // "1- " before Latin text is not a paragraph number (a range, a list); before Arabic text,
  // or with Arabic-Indic digits, it is.
  EXPECT_TRUE(labels_of_kind(segment("1- One.\n\n2- Two.\n\n3- Three.\n"), PassageKind::kParagraph)
                  .empty());
  EXPECT_EQ(
      labels_of_kind(segment("1- واحد.\n\n2- اثنان.\n\n3- ثلاثة.\n"), PassageKind::kParagraph),
      (Labels{"1", "2", "3"}));
}

TEST(SegmentWords, ArabicNumbersAsPdfTextStoresThem) {
  // The text layer of a right-to-left page may store the hyphen before the digits and wrap the
  // number in bidi embeddings (LRE U+202A, RLE U+202B, PDF U+202C), the number alone on its
  // line: the form pdftotext gives for CRPD/C/RWA/CO/1.
  const std::string rle = "\u202B", lre = "\u202A", pop = "\u202C";
  const std::string text = rle + lre + "-١" + pop + "تلاحظ اللجنة التقرير." + pop + "\n\n" + rle +
                           lre + "-2" + pop + pop + "\n" + rle + "توصي اللجنة." + pop + "\n\n" +
                           rle + lre + " - ٣" + pop + "تطلب اللجنة." + pop + "\n";
  const SegmentedText segmented = segment(text);
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph), (Labels{"1", "2", "3"}));
  const Passage* first = find(segmented, "1");
  ASSERT_NE(first, nullptr);
  EXPECT_TRUE(first->text.starts_with("تلاحظ")) << first->text;
  // Without the embeddings, "-2" alone on a line is a number, not a paragraph.
  EXPECT_TRUE(labels_of_kind(segment("-1 One.\n\n-2\nTwo.\n\n-3 Three.\n"), PassageKind::kParagraph)
                  .empty());
}

TEST(SegmentWords, AbjadSubParagraphs) {
  const SegmentedText segmented = segment(
      "١- تلاحظ اللجنة.\n\n٢- توصي اللجنة الدولة الطرف بما يلي:\n\n"
      "(أ) اعتماد قانون؛\n\n(ب) إنشاء هيئة؛\n\n(ج) جمع البيانات؛\n\n(د) نشر التقرير؛\n\n"
      "(هـ) تدريب الموظفين.\n\n٣- تطلب اللجنة.\n\n٤- تلاحظ اللجنة:\n\nأ) أولا؛\n\nب) ثانيا؛\n\n"
      "ج) ثالثا؛\n\nد) رابعا؛\n\nه) خامسا.\n");
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kParagraph), (Labels{"1", "2", "3", "4"}));
  EXPECT_EQ(labels_of_kind(segmented, PassageKind::kSubParagraph),
            (Labels{"2 (أ)", "2 (ب)", "2 (ج)", "2 (د)", "2 (هـ)", "4 (أ)", "4 (ب)", "4 (ج)",
                    "4 (د)", "4 (ه)"}));
  // Abjad order, not the alphabetical order of dictionaries (أ ب ت ث): "ت" after "ب" is text.
  EXPECT_EQ(
      labels_of_kind(segment("١- أ.\n\n٢- ب:\n\n(أ) أولا؛\n\n(ب) ثانيا؛\n\n(ت) ثالثا.\n\n٣- ج.\n"),
                     PassageKind::kSubParagraph),
      (Labels{"2 (أ)", "2 (ب)"}));
}

// --- limits ------------------------------------------------------------------------------------

TEST(SegmentWords, DottedNumberLevelsAtNAndNPlusOne) {
  // Three levels (kMaxNumberLevels) are read; a fourth level is not a paragraph number.
  const std::string three = "1.1 A.\n\n1.2 B.\n\n1.2.1 C.\n\n1.2.2 D.\n\n2.1 E.\n";
  EXPECT_EQ(labels_of_kind(segment(three), PassageKind::kParagraph),
            (Labels{"1.1", "1.2", "1.2.1", "1.2.2", "2.1"}));
  const std::string four = "1.1 A.\n\n1.2 B.\n\n1.2.1.1 C.\n\n1.3 D.\n";
  EXPECT_EQ(labels_of_kind(segment(four), PassageKind::kParagraph), (Labels{"1.1", "1.2", "1.3"}));
  // A level below the first has at most three digits (kMaxMinorDigits).
  EXPECT_EQ(labels_of_kind(segment("1.998 A.\n\n1.999 B.\n\n2.1 C.\n"), PassageKind::kParagraph),
            (Labels{"1.998", "1.999", "2.1"}));
  EXPECT_TRUE(labels_of_kind(segment("1.9998 A.\n\n1.9999 B.\n\n2.1 C.\n"), PassageKind::kParagraph)
                  .empty());
}

TEST(SegmentWords, ArabicIndicNumbersKeepTheParagraphNumberLimit) {
  // kMaxParagraphNumber (99,999,999) in Arabic-Indic digits is a paragraph number (N); one digit
  // more (N + 1) is text.
  const std::string n = "٩٩٩٩٩٩٩٧- أ.\n\n٩٩٩٩٩٩٩٨- ب.\n\n٩٩٩٩٩٩٩٩- ج.\n";
  EXPECT_EQ(labels_of_kind(segment(n), PassageKind::kParagraph),
            (Labels{"99999997", "99999998", "99999999"}));
  const std::string over = "٩٩٩٩٩٩٩٨- أ.\n\n٩٩٩٩٩٩٩٩- ب.\n\n١٠٠٠٠٠٠٠٠- ج.\n";
  EXPECT_TRUE(labels_of_kind(segment(over), PassageKind::kParagraph).empty());
}

}  // namespace
}  // namespace treatysearch::ingest
