#include "citation.h"

#include <gtest/gtest.h>

namespace treatysearch::ingest {
namespace {

DocumentInfo concluding_observations() {
  DocumentInfo doc;
  doc.source = "/corpus/cerd-co-kaz-2022.txt";
  doc.symbol = "CERD/C/KAZ/CO/8-10";
  doc.title =
      "Concluding observations on the combined eighth to tenth periodic reports of "
      "Kazakhstan";
  doc.date = "2022-05-20";
  return doc;
}

DocumentInfo ngo_commentary() {
  DocumentInfo doc;
  doc.source = "corpus/ngo-commentaries-kazakhstan-cerd-8-11-2022.txt";
  doc.title =
      "Commentaries of Kazakhstan human rights organisations on the 8th to 11th "
      "periodic reports of Kazakhstan";
  doc.date = "2022";
  return doc;
}

TEST(CitationTest, SymbolWithParagraphAndSubParagraph) {
  const DocumentInfo doc = concluding_observations();
  EXPECT_EQ(build_citation(doc, PassageKind::kParagraph, "18"), "CERD/C/KAZ/CO/8-10, para. 18");
  EXPECT_EQ(build_citation(doc, PassageKind::kSubParagraph, "18 (b)"),
            "CERD/C/KAZ/CO/8-10, para. 18 (b)");
}

TEST(CitationTest, LetterReferenceWithUnnumberedLabel) {
  DocumentInfo letter;
  letter.symbol = "CERD/110th session/2023/FU/AKB/ks";
  letter.title = "Follow-up letter";
  EXPECT_EQ(build_citation(letter, PassageKind::kUnnumbered, "[3]"),
            "CERD/110th session/2023/FU/AKB/ks, para. [3]");
}

TEST(CitationTest, PagedDocumentWithoutNumbersIsCitedByPage) {
  DocumentInfo letter;
  letter.source = "/docs/Letter-OHCHR-HC-Slovenia.pdf";
  EXPECT_EQ(build_citation(letter, PassageKind::kUnnumbered, "p. 2, para. [3]"),
            "Letter-OHCHR-HC-Slovenia.pdf, p. 2, para. [3]");
}

TEST(CitationTest, TitleAndYearWhenNoSymbol) {
  const DocumentInfo doc = ngo_commentary();
  EXPECT_EQ(build_citation(doc, PassageKind::kRecommendation, "32, recommendation 1"),
            "Commentaries of Kazakhstan human rights organisations on the 8th to 11th periodic "
            "reports of Kazakhstan (2022), para. 32, recommendation 1");
  EXPECT_EQ(build_citation(doc, PassageKind::kTable, "32, table entry 3"),
            "Commentaries of Kazakhstan human rights organisations on the 8th to 11th periodic "
            "reports of Kazakhstan (2022), para. 32, table entry 3");
}

TEST(CitationTest, FullDateIsCitedByItsYear) {
  DocumentInfo doc = ngo_commentary();
  doc.date = "2022-04-11";
  EXPECT_EQ(cite_document(doc),
            "Commentaries of Kazakhstan human rights organisations on the 8th to 11th periodic "
            "reports of Kazakhstan (2022)");
  doc.date = "2022-04";
  EXPECT_EQ(cite_document(doc).substr(cite_document(doc).size() - 7), " (2022)");
}

TEST(CitationTest, TitleWithoutDateHasNoParentheses) {
  DocumentInfo doc = ngo_commentary();
  doc.date.clear();
  EXPECT_EQ(build_citation(doc, PassageKind::kParagraph, "7"),
            "Commentaries of Kazakhstan human rights organisations on the 8th to 11th periodic "
            "reports of Kazakhstan, para. 7");
}

TEST(CitationTest, FileNameWhenNoSymbolOrTitle) {
  DocumentInfo doc;
  doc.source = "/srv/corpus/sub/ngo-report.txt";
  doc.date = "2021";
  EXPECT_EQ(build_citation(doc, PassageKind::kUnnumbered, "[5]"), "ngo-report.txt, para. [5]");
}

TEST(CitationTest, NothingKnown) {
  EXPECT_EQ(build_citation(DocumentInfo{}, PassageKind::kParagraph, "1"),
            "unidentified document, para. 1");
}

TEST(CitationTest, Footnotes) {
  const DocumentInfo doc = concluding_observations();
  EXPECT_EQ(build_citation(doc, PassageKind::kFootnote, "footnote 12"),
            "CERD/C/KAZ/CO/8-10, footnote 12");
  // A bare number is still cited as a footnote, never as "para."
  EXPECT_EQ(build_citation(doc, PassageKind::kFootnote, "12"), "CERD/C/KAZ/CO/8-10, footnote 12");
  EXPECT_EQ(build_citation(ngo_commentary(), PassageKind::kFootnote, "footnote 3"),
            "Commentaries of Kazakhstan human rights organisations on the 8th to 11th periodic "
            "reports of Kazakhstan (2022), footnote 3");
}

TEST(CitationTest, EmptyLabelCitesTheDocument) {
  EXPECT_EQ(build_citation(concluding_observations(), PassageKind::kParagraph, ""),
            "CERD/C/KAZ/CO/8-10");
}

}  // namespace
}  // namespace treatysearch::ingest
