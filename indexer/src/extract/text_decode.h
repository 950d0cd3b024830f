// Text files' bytes to UTF-8: byte-order marks, UTF-16 and UTF-32 without a mark, UTF-8, and
// legacy code pages found by ICU's charset detection. Internal to the indexer.
//
// The order of the questions, and why:
//  1. A byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) says what the file is.
//  2. NUL bytes: the ASCII characters of UTF-16 and UTF-32 text hold them, binary files too; the
//     pattern of NULs tells them apart (looks_like_utf16/32 in text_decode.cc), else binary.
//  3. Well-formed UTF-8 is UTF-8 (ASCII included): legacy text almost never is.
//  4. UTF-8 with a few malformed bytes (a file edited with a legacy editor, a truncated copy) is
//     still UTF-8 when its well-formed multi-byte sequences outnumber the malformed ones
//     kUtf8MajorityRatio to 1: legacy single-byte text essentially never forms multi-byte
//     sequences, so one such file is not read as windows-1252 mojibake. Each malformed sequence
//     becomes U+FFFD and is counted.
//  5. Otherwise ICU's detector (ucsdet) names candidates; the best one at or above
//     kMinDetectionConfidence decides. It is read when it is a code page of a UN language or a
//     European code page (kReadableLegacy) and no more than kMaxLegacyReplacedPerMille of its
//     bytes are not characters of it; any other (Shift_JIS, EUC-KR, ISO-2022-JP, EBCDIC) fails
//     naming it, rather than falling to a weaker candidate that would read it as nonsense.
#pragma once

#include <cstddef>
#include <string>

namespace treatysearch::ingest {

// Step 4: well-formed multi-byte sequences per malformed sequence for text to stay UTF-8.
inline constexpr std::size_t kUtf8MajorityRatio = 10;
// Step 5: ICU's confidence (0-100) below which a detected code page is not believed.
inline constexpr int kMinDetectionConfidence = 20;
// Step 5: a detected code page is not believed when more than this many bytes per thousand are
// not characters of it (real files hold a stray one; random bytes hold dozens).
inline constexpr std::size_t kMaxLegacyReplacedPerMille = 5;
// Bytes given to the detector: enough for its statistics, bounded time on any file.
inline constexpr std::size_t kDetectionSampleBytes = 64 * 1024;

struct DecodedText {
  std::string text;      // UTF-8, line ends LF (CRLF and lone CR converted)
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-32BE", "windows-1251", "ISO-8859-7", ...
  bool byte_order_mark = false;
  // Malformed or unmappable sequences replaced by U+FFFD.
  std::size_t replaced = 0;
};

// Decodes a text file's bytes. Fails (false, *error one line) on an empty or blank file, a binary
// file ("binary file (NUL byte at byte 7)"), bytes in no encoding read ("not UTF-8; it looks like
// Shift_JIS, which is not read (save the file as UTF-8)"), or decoded text longer than
// `max_text_bytes` (checked while decoding, so memory stays bounded).
bool decode_text(std::string bytes, std::size_t max_text_bytes, DecodedText* decoded,
                 std::string* error);

}  // namespace treatysearch::ingest
