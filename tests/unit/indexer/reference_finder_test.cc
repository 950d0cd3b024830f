// What a passage cites, read from its own text and its document's opening passages
// (reference_finder.h): explicit symbols, "the Report" and "the Concluding Observations" from
// context, treaty paragraphs left out, the four UN languages' forms, follow-up grades.
#include "reference_finder.h"

#include <gtest/gtest.h>

namespace treatysearch::ingest {
namespace {

using core::Reference;

// "SYMBOL, para. LABEL", "SYMBOL" or "<document words>, para. LABEL", with " (inferred)".
std::vector<std::string> cited(std::string_view text, const ReferenceContext& context) {
  std::vector<std::string> out;
  for (const Reference& r : find_references(text, context)) {
    std::string s = r.symbol.empty() ? "<" + r.document + ">" : r.symbol;
    if (!r.label.empty()) s += ", para. " + r.label;
    if (r.inferred) s += " (inferred)";
    out.push_back(s);
  }
  return out;
}

using Cited = std::vector<std::string>;

// The context of a document of `type` named `symbol`, from its metadata alone.
ReferenceContext context_of(std::string symbol, const char* type) {
  DocumentInfo info;
  info.symbol = std::move(symbol);
  info.type = type;
  return reference_context(info, {});
}

ReferenceContext letter_context() {
  DocumentInfo info;
  info.symbol = "CERD/110th session/2023/FU/AKB/ks";
  info.type = doctype::kFollowUpLetter;
  Passage opening;
  opening.text =
      "The Committee welcomes the submission of the report, in response to its request to "
      "receive information within one year on the implementation of the recommendations "
      "contained in paragraphs 18 (b) and 32 of the Concluding Observations "
      "(CERD/C/KAZ/CO/8-10), adopted following the consideration of the State party's 8th to "
      "10th reports.";
  return reference_context(info, {opening});
}

ReferenceContext commentary_context() {
  DocumentInfo info;
  info.type = doctype::kNgoCommentary;
  Passage opening;
  opening.text =
      "The organizations welcome the Report of the Republic of Kazakhstan (CERD/C/KAZ/8-11 "
      "dated 09 September 2019).";
  return reference_context(info, {opening});
}

TEST(ReferenceContext, TakesTheDocumentsTheOpeningNames) {
  EXPECT_EQ(letter_context().concluding_observations, "CERD/C/KAZ/CO/8-10");
  EXPECT_EQ(letter_context().report, "");
  EXPECT_FALSE(letter_context().bare_labels_are_own);
  EXPECT_EQ(commentary_context().report, "CERD/C/KAZ/8-11");
  EXPECT_EQ(commentary_context().concluding_observations, "");
}

TEST(FindReferences, ExplicitSymbolAfterTheLabels) {
  EXPECT_EQ(cited("recommendations contained in paragraphs 18 (b) and 32 of the Concluding "
                  "Observations (CERD/C/KAZ/CO/8-10), adopted",
                  letter_context()),
            (Cited{"CERD/C/KAZ/CO/8-10, para. 18 (b)", "CERD/C/KAZ/CO/8-10, para. 32"}));
  EXPECT_EQ(cited("see paragraph 12 of document CCPR/C/KAZ/CO/2.", {}),
            Cited{"CCPR/C/KAZ/CO/2, para. 12"});
  EXPECT_EQ(cited("as noted in para. 7 (CCPR/C/KAZ/CO/2)", {}), Cited{"CCPR/C/KAZ/CO/2, para. 7"});
}

TEST(FindReferences, ExplicitSymbolBeforeTheLabels) {
  EXPECT_EQ(cited("CCPR/C/KAZ/CO/2, \u00a737-38; and", {}),
            (Cited{"CCPR/C/KAZ/CO/2, para. 37", "CCPR/C/KAZ/CO/2, para. 38"}));
  EXPECT_EQ(cited("(CERD/C/KAZ/CO/8-10, paras. 36 (a)-(c))", {}),
            (Cited{"CERD/C/KAZ/CO/8-10, para. 36 (a)", "CERD/C/KAZ/CO/8-10, para. 36 (b)",
                   "CERD/C/KAZ/CO/8-10, para. 36 (c)"}));
}

TEST(FindReferences, TheReportAndTheConcludingObservationsFromContext) {
  EXPECT_EQ(cited("(Article 145 of the Criminal Code) (paragraph 25 of the Report); however",
                  commentary_context()),
            Cited{"CERD/C/KAZ/8-11, para. 25 (inferred)"});
  EXPECT_EQ(cited("The Report (paragraphs 95-97) provides old data", commentary_context()),
            (Cited{"CERD/C/KAZ/8-11, para. 95 (inferred)", "CERD/C/KAZ/8-11, para. 96 (inferred)",
                   "CERD/C/KAZ/8-11, para. 97 (inferred)"}));
  EXPECT_EQ(cited("Paragraph 18 (b) of the Concluding Observations", letter_context()),
            Cited{"CERD/C/KAZ/CO/8-10, para. 18 (b) (inferred)"});
}

TEST(FindReferences, WhatTheTextDoesNotSettleIsKeptNotGuessed) {
  // Another report: kept with its words, no symbol.
  EXPECT_EQ(
      cited("(paragraph 38 of the Report by the Independent Expert) and", commentary_context()),
      Cited{"<Report by the Independent Expert>, para. 38"});
  EXPECT_EQ(cited("paragraphs 13-14 of the Annex to the Report contain", commentary_context()),
            (Cited{"<Annex to the Report>, para. 13", "<Annex to the Report>, para. 14"}));
  // No context for "the concluding observations": what is known.
  EXPECT_EQ(cited("paragraph 13 of the concluding observations on the sixth report", {}),
            Cited{"<concluding observations>, para. 13"});
  // A bare number in a commentary's table: the paragraph, its document unknown.
  EXPECT_EQ(cited("the judicial authorities. (Para. 18)", commentary_context()),
            Cited{"<>, para. 18"});
}

TEST(FindReferences, BareNumbersOfNumberedDocumentsAreTheirOwn) {
  const ReferenceContext own = context_of("CERD/C/KAZ/CO/8-10", doctype::kConcludingObservations);
  EXPECT_TRUE(own.bare_labels_are_own);
  EXPECT_EQ(cited("as recommended in paragraph 12 above", own),
            Cited{"CERD/C/KAZ/CO/8-10, para. 12 (inferred)"});
  EXPECT_EQ(cited("see para. 3.", own), Cited{"CERD/C/KAZ/CO/8-10, para. 3 (inferred)"});
  // Its previous concluding observations, when it names them.
  EXPECT_EQ(cited("paragraph 14 of its previous concluding observations (CERD/C/KAZ/CO/6-7)", own),
            Cited{"CERD/C/KAZ/CO/6-7, para. 14"});
}

TEST(FindReferences, FollowUpInformationAnswersItsConcludingObservations) {
  // CRPD/C/BLR/FCO/1 names no symbol: its concluding observations are CRPD/C/BLR/CO/1 by the
  // UN's symbol rule, and "recommendation 6 (d)" is that document's paragraph 6 (d).
  const ReferenceContext context = context_of("CRPD/C/BLR/FCO/1", doctype::kFollowUpInformation);
  EXPECT_EQ(context.concluding_observations, "CRPD/C/BLR/CO/1");
  EXPECT_EQ(cited("We regard as unfair the judgments made in paragraph 5 (e) and recommendation "
                  "6 (d) regarding the use of the term",
                  context),
            (Cited{"CRPD/C/BLR/CO/1, para. 5 (e) (inferred)",
                   "CRPD/C/BLR/CO/1, para. 6 (d) (inferred)"}));
  // A general recommendation is not one of them.
  EXPECT_TRUE(cited("in the light of general recommendation 35", context).empty());
}

TEST(FindReferences, ACommaBeforeTheParagraphNamesItsDocument) {
  ReferenceContext context = context_of("CERD/C/BRA/CO/18-20", doctype::kConcludingObservations);
  // Footnotes of CERD/C/BRA/CO/18-20: another document's paragraph, not its own.
  EXPECT_EQ(cited("Ibid., para. 17.", context), Cited{"<ibid.>, para. 17"});
  context.previous_symbol = "A/HRC/46/35";
  EXPECT_EQ(cited("Ibid., para. 17.", context), Cited{"A/HRC/46/35, para. 17 (inferred)"});
  EXPECT_TRUE(cited("General Assembly resolution 70/1, para. 4.", context).empty());
  EXPECT_EQ(cited("(Informe del Relator Especial, tras su visita a Grecia del 25 al 29 de junio de "
                  "2018, p\u00e1rr. 117), incluidos",
                  context),
            Cited{"<Informe del Relator Especial, tras su visita a Grecia del 25 al 29 de junio de "
                  "2018>, para. 117"});
}

TEST(FindReferences, TreatyParagraphsAreNotDocuments) {
  EXPECT_TRUE(cited("as stipulated in Article 1, paragraph 1, of the Convention", {}).empty());
  EXPECT_TRUE(cited("(arts. 2, para. 1 (d); 4 and 6)", {}).empty());
  EXPECT_TRUE(cited("paragraph 1 of article 14 of the Covenant", {}).empty());
  EXPECT_TRUE(cited("(art. 5 (f), para. 2)", {}).empty());
  // An article cited in a sentence before does not make the next reference a treaty's.
  EXPECT_EQ(cited("substantial numbers (art. 5 (f)). (Para. 12)", {}), Cited{"<>, para. 12"});
  EXPECT_TRUE(cited("paragraph 2 of General Assembly resolution 48/134", {}).empty());
  EXPECT_TRUE(cited("Paragraph 5 Article 14 of the Law on the Ombudsman",
                    context_of("CERD/C/KAZ/CO/8-10", doctype::kConcludingObservations))
                  .empty());
}

TEST(FindReferences, FrenchSpanishRussian) {
  EXPECT_EQ(cited("aux paragraphes 18 et 32 des observations finales (CERD/C/KAZ/CO/8-10)", {}),
            (Cited{"CERD/C/KAZ/CO/8-10, para. 18", "CERD/C/KAZ/CO/8-10, para. 32"}));
  EXPECT_EQ(cited("en los p\u00e1rrafos 5 a 7 del documento CERD/C/URY/CO/21-23", {}),
            (Cited{"CERD/C/URY/CO/21-23, para. 5", "CERD/C/URY/CO/21-23, para. 6",
                   "CERD/C/URY/CO/21-23, para. 7"}));
  EXPECT_EQ(cited("(CERD/C/URY/CO/21-23, p\u00e1rr. 12)", {}),
            Cited{"CERD/C/URY/CO/21-23, para. 12"});
  EXPECT_EQ(cited("CERD/C/KAZ/CO/8-10, \u043f. 18", {}), Cited{"CERD/C/KAZ/CO/8-10, para. 18"});
  EXPECT_EQ(cited("\u0432 \u043f\u0443\u043d\u043a\u0442\u0430\u0445 18 \u0438 32 "
                  "\u0437\u0430\u043a\u043b\u044e\u0447\u0438\u0442\u0435\u043b\u044c\u043d\u044b"
                  "\u0445 \u0437\u0430\u043c\u0435\u0447\u0430\u043d\u0438\u0439 "
                  "(CERD/C/KAZ/CO/8-10)",
                  {}),
            (Cited{"CERD/C/KAZ/CO/8-10, para. 18", "CERD/C/KAZ/CO/8-10, para. 32"}));
}

TEST(FindReferences, DocumentsNamedWithoutAParagraph) {
  const ReferenceContext own = context_of("CERD/C/KAZ/CO/8-10", doctype::kConcludingObservations);
  // Its own symbol in a header is not a reference; another document is, once.
  EXPECT_EQ(cited("CERD/C/KAZ/CO/8-10 recalls CERD/C/KAZ/CO/6-7 and CERD/C/KAZ/CO/6-7.", own),
            Cited{"CERD/C/KAZ/CO/6-7"});
}

TEST(ColumnReference, ACycleHeadingNamesItsConcludingObservations) {
  DocumentInfo kazakhstan;
  kazakhstan.committee = "CERD";
  kazakhstan.state = "Kazakhstan";
  const std::string lead = "Recommendations of the CERD upon the results of the consideration of ";
  const auto recent =
      column_reference(lead + "the fourth and fifth periodic reports (2010)", kazakhstan);
  ASSERT_TRUE(recent);
  EXPECT_EQ(recent->symbol, "CERD/C/KAZ/CO/4-5");
  EXPECT_TRUE(recent->inferred);
  EXPECT_EQ(
      column_reference(lead + "the eighth to eleventh periodic reports (2022)", kazakhstan)->symbol,
      "CERD/C/KAZ/CO/8-11");
  EXPECT_EQ(column_reference(lead + "the fifth periodic report (2012)", kazakhstan)->symbol,
            "CERD/C/KAZ/CO/5");
  // Before country-code symbols (2004: CERD/C/65/CO/3): the words, no symbol.
  const auto old_cycle =
      column_reference(lead + "the initial to third periodic reports (2004)", kazakhstan);
  ASSERT_TRUE(old_cycle);
  EXPECT_EQ(old_cycle->symbol, "");
  EXPECT_EQ(old_cycle->document,
            "concluding observations on the initial to third periodic reports (2004)");
  // Without the State, no symbol either; a heading naming no reports, nothing.
  DocumentInfo unknown;
  unknown.committee = "CERD";
  EXPECT_EQ(
      column_reference(lead + "the fourth and fifth periodic reports (2010)", unknown)->symbol, "");
  EXPECT_FALSE(column_reference("Measures taken", kazakhstan));
}

TEST(FindGrade, WordsAndLetters) {
  EXPECT_EQ(find_grade("The Committee considers the response to this recommendation as "
                       "partially satisfactory."),
            "partially satisfactory");
  EXPECT_EQ(find_grade("The Committee considers the State party's response unsatisfactory."),
            "unsatisfactory");
  EXPECT_EQ(find_grade("Assessment: B1. The State party has taken some steps."), "B1");
  EXPECT_EQ(find_grade("Le Comit\u00e9 estime que la r\u00e9ponse est partiellement "
                       "satisfaisante."),
            "partiellement satisfaisant");
  // Not an assessment: no assessing verb, or the grade word inside another word.
  EXPECT_EQ(find_grade("The resources remain insufficient."), "");
  EXPECT_EQ(find_grade("The Committee considers the insufficiently funded plan."), "");
}

}  // namespace
}  // namespace treatysearch::ingest
