#include "extract.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>

#include "text.h"

namespace treatysearch::ingest {

namespace {

std::string lowercase_extension(const std::filesystem::path& path) {
  return core::ascii_lowercase(path.extension().string());
}

struct ExtensionFormat {
  std::string_view extension;
  Format format;
  std::string_view name;
};

constexpr std::array<ExtensionFormat, 11> kExtensions = {{
    {".txt", Format::kText, "text"},
    {".text", Format::kText, "text"},
    {".pdf", Format::kPdf, "PDF"},
    {".docx", Format::kDocx, "DOCX"},
    {".doc", Format::kWord97, "Word 97-2003"},
    {".html", Format::kHtml, "HTML"},
    {".htm", Format::kHtml, "HTML"},
    {".xhtml", Format::kHtml, "HTML"},
    {".rtf", Format::kUnsupported, "RTF"},
    {".odt", Format::kUnsupported, "OpenDocument"},
    {".xml", Format::kUnsupported, "XML"},
}};

// Wide Unicode encodings, recognised so that the message says what the file is rather than
// "binary" (their ASCII characters hold NUL bytes) or "not valid UTF-8". Only the first
// kSniffBytes are looked at.
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

// No 2-byte unit of the sample is a control, and more units are Latin-1 characters (a NUL high
// byte: the spaces, digits and Latin letters of any text) than end in a NUL low byte.
bool looks_like_utf16(std::string_view bytes, bool big) {
  if (bytes.size() < 2 * kMinWideUnits || bytes.size() % 2 != 0) return false;
  const std::size_t sample = std::min(bytes.size(), kSniffBytes);
  std::size_t latin1 = 0, low_nul = 0;
  for (std::size_t i = 0; i + 2 <= sample; i += 2) {
    const std::uint32_t unit = code_unit(bytes, i, 2, big);
    if (is_binary_control(unit)) return false;
    if (unit < 0x100) ++latin1;
    if ((unit & 0xFF) == 0) ++low_nul;
  }
  return latin1 > low_nul;
}

// Why `bytes` is a wide Unicode encoding we do not read, or empty.
std::string wide_encoding_error(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4)) ||
      bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4)))
    return "UTF-32 text is not supported; save it as UTF-8";
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    return "UTF-16 text is not supported yet; save it as UTF-8";
  if (bytes.find('\0') == std::string_view::npos) return {};
  if (looks_like_utf32(bytes, false) || looks_like_utf32(bytes, true))
    return "UTF-32 text (without a byte-order mark) is not supported; save it as UTF-8";
  if (looks_like_utf16(bytes, false) || looks_like_utf16(bytes, true))
    return "UTF-16 text (without a byte-order mark) is not supported yet; save it as UTF-8";
  return {};
}

}  // namespace

FormatInfo format_for_path(const std::filesystem::path& path) {
  const std::string ext = lowercase_extension(path);
  for (const auto& entry : kExtensions)
    if (entry.extension == ext) return {entry.format, std::string(entry.name)};
  return {Format::kUnsupported, ext.empty() ? std::string("unknown") : ext};
}

namespace {

// Closes a file descriptor when it goes out of scope.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Opens `path` for reading as read_file_limited and can_read do; -1 with *error set on failure.
// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
int open_for_reading(const std::filesystem::path& path, bool through_links, std::string* error) {
  const int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (through_links ? 0 : O_NOFOLLOW);
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0)
    *error = errno == ELOOP && !through_links ? "is now a symbolic link, which is not followed"
                                              : std::string(std::strerror(errno));
  return fd;
}

std::string over_limit(std::uint64_t max_bytes) {
  return "file is larger than the limit of " + std::to_string(max_bytes) + " bytes";
}

}  // namespace

bool can_read(const std::filesystem::path& path, std::string* error, bool through_links) {
  return FileDescriptor{open_for_reading(path, through_links, error)}.fd >= 0;
}

std::optional<std::string> read_file_limited(const std::filesystem::path& path,
                                             std::uint64_t max_bytes, std::string* error,
                                             bool through_links) {
  const FileDescriptor file{open_for_reading(path, through_links, error)};
  if (file.fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) {
    *error = std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    *error = "not a regular file";
    return std::nullopt;
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_bytes) {
    *error = over_limit(max_bytes);
    return std::nullopt;
  }
  // The file may grow while it is read: read one byte past the limit at most, to tell.
  std::string bytes(static_cast<std::size_t>(size) + 1, '\0');
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    const ssize_t got = ::read(file.fd, bytes.data() + filled, bytes.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      *error = std::string("read error: ") + std::strerror(errno);
      return std::nullopt;
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
    if (filled == bytes.size() && filled <= max_bytes) {
      const std::uint64_t cap =
          max_bytes < std::numeric_limits<std::uint64_t>::max() ? max_bytes + 1 : max_bytes;
      bytes.resize(static_cast<std::size_t>(std::min<std::uint64_t>(cap, bytes.size() * 2)));
    }
  }
  if (filled > max_bytes) {
    *error = over_limit(max_bytes);
    return std::nullopt;
  }
  bytes.resize(filled);
  return bytes;
}

std::optional<std::string> text_from_bytes(std::string bytes, std::string* error) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  if (std::string wide = wide_encoding_error(bytes); !wide.empty()) {
    *error = std::move(wide);
    return std::nullopt;
  }
  const auto nul = bytes.find('\0');
  if (nul != std::string::npos) {
    *error = "binary file (NUL byte at byte " + std::to_string(nul) + ")";
    return std::nullopt;
  }
  std::size_t bad = 0;
  if (!core::is_valid_utf8(bytes, &bad)) {
    *error = "not valid UTF-8 at byte " + std::to_string(bad) + " (save the file as UTF-8)";
    return std::nullopt;
  }
  // CRLF and lone CR become LF.
  std::string text;
  text.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      text.push_back('\n');
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      text.push_back(bytes[i]);
    }
  }
  const bool blank = std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\v';
  });
  if (blank) {
    *error = text.empty() ? "file is empty" : "file has no text";
    return std::nullopt;
  }
  return text;
}

}  // namespace treatysearch::ingest
