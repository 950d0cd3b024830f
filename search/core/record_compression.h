// Passage records compressed with a dictionary each shard trains from its first passages.
//
// Why: a record is a passage's text and citation, about 750 bytes; Xapian's glass compresses
// each record alone with zlib, which finds little to reuse in so little text (the records of the
// 200 MB benchmark corpus stayed at 58% of their size: 151 MB, a third of the index). zstd with
// a dictionary trained on the shard's own passages starts every record with the phrases
// treaty-body texts repeat ("the State party", "the Committee recommends"): 36% smaller than
// zlib on the real decisions and general comments of ../shared/corpus, 59% on the benchmark's.
//
// Layout: a compressed record is kCompressedRecordMarker, then a zstd frame naming its
// dictionary's id (ZDICT's, derived from the dictionary's content); the dictionary is the shard
// metadata entry dictionary_key(id), written in the commit that first uses it. A record that
// does not start with the marker is stored as it is (records start with their version byte,
// far below it): records written before the shard had a dictionary, and older indexes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::core {

inline constexpr char kCompressedRecordMarker = static_cast<char>(0xC5);
inline constexpr const char* kCurrentDictionaryKey = "treatysearch.dictionary";

// The metadata key holding the dictionary with this id.
std::string dictionary_key(std::uint32_t id);

// A trained dictionary, ready to compress and decompress. Immutable: safe to share between
// threads (each thread decompresses with a context of its own).
class RecordDictionary {
 public:
  // Bytes of dictionary trained from the samples: zstd's advice is about a hundredth of them.
  static constexpr std::size_t kCapacity = 112 * 1024;

  // Trains a dictionary of at most `capacity` bytes on `samples` (records as stored raw). Null
  // when zstd cannot (too few or too small samples).
  static std::shared_ptr<const RecordDictionary> train(const std::vector<std::string>& samples,
                                                       std::size_t capacity = kCapacity);
  // A dictionary from its stored bytes; null if they are not one.
  static std::shared_ptr<const RecordDictionary> from_bytes(std::string bytes);

  ~RecordDictionary();
  RecordDictionary(const RecordDictionary&) = delete;
  RecordDictionary& operator=(const RecordDictionary&) = delete;

  std::uint32_t id() const { return id_; }
  const std::string& bytes() const { return bytes_; }

  // `record` compressed (marker and frame). Throws std::runtime_error if zstd fails (it does
  // not on valid input: memory aside).
  std::string compress(std::string_view record) const;
  // The record a compressed one holds; false if it is not one made with this dictionary, or
  // its frame is damaged, or it would exceed `max_bytes`.
  bool decompress(std::string_view stored, std::string* record, std::size_t max_bytes) const;

 private:
  RecordDictionary() = default;
  struct Zstd;  // the compression and decompression dictionaries, digested once
  std::string bytes_;
  std::uint32_t id_ = 0;
  std::unique_ptr<Zstd> zstd_;
};

// True if `stored` is a compressed record; then *id names its dictionary (0 if the frame does
// not say: a damaged record).
bool is_compressed_record(std::string_view stored, std::uint32_t* id);

}  // namespace treatysearch::core
