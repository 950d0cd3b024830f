// The worker's answer: every field survives a round trip; error answers are one line; and no
// malformed answer (truncated, corrupted, lengths past the end, counts over the caps, text over
// the limit) is read out of bounds or accepted.
#include "worker_protocol.h"

#include <gtest/gtest.h>

#include <string>

#include "varint.h"

namespace treatysearch::ingest {
namespace {

constexpr std::string_view kMalformed = "malformed answer from the extraction worker";

ExtractedDocument sample_document() {
  ExtractedDocument document;
  document.format = "PDF";
  document.encoding = "";
  document.pages = 7;
  document.ocr = true;
  document.ocr_pages = 2;
  document.hints = {"Concluding observations", "CERD/C/KAZ/CO/8-10", "CERD", "2022-04-01", "en"};
  document.notes = {"page 7: OCR timed out", "2 pages had no text"};

  Block heading;
  heading.kind = BlockKind::kHeading;
  heading.text = "Заключительные замечания";
  heading.heading_level = 2;
  heading.page = 1;
  heading.last_page = 1;
  Block paragraph;
  paragraph.kind = BlockKind::kListItem;
  paragraph.text = "12. اللجنة توصي (a) the State party";
  paragraph.label = "12.";
  paragraph.page = 3;
  paragraph.last_page = 4;
  paragraph.gap_before = 0;
  paragraph.footnote_refs = {"3", "4"};
  paragraph.confidence = 87.25f;
  Block cell;
  cell.kind = BlockKind::kTableCell;
  cell.text = "";
  cell.row_start = true;
  cell.gap_before = 5;
  cell.continues_sentence = true;
  cell.confidence = 0.0f;
  Block footnote;
  footnote.kind = BlockKind::kFootnote;
  footnote.text = "See A/77/18.";
  footnote.label = "3";
  footnote.confidence = 100.0f;
  Block furniture;
  furniture.kind = BlockKind::kFurniture;
  furniture.text = "GE.22-12345(E)";
  document.blocks = {heading, paragraph, cell, footnote, furniture};
  return document;
}

void expect_same(const Block& a, const Block& b) {
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.label, b.label);
  EXPECT_EQ(a.heading_level, b.heading_level);
  EXPECT_EQ(a.page, b.page);
  EXPECT_EQ(a.last_page, b.last_page);
  EXPECT_EQ(a.row_start, b.row_start);
  EXPECT_EQ(a.continues_sentence, b.continues_sentence);
  EXPECT_EQ(a.gap_before, b.gap_before);
  EXPECT_EQ(a.footnote_refs, b.footnote_refs);
  EXPECT_FLOAT_EQ(a.confidence, b.confidence);
}

// The bytes of the blocks' strings in the sample: what max_text_bytes is charged.
std::size_t string_bytes(const ExtractedDocument& d) {
  std::size_t total = 0;
  for (const auto& block : d.blocks) {
    total += block.text.size() + block.label.size();
    for (const auto& ref : block.footnote_refs) total += ref.size();
  }
  return total;
}

TEST(WorkerProtocol, DocumentRoundTrip) {
  const ExtractedDocument original = sample_document();
  ExtractedDocument decoded;
  std::string error;
  ASSERT_TRUE(decode_extraction(encode_extraction(original), ExtractLimits{}, &decoded, &error))
      << error;
  EXPECT_EQ(decoded.format, original.format);
  EXPECT_EQ(decoded.encoding, original.encoding);
  EXPECT_EQ(decoded.pages, 7);
  EXPECT_TRUE(decoded.ocr);
  EXPECT_EQ(decoded.ocr_pages, 2);
  EXPECT_EQ(decoded.hints.title, original.hints.title);
  EXPECT_EQ(decoded.hints.subject, original.hints.subject);
  EXPECT_EQ(decoded.hints.author, original.hints.author);
  EXPECT_EQ(decoded.hints.created, original.hints.created);
  EXPECT_EQ(decoded.hints.language, original.hints.language);
  EXPECT_EQ(decoded.notes, original.notes);
  ASSERT_EQ(decoded.blocks.size(), original.blocks.size());
  for (std::size_t i = 0; i < original.blocks.size(); ++i) {
    SCOPED_TRACE(i);
    expect_same(decoded.blocks[i], original.blocks[i]);
  }
}

TEST(WorkerProtocol, EmptyDocumentRoundTrip) {
  ExtractedDocument decoded;
  decoded.blocks.resize(3);  // replaced, not appended to
  std::string error;
  ASSERT_TRUE(
      decode_extraction(encode_extraction(ExtractedDocument{}), ExtractLimits{}, &decoded, &error));
  EXPECT_TRUE(decoded.blocks.empty());
  EXPECT_FALSE(decoded.ocr);
}

TEST(WorkerProtocol, ErrorAnswerIsOneLine) {
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(decode_extraction(encode_extraction_error("PDF is encrypted"), ExtractLimits{},
                                 &document, &error));
  EXPECT_EQ(error, "PDF is encrypted");
  EXPECT_FALSE(decode_extraction(encode_extraction_error("  bad\nxref\ttable \n"), ExtractLimits{},
                                 &document, &error));
  EXPECT_EQ(error, "bad xref table");
  const std::string long_message(10'000, 'e');
  EXPECT_FALSE(
      decode_extraction(encode_extraction_error(long_message), ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, std::string(300, 'e'));
  // An error answer with nothing to say is not a valid answer.
  EXPECT_FALSE(
      decode_extraction(encode_extraction_error(" \n"), ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, kMalformed);
}

TEST(WorkerProtocol, EveryTruncationIsMalformed) {
  for (const std::string& answer :
       {encode_extraction(sample_document()), encode_extraction_error("PDF is encrypted")}) {
    for (std::size_t length = 0; length < answer.size(); ++length) {
      // A copy of exactly `length` bytes, so that ASan sees any read past the end.
      const std::string truncated = answer.substr(0, length);
      ExtractedDocument document;
      std::string error;
      EXPECT_FALSE(decode_extraction(truncated, ExtractLimits{}, &document, &error)) << length;
      EXPECT_EQ(error, kMalformed) << length;
    }
  }
}

TEST(WorkerProtocol, CorruptedBytesNeverCrash) {
  const std::string answer = encode_extraction(sample_document());
  for (std::size_t at = 0; at < answer.size(); ++at) {
    for (const unsigned char value : {0x00, 0x7F, 0x80, 0xFF}) {
      std::string corrupted = answer;
      corrupted[at] = static_cast<char>(value);
      ExtractedDocument document;
      std::string error;
      if (!decode_extraction(corrupted, ExtractLimits{}, &document, &error)) {
        EXPECT_FALSE(error.empty());
      }
    }
  }
}

TEST(WorkerProtocol, TrailingBytesAreMalformed) {
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(decode_extraction(encode_extraction(sample_document()) + "x", ExtractLimits{},
                                 &document, &error));
  EXPECT_EQ(error, kMalformed);
  EXPECT_FALSE(
      decode_extraction(encode_extraction_error("e") + "x", ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, kMalformed);
}

TEST(WorkerProtocol, WrongMagicVersionOrKind) {
  std::string answer = encode_extraction(sample_document());
  ExtractedDocument document;
  std::string error;
  for (const std::size_t at : {0u, 3u, 4u, 5u}) {
    std::string changed = answer;
    changed[at] = 'Z';
    EXPECT_FALSE(decode_extraction(changed, ExtractLimits{}, &document, &error)) << at;
    EXPECT_EQ(error, kMalformed);
  }
  EXPECT_FALSE(decode_extraction("", ExtractLimits{}, &document, &error));
  EXPECT_FALSE(
      decode_extraction("plain text from a confused worker", ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, kMalformed);
}

// A document answer built by hand up to its block list, for malformed counts and lengths.
std::string header_up_to_blocks() {
  std::string out = "TSXW\x02";
  out += 'D';
  for (int i = 0; i < 2; ++i) core::put_varint(0, &out);  // format, encoding
  core::put_varint(0, &out);                              // pages
  core::put_varint(0, &out);                              // ocr_pages
  out += '\0';                                            // flags
  for (int i = 0; i < 5; ++i) core::put_varint(0, &out);  // hints
  core::put_varint(0, &out);                              // notes
  return out;
}

TEST(WorkerProtocol, HandBuiltEmptyDocumentIsValid) {
  std::string answer = header_up_to_blocks();
  core::put_varint(0, &answer);
  ExtractedDocument document;
  std::string error;
  EXPECT_TRUE(decode_extraction(answer, ExtractLimits{}, &document, &error)) << error;
  EXPECT_EQ(answer, encode_extraction(ExtractedDocument{}));
}

TEST(WorkerProtocol, CountsOverWhatTheBytesCanHoldAreMalformed) {
  ExtractedDocument document;
  std::string error;
  // 2^40 blocks announced in a few bytes: refused before anything is allocated.
  std::string answer = header_up_to_blocks();
  core::put_varint(1ull << 40, &answer);
  EXPECT_FALSE(decode_extraction(answer, ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, kMalformed);
  // A varint that does not end.
  answer = header_up_to_blocks() + std::string(20, '\xFF');
  EXPECT_FALSE(decode_extraction(answer, ExtractLimits{}, &document, &error));
  // One block announced, none there.
  answer = header_up_to_blocks();
  core::put_varint(1, &answer);
  EXPECT_FALSE(decode_extraction(answer, ExtractLimits{}, &document, &error));
}

TEST(WorkerProtocol, LengthPastTheEndIsMalformed) {
  std::string answer = "TSXW\x02";
  answer += 'D';
  core::put_varint(1000, &answer);  // a format string of 1000 bytes, with 3 given
  answer += "PDF";
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(decode_extraction(answer, ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, kMalformed);

  answer = "TSXW\x02";
  answer += 'E';
  core::put_varint(~0ull >> 1, &answer);
  answer += "x";
  EXPECT_FALSE(decode_extraction(answer, ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, kMalformed);
}

TEST(WorkerProtocol, InvalidFieldValuesAreMalformed) {
  ExtractedDocument document;
  std::string error;
  // A block of an unknown kind.
  ExtractedDocument one;
  one.blocks.resize(1);
  one.blocks[0].text = "t";
  std::string answer = encode_extraction(one);
  const std::size_t kind_at = header_up_to_blocks().size() + 1;
  ASSERT_EQ(answer[kind_at], static_cast<char>(BlockKind::kParagraph));
  answer[kind_at] = 6;
  EXPECT_FALSE(decode_extraction(answer, ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, kMalformed);
  // Text that is not UTF-8.
  one.blocks[0].text = "\xC3\x28";
  EXPECT_FALSE(decode_extraction(encode_extraction(one), ExtractLimits{}, &document, &error));
  EXPECT_EQ(error, kMalformed);
  // A page number over INT_MAX.
  answer = "TSXW\x02";
  answer += 'D';
  core::put_varint(0, &answer);
  core::put_varint(0, &answer);
  core::put_varint(1ull << 31, &answer);
  EXPECT_FALSE(decode_extraction(answer, ExtractLimits{}, &document, &error));
}

TEST(WorkerProtocol, TextLimitAtNAndNPlusOne) {
  const ExtractedDocument original = sample_document();
  const std::string answer = encode_extraction(original);
  const std::size_t text = string_bytes(original);
  ExtractLimits limits;
  ExtractedDocument document;
  std::string error;
  limits.max_text_bytes = text;
  EXPECT_TRUE(decode_extraction(answer, limits, &document, &error)) << error;
  limits.max_text_bytes = text - 1;
  EXPECT_FALSE(decode_extraction(answer, limits, &document, &error));
  EXPECT_EQ(error, "extracted text exceeds the limit of " + std::to_string(text - 1) + " bytes");
}

// Strings outside the blocks (format, hints, notes) are not text, and have their own cap.
TEST(WorkerProtocol, MetadataIsNotChargedToTheTextLimitButIsCapped) {
  ExtractedDocument document = sample_document();
  document.notes.assign(100, std::string(1000, 'n'));  // 100 kB of notes
  ExtractLimits limits;
  limits.max_text_bytes = string_bytes(document);
  ExtractedDocument decoded;
  std::string error;
  EXPECT_TRUE(decode_extraction(encode_extraction(document), limits, &decoded, &error)) << error;
  EXPECT_EQ(decoded.notes.size(), 100u);

  document.notes.assign(1100, std::string(1000, 'n'));  // over 1 MiB
  EXPECT_FALSE(decode_extraction(encode_extraction(document), limits, &decoded, &error));
  EXPECT_EQ(error, kMalformed);
}

}  // namespace
}  // namespace treatysearch::ingest
