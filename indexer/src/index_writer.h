// The single writer of an index: creation (crash-safe), schema checks, per-file replacement,
// file records for change detection, and commits bounded by memory.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <set>
#include <unordered_set>
#include <utility>
#include <string>
#include <vector>

#include "passage_record.h"
#include "treatysearch/types.h"

namespace treatysearch::ingest {

class IndexWriter {
 public:
  // Opens `dir` for writing, creating it if missing. A new index is built in a sibling
  // temporary folder and renamed into place after its first commit, so a crash during creation
  // never leaves a folder that cannot be opened. Throws Error: kLocked, kVersionMismatch,
  // kCorrupt, kIo.
  IndexWriter(const std::string& dir, std::uint64_t flush_bytes);
  ~IndexWriter();

  std::optional<core::FileRecord> file_record(const std::string& file_key);
  // Every indexed file: (file key, record).
  std::vector<std::pair<std::string, core::FileRecord>> file_records();

  // Replaces all passages of a file with `passages` (Q-term keyed), records its DocumentInfo
  // and FileRecord. `analysed_bytes` counts toward the flush threshold.
  void replace_file(const std::string& file_key, const core::FileRecord& record,
                    const DocumentInfo& info, std::vector<Xapian::Document>&& passages,
                    std::uint64_t analysed_bytes);
  // Adds (surface, E-term) spelling variants to the synonym table (each pair once per run).
  void add_variants(const std::set<std::pair<std::string, std::string>>& variants);

  // Records a file whose content did not change (new mtime).
  void update_record(const std::string& file_key, const core::FileRecord& record);
  void remove_file(const std::string& file_key);

  // Commits if the bytes analysed since the last commit reached the flush threshold.
  void maybe_commit();
  void commit();

  const std::string& dir() const { return dir_; }

 private:
  [[noreturn]] void fail(const Xapian::Error& e);
  void write_languages();

  std::string dir_;
  std::uint64_t flush_bytes_;
  std::uint64_t pending_bytes_ = 0;
  Xapian::WritableDatabase db_;
  std::set<std::string> languages_;
  std::unordered_set<std::string> variants_added_;  // "surface\0term" already in the table
  bool languages_changed_ = false;
};

}  // namespace treatysearch::ingest
