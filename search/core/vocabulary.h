// The index's vocabulary of word forms: under a key (a folded surface, or Z<stem>), the word
// terms indexed for it (schema.h: "Vocabulary").
//
// Kept as metadata keys "V<key>\0<term>" of each shard, not in Xapian's synonym table, because
// Xapian 1.4's remote backend does not serve the synonym table (over xapian-tcpsrv its synonym
// iterators come back empty) while it serves metadata keys, a prefix's keys in one round trip.
// One stored form therefore serves local and remote shards alike. The entry is all in the key
// (the value is a placeholder: Xapian deletes a key set to an empty value), so a key's terms, or
// every key under a prefix, are one walk of the metadata keys.
#pragma once

#include <xapian.h>

#include "metadata_keys.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace treatysearch::core {

class Vocabulary {
 public:
  static constexpr char kPrefix = 'V';
  static constexpr const char* kPresent = "1";  // every entry's value

  // The metadata key recording that `term` is indexed under `key`.
  static std::string entry_key(std::string_view key, std::string_view term);
  // Records that `term` is indexed under `key` in `db` (at its next commit). Throws what Xapian
  // throws.
  static void add(Xapian::WritableDatabase& db, std::string_view key, std::string_view term);

  // Reads the vocabulary of `shards`, which must outlive it (a shard handle is used by one
  // thread at a time: so is this). What it reads is remembered for its lifetime (one call's:
  // a remote shard answers each lookup in an exchange, and a query looks a key up more than
  // once).
  Vocabulary(const std::vector<Xapian::Database>& shards, Backend backend)
      : shards_(shards), backend_(backend) {}

  // Where the shards are read (a remote shard answers each lookup in an exchange).
  Backend backend() const { return backend_; }

  // The terms recorded under `key` in any shard, sorted, each once. Throws Xapian errors.
  std::vector<std::string> terms_of(std::string_view key) const;

  // The keys starting with `prefix` in any shard, sorted, each once, reading at most
  // `max_entries` entries of each shard (then *cut is set, if given). Throws Xapian errors.
  std::vector<std::string> keys_with_prefix(std::string_view prefix, std::size_t max_entries,
                                            bool* cut = nullptr) const;

 private:
  const std::vector<Xapian::Database>& shards_;
  const Backend backend_;
  mutable std::map<std::string, std::vector<std::string>, std::less<>> terms_read_;
};

}  // namespace treatysearch::core
