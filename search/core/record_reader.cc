#include "record_reader.h"

namespace treatysearch::core {

const RecordDictionary* RecordReader::dictionary(std::uint32_t id) {
  if (const auto known = dictionaries_.find(id); known != dictionaries_.end())
    return known->second.get();
  std::shared_ptr<const RecordDictionary> found;
  for (const Xapian::Database& shard : shards_) {
    std::string bytes = shard.get_metadata(dictionary_key(id));
    if (bytes.empty()) continue;
    found = RecordDictionary::from_bytes(std::move(bytes));
    if (found && found->id() != id) found = nullptr;  // stored under another's key: damaged
    break;
  }
  return dictionaries_.emplace(id, std::move(found)).first->second.get();
}

bool RecordReader::decode(const std::string& stored, PassageRecord* record) {
  std::uint32_t id = 0;
  if (!is_compressed_record(stored, &id)) return decode_passage(stored, record);
  const RecordDictionary* used = id == 0 ? nullptr : dictionary(id);
  return used && used->decompress(stored, &raw_, kMaxRecordBytes) && decode_passage(raw_, record);
}

}  // namespace treatysearch::core
