// extract_pdf over the PDFs of corpus/ (CERD/C/BRA/CO/18-20 in English, CRPD documents in
// Arabic, Spanish and Russian) and over small PDFs written here: encrypted, damaged, without a
// text layer (OCR on, through the test double of pdf_ocr_double.cc, and off), over the text
// limit.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "extractors.h"
#include "pdf_test_support.h"

namespace treatysearch::ingest {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

WorkerOptions no_ocr() {
  WorkerOptions options;
  options.ocr = false;
  return options;
}

ExtractedDocument extract_corpus(const std::string& relative) {
  const std::string bytes = read_file(std::string(TREATYSEARCH_CORPUS_DIR) + "/" + relative);
  EXPECT_FALSE(bytes.empty()) << relative;
  ExtractedDocument document;
  std::string error;
  EXPECT_TRUE(extract_pdf(bytes, ExtractLimits{}, no_ocr(), &document, &error)) << error;
  return document;
}

// The printed paragraph number a paragraph block starts with.
std::optional<int> paragraph_number(const Block& block) {
  if (block.kind != BlockKind::kParagraph) return std::nullopt;
  return opening_number(block.text);
}

std::vector<int> paragraph_numbers(const ExtractedDocument& document) {
  std::vector<int> numbers;
  for (const Block& block : document.blocks) {
    if (const auto number = paragraph_number(block)) numbers.push_back(*number);
  }
  return numbers;
}

std::vector<int> one_to(int n) {
  std::vector<int> numbers;
  for (int i = 1; i <= n; ++i) numbers.push_back(i);
  return numbers;
}

const Block* block_starting(const ExtractedDocument& document, const std::string& start) {
  for (const Block& block : document.blocks) {
    if (block.text.compare(0, start.size(), start) == 0) return &block;
  }
  return nullptr;
}

bool any_block_contains(const ExtractedDocument& document, const std::string& text) {
  return std::any_of(document.blocks.begin(), document.blocks.end(), [&](const Block& block) {
    return block.text.find(text) != std::string::npos;
  });
}

// --- CERD/C/BRA/CO/18-20 --------------------------------------------------------------------

class BrazilPdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    document_ = new ExtractedDocument(extract_corpus("cerd/CERD-Observacoes-Brasil-2022.pdf"));
  }
  static void TearDownTestSuite() {
    delete document_;
    document_ = nullptr;
  }
  static ExtractedDocument* document_;
};

ExtractedDocument* BrazilPdf::document_ = nullptr;

TEST_F(BrazilPdf, DocumentFacts) {
  EXPECT_EQ(document_->format, "PDF");
  EXPECT_EQ(document_->pages, 18);
  EXPECT_EQ(document_->hints.created, "2023-03-10");
  EXPECT_FALSE(document_->ocr);
  // The first page keeps its symbol (metadata detection reads it).
  EXPECT_NE(block_starting(*document_, "CERD/C/BRA/CO/18-20*"), nullptr);
}

TEST_F(BrazilPdf, RunningHeadersAndFootersAreGone) {
  for (const Block& block : document_->blocks) {
    EXPECT_EQ(block.text.find("GE.22"), std::string::npos) << block.text;
    EXPECT_NE(block.text, "CERD/C/BRA/CO/18-20") << "running header on page " << block.page;
    const bool digits_only =
        !block.text.empty() && std::all_of(block.text.begin(), block.text.end(),
                                           [](char c) { return c >= '0' && c <= '9'; });
    EXPECT_FALSE(digits_only) << "page number " << block.text << " on page " << block.page;
  }
}

TEST_F(BrazilPdf, ParagraphsStartWithTheirNumbersInOrder) {
  EXPECT_EQ(paragraph_numbers(*document_), one_to(70));
  const Block* first = block_starting(*document_, "1. The Committee considered");
  ASSERT_NE(first, nullptr);
  EXPECT_NE(first->text.find("the present concluding observations."), std::string::npos);
  const Block* letter = block_starting(*document_, "(a) Guarantee the consistent application");
  ASSERT_NE(letter, nullptr);
  EXPECT_EQ(letter->page, 2);
}

TEST_F(BrazilPdf, AParenthesisedYearAtThePageTopContinuesItsParagraph) {
  // Page 8 opens with "(2009) on the meaning and scope ...", the rest of paragraph 29.
  EXPECT_EQ(block_starting(*document_, "(2009)"), nullptr);
  const Block* block = block_starting(*document_, "29. The Committee recommends");
  ASSERT_NE(block, nullptr);
  EXPECT_EQ(block->page, 7);
  EXPECT_EQ(block->last_page, 8);
}

TEST_F(BrazilPdf, AParagraphOverAPageBreakIsOneBlock) {
  const Block* nine = block_starting(*document_, "9. The Committee is concerned");
  ASSERT_NE(nine, nullptr);
  EXPECT_EQ(nine->page, 2);
  EXPECT_EQ(nine->last_page, 3);
  EXPECT_NE(nine->text.find("implementing the State party\xE2\x80\x99s obligations"),
            std::string::npos);
}

TEST_F(BrazilPdf, FootnotesAtTheEndWithTheirReferences) {
  std::vector<std::string> labels;
  bool footnotes_started = false;
  for (const Block& block : document_->blocks) {
    if (block.kind == BlockKind::kFootnote) {
      footnotes_started = true;
      labels.push_back(block.label);
    } else {
      EXPECT_FALSE(footnotes_started) << "a paragraph after the footnotes: " << block.text;
    }
  }
  const std::vector<std::string> expected = {"*", "**", "1", "2", "3",  "4",  "5",
                                             "6", "7",  "8", "9", "10", "11", "12"};
  EXPECT_EQ(labels, expected);
  const Block* three = nullptr;
  for (const Block& block : document_->blocks) {
    if (block.kind == BlockKind::kFootnote && block.label == "3") three = &block;
  }
  ASSERT_NE(three, nullptr);
  EXPECT_EQ(three->text, "CERD/C/64/CO/2, para. 18.");
  EXPECT_EQ(three->page, 3);

  const Block* first = block_starting(*document_, "1. The Committee considered");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->footnote_refs, (std::vector<std::string>{"1", "2"}));
  // The marks are gone from the text.
  EXPECT_NE(first->text.find("reports of Brazil, submitted"), std::string::npos);
  const Block* twelve = block_starting(*document_, "12. The Committee recalls");
  ASSERT_NE(twelve, nullptr);
  EXPECT_EQ(twelve->footnote_refs, std::vector<std::string>{"3"});
}

TEST_F(BrazilPdf, LineEndHyphensOfCompoundsStayAndAddressesJoin) {
  // Word wraps compounds after their hyphen; none of these is a hyphenated word.
  EXPECT_TRUE(any_block_contains(*document_, "scope of anti-discrimination legislation"));
  EXPECT_TRUE(any_block_contains(*document_, "including high-level members"));
  EXPECT_TRUE(any_block_contains(*document_, "guarantee non-repetition of violations"));
  EXPECT_FALSE(any_block_contains(*document_, "AfroBrazilian"));
  EXPECT_FALSE(any_block_contains(*document_, "antidiscrimination"));
  EXPECT_TRUE(any_block_contains(
      *document_, "05-anuario-2022-letalidade-policial-cai-mas-mortalidade-de-negros"));
}

// --- CRPD documents in Arabic, Spanish and Russian -------------------------------------------

TEST(CrpdPdf, SpanishConcludingObservations) {
  const ExtractedDocument document = extract_corpus("crpd/Greece_2019_CRPD_C_GRC_CO_1.pdf");
  EXPECT_EQ(paragraph_numbers(document), one_to(54));
  EXPECT_TRUE(any_block_contains(document, "personas con discapacidad"));
  EXPECT_EQ(document.hints.title, "CRPD/C/GRC/CO/1");
}

TEST(CrpdPdf, RussianListOfIssues) {
  const ExtractedDocument document =
      extract_corpus("crpd/Bangladesh_UnknownYear_CRPD_C_BGD_Q_1.pdf");
  EXPECT_EQ(paragraph_numbers(document), one_to(30));
  // "инвалидов" (of persons with disabilities).
  EXPECT_TRUE(any_block_contains(document,
                                 "\xD0\xB8\xD0\xBD\xD0\xB2\xD0\xB0\xD0\xBB\xD0\xB8"
                                 "\xD0\xB4\xD0\xBE\xD0\xB2"));
}

TEST(CrpdPdf, ArabicConcludingObservationsInLogicalOrder) {
  const ExtractedDocument document = extract_corpus("crpd/Rwanda_UnknownYear_CRPD_C_RWA_CO_1.pdf");
  EXPECT_EQ(document.hints.title, "CRPD/C/RWA/CO/1");
  // "اللجنة" (the Committee), as read, not as drawn ("ةنجللا").
  EXPECT_TRUE(any_block_contains(document, "\xD8\xA7\xD9\x84\xD9\x84\xD8\xAC\xD9\x86\xD8\xA9"));
  EXPECT_FALSE(any_block_contains(document, "\xD8\xA9\xD9\x86\xD8\xAC\xD9\x84\xD9\x84\xD8\xA7"));
  // The heading "ألف- المبادئ ..." holds "(المواد 1-4)" with its numbers in order.
  EXPECT_TRUE(any_block_contains(document, " 1-4)"));
  // Every paragraph number 1-67 opens its paragraph, in order, though the text layer's glyph
  // mapping is damaged in places (pdftotext reads the same) and mixes ASCII and Arabic-Indic
  // digits within one number (unified to ASCII).
  EXPECT_EQ(paragraph_numbers(document), one_to(67));
  for (const Block& block : document.blocks) {
    // No presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF: EF AD..EF BB in UTF-8).
    for (std::size_t i = 0; i + 1 < block.text.size(); ++i) {
      const auto lead = static_cast<unsigned char>(block.text[i]);
      const auto next = static_cast<unsigned char>(block.text[i + 1]);
      ASSERT_FALSE(lead == 0xEF && next >= 0xAD && next <= 0xBB) << block.text;
    }
  }
}

// --- PDFs written here -----------------------------------------------------------------------

// A PDF of one A4 page per entry of `page_texts` (Helvetica; an empty text gives a page without
// a text layer), with a correct cross-reference table; `trailer_extra` goes into the trailer.
std::string tiny_pdf(const std::vector<std::string>& page_texts,
                     const std::string& extra_object = "", const std::string& trailer_extra = "") {
  std::vector<std::string> objects;
  std::string kids;
  const std::size_t first_page = 4;
  for (std::size_t i = 0; i < page_texts.size(); ++i) {
    kids += std::to_string(first_page + 2 * i) + " 0 R ";
  }
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                    std::to_string(page_texts.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (std::size_t i = 0; i < page_texts.size(); ++i) {
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
        "<< /F1 3 0 R >> >> /Contents " +
        std::to_string(first_page + 2 * i + 1) + " 0 R >>");
    const std::string stream =
        page_texts[i].empty() ? "" : "BT /F1 12 Tf 72 700 Td (" + page_texts[i] + ") Tj ET";
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream +
                      "\nendstream");
  }
  if (!extra_object.empty()) objects.push_back(extra_object);
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " +
         trailer_extra + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string extract_error(const std::string& bytes, const WorkerOptions& options = no_ocr(),
                          const ExtractLimits& limits = ExtractLimits{}) {
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(extract_pdf(bytes, limits, options, &document, &error));
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  return error;
}

TEST(PdfErrors, AHandWrittenPdfIsRead) {
  ExtractedDocument document;
  std::string error;
  ASSERT_TRUE(
      extract_pdf(tiny_pdf({"Hello treaty bodies."}), ExtractLimits{}, no_ocr(), &document, &error))
      << error;
  ASSERT_EQ(document.blocks.size(), 1u);
  EXPECT_EQ(document.blocks[0].text, "Hello treaty bodies.");
  EXPECT_EQ(document.blocks[0].page, 1);
  EXPECT_EQ(document.pages, 1);
}

TEST(PdfErrors, EncryptedPdf) {
  // The Standard security handler with a user password this test does not know (random /O and
  // /U values): poppler opens the file locked.
  const std::string hex32(64, 'A');
  const std::string encrypt =
      "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + hex32 + "> /U <" + hex32 + "> >>";
  const std::string pdf = tiny_pdf({"Secret text."}, encrypt,
                                   "/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                                   "<0123456789ABCDEF0123456789ABCDEF>]");
  EXPECT_EQ(extract_error(pdf), "PDF is encrypted");
}

TEST(PdfErrors, NotAPdfTruncatedAndGarbage) {
  EXPECT_EQ(extract_error("Hello, this is text."), "not a PDF (no %PDF- header)");
  EXPECT_EQ(extract_error(""), "not a PDF (no %PDF- header)");
  const std::string brazil =
      read_file(std::string(TREATYSEARCH_CORPUS_DIR) + "/cerd/CERD-Observacoes-Brasil-2022.pdf");
  ASSERT_GT(brazil.size(), 4000u);
  // Cut inside its first objects: nothing poppler can rebuild a document from.
  EXPECT_EQ(extract_error(brazil.substr(0, 4000)), "PDF is damaged (poppler cannot open it)");
  std::string garbage = "%PDF-1.7\n";
  for (int i = 0; i < 5000; ++i) garbage.push_back(static_cast<char>((i * 7919) % 251));
  EXPECT_EQ(extract_error(garbage), "PDF is damaged (poppler cannot open it)");
}

TEST(PdfErrors, NoTextLayerWithOcrOff) {
  EXPECT_EQ(extract_error(tiny_pdf({""})), "no text layer; OCR is off");
  // A page without text among pages with text is skipped with a note.
  ExtractedDocument document;
  std::string error;
  ASSERT_TRUE(
      extract_pdf(tiny_pdf({"First page.", ""}), ExtractLimits{}, no_ocr(), &document, &error));
  ASSERT_EQ(document.notes.size(), 1u);
  EXPECT_EQ(document.notes[0], "1 page has no text layer (OCR is off): skipped");
  EXPECT_FALSE(document.ocr);
}

TEST(PdfErrors, PagesWithoutTextAreRecognisedWithOcrOn) {
  WorkerOptions options;
  options.ocr = true;
  ExtractedDocument document;
  std::string error;
  ASSERT_TRUE(
      extract_pdf(tiny_pdf({"First page.", ""}), ExtractLimits{}, options, &document, &error))
      << error;
  ASSERT_EQ(document.blocks.size(), 2u);
  EXPECT_EQ(document.blocks[0].text, "First page.");
  // The test double names the image it was given: A4 at 300 dpi.
  EXPECT_EQ(document.blocks[1].text, "Recognised text of a page 2479 by 3508 pixels");
  EXPECT_EQ(document.blocks[1].page, 2);
  EXPECT_FLOAT_EQ(document.blocks[1].confidence, 87.5f);
  EXPECT_TRUE(document.ocr);
  EXPECT_EQ(document.ocr_pages, 1);
}

TEST(PdfErrors, TextLimitAtNAndNPlusOne) {
  const std::string pdf = tiny_pdf({"Hello treaty bodies."});
  const std::size_t size = std::string("Hello treaty bodies.").size();
  ExtractLimits limits;
  limits.max_text_bytes = size;
  ExtractedDocument document;
  std::string error;
  EXPECT_TRUE(extract_pdf(pdf, limits, no_ocr(), &document, &error)) << error;
  limits.max_text_bytes = size - 1;
  EXPECT_EQ(extract_error(pdf, no_ocr(), limits),
            "extracted text exceeds the limit of " + std::to_string(size - 1) + " bytes");
}

}  // namespace
}  // namespace treatysearch::ingest
