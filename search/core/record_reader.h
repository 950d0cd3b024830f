// Reading the stored passage records of an index, compressed or not (record_compression.h).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "passage_record.h"
#include "record_compression.h"

namespace treatysearch::core {

// The most bytes a raw record may have: the indexer refuses larger ones
// (document_builder.h: PassageLimits::kMaxRecordBytes), so a frame promising more is damaged.
inline constexpr std::size_t kMaxRecordBytes = 1u << 20;

// Finds each compressed record's dictionary in the metadata of `shards` (any of them: an id
// names one dictionary wherever it is) and remembers it. Not thread-safe: one per index handle.
// The shards must outlive it.
class RecordReader {
 public:
  explicit RecordReader(const std::vector<Xapian::Database>& shards) : shards_(shards) {}

  // Decodes a stored record; false if it cannot be read (damaged, or its dictionary missing).
  // Throws Xapian errors (reading a dictionary).
  bool decode(const std::string& stored, PassageRecord* record);

 private:
  const RecordDictionary* dictionary(std::uint32_t id);

  const std::vector<Xapian::Database>& shards_;
  std::map<std::uint32_t, std::shared_ptr<const RecordDictionary>> dictionaries_;
  std::string raw_;  // reused
};

}  // namespace treatysearch::core
