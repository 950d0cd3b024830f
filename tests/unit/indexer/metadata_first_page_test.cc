// Metadata read from the UN first page in the six languages. The English, Spanish, French and
// Russian excerpts are pdftotext's text of the first pages of the bundled corpus PDFs
// (corpus/crpd, corpus/cerd), shortened; the Arabic one is the bundled Rwanda document's first
// page in logical order (as the PDF extractor gives it); the Chinese one is written in the UN's
// standard first-page form.
#include <gtest/gtest.h>

#include <string>

#include "extracted_document.h"
#include "metadata_detect.h"
#include "metadata_rules.h"

namespace treatysearch::ingest {
namespace {

using metadata_detail::Language;

// corpus/crpd/Bangladesh_2022_CRPD_C_BGD_CO_1.pdf, page 1. Its footnote names the misprinted
// symbol it was first issued under (CRPD/C/BDG/CO/1).
constexpr const char* kEnglishBangladesh = R"(CRPD/C/BGD/CO/1

United Nations

Convention on the Rights
of Persons with Disabilities

Distr.: General
11 October 2022
Original: English

Committee on the Rights of Persons with Disabilities

Concluding observations on the initial report of
Bangladesh*, **
I. Introduction
1.
The Committee considered the initial report of Bangladesh 1 at its 600th and 601st
meetings,2 held on 25 and 26 August 2022. It adopted the present concluding observations at
its 617th meeting, held on 7 September 2022.

* Reissued for technical reasons on 8 December 2022; previously issued under the symbol
CRPD/C/BDG/CO/1.

** Adopted by the Committee at its twenty-seventh session (15 August–9 September 2022).
1

CRPD/C/BGD/1.
GE.22-16398(E)
)";

TEST(FirstPageTest, EnglishConcludingObservations) {
  const DocumentInfo info = detect_metadata(kEnglishBangladesh);
  EXPECT_EQ(info.symbol, "CRPD/C/BGD/CO/1");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.committee, "CRPD");
  EXPECT_EQ(info.state, "Bangladesh");
  EXPECT_EQ(info.date, "2022-10-11");
  EXPECT_EQ(info.session, "27");  // "twenty-seventh", in words
  EXPECT_EQ(info.language, "en");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.title, "Concluding observations on the initial report of Bangladesh");
}

// corpus/cerd/CERD-Observacoes-Brasil-2022.pdf, page 1: a starred symbol, a session in digits.
constexpr const char* kEnglishBrazil = R"(United Nations

International Convention on
the Elimination of All Forms
of Racial Discrimination

CERD/C/BRA/CO/18-20*
Distr.: General
19 December 2022
Original: English

Committee on the Elimination of Racial Discrimination

Concluding observations on the combined eighteenth to
twentieth periodic reports of Brazil**
1.
The Committee considered the combined eighteenth to twentieth periodic reports of
Brazil,1 submitted in one document, at its 2931st and 2932nd meetings,2 held on 16 and 17
November 2022.

* Reissued for technical reasons on 10 March 2023.
** Adopted by the Committee at its 108th session (14 November–2 December 2022).
)";

TEST(FirstPageTest, StarredSymbolAndSessionInDigits) {
  const DocumentInfo info = detect_metadata(kEnglishBrazil);
  EXPECT_EQ(info.symbol, "CERD/C/BRA/CO/18-20");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.state, "Brazil");
  EXPECT_EQ(info.date, "2022-12-19");
  EXPECT_EQ(info.session, "108");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.title,
            "Concluding observations on the combined eighteenth to twentieth periodic reports of "
            "Brazil");
}

// corpus/cerd/G1700519.docx: its first paragraphs as a DOCX reader gives them (the layout
// table's cells one per line, the title's cell indented), then the footnote of footnotes.xml.
TEST(FirstPageTest, DocxFirstPageWithFootnoteAndHints) {
  const std::string text =
      "United Nations\nCERD/C/URY/CO/21-23\n"
      "International Convention on the Elimination of All Forms of Racial Discrimination\n"
      "Distr.: General\n12 January 2017\nEnglish\nOriginal: Spanish\n"
      "Committee on the Elimination of Racial Discrimination\n"
      "\t\tConcluding observations on the combined twenty-first to twenty-third periodic reports "
      "of Uruguay* \n"
      "1.\tThe Committee on the Elimination of Racial Discrimination considered the combined "
      "twenty-first to twenty-third reports of Uruguay.\n"
      "*Adopted by the Committee at its ninety-first session (21 November-9 December 2016).\n";
  MetadataHints hints;  // its docProps/core.xml
  hints.title = "1700476";
  hints.subject = "CERD/C/URY/CO/21-23";
  const DocumentInfo info = detect_metadata(text, hints);
  EXPECT_EQ(info.symbol, "CERD/C/URY/CO/21-23");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.state, "Uruguay");
  EXPECT_EQ(info.date, "2017-01-12");
  EXPECT_EQ(info.session, "91");
  EXPECT_EQ(info.language, "en");
  EXPECT_EQ(info.original_language, "es");
  EXPECT_EQ(info.title,
            "Concluding observations on the combined twenty-first to twenty-third periodic "
            "reports of Uruguay");
}

// corpus/crpd/Greece_2019_CRPD_C_GRC_CO_1.pdf, page 1.
constexpr const char* kSpanishGreece = R"(Naciones Unidas

Convención sobre los Derechos
de las Personas con Discapacidad

CRPD/C/GRC/CO/1
Distr. general
29 de octubre de 2019
Español
Original: inglés

Comité sobre los Derechos de las Personas con Discapacidad

Observaciones finales sobre el informe inicial
de Grecia*
I. Introducción
1.
El Comité examinó el informe inicial de Grecia (CRPD/C/GRC/1 y Corr.1) en sus
sesiones 487ª y 488ª (véanse CRPD/C/SR.487 y 488), celebradas los días 3 y 4 de
septiembre de 2019.
* Aprobadas por el Comité en su 22º período de sesiones (26 de agosto a 20 de septiembre de 2019).

GE.19-18603 (S)
)";

TEST(FirstPageTest, SpanishConcludingObservations) {
  const DocumentInfo info = detect_metadata(kSpanishGreece);
  EXPECT_EQ(info.symbol, "CRPD/C/GRC/CO/1");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.committee, "CRPD");
  EXPECT_EQ(info.state, "Greece");
  EXPECT_EQ(info.date, "2019-10-29");
  EXPECT_EQ(info.session, "22");
  EXPECT_EQ(info.language, "es");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.title, "Observaciones finales sobre el informe inicial de Grecia");
}

// corpus/crpd/Norway_UnknownYear_CRPD_C_NOR_CO_1.pdf, page 1.
constexpr const char* kFrenchNorway = R"(CRPD/C/NOR/CO/1

Nations Unies

Convention relative aux droits
des personnes handicapées

Distr. générale
7 mai 2019
Français
Original : anglais

Comité des droits des personnes handicapées

Observations finales concernant le rapport initial
de la Norvège*
I. Introduction
1.
Le Comité a examiné le rapport initial de la Norvège (CRPD/C/NOR/1 et Corr.1) à
ses 455e et 456e séances (voir CRPD/C/SR.455 et 456), les 25 et 26 mars 2019.

* Adoptées par le Comité à sa vingt et unième session (11 mars-5 avril 2019).
GE.19-07503 (F)
)";

TEST(FirstPageTest, FrenchConcludingObservations) {
  const DocumentInfo info = detect_metadata(kFrenchNorway);
  EXPECT_EQ(info.symbol, "CRPD/C/NOR/CO/1");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.committee, "CRPD");
  EXPECT_EQ(info.state, "Norway");
  EXPECT_EQ(info.date, "2019-05-07");
  EXPECT_EQ(info.session, "21");  // "vingt et unième"
  EXPECT_EQ(info.language, "fr");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.title, "Observations finales concernant le rapport initial de la Norvège");
}

// corpus/crpd/Bangladesh_UnknownYear_CRPD_C_BGD_Q_1.pdf, page 1: a list of issues, adopted by
// the pre-sessional working group, whose sessions are not the Committee's.
constexpr const char* kRussianBangladesh = R"(Организация Объединенных Наций

Конвенция о правах
инвалидов

CRPD/C/BGD/Q/1
Distr.: General
6 May 2019
Russian
Original: English
English, Russian and Spanish only

Комитет по правам инвалидов

Перечень вопросов в связи с первоначальным докладом
Бангладеш*
A.

Цель и общие обязательства (статьи 1–4)
1.

Просьба предоставить Комитету информацию:

* Принят предсессионной рабочей группой на ее одиннадцатой сессии (8–11 апреля 2019 года).
GE.19-07380 (R) 210619 210619
)";

TEST(FirstPageTest, RussianListOfIssues) {
  const DocumentInfo info = detect_metadata(kRussianBangladesh);
  EXPECT_EQ(info.symbol, "CRPD/C/BGD/Q/1");
  EXPECT_EQ(info.type, "list-of-issues");
  EXPECT_EQ(info.committee, "CRPD");
  EXPECT_EQ(info.state, "Bangladesh");
  EXPECT_EQ(info.date, "2019-05-06");
  EXPECT_EQ(info.session, "");  // the working group's eleventh session is not the Committee's
  EXPECT_EQ(info.language, "ru");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.title, "Перечень вопросов в связи с первоначальным докладом Бангладеш");
}

// The Russian words of a first page where the version prints them in Russian.
TEST(FirstPageTest, RussianDateOriginalAndSessionWords) {
  const DocumentInfo info = detect_metadata(
      "CRPD/C/BGD/CO/1\n"
      "Distr.: общая\n"
      "19 декабря 2022 года\n"
      "Подлинный текст: английский\n"
      "\n"
      "Комитет по правам инвалидов\n"
      "Заключительные замечания по первоначальному докладу Бангладеш*\n"
      "I. Введение\n"
      "1. Комитет рассмотрел первоначальный доклад Бангладеш.\n"
      "* Приняты Комитетом на его двадцать седьмой сессии (15 августа — 9 сентября 2022 года).\n");
  EXPECT_EQ(info.symbol, "CRPD/C/BGD/CO/1");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.date, "2022-12-19");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.session, "27");
  EXPECT_EQ(info.title, "Заключительные замечания по первоначальному докладу Бангладеш");
}

// corpus/crpd/Rwanda_UnknownYear_CRPD_C_RWA_CO_1.pdf, page 1, in logical order.
constexpr const char* kArabicRwanda =
    "الأمم المتحدة\n"
    "\n"
    "اتفاقية حقوق الأشخاص\n"
    "ذوي الإعاقة\n"
    "\n"
    "\u202BCRPD/C/RWA/CO/1\u202C\n"
    "\u202BDistr.: General\u202C\n"
    "\u202B3 May 2019\u202C\n"
    "\u202BArabic\u202C\n"
    "\u202BOriginal: English\u202C\n"
    "\n"
    "اللجنة المعنية بحقوق الأشخاص ذوي الإعاقة\n"
    "الملاحظات الختامية بشأن التقرير الأولي لرواندا*\n"
    "\n"
    "أولاً- مقدمة\n"
    "١- نظرت اللجنة في التقرير الأولي لرواندا (CRPD/C/RWA/1) في جلستيها 441 و442.\n"
    "__________\n"
    "* اعتمدتها اللجنة في دورتها الحادية والعشرين (11 آذار/مارس - 5 نيسان/أبريل 2019).\n";

TEST(FirstPageTest, ArabicConcludingObservations) {
  const DocumentInfo info = detect_metadata(kArabicRwanda);
  EXPECT_EQ(info.symbol, "CRPD/C/RWA/CO/1");  // bidi controls around the Latin runs removed
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.committee, "CRPD");
  EXPECT_EQ(info.state, "Rwanda");
  EXPECT_EQ(info.date, "2019-05-03");
  EXPECT_EQ(info.session, "21");  // "الحادية والعشرين"
  EXPECT_EQ(info.language, "ar");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.title, "الملاحظات الختامية بشأن التقرير الأولي لرواندا");
}

// CRPD/C/KAZ/CO/1 (Arabic, in ../shared): pdftotext gives the lam-alef ligature as alef before
// lam ("األشخاص"); the committee's line is still recognised.
TEST(FirstPageTest, ArabicLigatureGivenAlefBeforeLam) {
  const DocumentInfo info = detect_metadata(
      "\u202BCRPD/C/KAZ/CO/1\u202C\n\u202BDistr.: General\u202C\n\u202B19 April 2024\u202C\n"
      "\u202BArabic\u202C\n\u202BOriginal: English\u202C\n"
      "اللجنة المعنية بحقوق األشخاص ذوي اإلعاقة\n"
      "المالحظات الختامية بشأن التقرير األولي لكازاخستان*\n");
  EXPECT_EQ(info.committee, "CRPD");
  EXPECT_EQ(info.state, "Kazakhstan");
  EXPECT_EQ(metadata_detail::fold_words("األشخاص"), metadata_detail::fold_words("الأشخاص"));
}

TEST(FirstPageTest, ArabicScriptDateAndOriginal) {
  const DocumentInfo info = detect_metadata(
      "CRPD/C/RWA/CO/1\n"
      "Distr.: General\n"
      "١٩ كانون الأول/ديسمبر ٢٠٢٢\n"
      "الأصل: بالإنكليزية\n"
      "اللجنة المعنية بحقوق الأشخاص ذوي الإعاقة\n"
      "الملاحظات الختامية بشأن التقرير الأولي لرواندا*\n");
  EXPECT_EQ(info.date, "2022-12-19");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.committee, "CRPD");
}

// The UN's Chinese first page.
constexpr const char* kChineseBangladesh =
    "联合国\n"
    "残疾人权利公约\n"
    "CRPD/C/BGD/CO/1\n"
    "Distr.: General\n"
    "2022年10月11日\n"
    "Chinese\n"
    "原文：英文\n"
    "残疾人权利委员会\n"
    "关于孟加拉国初次报告的结论性意见*\n"
    "一. 导言\n"
    "1. 委员会在2022年8月25日和26日举行的第600和601次会议上审议了孟加拉国的初次报告。\n"
    "* 委员会第二十七届会议(2022年8月15日至9月9日)通过。\n";

TEST(FirstPageTest, ChineseConcludingObservations) {
  const DocumentInfo info = detect_metadata(kChineseBangladesh);
  EXPECT_EQ(info.symbol, "CRPD/C/BGD/CO/1");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.committee, "CRPD");
  EXPECT_EQ(info.state, "Bangladesh");
  EXPECT_EQ(info.date, "2022-10-11");
  EXPECT_EQ(info.session, "27");  // 第二十七届会议
  EXPECT_EQ(info.language, "zh");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.title, "关于孟加拉国初次报告的结论性意见");
}

// Without a symbol, the type, committee and State come from the committee line and the title.
TEST(FirstPageTest, StateAndTypeFromTheTitleWithoutSymbol) {
  struct Case {
    const char* committee_line;
    const char* title;
    const char* state;
    const char* type;
  };
  const Case cases[] = {
      {"Comité des droits des personnes handicapées",
       "Observations finales concernant le rapport initial de la Norvège*", "Norway",
       "concluding-observations"},
      {"Comité sobre los Derechos de las Personas con Discapacidad",
       "Lista de cuestiones relativa al informe inicial de Israel*", "Israel", "list-of-issues"},
      {"Комитет по правам инвалидов",
       "Перечень вопросов в связи с первоначальным докладом Сингапура*", "Singapore",
       "list-of-issues"},
      {"Комитет по правам инвалидов", "Ответы Греции на перечень вопросов*", "Greece",
       "reply-to-list-of-issues"},
      {"اللجنة المعنية بحقوق الأشخاص ذوي الإعاقة",
       "الملاحظات الختامية بشأن التقرير الأولي لرواندا*", "Rwanda", "concluding-observations"},
      {"残疾人权利委员会", "关于孟加拉国初次报告的结论性意见*", "Bangladesh",
       "concluding-observations"},
      {"Committee on the Rights of Persons with Disabilities",
       "Information received from Belarus on follow-up to the concluding observations*", "Belarus",
       "follow-up-information"},
  };
  for (const Case& c : cases) {
    const std::string text = std::string("Distr.: General\n1 June 2020\n\n") + c.committee_line +
                             "\n" + c.title + "\n1. Text.\n";
    const DocumentInfo info = detect_metadata(text);
    EXPECT_EQ(info.committee, "CRPD") << c.title;
    EXPECT_EQ(info.state, c.state) << c.title;
    EXPECT_EQ(info.type, c.type) << c.title;
    EXPECT_EQ(info.symbol, "") << c.title;
  }
}

// ---------------------------------------------------------------------------------------------
// The symbol.

TEST(FirstPageSymbolTest, MisprintedHeaderSymbolGivesWayToTheFirstPageSymbol) {
  // A running header above the page with a misprinted country code, then the symbol above
  // "Distr.".
  const DocumentInfo info = detect_metadata(
      "CRPD/C/BDG/CO/1\n\nUnited Nations\n\nCRPD/C/BGD/CO/1\nDistr.: General\n11 October 2022\n"
      "Original: English\n\nCommittee on the Rights of Persons with Disabilities\n\n"
      "Concluding observations on the initial report of Bangladesh*\n1. Text.\n");
  EXPECT_EQ(info.symbol, "CRPD/C/BGD/CO/1");
  EXPECT_EQ(info.state, "Bangladesh");
  // The misprint printed above "Distr." itself is doubted against another symbol of the page.
  const DocumentInfo doubted = detect_metadata(
      "CRPD/C/BGD/CO/1\n\nUnited Nations\n\nCRPD/C/BDG/CO/1\nDistr.: General\n11 October 2022\n"
      "Committee on the Rights of Persons with Disabilities\n"
      "Concluding observations on the initial report of Bangladesh*\n1. Text.\n");
  EXPECT_EQ(doubted.symbol, "CRPD/C/BGD/CO/1");
}

TEST(FirstPageSymbolTest, SymbolAboveDistrWinsOverOthersInTheHeader) {
  const DocumentInfo info = detect_metadata(
      "CRPD/C/GRC/1\nUnited Nations\nCRPD/C/GRC/CO/1\nDistr.: General\n"
      "29 October 2019\nCommittee on the Rights of Persons with Disabilities\n"
      "Concluding observations on the initial report of Greece*\n1. Text.\n");
  EXPECT_EQ(info.symbol, "CRPD/C/GRC/CO/1");
}

TEST(FirstPageSymbolTest, SymbolSplitOverTwoLines) {
  EXPECT_EQ(detect_metadata("United Nations\nCERD/C/BRA/CO/18-\n20*\nDistr.: General\n"
                            "19 December 2022\n1. Text.\n")
                .symbol,
            "CERD/C/BRA/CO/18-20");
  EXPECT_EQ(detect_metadata("United Nations\nCRPD/C/GBR/CO/1/\nAdd.1\nDistr.: General\n"
                            "1 June 2020\n1. Text.\n")
                .symbol,
            "CRPD/C/GBR/CO/1/Add.1");
  // Two separate symbols are not joined.
  EXPECT_EQ(
      detect_metadata("CRPD/C/GBR/CO/1\nAdd.1 and more words\nDistr.: General\n1. Text.\n").symbol,
      "CRPD/C/GBR/CO/1");
}

// ../shared UPR document A/HRC/WG.6/48/SVN/2, page 1, shortened: the symbol above "Distr." is
// the document's even when no treaty body issued it; the Working Group's session is not a
// committee's.
TEST(FirstPageSymbolTest, OtherUnSymbolAboveDistr) {
  const DocumentInfo info = detect_metadata(
      "A/HRC/WG.6/48/SVN/2\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n"
      "7 November 2024\nOriginal: English\n\nHuman Rights Council\n"
      "Working Group on the Universal Periodic Review\nForty-eighth session\n"
      "Geneva, 20–31 January 2025\n\nSlovenia\n"
      "Compilation of information prepared by the Office of the\n"
      "United Nations High Commissioner for Human Rights\n\nI.\n\nBackground\n1.\nText.\n");
  EXPECT_EQ(info.symbol, "A/HRC/WG.6/48/SVN/2");
  EXPECT_EQ(info.state, "Slovenia");
  EXPECT_EQ(info.type, "");  // not a State report for ending in a number
  EXPECT_EQ(info.session, "");
  EXPECT_EQ(info.date, "2024-11-07");
  // Without "Distr.", only a treaty body's symbol standing alone in the header is taken.
  EXPECT_EQ(detect_metadata("A/HRC/52/12\nSome report on something\n1. Text.\n").symbol, "");
}

// ../shared CERD/C/2007/1, page 1: an old layout, "Distr." above the symbol, the committee's
// name wrapped in capitals.
TEST(FirstPageSymbolTest, OldLayoutWithSymbolBelowDistr) {
  const DocumentInfo info = detect_metadata(
      "UNITED\nNATIONS\n\nInternational Convention on\nthe Elimination\nof all Forms of\n"
      "Racial Discrimination\n\nDistr.\nGENERAL\nCERD/C/2007/1\n13 June 2008\n"
      "Original: ENGLISH\n\nCOMMITTEE ON THE ELIMINATION OF\nRACIAL DISCRIMINATION\n\n"
      "GUIDELINES FOR THE CERD-SPECIFIC DOCUMENT TO BE SUBMITTED\n"
      "BY STATES PARTIES UNDER ARTICLE 9,\nPARAGRAPH 1, OF THE CONVENTION\n\n"
      "A. Introduction\n");
  EXPECT_EQ(info.symbol, "CERD/C/2007/1");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.date, "2008-06-13");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_TRUE(info.title.starts_with("GUIDELINES FOR THE CERD-SPECIFIC DOCUMENT")) << info.title;
}

// The PDF extractor reads the first page line by line across its two columns: the top-right
// block's lines come interleaved with the Convention's name (corpus/crpd/Greece_..., as
// extract_pdf gives it).
TEST(FirstPageSymbolTest, TopRightBlockInterleavedWithTheLeftColumn) {
  const DocumentInfo info = detect_metadata(
      "Naciones Unidas\nCRPD/C/GRC/CO/1\nConvención sobre los Derechos\nDistr. general\n"
      "de las Personas con Discapacidad\n29 de octubre de 2019 Español Original: inglés\n"
      "Comité sobre los Derechos de las Personas con Discapacidad\n"
      "Observaciones finales sobre el informe inicial de Grecia*\nI. Introducción\n"
      "1. El Comité examinó el informe inicial de Grecia.\n");
  EXPECT_EQ(info.symbol, "CRPD/C/GRC/CO/1");
  EXPECT_EQ(info.date, "2019-10-29");
  EXPECT_EQ(info.language, "es");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.title, "Observaciones finales sobre el informe inicial de Grecia");
}

// A PDF extractor may give the top-right block as one paragraph, its lines joined by spaces.
TEST(FirstPageSymbolTest, TopRightBlockAsOneParagraph) {
  const DocumentInfo info = detect_metadata(
      "United Nations Convention on the Rights of Persons with Disabilities\n"
      "CRPD/C/GRC/CO/1 Distr. general 29 de octubre de 2019 Español Original: inglés\n"
      "Comité sobre los Derechos de las Personas con Discapacidad\n"
      "Observaciones finales sobre el informe inicial de Grecia*\nI. Introducción\n");
  EXPECT_EQ(info.symbol, "CRPD/C/GRC/CO/1");
  EXPECT_EQ(info.date, "2019-10-29");
  EXPECT_EQ(info.language, "es");
  EXPECT_EQ(info.original_language, "en");
  EXPECT_EQ(info.state, "Greece");
  const DocumentInfo joined = detect_metadata(
      "United Nations CRPD/C/BGD/CO/1 Distr.: General 11 October 2022 Original: English\n"
      "Committee on the Rights of Persons with Disabilities\n"
      "Concluding observations on the initial report of Bangladesh*\n1. Text.\n");
  EXPECT_EQ(joined.symbol, "CRPD/C/BGD/CO/1");
  EXPECT_EQ(joined.date, "2022-10-11");
  EXPECT_EQ(joined.original_language, "en");
  EXPECT_EQ(joined.title, "Concluding observations on the initial report of Bangladesh");
}

TEST(FirstPageSymbolTest, UnknownCountryCodeIsDoubted) {
  using metadata_detail::symbol_has_unknown_country;
  EXPECT_TRUE(symbol_has_unknown_country("CRPD/C/BDG/CO/1"));
  EXPECT_FALSE(symbol_has_unknown_country("CRPD/C/BGD/CO/1"));
  EXPECT_FALSE(symbol_has_unknown_country("E/C.12/AUS/CO/6"));
  EXPECT_FALSE(symbol_has_unknown_country("CCPR/C/CHN-HKG/CO/4"));
  EXPECT_FALSE(symbol_has_unknown_country("CRPD/C/GC/7"));  // no country part
  EXPECT_FALSE(symbol_has_unknown_country("CRPD/C/EU/CO/1"));
}

// ---------------------------------------------------------------------------------------------
// Types from symbols and titles.

TEST(FirstPageTypeTest, TypesFromSymbols) {
  using metadata_detail::type_from_symbol;
  EXPECT_EQ(type_from_symbol("CRPD/C/BLR/FCO/1"), "follow-up-information");
  EXPECT_EQ(type_from_symbol("CRPD/C/CZE/CO/1/Add.1"), "follow-up-information");
  EXPECT_EQ(type_from_symbol("CRPD/C/GBR/RFIR/1"), "inquiry-follow-up-report");
  EXPECT_EQ(type_from_symbol("CRPD/C/AND/RQ/1"), "reply-to-list-of-issues");
  EXPECT_EQ(type_from_symbol("CRPD/C/GRC/Q/1/Add.1"), "reply-to-list-of-issues");
  EXPECT_EQ(type_from_symbol("CRPD/C/GRC/Q/1"), "list-of-issues");
  EXPECT_EQ(type_from_symbol("CCPR/C/FIN/QPR/7"), "list-of-issues");
  EXPECT_EQ(type_from_symbol("A/77/55"), "annual-report");
  EXPECT_EQ(type_from_symbol("A/77/18"), "annual-report");
  EXPECT_EQ(type_from_symbol("E/2023/22"), "annual-report");
  EXPECT_EQ(type_from_symbol("A/77/17"), "");  // not a treaty body's supplement
  EXPECT_EQ(committee_for_symbol("A/77/55"), "CRPD");
  EXPECT_EQ(committee_for_symbol("A/78/40"), "CCPR");
  EXPECT_EQ(committee_for_symbol("E/2023/22"), "CESCR");
  EXPECT_TRUE(is_un_symbol("A/77/55"));
  EXPECT_FALSE(is_un_symbol("A/77/17"));
}

TEST(FirstPageTypeTest, AnnualReportFromItsFirstPage) {
  const DocumentInfo info = detect_metadata(
      "United Nations\nA/77/55\nGeneral Assembly\nOfficial Records\nSeventy-seventh session\n"
      "Supplement No. 55\n\nReport of the Committee on the Rights of Persons with Disabilities\n"
      "Twenty-fifth and twenty-sixth sessions\n");
  EXPECT_EQ(info.symbol, "A/77/55");
  EXPECT_EQ(info.type, "annual-report");
  EXPECT_EQ(info.committee, "CRPD");
  EXPECT_EQ(info.state, "");
}

// pdftotext's text of a reply (../shared CRPD/C/AGO/RQ/1), shortened: the session heading gives
// the session it is for.
TEST(FirstPageTypeTest, ReplyWithSessionHeading) {
  const DocumentInfo info = detect_metadata(
      "United Nations\nConvention on the Rights\nof Persons with Disabilities\nCRPD/C/AGO/RQ/1\n"
      "Distr.: General\n11 January 2023\nEnglish\nOriginal: Spanish\n"
      "English, French and Spanish only\n"
      "Committee on the Rights of Persons with Disabilities\nTwenty-eighth session\n"
      "6–24 March 2023\nItem 7 of the provisional agenda\n"
      "Consideration of reports submitted by parties to\nthe Convention under article 35\n"
      "Replies of Angola to the list of issues in relation to\nits initial report*\n"
      "[Date received: 31 May 2021]\n");
  EXPECT_EQ(info.type, "reply-to-list-of-issues");
  EXPECT_EQ(info.state, "Angola");
  EXPECT_EQ(info.session, "28");
  EXPECT_EQ(info.date, "2023-01-11");
  EXPECT_EQ(info.language, "en");
  EXPECT_EQ(info.original_language, "es");
  EXPECT_EQ(info.title,
            "Replies of Angola to the list of issues in relation to its initial report");
}

// corpus/crpd/Belarus_2024_CRPD_C_BLR_FCO_1.pdf, page 1.
TEST(FirstPageTypeTest, FollowUpInformationFromTheState) {
  const DocumentInfo info = detect_metadata(
      "United Nations\n\nConvention on the Rights\nof Persons with Disabilities\n\n"
      "CRPD/C/BLR/FCO/1\nDistr.: General\n27 November 2024\nEnglish\nOriginal: Russian\n"
      "Arabic, English, French, Russian\nand Spanish only\n\n"
      "Committee on the Rights of Persons with Disabilities\n\n"
      "Information received from Belarus on follow-up to the\n"
      "concluding observations on its initial report*\n[Date received: 15 November 2024]\n\n"
      "* The present document is being issued without formal editing.\nGE.24-22355 (E)\n");
  EXPECT_EQ(info.symbol, "CRPD/C/BLR/FCO/1");
  EXPECT_EQ(info.type, "follow-up-information");
  EXPECT_EQ(info.state, "Belarus");
  EXPECT_EQ(info.date, "2024-11-27");
  EXPECT_EQ(info.language, "en");
  EXPECT_EQ(info.original_language, "ru");
  EXPECT_EQ(info.session, "");
  EXPECT_EQ(info.title,
            "Information received from Belarus on follow-up to the concluding observations on its "
            "initial report");
}

TEST(FirstPageTypeTest, TitlesInSixLanguages) {
  using metadata_detail::type_from_title_any_language;
  EXPECT_EQ(type_from_title_any_language("Observations finales concernant le rapport initial"),
            "concluding-observations");
  EXPECT_EQ(type_from_title_any_language("Заключительные замечания по докладу"),
            "concluding-observations");
  EXPECT_EQ(type_from_title_any_language("الملاحظات الختامية بشأن التقرير"),
            "concluding-observations");
  EXPECT_EQ(type_from_title_any_language("孟加拉国对问题清单的答复"), "reply-to-list-of-issues");
  EXPECT_EQ(type_from_title_any_language("Respuestas de Colombia a la lista de cuestiones"),
            "reply-to-list-of-issues");
  EXPECT_EQ(type_from_title_any_language("Observación general núm. 7"), "general-comment");
  EXPECT_EQ(type_from_title_any_language("Informe inicial presentado por Andorra"), "state-report");
  EXPECT_EQ(type_from_title_any_language("Initial reports of States parties due in 2012"),
            "state-report");
  // "Information received" without follow-up is not follow-up information.
  EXPECT_EQ(type_from_title_any_language("Information received from the State party"), "");
  EXPECT_EQ(type_from_title_any_language("Report on the situation"), "");
}

// ---------------------------------------------------------------------------------------------
// Sessions, dates, languages.

TEST(FirstPageWordsTest, OrdinalsInSixLanguages) {
  using metadata_detail::read_ordinal_words;
  EXPECT_EQ(read_ordinal_words("first", Language::kEnglish), 1);
  EXPECT_EQ(read_ordinal_words("twenty-seventh", Language::kEnglish), 27);
  EXPECT_EQ(read_ordinal_words("one hundred and eighth", Language::kEnglish), 108);
  EXPECT_EQ(read_ordinal_words("one hundred and twentieth", Language::kEnglish), 120);
  EXPECT_EQ(read_ordinal_words("vingt et unième", Language::kFrench), 21);
  EXPECT_EQ(read_ordinal_words("soixante-dixième", Language::kFrench), 70);
  EXPECT_EQ(read_ordinal_words("quatre-vingtième", Language::kFrench), 80);
  EXPECT_EQ(read_ordinal_words("quatre-vingt-dix-neuvième", Language::kFrench), 99);
  EXPECT_EQ(read_ordinal_words("cent huitième", Language::kFrench), 108);
  EXPECT_EQ(read_ordinal_words("cent vingtième", Language::kFrench), 120);
  EXPECT_EQ(read_ordinal_words("сто двадцатой", Language::kRussian), 120);
  EXPECT_EQ(read_ordinal_words("الحادية والعشرين بعد المائة", Language::kArabic), 121);
  EXPECT_EQ(read_ordinal_words("المائة", Language::kArabic), 100);
  EXPECT_EQ(read_ordinal_words("一百二十", Language::kChinese), 120);
  // The limit: up to 999 is read, 1000 is not a session.
  EXPECT_EQ(read_ordinal_words("nine hundred and ninety-ninth", Language::kEnglish), 999);
  EXPECT_EQ(read_ordinal_words("ten hundredth", Language::kEnglish), -1);
  EXPECT_EQ(read_ordinal_words("vigésimo segundo", Language::kSpanish), 22);
  EXPECT_EQ(read_ordinal_words("decimoséptimo", Language::kSpanish), 17);
  EXPECT_EQ(read_ordinal_words("centésimo vigésimo", Language::kSpanish), 120);
  EXPECT_EQ(read_ordinal_words("двадцать седьмой", Language::kRussian), 27);
  EXPECT_EQ(read_ordinal_words("одиннадцатой", Language::kRussian), 11);
  EXPECT_EQ(read_ordinal_words("сто восьмой", Language::kRussian), 108);
  EXPECT_EQ(read_ordinal_words("пятой", Language::kRussian), 5);
  EXPECT_EQ(read_ordinal_words("الحادية والعشرين", Language::kArabic), 21);
  EXPECT_EQ(read_ordinal_words("الثانية عشرة", Language::kArabic), 12);
  EXPECT_EQ(read_ordinal_words("二十七", Language::kChinese), 27);
  EXPECT_EQ(read_ordinal_words("一百零八", Language::kChinese), 108);
  EXPECT_EQ(read_ordinal_words("twenty meetings", Language::kEnglish), -1);
  EXPECT_EQ(read_ordinal_words("", Language::kEnglish), -1);
}

TEST(FirstPageWordsTest, OrdinalDigitsAndTheirLimit) {
  using metadata_detail::read_ordinal_digits;
  EXPECT_EQ(read_ordinal_digits("108th"), 108);
  EXPECT_EQ(read_ordinal_digits("21e"), 21);
  EXPECT_EQ(read_ordinal_digits("22º"), 22);
  EXPECT_EQ(read_ordinal_digits("21er"), 21);
  EXPECT_EQ(read_ordinal_digits("27-й"), 27);
  EXPECT_EQ(read_ordinal_digits("١٠٨"), 108);
  EXPECT_EQ(read_ordinal_digits("999"), 999);  // three digits at most
  EXPECT_EQ(read_ordinal_digits("1000"), -1);
  EXPECT_EQ(read_ordinal_digits("08th"), -1);
  EXPECT_EQ(read_ordinal_digits("27 sessions"), -1);
}

TEST(FirstPageWordsTest, SessionHeadings) {
  using metadata_detail::session_heading;
  EXPECT_EQ(session_heading("Twenty-ninth session"), "29");
  EXPECT_EQ(session_heading("Vingt-neuvième session"), "29");
  EXPECT_EQ(session_heading("29º período de sesiones"), "29");
  EXPECT_EQ(session_heading("Двадцать девятая сессия"), "29");
  EXPECT_EQ(session_heading("الدورة التاسعة والعشرون"), "29");
  EXPECT_EQ(session_heading("第二十九届会议"), "29");
  EXPECT_EQ(session_heading("Seventy-seventh session"), "77");
  EXPECT_EQ(session_heading("Resumed session"), "");
  EXPECT_EQ(session_heading("Twenty-fifth and twenty-sixth sessions"), "");
}

TEST(FirstPageWordsTest, AdoptionNotesInSixLanguages) {
  using metadata_detail::fold_words;
  using metadata_detail::session_in_adoption_note;
  EXPECT_EQ(session_in_adoption_note(
                fold_words("* Adopted by the Committee at its twenty-seventh session (15 August)")),
            "27");
  EXPECT_EQ(session_in_adoption_note(fold_words("* Adoptées par le Comité à sa vingt et unième "
                                                "session (11 mars-5 avril 2019).")),
            "21");
  EXPECT_EQ(session_in_adoption_note(
                fold_words("* Aprobadas por el Comité en su vigésimo segundo período de sesiones")),
            "22");
  EXPECT_EQ(session_in_adoption_note(fold_words("* Приняты Комитетом на его двадцать седьмой "
                                                "сессии (15 августа — 9 сентября 2022 года).")),
            "27");
  EXPECT_EQ(session_in_adoption_note(fold_words("* اعتمدتها اللجنة في دورتها السابعة والعشرين "
                                                "(15 آب/أغسطس 2022).")),
            "27");
  EXPECT_EQ(
      session_in_adoption_note(fold_words("* 委员会第二十七届会议(2022年8月15日至9月9日)通过。")),
      "27");
  // A working group's note is not the Committee's.
  EXPECT_EQ(session_in_adoption_note(
                fold_words("* Adopted by the pre-sessional working group at its eleventh session")),
            "");
}

TEST(FirstPageWordsTest, DatesInOtherScripts) {
  using metadata_detail::parse_date_other_scripts;
  EXPECT_EQ(parse_date_other_scripts("19 декабря 2022 года"), "2022-12-19");
  EXPECT_EQ(parse_date_other_scripts("6 мая 2019 г."), "2019-05-06");
  EXPECT_EQ(parse_date_other_scripts("19 كانون الأول/ديسمبر 2022"), "2022-12-19");
  EXPECT_EQ(parse_date_other_scripts("٣ أيار/مايو ٢٠١٩"), "2019-05-03");
  EXPECT_EQ(parse_date_other_scripts("2022年12月19日"), "2022-12-19");
  EXPECT_EQ(parse_date_other_scripts("2022年12月"), "2022-12");
  EXPECT_EQ(parse_date_other_scripts("30 февраля 2022 года"), "");  // no such day
  EXPECT_EQ(parse_date_other_scripts("2022年13月1日"), "");
  EXPECT_EQ(parse_date_other_scripts("Комитет по правам инвалидов"), "");
  // The French and Spanish ones are parse_date_line()'s.
  EXPECT_EQ(parse_date_line("19 décembre 2022"), "2022-12-19");
  EXPECT_EQ(parse_date_line("19 de diciembre de 2022"), "2022-12-19");
}

TEST(FirstPageWordsTest, VersionLanguageLine) {
  // "English only": the one language the document is issued in.
  EXPECT_EQ(detect_metadata("CRPD/C/ETH/Q/1/Add.1\nDistr.: General\n8 August 2016\nEnglish only\n"
                            "Committee on the Rights of Persons with Disabilities\n")
                .language,
            "en");
  // A title naming a State is no language line, even right below the date.
  const DocumentInfo info = detect_metadata(
      "Distr.: General\n8 August 2016\nRussian Federation*\n1. Le Comité a "
      "examiné le rapport de la Fédération de Russie et le texte est en français "
      "pour que la langue détectée soit le français.\n");
  EXPECT_EQ(info.language, "fr");
}

TEST(FirstPageWordsTest, OriginalLanguageLines) {
  using metadata_detail::original_language_in;
  EXPECT_EQ(original_language_in("Original: English"), "en");
  EXPECT_EQ(original_language_in("Original : anglais"), "en");
  EXPECT_EQ(original_language_in("Original: español"), "es");
  EXPECT_EQ(original_language_in("Original: árabe"), "ar");
  EXPECT_EQ(original_language_in("Подлинный текст: английский"), "en");
  EXPECT_EQ(original_language_in("الأصل: بالإنكليزية"), "en");
  EXPECT_EQ(original_language_in("الأصل: بالفرنسية"), "fr");
  EXPECT_EQ(original_language_in("原文：英文"), "en");
  EXPECT_EQ(original_language_in("Original: English and French"), "en");
  EXPECT_EQ(original_language_in("Original: Klingon"), "");
  EXPECT_EQ(original_language_in("Originally the Committee"), "");
}

// ---------------------------------------------------------------------------------------------
// Hints: the file's own metadata fills only what the text left empty.

TEST(FirstPageHintsTest, HintsFillOnlyEmptyFields) {
  MetadataHints hints;
  hints.subject = "CRPD/C/NOR/CO/1";
  hints.title = "Concluding observations on the initial report of Norway";
  hints.language = "nb-NO";
  // The text gives no symbol and no title: the hints fill them, and the symbol's type,
  // committee and State.
  const DocumentInfo filled = detect_metadata("", hints);
  EXPECT_EQ(filled.symbol, "CRPD/C/NOR/CO/1");
  EXPECT_EQ(filled.type, "concluding-observations");
  EXPECT_EQ(filled.committee, "CRPD");
  EXPECT_EQ(filled.state, "Norway");
  EXPECT_EQ(filled.title, "Concluding observations on the initial report of Norway");
  EXPECT_EQ(filled.language, "nb");
  // The text's own values win.
  const DocumentInfo kept = detect_metadata(kSpanishGreece, hints);
  EXPECT_EQ(kept.symbol, "CRPD/C/GRC/CO/1");
  EXPECT_EQ(kept.state, "Greece");
  EXPECT_EQ(kept.language, "es");
  EXPECT_EQ(kept.title, "Observaciones finales sobre el informe inicial de Grecia");
}

TEST(FirstPageHintsTest, HintsThatAreNoSymbolOrTitleAreIgnored) {
  MetadataHints hints;
  hints.subject = "GE: 1907297";
  hints.title = "CRPD/C/BDG/CO/1";  // a misprinted country code is doubted here too
  EXPECT_EQ(detect_metadata("", hints).symbol, "");
  hints.title = "1907297";
  EXPECT_EQ(detect_metadata("", hints).title, "");
  hints.title = "Microsoft Word - G1907297.docx";
  EXPECT_EQ(detect_metadata("", hints).title, "");
}

}  // namespace
}  // namespace treatysearch::ingest
