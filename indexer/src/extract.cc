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

}  // namespace treatysearch::ingest
