#include "text_decode.h"

#include "extractors.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

#include "text.h"

namespace treatysearch::ingest {

namespace {

// ---------------------------------------------------------------------------------------------
// Wide Unicode encodings without a byte-order mark

// Only the first kSniffBytes are looked at.
constexpr std::size_t kSniffBytes = 64 * 1024;
// Fewer code units than this are too few to tell text from binary: "ab\0c" stays binary.
constexpr std::size_t kMinWideUnits = 4;

// NUL and the C0 controls that text does not hold (text holds tab, line ends, form feed).
bool is_binary_control(std::uint32_t unit) {
  return unit < 0x20 && unit != '\t' && unit != '\n' && unit != '\r' && unit != '\f' &&
         unit != '\v';
}

std::uint32_t code_unit(std::string_view bytes, std::size_t at, std::size_t width, bool big) {
  std::uint32_t unit = 0;
  for (std::size_t k = 0; k < width; ++k) {
    const auto byte = static_cast<unsigned char>(bytes[at + (big ? k : width - 1 - k)]);
    unit = unit << 8 | byte;
  }
  return unit;
}

// Every 4-byte unit of the sample is a text code point (at most U+10FFFF, not a surrogate, not
// a control): random or binary bytes almost never are.
bool looks_like_utf32(std::string_view bytes, bool big) {
  if (bytes.size() < 4 * kMinWideUnits || bytes.size() % 4 != 0) return false;
  const std::size_t sample = std::min(bytes.size(), kSniffBytes);
  for (std::size_t i = 0; i + 4 <= sample; i += 4) {
    const std::uint32_t unit = code_unit(bytes, i, 4, big);
    if (is_binary_control(unit) || unit > 0x10FFFF || (unit >= 0xD800 && unit <= 0xDFFF))
      return false;
  }
  return true;
}

// No 2-byte unit of the sample is a control, more units are Latin-1 characters (a NUL high
// byte: the spaces, digits and Latin letters of any text) than end in a NUL low byte, and the
// text reads as one script: at least a quarter of the units are Latin-1 (Latin-script text), or
// every other unit lies in one 256-code-point block (Cyrillic U+04xx, Arabic U+06xx, ...).
// Without the last rule, a text file with a stray NUL at an odd offset read as a string of
// unrelated CJK characters (its byte pairs taken as units).
bool looks_like_utf16(std::string_view bytes, bool big) {
  if (bytes.size() < 2 * kMinWideUnits || bytes.size() % 2 != 0) return false;
  const std::size_t sample = std::min(bytes.size(), kSniffBytes);
  std::size_t units = 0, latin1 = 0, low_nul = 0;
  std::uint32_t block = 0;
  bool one_block = true;
  for (std::size_t i = 0; i + 2 <= sample; i += 2) {
    const std::uint32_t unit = code_unit(bytes, i, 2, big);
    if (is_binary_control(unit)) return false;
    ++units;
    if ((unit & 0xFF) == 0) ++low_nul;
    if (unit < 0x100) {
      ++latin1;
      continue;
    }
    if (block == 0) block = unit >> 8;
    one_block = one_block && unit >> 8 == block;
  }
  return latin1 > low_nul && (4 * latin1 >= units || one_block);
}

struct ByteOrderMark {
  std::string_view bytes;
  const char* encoding;
};

// UTF-32LE before UTF-16LE: its mark begins with UTF-16LE's.
constexpr std::array<ByteOrderMark, 5> kByteOrderMarks = {{
    {std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE"},
    {std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE"},
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
}};

// The wide encoding of BOM-less bytes holding NULs, or nullptr.
const char* sniff_wide_encoding(std::string_view bytes) {
  if (looks_like_utf32(bytes, false)) return "UTF-32LE";
  if (looks_like_utf32(bytes, true)) return "UTF-32BE";
  if (looks_like_utf16(bytes, false)) return "UTF-16LE";
  if (looks_like_utf16(bytes, true)) return "UTF-16BE";
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Output: UTF-8 with LF line ends, under the size limit

class Utf8Output {
 public:
  Utf8Output(std::string* out, std::size_t max_bytes) : out_(*out), max_bytes_(max_bytes) {}

  // Appends UTF-8 bytes, turning CRLF and lone CR into LF; false once over the limit.
  bool append(std::string_view utf8) {
    for (const char c : utf8) {
      if (c == '\r') {
        out_.push_back('\n');
        after_cr_ = true;
        continue;
      }
      if (!(c == '\n' && after_cr_)) out_.push_back(c);
      after_cr_ = false;
    }
    return out_.size() <= max_bytes_;
  }

  bool append(char32_t cp) {
    if (cp == U'\r' || cp == U'\n') {
      const char c = static_cast<char>(cp);
      return append(std::string_view(&c, 1));
    }
    if (cp == 0 && first_nul_ == std::string::npos) first_nul_ = out_.size();
    core::append_utf8(cp, &out_);
    after_cr_ = false;
    return out_.size() <= max_bytes_;
  }

  // Where a NUL character was written (std::string::npos when none).
  std::size_t first_nul() const { return first_nul_; }

 private:
  std::string& out_;
  const std::size_t max_bytes_;
  bool after_cr_ = false;
  std::size_t first_nul_ = std::string::npos;
};

// UTF-8 with each malformed sequence replaced by U+FFFD.
bool copy_utf8(std::string_view bytes, Utf8Output& output, std::size_t* replaced) {
  std::size_t run_begin = 0;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const auto byte = static_cast<unsigned char>(bytes[pos]);
    if (byte < 0x80) {
      ++pos;
      continue;
    }
    const core::DecodedCodePoint decoded = core::decode_at(bytes, pos);
    if (decoded.value == core::kInvalidCodePoint) {
      if (!output.append(bytes.substr(run_begin, pos - run_begin))) return false;
      if (!output.append(core::kReplacementChar)) return false;
      ++*replaced;
      run_begin = pos + decoded.length;
    }
    pos += decoded.length;
  }
  return output.append(bytes.substr(run_begin));
}

// ---------------------------------------------------------------------------------------------
// ICU converters

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// Writes U+FFFD for every malformed or unmappable sequence and counts it.
void count_and_substitute(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                          UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;
  ++*static_cast<std::size_t*>(const_cast<void*>(context));
  static const UChar kReplacement = 0xFFFD;
  *status = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, status);
}

enum class Conversion { kDone, kOverLimit, kNoConverter };

Conversion convert_with_icu(std::string_view bytes, const char* encoding, Utf8Output& output,
                            std::size_t* replaced) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(encoding, &status));
  if (U_FAILURE(status)) return Conversion::kNoConverter;
  ucnv_setToUCallBack(converter.get(), count_and_substitute, replaced, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return Conversion::kNoConverter;

  std::array<UChar, 16 * 1024> buffer{};
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  UChar pending_lead = 0;  // a lead surrogate whose trail comes in the next chunk
  for (;;) {
    UChar* target = buffer.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, buffer.data() + buffer.size(), &source, source_end,
                   nullptr, /*flush=*/true, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) return Conversion::kNoConverter;
    const std::size_t count = static_cast<std::size_t>(target - buffer.data());
    for (std::size_t i = 0; i < count; ++i) {
      const UChar unit = buffer[i];
      char32_t cp = unit;
      if (pending_lead != 0) {
        const UChar lead = pending_lead;
        pending_lead = 0;
        if (U16_IS_TRAIL(unit)) {
          cp = U16_GET_SUPPLEMENTARY(lead, unit);
        } else if (!output.append(core::kReplacementChar)) {
          return Conversion::kOverLimit;
        }
      }
      if (cp == unit && U16_IS_LEAD(unit)) {
        pending_lead = unit;
        continue;
      }
      if (!output.append(cp)) return Conversion::kOverLimit;
    }
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
  }
  // ICU's converters never end on a lone lead surrogate; kept for safety.
  if (pending_lead != 0 && !output.append(core::kReplacementChar)) return Conversion::kOverLimit;
  return Conversion::kDone;
}

// ---------------------------------------------------------------------------------------------
// Legacy code pages

struct ReadableLegacy {
  std::string_view detected;  // ICU's name for the detector's match
  const char* read_as;        // the converter used, also the name reported
};

// The code pages a text file of the six UN languages, or a European one, comes in. ICU reports
// ISO-8859-1 and -9 for text without bytes 0x80-0x9F; Windows' supersets read the same text
// and also what those bytes hold in real files (curly quotes, dashes), so they are read as
// windows-1252 and -1254.
constexpr std::array<ReadableLegacy, 17> kReadableLegacy = {{
    {"windows-1250", "windows-1250"},
    {"windows-1251", "windows-1251"},
    {"windows-1252", "windows-1252"},
    {"windows-1253", "windows-1253"},
    {"windows-1254", "windows-1254"},
    {"windows-1255", "windows-1255"},
    {"windows-1256", "windows-1256"},
    {"ISO-8859-1", "windows-1252"},
    {"ISO-8859-2", "ISO-8859-2"},
    {"ISO-8859-5", "ISO-8859-5"},
    {"ISO-8859-6", "ISO-8859-6"},
    {"ISO-8859-7", "ISO-8859-7"},
    {"ISO-8859-8-I", "ISO-8859-8"},
    {"ISO-8859-9", "windows-1254"},
    {"KOI8-R", "KOI8-R"},
    {"GB18030", "GB18030"},
    {"Big5", "Big5"},
}};

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

struct Detection {
  std::string name;  // empty when no candidate reached kMinDetectionConfidence
  int confidence = 0;
};

// The best candidate of ICU's detector for `sample`.
Detection detect_charset(std::string_view sample) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return {};
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {};
  Detection detection;
  detection.confidence = ucsdet_getConfidence(match, &status);
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr || detection.confidence < kMinDetectionConfidence)
    return {};
  detection.name = name;
  return detection;
}

// Well-formed multi-byte sequences and malformed sequences of UTF-8.
struct Utf8Census {
  std::size_t multibyte = 0;
  std::size_t malformed = 0;
  std::size_t first_malformed = std::string::npos;
};

Utf8Census utf8_census(std::string_view bytes) {
  Utf8Census census;
  for (std::size_t pos = 0; pos < bytes.size();) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const core::DecodedCodePoint decoded = core::decode_at(bytes, pos);
    if (decoded.value == core::kInvalidCodePoint) {
      if (census.malformed++ == 0) census.first_malformed = pos;
    } else {
      ++census.multibyte;
    }
    pos += decoded.length;
  }
  return census;
}

// The detector's sample: the start of the file, or, when that is plain ASCII, the window
// around the first byte that is not (an English file with one "é" far in).
std::string_view detection_sample(std::string_view bytes, std::size_t first_malformed) {
  std::string_view sample = bytes.substr(0, kDetectionSampleBytes);
  if (!core::is_ascii(sample)) return sample;
  const std::size_t begin =
      first_malformed > kDetectionSampleBytes / 2 ? first_malformed - kDetectionSampleBytes / 2 : 0;
  return bytes.substr(begin, kDetectionSampleBytes);
}

bool finish(Conversion conversion, const char* encoding, std::size_t max_bytes,
            const Utf8Output& output, DecodedText* decoded, std::string* error) {
  if (conversion == Conversion::kOverLimit) {
    *error = text_limit_error(max_bytes);
    return false;
  }
  if (conversion == Conversion::kNoConverter) {
    *error = std::string("cannot read ") + encoding + " text (no converter)";
    return false;
  }
  if (output.first_nul() != std::string::npos) {
    *error = std::string("binary file (NUL character in ") + encoding + " text at byte " +
             std::to_string(output.first_nul()) + " of the decoded text)";
    return false;
  }
  decoded->encoding = encoding;
  return true;
}

bool decode_unicode(std::string_view bytes, const char* encoding, std::size_t max_bytes,
                    DecodedText* decoded, std::string* error) {
  Utf8Output output(&decoded->text, max_bytes);
  const Conversion conversion =
      std::string_view(encoding) == "UTF-8"
          ? (copy_utf8(bytes, output, &decoded->replaced) ? Conversion::kDone
                                                          : Conversion::kOverLimit)
          : convert_with_icu(bytes, encoding, output, &decoded->replaced);
  return finish(conversion, encoding, max_bytes, output, decoded, error);
}

bool decode_without_mark(std::string bytes, std::size_t max_bytes, DecodedText* decoded,
                         std::string* error) {
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
    if (const char* wide = sniff_wide_encoding(bytes))
      return decode_unicode(bytes, wide, max_bytes, decoded, error);
    *error = "binary file (NUL byte at byte " + std::to_string(nul) + ")";
    return false;
  }
  const Utf8Census census = utf8_census(bytes);
  if (census.malformed == 0 && bytes.find('\r') == std::string::npos) {
    // The common case: the bytes are the text.
    if (bytes.size() > max_bytes) {
      *error = text_limit_error(max_bytes);
      return false;
    }
    decoded->text = std::move(bytes);
    decoded->encoding = "UTF-8";
    return true;
  }
  if (census.malformed == 0 ||
      (census.multibyte > 0 && census.multibyte >= kUtf8MajorityRatio * census.malformed))
    return decode_unicode(bytes, "UTF-8", max_bytes, decoded, error);

  const Detection detection = detect_charset(detection_sample(bytes, census.first_malformed));
  if (detection.name == "UTF-8") return decode_unicode(bytes, "UTF-8", max_bytes, decoded, error);
  for (const ReadableLegacy& legacy : kReadableLegacy) {
    if (legacy.detected != detection.name) continue;
    Utf8Output output(&decoded->text, max_bytes);
    const Conversion conversion =
        convert_with_icu(bytes, legacy.read_as, output, &decoded->replaced);
    if (!finish(conversion, legacy.read_as, max_bytes, output, decoded, error)) return false;
    // Text of a code page holds (almost) only its characters; bytes that are mostly not, even
    // when the detector's statistics chose that code page, are not text in it.
    if (decoded->replaced > kMaxLegacyReplacedPerMille * bytes.size() / 1000) {
      *error = "not UTF-8; it looks most like " + detection.name + " (confidence " +
               std::to_string(detection.confidence) + "), but " +
               std::to_string(decoded->replaced) + " of its byte sequences are not characters of " +
               legacy.read_as + " (save the file as UTF-8)";
      return false;
    }
    return true;
  }
  const std::string where = " (first non-UTF-8 byte at " + std::to_string(census.first_malformed) +
                            "; save the file as UTF-8)";
  if (detection.name.empty()) {
    *error = "not UTF-8, and no code page was recognised with confidence" + where;
  } else {
    *error = "not UTF-8; it looks like " + detection.name + " (confidence " +
             std::to_string(detection.confidence) + "), which is not read" + where;
  }
  return false;
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\v';
  });
}

}  // namespace

bool decode_text(std::string bytes, std::size_t max_text_bytes, DecodedText* decoded,
                 std::string* error) {
  *decoded = DecodedText{};
  bool ok = false;
  const ByteOrderMark* mark = nullptr;
  for (const ByteOrderMark& candidate : kByteOrderMarks) {
    if (bytes.starts_with(candidate.bytes)) {
      mark = &candidate;
      break;
    }
  }
  if (mark != nullptr) {
    decoded->byte_order_mark = true;
    ok = decode_unicode(std::string_view(bytes).substr(mark->bytes.size()), mark->encoding,
                        max_text_bytes, decoded, error);
  } else {
    ok = decode_without_mark(std::move(bytes), max_text_bytes, decoded, error);
  }
  if (!ok) return false;
  if (is_blank(decoded->text)) {
    *error = decoded->text.empty() ? "file is empty" : "file has no text";
    return false;
  }
  return true;
}

}  // namespace treatysearch::ingest
