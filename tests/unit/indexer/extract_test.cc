#include "extract.h"
#include "text_decode.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "extractors.h"
#include "file_walker.h"
#include "temp_dir.h"
#include "text.h"

namespace treatysearch::ingest {
namespace {

using treatysearch::testing::TempDir;

// decode_text: "ENCODING: text", with "+N replaced" when characters were replaced, or
// "ERROR: reason".
std::string decoded(std::string bytes, std::size_t max_text_bytes = 1 << 20) {
  DecodedText result;
  std::string error;
  if (!decode_text(std::move(bytes), max_text_bytes, &result, &error)) return "ERROR: " + error;
  std::string out = result.encoding;
  if (result.byte_order_mark) out += " (BOM)";
  if (result.replaced > 0) out += " +" + std::to_string(result.replaced) + " replaced";
  return out + ": " + result.text;
}

TEST(Extract, NormalizesLineEndsAndStripsBom) {
  EXPECT_EQ(decoded("\xEF\xBB\xBFline one\r\nline two\rthree"),
            "UTF-8 (BOM): line one\nline two\nthree");
}

TEST(Extract, EmptyBlankAndBinaryFilesFail) {
  EXPECT_EQ(decoded(""), "ERROR: file is empty");
  EXPECT_EQ(decoded("\xEF\xBB\xBF"), "ERROR: file is empty");
  EXPECT_EQ(decoded(" \n\t\r\n"), "ERROR: file has no text");
  EXPECT_EQ(decoded(std::string("ab\0c", 4)), "ERROR: binary file (NUL byte at byte 2)");
}

// `text` in UTF-16 or UTF-32, little- or big-endian, without a byte-order mark.
template <typename Char>
std::string wide(std::basic_string_view<Char> text, bool big_endian) {
  std::string bytes;
  for (const Char c : text) {
    for (std::size_t k = 0; k < sizeof(Char); ++k) {
      const std::size_t shift = 8 * (big_endian ? sizeof(Char) - 1 - k : k);
      bytes.push_back(static_cast<char>((static_cast<std::uint32_t>(c) >> shift) & 0xFF));
    }
  }
  return bytes;
}

// UTF-8 `text` in a legacy code page, through ICU's converter (unmappable characters fail).
std::string encode(const char* code_page, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  std::u16string utf16(text.size(), u'\0');
  int32_t length = 0;
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &length, text.data(),
                static_cast<int32_t>(text.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  utf16.resize(static_cast<std::size_t>(length));
  UConverter* converter = ucnv_open(code_page, &status);
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string bytes(utf16.size() * 4, '\0');
  const int32_t written =
      ucnv_fromUChars(converter, bytes.data(), static_cast<int32_t>(bytes.size()), utf16.data(),
                      static_cast<int32_t>(utf16.size()), &status);
  ucnv_close(converter);
  EXPECT_TRUE(U_SUCCESS(status)) << code_page << ": " << u_errorName(status);
  bytes.resize(static_cast<std::size_t>(std::max(0, written)));
  return bytes;
}

TEST(DecodeText, ByteOrderMarksSayTheEncoding) {
  EXPECT_EQ(decoded("\xEF\xBB\xBF"
                    "1. Комитет\r\n"),
            "UTF-8 (BOM): 1. Комитет\n");
  const std::u16string_view text16 = u"1. Комитет 𝄞\r\n2. Committee";
  EXPECT_EQ(decoded("\xFF\xFE" + wide(text16, false)),
            "UTF-16LE (BOM): 1. Комитет 𝄞\n2. Committee");
  EXPECT_EQ(decoded("\xFE\xFF" + wide(text16, true)), "UTF-16BE (BOM): 1. Комитет 𝄞\n2. Committee");
  const std::u32string_view text32 = U"1. Комитет 𝄞 notes.";
  EXPECT_EQ(decoded(std::string("\xFF\xFE\0\0", 4) + wide(text32, false)),
            "UTF-32LE (BOM): 1. Комитет 𝄞 notes.");
  EXPECT_EQ(decoded(std::string("\0\0\xFE\xFF", 4) + wide(text32, true)),
            "UTF-32BE (BOM): 1. Комитет 𝄞 notes.");
}

TEST(DecodeText, WideTextWithoutAByteOrderMarkIsReadByThePatternOfItsNuls) {
  for (const bool big : {false, true}) {
    const std::string suffix = big ? "BE: " : "LE: ";
    EXPECT_EQ(decoded(wide(std::u16string_view(u"1. The Committee notes."), big)),
              "UTF-16" + suffix + "1. The Committee notes.");
    EXPECT_EQ(decoded(wide(std::u16string_view(u"1. Комитет отмечает, что 中文"), big)),
              "UTF-16" + suffix + "1. Комитет отмечает, что 中文");
    EXPECT_EQ(decoded(wide(std::u32string_view(U"1. Комитет 𝄞 notes."), big)),
              "UTF-32" + suffix + "1. Комитет 𝄞 notes.");
  }
}

TEST(DecodeText, AnUnpairedSurrogateInUtf16IsReplacedAndCounted) {
  const std::string bytes = "\xFF\xFE" + wide(std::u16string_view(u"ab"), false) +
                            std::string("\x00\xD8", 2) + wide(std::u16string_view(u"cd"), false);
  EXPECT_EQ(decoded(bytes), "UTF-16LE (BOM) +1 replaced: ab\uFFFDcd");
}

TEST(DecodeText, BinaryStaysBinary) {
  // Too short to be told from text, NUL runs, control bytes: binary.
  EXPECT_EQ(decoded(std::string("ab\0c", 4)), "ERROR: binary file (NUL byte at byte 2)");
  EXPECT_EQ(decoded(std::string("abcd\0\0\0\0efgh", 12)),
            "ERROR: binary file (NUL byte at byte 4)");
  EXPECT_EQ(decoded(std::string("\x7F"
                                "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                16)),
            "ERROR: binary file (NUL byte at byte 7)");
  // NULs at odd offsets of a text: the byte pairs would read as unrelated CJK characters.
  EXPECT_EQ(decoded(std::string("1. ab\0cd lighthouses\n\0", 22)),
            "ERROR: binary file (NUL byte at byte 5)");
  // A byte-order mark does not make NUL characters text.
  EXPECT_EQ(decoded("\xFF\xFE" + wide(std::u16string_view(u"ab"), false) + std::string(4, '\0')),
            "ERROR: binary file (NUL character in UTF-16LE text at byte 2 of the decoded text)");
}

TEST(DecodeText, EmptyAndBlankFilesFail) {
  EXPECT_EQ(decoded(""), "ERROR: file is empty");
  EXPECT_EQ(decoded("\xEF\xBB\xBF"), "ERROR: file is empty");
  EXPECT_EQ(decoded("\xFF\xFE"), "ERROR: file is empty");
  EXPECT_EQ(decoded(" \n\t\r\n"), "ERROR: file has no text");
  EXPECT_EQ(decoded("\xFF\xFE" + wide(std::u16string_view(u" \r\n "), false)),
            "ERROR: file has no text");
}

TEST(DecodeText, Windows1251RussianIsDetectedAndDecoded) {
  const std::string russian =
      "Комитет рекомендует государству-участнику принять все необходимые меры для обеспечения "
      "равенства перед законом и недопущения дискриминации в отношении мигрантов.";
  const std::string bytes = encode("windows-1251", russian);
  ASSERT_TRUE(bytes.starts_with("\xCA\xEE\xEC\xE8\xF2\xE5\xF2"));  // "Комитет", one byte each
  EXPECT_EQ(decoded(bytes), "windows-1251: " + russian);
}

TEST(DecodeText, Windows1252FrenchIsDetectedAndDecoded) {
  // The curly apostrophe is 0x92, a byte ISO-8859-1 does not print: windows-1252.
  const std::string french =
      "Le Comité recommande à l’État partie de prendre les mesures nécessaires pour garantir "
      "l’égalité d’accès à l’éducation et aux soins des personnes handicapées.";
  EXPECT_EQ(decoded(encode("windows-1252", french)), "windows-1252: " + french);
  // Without such bytes ICU says ISO-8859-1; its superset windows-1252 reads it, and is named.
  const std::string plain =
      "Le Comité note avec préoccupation que les données ventilées "
      "manquent. Il recommande à l'État partie de les réunir.";
  EXPECT_EQ(decoded(encode("ISO-8859-1", plain)), "windows-1252: " + plain);
}

TEST(DecodeText, ArabicAndChineseCodePagesAreDetectedAndDecoded) {
  const std::string arabic =
      "توصي اللجنة الدولة الطرف بأن تتخذ جميع التدابير اللازمة لضمان المساواة وعدم التمييز ضد "
      "الأشخاص ذوي الإعاقة في جميع مجالات الحياة.";
  EXPECT_EQ(decoded(encode("windows-1256", arabic)), "windows-1256: " + arabic);
  const std::string chinese =
      "委员会建议缔约国采取一切必要措施，确保残疾人在生活的所有领域享有平等和不受歧视的权利。"
      "委员会还建议缔约国在下次报告中提供分类统计数据。";
  EXPECT_EQ(decoded(encode("GB18030", chinese)), "GB18030: " + chinese);
}

TEST(DecodeText, ShiftJisIsNamedAndNotReadAsALatinCodePage) {
  const std::string japanese =
      "委員会は、締約国に対し、人種差別を禁止する包括的な法律を採択するよう勧告する。"
      "委員会は、締約国が次回の報告に統計を含めるよう要請する。";
  const std::string result = decoded(encode("Shift_JIS", japanese));
  EXPECT_TRUE(result.starts_with("ERROR: not UTF-8; it looks like Shift_JIS (confidence "))
      << result;
  EXPECT_NE(result.find("which is not read (first non-UTF-8 byte at 0; save the file as UTF-8)"),
            std::string::npos)
      << result;
}

TEST(DecodeText, GarbageBytesAreNotReadAsText) {
  // Bytes of no language: no code page wins with confidence, so the file fails rather than
  // being indexed as nonsense.
  std::string garbage;
  std::uint32_t state = 12345;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245u + 12345u;
    garbage.push_back(static_cast<char>(0x80 | ((state >> 16) & 0x7F)));
  }
  const std::string result = decoded(garbage);
  EXPECT_TRUE(result.starts_with("ERROR: not UTF-8")) << result.substr(0, 60);
}

// UTF-8 with a stray legacy byte (an "é" typed in windows-1252 into a UTF-8 file) stays UTF-8:
// its well-formed multi-byte sequences outnumber the malformed ones ten to one, which legacy
// text never does, so the rest of the file keeps its meaning and the bad bytes become U+FFFD.
TEST(DecodeText, MostlyValidUtf8StaysUtf8WithTheBadBytesReplaced) {
  const std::string nineteen = "Комитет отмечает норм";  // 19 two-byte letters
  ASSERT_EQ(core::count_code_points(nineteen), 21u);
  // 20 well-formed to 2 malformed (N = 10 to 1): UTF-8.
  EXPECT_EQ(decoded(nineteen + "ы \xE9t\xE9 ok"),
            "UTF-8 +2 replaced: Комитет отмечает нормы \uFFFDt\uFFFD ok");
  // 19 to 2 (N - 1): the detector decides; it finds no code page it is sure of for these bytes,
  // so the file fails rather than being read as mojibake.
  const std::string result = decoded(nineteen + " \xE9t\xE9 ok");
  EXPECT_TRUE(result.starts_with("ERROR: not UTF-8")) << result;
}

TEST(DecodeText, TextOverTheLimitFailsAtNPlusOne) {
  const std::string text = "1. Комитет\r\n";  // decoded: "1. Комитет\n", 18 bytes
  EXPECT_EQ(decoded(text, 18), "UTF-8: 1. Комитет\n");
  EXPECT_EQ(decoded(text, 17), "ERROR: extracted text exceeds the limit of 17 bytes");
  const std::string russian =
      "Комитет рекомендует государству-участнику принять все необходимые меры.";
  const std::string bytes = encode("windows-1251", russian);
  EXPECT_EQ(decoded(bytes, russian.size()), "windows-1251: " + russian);
  EXPECT_EQ(decoded(bytes, russian.size() - 1), "ERROR: extracted text exceeds the limit of " +
                                                    std::to_string(russian.size() - 1) + " bytes");
  const std::string utf16 = "\xFF\xFE" + wide(std::u16string_view(u"abc\r\n"), false);
  EXPECT_EQ(decoded(utf16, 4), "UTF-16LE (BOM): abc\n");
  EXPECT_EQ(decoded(utf16, 3), "ERROR: extracted text exceeds the limit of 3 bytes");
}

TEST(ExtractText, ReportsTheEncodingAndTheReplacementsAndMakesBlocks) {
  ExtractedDocument document;
  std::string error;
  ExtractLimits limits;
  ASSERT_TRUE(
      extract_text("\xFF\xFE" + wide(std::u16string_view(u"1. Первый.\r\n\r\n2. Second."), false),
                   limits, &document, &error))
      << error;
  EXPECT_EQ(document.encoding, "UTF-16LE");
  EXPECT_EQ(document.format, "text");
  ASSERT_EQ(document.blocks.size(), 2u);
  EXPECT_EQ(document.blocks[0].text, "1. Первый.");
  EXPECT_EQ(document.blocks[1].text, "2. Second.");
  EXPECT_TRUE(document.notes.empty());

  ASSERT_TRUE(extract_text("Комитет по делам \xFF", limits, &document, &error)) << error;
  EXPECT_EQ(document.encoding, "UTF-8");
  EXPECT_EQ(document.notes,
            std::vector<std::string>{"1 malformed sequence of UTF-8 replaced by U+FFFD"});

  limits.max_text_bytes = 3;
  EXPECT_FALSE(extract_text("abcd", limits, &document, &error));
  EXPECT_EQ(error, "extracted text exceeds the limit of 3 bytes");
  EXPECT_FALSE(extract_text(std::string("ab\0c", 4), limits, &document, &error));
  EXPECT_EQ(error, "binary file (NUL byte at byte 2)");
}

TEST(Extract, FormatFromExtension) {
  EXPECT_EQ(format_for_path("a/B.TXT").format, Format::kText);
  EXPECT_EQ(format_for_path("x.pdf").format, Format::kPdf);
  EXPECT_EQ(format_for_path("x.PDF").name, "PDF");
  EXPECT_EQ(format_for_path("x.docx").format, Format::kDocx);
  EXPECT_EQ(format_for_path("x.doc").format, Format::kWord97);
  EXPECT_EQ(format_for_path("x.htm").format, Format::kHtml);
  EXPECT_EQ(format_for_path("x.rtf").format, Format::kUnsupported);
  EXPECT_EQ(format_for_path("x.rtf").name, "RTF");
  EXPECT_EQ(format_for_path("noext").name, "unknown");
}

TEST(Extract, ReadLimitAtNAndNPlusOne) {
  TempDir dir;
  const std::string file = dir.write("f.txt", "12345");
  std::string error;
  EXPECT_TRUE(read_file_limited(file, 5, &error).has_value());
  EXPECT_FALSE(read_file_limited(file, 4, &error).has_value());
  EXPECT_EQ(error, "file is larger than the limit of 4 bytes");
  EXPECT_FALSE(read_file_limited(dir / "missing.txt", 10, &error).has_value());
  EXPECT_FALSE(error.empty());
}

TEST(Extract, ALinkSwappedInAfterTheWalkIsRefusedUnlessLinksAreAllowed) {
  TempDir dir;
  const std::string secret = dir.write("outside/secret.txt", "1. Secret text.\n");
  const std::string walked = dir / "docs/a.txt";
  std::filesystem::create_directories(dir / "docs");
  std::filesystem::create_symlink(secret, walked);
  std::string error;
  EXPECT_FALSE(read_file_limited(walked, 100, &error, /*through_links=*/false).has_value());
  EXPECT_EQ(error, "is now a symbolic link, which is not followed");
  const auto through = read_file_limited(walked, 100, &error, /*through_links=*/true);
  ASSERT_TRUE(through.has_value()) << error;
  EXPECT_EQ(*through, "1. Secret text.\n");
}

TEST(Extract, AFifoIsRefusedWithoutWaitingForAWriter) {
  TempDir dir;
  const std::string fifo = dir / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string error;
  EXPECT_FALSE(read_file_limited(fifo, 100, &error).has_value());
  EXPECT_EQ(error, "not a regular file");
}

TEST(Extract, AFileOfTheLimitWithTheLargestLimitIsRead) {
  TempDir dir;
  const std::string file = dir.write("f.txt", "12345");
  std::string error;
  const auto bytes = read_file_limited(file, UINT64_MAX, &error);
  ASSERT_TRUE(bytes.has_value()) << error;
  EXPECT_EQ(*bytes, "12345");
}

TEST(Extract, FormatIsSniffedFromTheContent) {
  EXPECT_EQ(sniff_format("%PDF-1.7\n...").format, Format::kPdf);
  EXPECT_EQ(sniff_format("\xEF\xBB\xBF junk %PDF-1.4").format, Format::kPdf);
  EXPECT_EQ(sniff_format(std::string("PK\x03\x04", 4) + "....word/document.xml...").format,
            Format::kDocx);
  EXPECT_EQ(sniff_format(std::string("PK\x03\x04", 4) + "mimetypeapplication/"
                                                        "vnd.oasis.opendocument.text")
                .name,
            "OpenDocument");
  const std::string ole2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  EXPECT_EQ(sniff_format(ole2 + std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24)).format,
            Format::kWord97);
  EXPECT_EQ(sniff_format(ole2 + std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16)).name, "Excel 97-2003");
  EXPECT_EQ(sniff_format("{\\rtf1\\ansi").name, "RTF");
  EXPECT_EQ(sniff_format("  <!DOCTYPE html><html><p>x").format, Format::kHtml);
  EXPECT_EQ(sniff_format("<?xml version=\"1.0\"?><html xmlns=\"x\">").format, Format::kHtml);
  EXPECT_EQ(sniff_format("1. The Committee <html> is text").format, Format::kText);
  EXPECT_EQ(sniff_format("").format, Format::kText);
}

TEST(Extract, AnUnsupportedFormatIsOneLineNamingIt) {
  ExtractedDocument document;
  std::string error;
  EXPECT_FALSE(extract_document("{\\rtf1 x}", ExtractOptions{}, &document, &error));
  EXPECT_EQ(error,
            "unsupported format (RTF); this version reads PDF, DOCX, Word 97-2003 (.doc), HTML "
            "and text");
}

TEST(FileWalker, WalksFoldersSortedSkippingHiddenUnsupportedAndManifest) {
  TempDir dir;
  dir.write("docs/b.txt", "b");
  dir.write("docs/a.txt", "a");
  dir.write("docs/sub/c.txt", "c");
  dir.write("docs/.hidden/d.txt", "d");
  dir.write("docs/.e.txt", "e");
  dir.write("docs/report.pdf", "%PDF");
  dir.write("docs/notes.rtf", "{\\rtf1}");
  dir.write("docs/manifest.xml", "<x/>");
  // report.pdf is both in the folder and named: it is one file, and it counts as named.
  const WalkResult walked = walk_paths({dir / "docs", dir / "docs/report.pdf", dir / "nope"});
  std::vector<std::string> names;
  for (const auto& f : walked.files)
    names.push_back(f.absolute.filename().string() + (f.error.empty() ? "" : "!"));
  EXPECT_EQ(names, (std::vector<std::string>{"a.txt", "b.txt", "report.pdf", "c.txt", "nope!"}));
  ASSERT_EQ(walked.folders.size(), 1u);
  ASSERT_EQ(walked.manifests.size(), 1u);
  EXPECT_EQ(walked.manifests[0].filename(), "manifest.xml");
  EXPECT_EQ(walked.files[0].display, dir / "docs" + "/a.txt");
  EXPECT_TRUE(walked.files[2].named);
  EXPECT_FALSE(walked.files[3].named);
}

}  // namespace
}  // namespace treatysearch::ingest
