// libzip over a memory buffer; every limit is checked on the inflated bytes as they arrive.
#include "zip_reader.h"

#include <zip.h>

#include <array>

#include "text.h"

namespace treatysearch::ingest {

struct ZipReader::Handle {
  zip_t* archive = nullptr;
  ~Handle() {
    if (archive != nullptr) zip_discard(archive);
  }
};

namespace {

constexpr std::size_t kChunkBytes = 64u << 10;

// Shown in messages: an entry name can hold anything, so it is cut and its control bytes
// replaced.
std::string printable_name(std::string_view name) {
  std::string out;
  for (const char c : name.substr(0, 120)) {
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? '?' : c;
  }
  if (name.size() > 120) out += "...";
  return out;
}

// Absolute names ("/etc/x", "C:x", "\\server\x") and names with a ".." segment would point
// outside the archive if anything ever used them as paths.
bool is_escaping_name(std::string_view name) {
  if (name.empty()) return false;
  if (name.front() == '/' || name.front() == '\\') return true;
  if (name.size() >= 2 && name[1] == ':' && core::is_ascii_alpha(name[0])) return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

ZipReader::ZipReader(std::unique_ptr<Handle> handle, const ExtractLimits& limits)
    : handle_(std::move(handle)), limits_(limits) {}

ZipReader::~ZipReader() = default;

std::unique_ptr<ZipReader> ZipReader::open(std::string_view bytes, const ExtractLimits& limits,
                                           std::string* error) {
  zip_error_t zip_error;
  zip_error_init(&zip_error);
  // The buffer is not copied and not freed by libzip (freep 0): `bytes` outlives the reader.
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zip_error);
  if (source == nullptr) {
    *error = std::string("cannot read the zip archive: ") + zip_error_strerror(&zip_error);
    zip_error_fini(&zip_error);
    return nullptr;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zip_error);
  if (archive == nullptr) {
    *error = std::string("not a readable zip archive (truncated or damaged): ") +
             zip_error_strerror(&zip_error);
    zip_source_free(source);
    zip_error_fini(&zip_error);
    return nullptr;
  }
  zip_error_fini(&zip_error);
  auto handle = std::make_unique<Handle>();
  handle->archive = archive;

  const zip_int64_t count = zip_get_num_entries(archive, 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_zip_entries) {
    *error = "zip archive has " + std::to_string(count) + " entries, over the limit of " +
             std::to_string(limits.max_zip_entries);
    return nullptr;
  }
  std::unique_ptr<ZipReader> reader(new ZipReader(std::move(handle), limits));
  reader->names_.reserve(static_cast<std::size_t>(count));
  for (zip_int64_t i = 0; i < count; ++i) {
    // Raw bytes: names are compared, never decoded or used as paths.
    const char* name = zip_get_name(archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    reader->names_.emplace_back(name == nullptr ? "" : name);
    if (is_escaping_name(reader->names_.back())) {
      *error = "zip entry name '" + printable_name(reader->names_.back()) +
               "' points outside the archive";
      return nullptr;
    }
  }
  return reader;
}

std::optional<std::uint64_t> ZipReader::find(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return i;
  }
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (core::equals_ascii_ci(names_[i], name)) return i;
  }
  return std::nullopt;
}

bool ZipReader::contains(std::string_view name) const { return find(name).has_value(); }

std::optional<std::string> ZipReader::read(std::string_view name, std::string* error) {
  error->clear();
  const std::optional<std::uint64_t> index = find(name);
  if (!index) return std::nullopt;
  const std::string shown = printable_name(name);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(handle_->archive, *index, ZIP_FL_ENC_RAW, &stat) != 0 ||
      (stat.valid & ZIP_STAT_SIZE) == 0 || (stat.valid & ZIP_STAT_COMP_SIZE) == 0) {
    *error = "zip entry " + shown + " is damaged: no sizes in its header";
    return std::nullopt;
  }
  zip_file_t* file = zip_fopen_index(handle_->archive, *index, 0);
  if (file == nullptr) {
    *error = "zip entry " + shown +
             " cannot be opened: " + zip_error_strerror(zip_get_error(handle_->archive));
    return std::nullopt;
  }
  // The ratio is checked against the compressed size the header gives; a header that lies
  // about it only weakens that one check, as the size limits count real bytes.
  const double ratio_limit = limits_.max_zip_ratio * static_cast<double>(stat.comp_size);
  std::string data;
  std::array<char, kChunkBytes> chunk;
  std::string failure;
  for (;;) {
    const zip_int64_t got = zip_fread(file, chunk.data(), chunk.size());
    if (got < 0) {
      failure =
          "zip entry " + shown + " is damaged: " + zip_error_strerror(zip_file_get_error(file));
      break;
    }
    if (got == 0) break;
    data.append(chunk.data(), static_cast<std::size_t>(got));
    total_inflated_ += static_cast<std::uint64_t>(got);
    const std::uint64_t size = data.size();
    if (size > limits_.max_zip_entry_bytes) {
      failure = "zip entry " + shown + " inflates beyond the limit of " +
                std::to_string(limits_.max_zip_entry_bytes) + " bytes";
      break;
    }
    if (total_inflated_ > limits_.max_zip_total_bytes) {
      failure = "zip entries inflate beyond the limit of " +
                std::to_string(limits_.max_zip_total_bytes) + " bytes in total";
      break;
    }
    if (size > limits_.zip_ratio_floor_bytes && static_cast<double>(size) > ratio_limit) {
      failure = "zip entry " + shown + " inflates more than " +
                std::to_string(static_cast<long long>(limits_.max_zip_ratio)) +
                " times its compressed size (a zip bomb?)";
      break;
    }
    if (size > stat.size) {
      failure = "zip entry " + shown + " inflates to more than the " + std::to_string(stat.size) +
                " bytes its header says";
      break;
    }
  }
  zip_fclose(file);
  if (failure.empty() && data.size() != stat.size) {
    failure = "zip entry " + shown + " inflates to " + std::to_string(data.size()) +
              " bytes, not the " + std::to_string(stat.size) + " its header says";
  }
  if (!failure.empty()) {
    *error = std::move(failure);
    return std::nullopt;
  }
  return data;
}

}  // namespace treatysearch::ingest
