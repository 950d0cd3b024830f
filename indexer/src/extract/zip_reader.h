// A zip archive read from memory (libzip), for DOCX: entries are looked up by name and inflated
// under the zip limits of ExtractLimits (entry count, inflated size per entry and in total, and
// the inflate ratio above a floor), counted on the bytes actually inflated, never on what the
// archive's headers claim.
//
// Entry names are only ever compared as strings; nothing here touches the file system. An
// archive whose entry names are absolute or climb out of it ("../x") is refused as a whole: no
// genuine Office file has them, and a tool further down must never be handed one.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors.h"

namespace treatysearch::ingest {

class ZipReader {
 public:
  // Opens the archive in `bytes` (which must outlive the reader) and checks its entry count and
  // entry names. On failure returns nullptr with a one-line *error.
  static std::unique_ptr<ZipReader> open(std::string_view bytes, const ExtractLimits& limits,
                                         std::string* error);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  // Whether the archive holds an entry of this name (exactly, else ignoring ASCII case, as
  // Office part names are case-insensitive).
  bool contains(std::string_view name) const;

  // The inflated bytes of entry `name`, or nullopt: absent (*error left empty) or failing a
  // limit or damaged (*error set to one line naming the entry).
  std::optional<std::string> read(std::string_view name, std::string* error);

  // Inflated bytes read so far over all entries (for tests).
  std::uint64_t total_inflated() const { return total_inflated_; }

 private:
  struct Handle;
  ZipReader(std::unique_ptr<Handle> handle, const ExtractLimits& limits);
  std::optional<std::uint64_t> find(std::string_view name) const;

  std::unique_ptr<Handle> handle_;
  ExtractLimits limits_;
  std::vector<std::string> names_;  // by entry index
  std::uint64_t total_inflated_ = 0;
};

}  // namespace treatysearch::ingest
