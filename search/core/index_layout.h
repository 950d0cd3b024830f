// The folder layout of an index: N glass shards written in parallel and searched as one.
//
//   <index>/XAPIANDB     Xapian stub listing the shards ("auto shard0" ...): opening the folder
//                        as a Xapian::Database opens all shards as one database
//   <index>/shard<k>     a glass database; a file's passages and records live in shard
//                        shard_of(file key)
// Index-wide metadata (schema, analyzer, shard count, languages) is kept in shard0, which is
// what Xapian returns for metadata read through the stub.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "schema.h"

namespace treatysearch::core::layout {

inline constexpr const char* kStubFile = "XAPIANDB";
inline constexpr const char* kShardCountKey = "treatysearch.shards";
inline constexpr unsigned kMaxShards = 64;

inline std::string shard_dir(const std::string& index_dir, unsigned shard) {
  return index_dir + "/shard" + std::to_string(shard);
}

inline unsigned shard_of(std::string_view file_key, unsigned shards) {
  return shards <= 1 ? 0 : static_cast<unsigned>(schema::stable_hash(file_key) % shards);
}

// A database combining `shards` shards interleaves their documents, as Xapian does: shard k's
// document d is (d - 1) * shards + k + 1 there.
inline Xapian::docid combined_docid(std::size_t shard, Xapian::docid in_shard, std::size_t shards) {
  return static_cast<Xapian::docid>((in_shard - 1) * shards + shard + 1);
}
inline std::size_t shard_of_docid(Xapian::docid combined, std::size_t shards) {
  return (combined - 1) % shards;
}
inline Xapian::docid docid_in_shard(Xapian::docid combined, std::size_t shards) {
  return static_cast<Xapian::docid>((combined - 1) / shards + 1);
}

}  // namespace treatysearch::core::layout
