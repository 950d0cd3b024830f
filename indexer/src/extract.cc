#include "extract.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "utf8.h"

namespace treatysearch::ingest {

namespace {

std::string lowercase_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return ext;
}

struct ExtensionFormat {
  std::string_view extension;
  Format format;
  std::string_view name;
};

constexpr std::array<ExtensionFormat, 10> kExtensions = {{
    {".txt", Format::kText, "text"},
    {".text", Format::kText, "text"},
    {".pdf", Format::kUnsupported, "PDF"},
    {".docx", Format::kUnsupported, "DOCX"},
    {".doc", Format::kUnsupported, "Word 97-2003"},
    {".html", Format::kUnsupported, "HTML"},
    {".htm", Format::kUnsupported, "HTML"},
    {".rtf", Format::kUnsupported, "RTF"},
    {".odt", Format::kUnsupported, "OpenDocument"},
    {".xml", Format::kUnsupported, "XML"},
}};

}  // namespace

FormatInfo format_for_path(const std::filesystem::path& path) {
  const std::string ext = lowercase_extension(path);
  for (const auto& entry : kExtensions)
    if (entry.extension == ext) return {entry.format, entry.name};
  return {Format::kUnsupported, ext.empty() ? std::string_view("unknown") : std::string_view(ext)};
}

std::optional<std::string> read_file_limited(const std::filesystem::path& path,
                                             std::uint64_t max_bytes, std::string* error) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    *error = ec.message();
    return std::nullopt;
  }
  if (size > max_bytes) {
    *error = "file is larger than the limit of " + std::to_string(max_bytes) + " bytes";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::strerror(errno);
    return std::nullopt;
  }
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(size));
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    *error = "read error";
    return std::nullopt;
  }
  // The file may have grown since stat(); never take more than the limit.
  if (in.peek() != std::char_traits<char>::eof() && bytes.size() >= max_bytes) {
    *error = "file is larger than the limit of " + std::to_string(max_bytes) + " bytes";
    return std::nullopt;
  }
  return bytes;
}

std::optional<std::string> text_from_bytes(std::string bytes, std::string* error) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    *error = "UTF-16 text is not supported yet; save it as UTF-8";
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
