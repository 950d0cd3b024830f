#include "metadata_detect.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "symbols.h"

namespace treatysearch::ingest {
namespace {

std::string read_corpus_file(const std::string& name) {
  const std::string path = std::string(TREATYSEARCH_CORPUS_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// ---------------------------------------------------------------------------------------------
// The bundled corpus.

TEST(DetectCorpusTest, FollowUpLetterTakesItsReferenceNotTheCitedSymbol) {
  const DocumentInfo info =
      detect_metadata(read_corpus_file("cerd-follow-up-letter-kazakhstan-2023.txt"));
  // The letter cites CERD/C/KAZ/CO/8-10 in its body; its own reference is the REFERENCE line.
  EXPECT_EQ(info.symbol, "CERD/110th session/2023/FU/AKB/ks");
  EXPECT_EQ(info.type, "follow-up-letter");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.state,
            "Kazakhstan");         // "Government of Kazakhstan", not the letterhead's Switzerland
  EXPECT_EQ(info.session, "110");  // not the 106th session it also mentions
  EXPECT_EQ(info.date, "2023-09-12");  // not "25 September 2025" from the body
  EXPECT_EQ(info.title, "");           // letterhead and address are not titles
  EXPECT_EQ(info.language, "en");
  EXPECT_EQ(info.source, "");
}

TEST(DetectCorpusTest, NgoCommentaryHasNoSymbolOfItsOwn) {
  const DocumentInfo info =
      detect_metadata(read_corpus_file("ngo-commentaries-kazakhstan-cerd-8-11-2022.txt"));
  // Paragraph 7 cites the State report CERD/C/KAZ/8-11; that is not this document's symbol.
  EXPECT_EQ(info.symbol, "");
  EXPECT_EQ(info.type, "ngo-commentary");  // "the comments of the human rights organizations"
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.state, "Kazakhstan");
  EXPECT_EQ(info.session, "");  // the 101st/103rd/105th sessions it recounts are not its own
  EXPECT_EQ(info.date, "");     // no date line at the top
  EXPECT_EQ(info.title, "");    // it opens with "1. GENERAL INFORMATION"
  EXPECT_EQ(info.language, "en");
}

// ---------------------------------------------------------------------------------------------
// Synthetic front matter.

constexpr const char* kConcludingObservations =
    "United Nations\tCERD/C/KAZ/CO/8-10\n"
    "\tInternational Convention on the Elimination\nof All Forms of Racial Discrimination\t"
    "Distr.: General\n"
    "20\xC2\xA0May 2022\n"
    "\n"
    "Original: English\n"
    "\n"
    "Committee on the Elimination of Racial Discrimination\n"
    "\t\tConcluding observations on the combined eighth to tenth periodic reports of "
    "Kazakhstan*\n"
    "\tA.\tIntroduction\n"
    "1.\tThe Committee considered the combined eighth to tenth periodic reports of Kazakhstan "
    "(CERD/C/KAZ/8-10), submitted in a single document, at its 2870th and 2871st meetings (see "
    "CERD/C/SR.2870 and 2871), held on 20 and 21 April 2022. At its 2888th meeting, held on 29 "
    "April 2022, it adopted the present concluding observations.\n"
    "2.\tThe Committee welcomes the submission of the report. It notes the information on "
    "Uzbekistan and Kyrgyzstan given in passing.\n"
    "\n"
    "* Adopted by the Committee at its 106th session (11–29 April 2022).\n";

TEST(DetectFrontMatterTest, ConcludingObservations) {
  const DocumentInfo info = detect_metadata(kConcludingObservations);
  EXPECT_EQ(info.symbol, "CERD/C/KAZ/CO/8-10");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.state, "Kazakhstan");
  EXPECT_EQ(info.session, "106");
  EXPECT_EQ(info.date, "2022-05-20");
  EXPECT_EQ(info.title,
            "Concluding observations on the combined eighth to tenth periodic reports of "
            "Kazakhstan");
  EXPECT_EQ(info.language, "en");
}

TEST(DetectFrontMatterTest, WindowsLineEndingsGiveTheSameResult) {
  std::string crlf;
  for (const char* c = kConcludingObservations; *c != '\0'; ++c) {
    if (*c == '\n') crlf += '\r';
    crlf += *c;
  }
  const DocumentInfo info = detect_metadata(crlf);
  EXPECT_EQ(info.symbol, "CERD/C/KAZ/CO/8-10");
  EXPECT_EQ(info.date, "2022-05-20");
  EXPECT_EQ(info.title,
            "Concluding observations on the combined eighth to tenth periodic reports of "
            "Kazakhstan");
}

TEST(DetectFrontMatterTest, OldLayoutWithSymbolOnItsOwnLineAfterDistr) {
  const DocumentInfo info = detect_metadata(
      "UNITED NATIONS\n"
      "CERD\n"
      "International Convention on the Elimination of All Forms of Racial Discrimination\n"
      "Distr.\nGENERAL\n"
      "CERD/C/KAZ/CO/5\n"
      "6 April 2010\n"
      "Original: ENGLISH\n"
      "COMMITTEE ON THE ELIMINATION OF RACIAL DISCRIMINATION\n"
      "Seventy-sixth session\n"
      "15 February – 12 March 2010\n"
      "CONSIDERATION OF REPORTS SUBMITTED BY STATES PARTIES UNDER ARTICLE 9 OF THE CONVENTION\n"
      "Concluding observations of the Committee on the Elimination of Racial Discrimination\n"
      "KAZAKHSTAN\n"
      "1. The Committee considered the fourth and fifth periodic reports of Kazakhstan.\n");
  EXPECT_EQ(info.symbol, "CERD/C/KAZ/CO/5");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.state, "Kazakhstan");
  EXPECT_EQ(info.date, "2010-04-06");
  // A line with a known title opening beats the earlier heading-like lines.
  EXPECT_EQ(info.title,
            "Concluding observations of the Committee on the Elimination of Racial Discrimination");
}

TEST(DetectFrontMatterTest, CescrSymbols) {
  DocumentInfo info = detect_metadata(
      "United Nations\tE/C.12/AUS/CO/6\n"
      "Economic and Social Council\tDistr.: General\n"
      "14 October 2022\n"
      "Original: English\n"
      "Committee on Economic, Social and Cultural Rights\n"
      "Concluding observations on the sixth periodic report of Australia*\n"
      "1.\tThe Committee considered the sixth periodic report of Australia (E/C.12/AUS/6) at "
      "its 37th and 38th meetings.\n"
      "* Adopted by the Committee at its seventy-second session.\n");
  EXPECT_EQ(info.symbol, "E/C.12/AUS/CO/6");
  EXPECT_EQ(info.committee, "CESCR");
  EXPECT_EQ(info.state, "Australia");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.date, "2022-10-14");
  EXPECT_EQ(info.title, "Concluding observations on the sixth periodic report of Australia");

  info = detect_metadata(
      "E/C.12/KAZ/Q/2\nList of issues in relation to the second periodic "
      "report of Kazakhstan\n1. Please provide information.\n");
  EXPECT_EQ(info.symbol, "E/C.12/KAZ/Q/2");
  EXPECT_EQ(info.type, "list-of-issues");
  EXPECT_EQ(info.committee, "CESCR");
  EXPECT_EQ(info.state, "Kazakhstan");
}

TEST(DetectFrontMatterTest, CcprConcludingObservations) {
  const DocumentInfo info = detect_metadata(
      "United Nations\tCCPR/C/KAZ/CO/2\n"
      "International Covenant on Civil and Political Rights\tDistr.: General\n"
      "9 August 2016\n"
      "Human Rights Committee\n"
      "Concluding observations on the second periodic report of Kazakhstan*\n"
      "1.\tThe Committee considered the second periodic report of Kazakhstan.\n"
      "* Adopted by the Committee at its 117th session (20 June-15 July 2016).\n");
  EXPECT_EQ(info.symbol, "CCPR/C/KAZ/CO/2");
  EXPECT_EQ(info.committee, "CCPR");
  EXPECT_EQ(info.state, "Kazakhstan");
  EXPECT_EQ(info.session, "117");
  EXPECT_EQ(info.date, "2016-08-09");
}

TEST(DetectFrontMatterTest, StateReport) {
  const DocumentInfo info = detect_metadata(
      "United Nations\tCERD/C/KAZ/8-11\n"
      "International Convention on the Elimination of All Forms of Racial Discrimination\t"
      "Distr.: General\n"
      "9 September 2019\n"
      "English\n"
      "Original: Russian\n"
      "English, French, Russian and Spanish only\n"
      "Committee on the Elimination of Racial Discrimination\n"
      "Combined eighth to eleventh periodic reports submitted by Kazakhstan under article 9 of "
      "the Convention, due in 2017*\n"
      "[Date received: 6 September 2019]\n"
      "1.\tThe Committee, at its 84th session, considered the sixth and seventh reports "
      "(CERD/C/KAZ/CO/6-7).\n");
  EXPECT_EQ(info.symbol, "CERD/C/KAZ/8-11");
  EXPECT_EQ(info.type, "state-report");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.state, "Kazakhstan");
  EXPECT_EQ(info.session, "");  // a State report's mention of a session is not its own
  EXPECT_EQ(info.date, "2019-09-09");
  EXPECT_EQ(info.title,
            "Combined eighth to eleventh periodic reports submitted by Kazakhstan under article 9 "
            "of the Convention, due in 2017");
}

TEST(DetectFrontMatterTest, TitleWithoutKnownOpeningSkipsLayoutRowsAndWrappedNames) {
  DocumentInfo info = detect_metadata(
      "United Nations\tCRC/C/KAZ/5-6\n"
      "Convention on the Rights\n"       // the treaty name, wrapped by Word
      "of the Child\tDistr.: General\n"  // its tail and the next cell
      "Economic and Social Council\n"    // issuing organ
      "12 March 2021\n"
      "Original: Russian\n"
      "Committee on the Rights of the Child\n"
      "Fifth and sixth reports of Kazakhstan under article 44 of the Convention\n"
      "1.\tText.\n");
  EXPECT_EQ(info.title, "Fifth and sixth reports of Kazakhstan under article 44 of the Convention");
  EXPECT_EQ(info.type, "state-report");
  EXPECT_EQ(info.committee, "CRC");
  EXPECT_EQ(info.date, "2021-03-12");

  // A title that merely ends with a committee's name is still a title.
  info = detect_metadata("Report to the Committee on the Rights of the Child\n1. Text.\n");
  EXPECT_EQ(info.title, "Report to the Committee on the Rights of the Child");
}

TEST(DetectFrontMatterTest, TypeFromTitleAlone) {
  EXPECT_EQ(detect_metadata("Commentaries of Kazakhstan human rights organisations on the eighth "
                            "to eleventh periodic reports of Kazakhstan\n1. Text.\n")
                .type,
            "ngo-commentary");
  EXPECT_EQ(detect_metadata("Shadow report on Brazil\n1. Text.\n").type, "ngo-commentary");
  // The State's comments are not an NGO's.
  EXPECT_EQ(detect_metadata("Comments of the Government of Kazakhstan on the concluding "
                            "observations\n1. Text.\n")
                .type,
            "");
  EXPECT_EQ(
      detect_metadata("Concluding observations on the initial report of Tuvalu\n1. Text.\n").type,
      "concluding-observations");
  EXPECT_EQ(
      detect_metadata("List of issues in relation to the initial report of Tuvalu\n1. Q.\n").type,
      "list-of-issues");
  EXPECT_EQ(detect_metadata("General comment No. 37 (2020) on the right of peaceful assembly\n"
                            "I. Introduction\n")
                .type,
            "general-comment");
}

TEST(DetectFrontMatterTest, GeneralCommentAndDecisionSymbols) {
  DocumentInfo info = detect_metadata(
      "CERD/C/GC/36\nDistr.: General\n17 December 2020\n"
      "General recommendation No. 36 (2020) on preventing and combating racial profiling by law "
      "enforcement officials\n"
      "I.\tIntroduction\n"
      "1.\tThe Committee notes practices in Kazakhstan and in Kazakhstan again.\n");
  EXPECT_EQ(info.type, "general-comment");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.state, "");  // a general comment is about no State
  EXPECT_EQ(info.date, "2020-12-17");

  info = detect_metadata(
      "CCPR/C/135/D/2768/2016\nDistr.: General\n"
      "Views adopted by the Committee under article 5 (4) of the Optional "
      "Protocol, concerning communication No. 2768/2016\n"
      "1.\tThe author is a national of Kazakhstan. Kazakhstan ratified the "
      "Optional Protocol.\n");
  EXPECT_EQ(info.type, "decision");
  EXPECT_EQ(info.committee, "CCPR");
  EXPECT_EQ(info.state, "Kazakhstan");  // no country code in the symbol: from the text
}

TEST(DetectFrontMatterTest, SymbolsCitedInTheBodyAreNotTaken) {
  // An alternative report: symbols only in the body, one of them alone on a line (a page header
  // of the exported original).
  const DocumentInfo info = detect_metadata(
      "Alternative report to the Committee on the Elimination of Racial Discrimination\n"
      "Coalition of NGOs of Kazakhstan\n"
      "1. This report responds to the State party's report (CERD/C/KAZ/8-11) and to the "
      "concluding observations CERD/C/KAZ/CO/8-10.\n"
      "CERD/C/KAZ/CO/8-10\n"
      "2. The Government of Kazakhstan has not acted.\n");
  EXPECT_EQ(info.symbol, "");
  EXPECT_EQ(info.type, "ngo-commentary");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.state, "Kazakhstan");
  EXPECT_EQ(info.title,
            "Alternative report to the Committee on the Elimination of Racial Discrimination");

  // Prose at the very top ends the header too.
  const DocumentInfo prose = detect_metadata(
      "The Committee considered the report of Kazakhstan (CERD/C/KAZ/8-11) at its meetings held "
      "in Geneva and adopted the concluding observations that follow, which address many "
      "topics, including language policy, citizenship and the situation of the Dungan "
      "minority in the Kordai district of the Zhambyl region in February 2020.\n"
      "CERD/C/KAZ/CO/8-10\n");
  EXPECT_EQ(prose.symbol, "");
}

TEST(DetectFrontMatterTest, FrenchHeaderAndDate) {
  const DocumentInfo info = detect_metadata(
      "Nations Unies\tCERD/C/FRA/CO/22-23\n"
      "Distr. générale\n"
      "3 février 2022\n"
      "Français\n"
      "Original : anglais\n"
      "Observations finales concernant le rapport de la France valant vingt-deuxième et "
      "vingt-troisième rapports périodiques*\n"
      "1.\tLe Comité a examiné le rapport.\n");
  EXPECT_EQ(info.symbol, "CERD/C/FRA/CO/22-23");
  EXPECT_EQ(info.state, "France");
  EXPECT_EQ(info.date, "2022-02-03");
  EXPECT_EQ(info.title,
            "Observations finales concernant le rapport de la France valant vingt-deuxième "
            "et vingt-troisième rapports périodiques");
  EXPECT_EQ(info.language, "fr");
}

TEST(DetectFrontMatterTest, LetterWithoutFollowUpIsNotAFollowUpLetter) {
  const DocumentInfo info = detect_metadata(
      "REFERENCE: CERD/EWUAP/Kazakhstan/2021/JP/ks\n"
      "3 December 2021\n"
      "Excellency,\n"
      "In the framework of its early warning and urgent action procedure, the Committee on the "
      "Elimination of Racial Discrimination considered information on the Dungan minority in "
      "Kazakhstan. The Committee requests the Government of Kazakhstan to provide "
      "information.\n");
  EXPECT_EQ(info.symbol, "CERD/EWUAP/Kazakhstan/2021/JP/ks");
  EXPECT_EQ(info.type, "");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.state, "Kazakhstan");
  EXPECT_EQ(info.date, "2021-12-03");
  EXPECT_EQ(info.session, "");
}

TEST(DetectFrontMatterTest, FollowUpLetterFromItsReferenceAlone) {
  const DocumentInfo info = detect_metadata(
      "Reference: CERD/108th session/2022/FU/GH/ks\n"
      "Geneva, 2 December 2022\n"
      "Excellency,\n"
      "The Committee on the Elimination of Racial Discrimination considered the information "
      "submitted by the Government of Uruguay.\n");
  EXPECT_EQ(info.type, "follow-up-letter");
  EXPECT_EQ(info.session, "108");
  EXPECT_EQ(info.date, "2022-12-02");
  EXPECT_EQ(info.state, "Uruguay");
}

TEST(DetectFrontMatterTest, LetterSessionIsTheEarliestNotTheAdoptionOfTheFollowedUpDocument) {
  const DocumentInfo info = detect_metadata(
      "REFERENCE: CERD/FU/2022/XY\n"
      "1 June 2022\n"
      "Excellency,\n"
      "At its 107th session, the Committee considered the follow-up report on the concluding "
      "observations adopted by the Committee at its 103rd session. During its 105th session it "
      "had written to the State party.\n");
  EXPECT_EQ(info.type, "follow-up-letter");
  EXPECT_EQ(info.session, "107");
}

TEST(DetectFrontMatterTest, CommitteeFromTextIsTheMostSalientOrNone) {
  DocumentInfo info = detect_metadata(
      "Submission to the Committee on the Rights of the Child\n"
      "Joint submission by children's rights organisations of Brazil\n"
      "1. Brazil ratified the Convention on the Rights of the Child in 1990. The CEDAW has also "
      "commented on Brazil.\n");
  EXPECT_EQ(info.committee, "CRC");
  EXPECT_EQ(info.type, "ngo-commentary");
  EXPECT_EQ(info.state, "Brazil");

  // One mention each: no committee is more salient than another.
  info = detect_metadata("1. The CERD and the CEDAW both reviewed the situation.\n");
  EXPECT_EQ(info.committee, "");
}

TEST(DetectFrontMatterTest, StateFromTextNeedsAClearWinner) {
  // One passing mention is not enough.
  EXPECT_EQ(detect_metadata("1. Unlike Brazil, the law is clear.\n").state, "");
  // A tie is ambiguous.
  EXPECT_EQ(detect_metadata("1. Brazil and Uruguay. Brazil and Uruguay.\n").state, "");
  // Longest name wins at a position: Equatorial Guinea is not Guinea, Guinea-Bissau neither.
  EXPECT_EQ(detect_metadata("1. Equatorial Guinea and Equatorial Guinea; Guinea-Bissau.\n").state,
            "Equatorial Guinea");
  // Typographic apostrophes and possessives.
  EXPECT_EQ(detect_metadata("1. Côte d’Ivoire’s law and "
                            "Côte d’Ivoire.\n")
                .state,
            "Côte d'Ivoire");
}

TEST(DetectFrontMatterTest, EmptyAndUnrelatedText) {
  DocumentInfo info = detect_metadata("");
  EXPECT_EQ(info.symbol, "");
  EXPECT_EQ(info.type, "");
  EXPECT_EQ(info.committee, "");
  EXPECT_EQ(info.state, "");
  EXPECT_EQ(info.language, "");  // too little text to tell; the indexer falls back to "en"

  info = detect_metadata("Shopping list\neggs\nmilk\n");
  EXPECT_EQ(info.symbol, "");
  EXPECT_EQ(info.type, "");
  EXPECT_EQ(info.committee, "");
  EXPECT_EQ(info.date, "");
}

TEST(DetectFrontMatterTest, OnlyTheFrontMatterIsSearchedForASymbol) {
  std::string text(kFrontMatterBytes + 100, '\n');
  text += "CERD/C/KAZ/CO/8-10\n";
  EXPECT_EQ(detect_metadata(text).symbol, "");
  EXPECT_EQ(detect_metadata("\n\n\nCERD/C/KAZ/CO/8-10\n").symbol, "CERD/C/KAZ/CO/8-10");
}

// ---------------------------------------------------------------------------------------------
// Labelled front matter, as UN database exports (and the benchmark corpus) write it.

constexpr const char* kLabelledHeader =
    "Symbol: CAT/C/NZL/2\n"
    "Committee: Committee against Torture (CAT)\n"
    "Country: New Zealand\n"
    "Document type: State party report\n"
    "Session: 101th session\n"
    "Date: 28 September 1996\n"
    "Language: English\n"
    "\n"
    "\n";

TEST(LabelledFrontMatterTest, ReadsEveryField) {
  const DocumentInfo info = detect_metadata(
      std::string(kLabelledHeader) +
      "1. The Government of Kazakhstan and the Government of Kazakhstan again, as reported to "
      "the Committee on the Elimination of Racial Discrimination (CERD) and the CERD.\n"
      "2. Adopted by the Committee at its 99th session.\n");
  EXPECT_EQ(info.symbol, "CAT/C/NZL/2");  // not "Symbol: CAT/C/NZL/2"
  EXPECT_EQ(info.committee, "CAT");       // not the CERD the body names more often
  EXPECT_EQ(info.state, "New Zealand");   // not Kazakhstan, named in the body
  EXPECT_EQ(info.type, "state-report");
  EXPECT_EQ(info.session, "101");
  EXPECT_EQ(info.date, "1996-09-28");
  EXPECT_EQ(info.language, "en");
  EXPECT_EQ(info.title, "");  // a labelled line is a field, not a title
}

TEST(LabelledFrontMatterTest, LanguageNeedsNoText) {
  // Far too short for language identification: the label says it.
  EXPECT_EQ(detect_metadata("Symbol: CAT/C/NZL/2\nLanguage: English\n").language, "en");
  EXPECT_EQ(detect_metadata("Language: Français\n").language, "fr");
  EXPECT_EQ(detect_metadata("Language: Spanish\n").language, "es");
  EXPECT_EQ(detect_metadata("Language: Russian\n").language, "ru");
  EXPECT_EQ(detect_metadata("Language: ru\n").language, "ru");
  EXPECT_EQ(detect_metadata("Language: Русский\n").language, "ru");
  // Labels and values ignore letter case in every script, not only in ASCII.
  EXPECT_EQ(detect_metadata("Language: РУССКИЙ\n").language, "ru");
  EXPECT_EQ(detect_metadata("Language: ҚАЗАҚ ТІЛІ\n").language, "kk");
  EXPECT_EQ(detect_metadata("Language: Kazakh\n").language, "kk");
  // Not a single language: left to detection (and here too short to detect).
  EXPECT_EQ(detect_metadata("Language: English, French\n").language, "");
  EXPECT_EQ(detect_metadata("Language: Klingon\n").language, "");
}

TEST(LabelledFrontMatterTest, LabelsIgnoreCaseAndSpaceBeforeTheColon) {
  const DocumentInfo info = detect_metadata(
      "SYMBOL: CERD/C/KAZ/CO/8-10\n"
      "document TYPE :  Concluding observations\n"
      "COUNTRY : KAZ\n"
      "Date\xC2\xA0: 20\xC2\xA0May 2022\n"
      "1. Text.\n");
  EXPECT_EQ(info.symbol, "CERD/C/KAZ/CO/8-10");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.committee, "CERD");  // from the symbol: no committee label
  EXPECT_EQ(info.state, "Kazakhstan");
  EXPECT_EQ(info.date, "2022-05-20");
}

TEST(LabelledFrontMatterTest, FrenchAndSpanishLabels) {
  DocumentInfo info = detect_metadata(
      "Cote : CCPR/C/FRA/5\n"
      "Comité : Comité des droits de l’homme\n"
      "Pays : France\n"
      "Type de document : Rapport périodique\n"
      "Session : 102e session\n"
      "Date : 3 février 2022\n"
      "Langue : Français\n"
      "1. Le Comité a examiné le rapport.\n");
  EXPECT_EQ(info.symbol, "CCPR/C/FRA/5");
  EXPECT_EQ(info.committee, "CCPR");
  EXPECT_EQ(info.state, "France");
  EXPECT_EQ(info.type, "state-report");
  EXPECT_EQ(info.session, "102");
  EXPECT_EQ(info.date, "2022-02-03");
  EXPECT_EQ(info.language, "fr");

  info = detect_metadata(
      "Signatura: CAT/C/URY/CO/4\n"
      "Comité: Comité contra la Tortura (CAT)\n"
      "País: Uruguay\n"
      "Tipo de documento: Observaciones finales\n"
      "Fecha: 12 de septiembre de 2023\n"
      "Idioma: Español\n"
      "1. El Comité examinó el informe.\n");
  EXPECT_EQ(info.symbol, "CAT/C/URY/CO/4");
  EXPECT_EQ(info.committee, "CAT");
  EXPECT_EQ(info.state, "Uruguay");
  EXPECT_EQ(info.type, "concluding-observations");
  EXPECT_EQ(info.date, "2023-09-12");
  EXPECT_EQ(info.language, "es");
}

TEST(LabelledFrontMatterTest, CommitteeByAcronymOrName) {
  auto committee = [](const std::string& value) {
    return detect_metadata("Committee: " + value + "\n1. Text.\n").committee;
  };
  EXPECT_EQ(committee("Committee against Torture (CAT)"), "CAT");
  EXPECT_EQ(committee("Committee on Economic, Social and Cultural Rights (CESCR)"), "CESCR");
  EXPECT_EQ(committee("CEDAW"), "CEDAW");
  EXPECT_EQ(committee("Human Rights Committee"), "CCPR");
  EXPECT_EQ(committee("the Committee on the Rights of the Child"), "CRC");
  EXPECT_EQ(committee("Committee on Enforced Disappearances"), "CED");
  EXPECT_EQ(committee("Comité des droits de l'enfant (CDE)"), "CRC");
  EXPECT_EQ(committee("Comité de Derechos Económicos, Sociales y Culturales"), "CESCR");
  EXPECT_EQ(committee("Some other body"), "");
}

TEST(LabelledFrontMatterTest, DocumentTypes) {
  auto type = [](const std::string& value) {
    return detect_metadata("Document type: " + value + "\n1. Text.\n").type;
  };
  EXPECT_EQ(type("State party report"), "state-report");
  EXPECT_EQ(type("Combined fifth and sixth periodic reports"), "state-report");
  EXPECT_EQ(type("Concluding observations"), "concluding-observations");
  EXPECT_EQ(type("List of issues"), "list-of-issues");
  EXPECT_EQ(type("List of issues prior to reporting"), "list-of-issues");
  // The State party's answers to the list, not the Committee's list.
  EXPECT_EQ(type("Replies to the list of issues"), "state-report");
  EXPECT_EQ(type("General comment"), "general-comment");
  EXPECT_EQ(type("General recommendation"), "general-comment");
  EXPECT_EQ(type("Decision"), "decision");
  EXPECT_EQ(type("Views"), "decision");
  EXPECT_EQ(type("Follow-up letter"), "follow-up-letter");
  EXPECT_EQ(type("NGO submission"), "ngo-commentary");
  EXPECT_EQ(type("Shadow report"), "ngo-commentary");
  EXPECT_EQ(type("Alternative report"), "ngo-commentary");
  EXPECT_EQ(type("ngo-commentary"), "ngo-commentary");  // the code itself
  EXPECT_EQ(type("Observations finales"), "concluding-observations");
  EXPECT_EQ(type("Memorandum"), "");
}

TEST(LabelledFrontMatterTest, UnusableValuesFallBackToDetection) {
  const DocumentInfo info = detect_metadata(
      "Country: Atlantis\n"
      "Document type: Memorandum\n"
      "Session: Sixty-fifth session\n"
      "Date: some time ago\n"
      "Language:\n"
      "CERD/C/KAZ/CO/8-10\n"
      "20 May 2022\n"
      "1. The Committee considered the combined eighth to tenth periodic reports of Kazakhstan "
      "at its 2870th and 2871st meetings, and adopted the present concluding observations.\n"
      "* Adopted by the Committee at its 106th session.\n");
  EXPECT_EQ(info.symbol, "CERD/C/KAZ/CO/8-10");
  EXPECT_EQ(info.state, "Kazakhstan");              // from the symbol
  EXPECT_EQ(info.type, "concluding-observations");  // from the symbol
  EXPECT_EQ(info.session, "106");                   // from the adoption footnote
  EXPECT_EQ(info.date, "2022-05-20");               // from the date line
  EXPECT_EQ(info.language, "en");                   // detected
}

TEST(LabelledFrontMatterTest, LabelledSymbolWinsOverAReferenceLine) {
  const DocumentInfo info = detect_metadata(
      "Symbol: CERD/C/KAZ/CO/8-10/Add.1\n"
      "Document type: Follow-up letter\n"
      "\n"
      "REFERENCE: CERD/110th session/2023/FU/AKB/ks\n"
      "12 September 2023\n"
      "Excellency,\n"
      "I write to you on behalf of the Committee.\n");
  EXPECT_EQ(info.symbol, "CERD/C/KAZ/CO/8-10/Add.1");
  EXPECT_EQ(info.type, "follow-up-letter");
  EXPECT_EQ(info.committee, "CERD");
  EXPECT_EQ(info.session, "110");  // still read from the reference
  EXPECT_EQ(info.date, "2023-09-12");
}

TEST(LabelledFrontMatterTest, TitleLabelAndOnlyHeaderLinesCount) {
  DocumentInfo info = detect_metadata(
      "Title: Concluding observations on the initial report of Tuvalu\n"
      "Symbol: CRC/C/TUV/CO/1\n"
      "1. The Committee considered the report.\n"
      "Country: Fiji\n"
      "Date: 1 June 2013\n");
  EXPECT_EQ(info.title, "Concluding observations on the initial report of Tuvalu");
  EXPECT_EQ(info.state, "Tuvalu");  // the "Country:" line is in the body, not the header
  EXPECT_EQ(info.date, "");

  // Without a title label, the first title-like line after the labels is the title.
  info = detect_metadata(std::string(kLabelledHeader) +
                         "Replies of New Zealand to the list of issues\n1. Text.\n");
  EXPECT_EQ(info.title, "Replies of New Zealand to the list of issues");
}

// ---------------------------------------------------------------------------------------------
// Building blocks.

TEST(ParseDateLineTest, EnglishFrenchSpanish) {
  EXPECT_EQ(parse_date_line("12 September 2023"), "2023-09-12");
  EXPECT_EQ(parse_date_line("  12\xC2\xA0September\xC2\xA0"
                            "2023 "),
            "2023-09-12");
  EXPECT_EQ(parse_date_line("September 12, 2023"), "2023-09-12");
  EXPECT_EQ(parse_date_line("Geneva, 12 September 2023"), "2023-09-12");
  EXPECT_EQ(parse_date_line("1st March 2021"), "2021-03-01");
  EXPECT_EQ(parse_date_line("April 2022"), "2022-04");
  EXPECT_EQ(parse_date_line("3 février 2022"), "2022-02-03");
  EXPECT_EQ(parse_date_line("Genève, le 3 février 2022"), "2022-02-03");
  EXPECT_EQ(parse_date_line("1er août 2021"), "2021-08-01");
  EXPECT_EQ(parse_date_line("15 décembre 2020"), "2020-12-15");
  EXPECT_EQ(parse_date_line("12 de septiembre de 2023"), "2023-09-12");
  EXPECT_EQ(parse_date_line("Ginebra, 3 de marzo de 2020"), "2020-03-03");
  EXPECT_EQ(parse_date_line("29 February 2024"), "2024-02-29");
}

TEST(ParseDateLineTest, RejectsNonDatesAndInvalidDays) {
  EXPECT_EQ(parse_date_line("31 September 2023"), "");
  EXPECT_EQ(parse_date_line("29 February 2023"), "");
  EXPECT_EQ(parse_date_line("12 Septembre 23"), "");
  EXPECT_EQ(parse_date_line("12/09/2023"), "");
  EXPECT_EQ(parse_date_line("2023-09-12"), "");
  EXPECT_EQ(parse_date_line("12 September"), "");
  EXPECT_EQ(parse_date_line("Meeting of 12 September 2023"), "");
  EXPECT_EQ(parse_date_line("12 September 2023 was a Tuesday"), "");
  EXPECT_EQ(parse_date_line("15 February – 12 March 2010"), "");
  EXPECT_EQ(parse_date_line(""), "");
}

TEST(SymbolTest, RecognizesTreatyBodySymbolsOnly) {
  EXPECT_TRUE(is_un_symbol("CERD/C/KAZ/CO/8-10"));
  EXPECT_TRUE(is_un_symbol("CERD/C/KAZ/8-11"));
  EXPECT_TRUE(is_un_symbol("E/C.12/AUS/CO/6"));
  EXPECT_TRUE(is_un_symbol("CCPR/C/KAZ/CO/2"));
  EXPECT_TRUE(is_un_symbol("CCPR/C/135/D/2768/2016"));
  EXPECT_TRUE(is_un_symbol("CEDAW/C/KAZ/CO/5/Add.1"));
  EXPECT_FALSE(is_un_symbol("CERD/110th session/2023/FU/AKB/ks"));  // a letter reference
  EXPECT_FALSE(is_un_symbol("A/HRC/50/1"));
  EXPECT_FALSE(is_un_symbol("E/2023/1"));
  EXPECT_FALSE(is_un_symbol("CERD/C"));
  EXPECT_FALSE(is_un_symbol("CERD/C//8"));
  EXPECT_FALSE(is_un_symbol("cerd/c/kaz/co/8-10"));
  EXPECT_FALSE(is_un_symbol("(CERD/C/KAZ/8-11)"));
}

// One recogniser, one limit: the metadata detector accepts exactly the symbols the analyzer
// indexes whole (symbols.h), up to core::kMaxSymbolBytes and not one byte more.
TEST(SymbolTest, OneLengthLimitForEverySymbolRecogniser) {
  const auto symbol_of_length = [](std::size_t bytes) {
    std::string symbol = "CCPR/C/135/D/";
    symbol.append(bytes - symbol.size(), '1');
    return symbol;
  };
  const std::string at_limit = symbol_of_length(core::kMaxSymbolBytes);
  const std::string over_limit = symbol_of_length(core::kMaxSymbolBytes + 1);
  EXPECT_TRUE(core::is_symbol(at_limit));
  EXPECT_TRUE(is_un_symbol(at_limit));
  EXPECT_FALSE(core::is_symbol(over_limit));
  EXPECT_FALSE(is_un_symbol(over_limit));
}

TEST(SymbolTest, CommitteeFromSymbolOrReference) {
  EXPECT_EQ(committee_for_symbol("CERD/C/KAZ/CO/8-10"), "CERD");
  EXPECT_EQ(committee_for_symbol("E/C.12/AUS/CO/6"), "CESCR");
  EXPECT_EQ(committee_for_symbol("CERD/110th session/2023/FU/AKB/ks"), "CERD");
  EXPECT_EQ(committee_for_symbol("CAT/C/KAZ/CO/3"), "CAT");
  EXPECT_EQ(committee_for_symbol("HRI/CORE/KAZ/2017"), "");
  EXPECT_EQ(committee_for_symbol("E/2023/1"), "");
  EXPECT_EQ(committee_for_symbol(""), "");
}

TEST(ValidationTest, CodesAndDates) {
  EXPECT_TRUE(is_committee_code("CERD"));
  EXPECT_TRUE(is_committee_code("CESCR"));
  EXPECT_FALSE(is_committee_code("cerd"));
  EXPECT_FALSE(is_committee_code("E/C.12"));
  EXPECT_TRUE(is_document_type("ngo-commentary"));
  EXPECT_FALSE(is_document_type("ngo"));
  EXPECT_TRUE(is_iso_date("2022"));
  EXPECT_TRUE(is_iso_date("2022-04"));
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("2022-4"));
  EXPECT_FALSE(is_iso_date("2022-00"));
  EXPECT_FALSE(is_iso_date("2022/04/01"));
}

}  // namespace
}  // namespace treatysearch::ingest

namespace treatysearch::ingest {
namespace {

// The scanned letter's first page as OCR reads it: no "Excellency" line survived, and its first
// sentence is prose, not a title.
TEST(MetadataDetectTest, ALongSentenceIsNotATitle) {
  const DocumentInfo info = detect_metadata(
      "NATIONS UNIES UNITED NATIONS\nHAUT-COMMISSARIAT OFFICE OF THE HIGH COMMISSIONER\n\n"
      "I have been following the third cycle of the Universal Periodic Review (UPR) of the "
      "Republic of Slovenia and welcome the constructive engagement of your Government.\n");
  EXPECT_EQ(info.title, "");
}

}  // namespace
}  // namespace treatysearch::ingest
